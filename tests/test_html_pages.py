"""A web page saved as a document keeps its headings and every cell of its tables (ingest/formats.py,
ingest/html_tables.py); an FAQ's heading answers the question it asks (answer/shape/faq.py)."""

from __future__ import annotations

from pathlib import Path

from briefbot.ingest.formats import html_document
from briefbot.ingest.html_tables import rows_joined

from .test_briefing import bot_for

NOTICE = """<!DOCTYPE html><html><head><title>Product Recall: BrewMate Kettle</title></head><body>
<p class="alert">IMPORTANT SAFETY NOTICE</p>
<h1>Product Recall: BrewMate Kettle</h1>
<h2>What is the problem?</h2>
<p>Orrin Home Appliances Ltd is recalling certain batches of the BrewMate kettle, model OK-217, because the electrical
connector in the power base may overheat. We have received 6 reports of scorching of the power base.</p>
<h2>How do I find the batch code?</h2>
<p>Unplug the power base from the mains socket and lift the kettle off it. Turn the power base over. The batch code is
printed on the white rating label on the underside of the base.</p>
<h2>Can I keep using the kettle until the replacement arrives?</h2>
<p>No. Stop using the kettle straight away and unplug the power base.</p>
<h2>Contact the recall team</h2>
<table>
  <tr><th>Freephone</th><td>0800 046 1172</td></tr>
  <tr><th>Email</th><td>recall@orrinhome.example</td></tr>
  <tr><th>Opening hours</th><td>Monday to Friday 8am to 8pm</td></tr>
</table>
<p>Customers in the Republic of Ireland can call 1800 812 449 (freephone).</p>
</body></html>"""


def test_a_page_without_main_keeps_its_headings_and_row_headed_tables() -> None:
    lines = html_document("recall.html", NOTICE).text.splitlines()
    assert "## How do I find the batch code?" in lines and "## Contact the recall team" in lines
    assert "| Email | recall@orrinhome.example |" in lines  # (trafilatura alone dropped "Email" and the row's header)
    assert "| Freephone | 0800 046 1172 |" in lines and not any(line.startswith("|---") for line in lines)


def test_rows_of_two_tables_in_a_row_stay_two_tables() -> None:
    text = "BRIEFBOTHEAD0:| A | B |\n\nBRIEFBOTROW0:| 1 | 2 |\n\nBRIEFBOTROW1:| x | y |\n\nText after."
    assert rows_joined(text) == "| A | B |\n|---|---|\n| 1 | 2 |\n\n| x | y |\n\nText after."


def test_a_heading_that_asks_the_question_is_answered_by_what_is_under_it(tmp_path: Path, embedder) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "recall.html").write_text(NOTICE, encoding="utf-8")
    bot = bot_for(tmp_path, embedder)
    answer = bot.ask("Where can I find the batch code on my kettle?")
    assert answer.answered and answer.text.startswith("Unplug the power base from the mains socket")
    assert answer.citations[0].section.endswith("How do I find the batch code?")
    answer = bot.ask("Can I keep using my kettle while I wait for the replacement?")
    assert answer.answered and answer.short_answer == "No" and "Stop using the kettle" in answer.text


def test_a_heading_that_asks_less_than_the_question_does_not_answer_it(tmp_path: Path, embedder) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "it-faq.md").write_text(
        "# IT Support FAQ\n\n## How do I connect to the staff Wi-Fi?\n\nChoose the network called MV-Staff and sign in "
        "with your firm username. Your laptop will remember the network after the first time.\n\n"
        "## How do I reset my password?\n\nUse the self-service portal from any browser. You will need the code sent "
        "to your phone.\n", encoding="utf-8")
    bot = bot_for(tmp_path, embedder)
    answer = bot.ask("How do I get onto the staff Wi-Fi?")
    assert answer.answered and answer.text.startswith("Choose the network called MV-Staff")
    answer = bot.ask("What is the password for the staff Wi-Fi?")  # the heading asks how to connect, not the password
    assert not answer.text.startswith("Choose the network called MV-Staff")


def _programme_page() -> str:
    rows = "".join(f"<tr><td>{9 + k}:00</td><td>Main Hall</td><td>Talk number {k} on support work</td><td>Speaker {k}</td></tr>"
                   for k in range(8))
    cards = "".join(f'<article class="speaker"><h3>Speaker {k}</h3><p>Speaker {k} leads a support team of {10 + k} '
                    f"people at a software company and writes about on-call rotas. Before that they spent eight years as a support "
                    f"engineer and team lead in telecoms, running queues and writing runbooks. Their talk walks through "
                    f"what changed when the team moved from tiers to swarming, and what they would do again.</p></article>"
                    for k in range(4))
    return f"""<!DOCTYPE html><html><head><title>Programme - Support Day 2027</title></head><body>
<header><p>Support Day 2027</p></header><nav><ul><li><a href="#programme">Programme</a></li></ul></nav>
<main>
<section class="intro"><h1>Support Day 2027</h1><p>Now in its fourth year, Support Day brings together around 350
people who answer tickets, run on-call rotas and keep status pages honest.</p></section>
<section id="programme"><h2>Programme</h2><table><thead><tr><th>Time</th><th>Room</th><th>Session</th><th>Speaker</th>
</tr></thead><tbody>{rows}</tbody></table><p>Talks are 35 minutes including questions.</p></section>
<section id="speakers"><h2>Speakers</h2>{cards}</section>
<section id="venue"><h2>Venue</h2><p>Leeds station is an 8 minutes' walk away. Leave the station by the south entrance
and follow Water Lane west.</p></section>
<section id="tickets"><h2>Tickets</h2><table><tr><th>Ticket</th><th>Price</th></tr><tr><td>Standard</td><td>£189</td></tr>
<tr><td>Student</td><td>£45</td></tr></table></section>
<section id="access"><h2>Accessibility</h2><ul><li>The Main Hall has an induction hearing loop.</li></ul></section>
</main><footer><p>Copyright Support Day</p></footer></body></html>"""


def test_a_page_of_sections_and_cards_keeps_every_section() -> None:
    """trafilatura read this page (a <main> of sections, speaker <article> cards) as its programme table alone."""
    text = html_document("programme.html", _programme_page()).text
    assert "Leeds station is an 8 minutes' walk away." in text and "induction hearing loop" in text
    assert "| Ticket: Standard | Price: £189 |" in text and "| Time: 9:00 | Room: Main Hall |" in text
    assert "leads a support team of 12 people" in text and "Copyright" not in text and "Now in its fourth year" in text


RECIPE = """<!DOCTYPE html><html><head><title>Banana bread</title></head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies?</p></div>
<main><article><h1>Brown butter banana bread</h1>
<p class="byline">By Hattie Marlowe · Published 17 October 2026 · 14 comments</p>
<p>Browning the butter takes five extra minutes and gives the loaf a toffee, nutty flavour.</p>
<ul class="meta"><li><strong>Makes:</strong> 1 loaf (10 slices)</li><li><strong>Oven:</strong> 170°C / gas mark 3½</li></ul>
<div class="rating">Rated 4.8 out of 5 by 212 readers.</div>
<h2>Ingredients</h2><ul><li>115g unsalted butter</li><li>3 large very ripe bananas</li></ul>
<h2>Method</h2><ol><li>Heat the oven and grease the loaf tin.</li><li>Bake for 55 minutes.</li></ol>
</article></main><footer><p>Copyright Crumb and Copper</p></footer></body></html>"""


def test_a_class_drops_an_element_only_when_it_names_furniture() -> None:
    """trafilatura drops an element by its class ("meta", "rating"): a recipe's yield and oven temperature were lost."""
    text = html_document("recipe.html", RECIPE).text
    assert "**Makes:** 1 loaf (10 slices)" in text and "gas mark 3½" in text and "Rated 4.8 out of 5" in text
    assert "By Hattie Marlowe" in text
    assert "cookies" not in text and "Copyright" not in text  # a cookie banner and the footer are still left out


VACANCY = """<!DOCTYPE html><html><head><title>Vacancy: Volunteer Coordinator</title></head><body>
<main><h1>Community Volunteer Coordinator</h1>
<p>Wyecroft Rivers Trust is a small environmental charity working to bring the River Wye back to good health. We are
looking for an organised and practical person to recruit, train and look after our volunteers.</p>
<dl class="keyfacts">
  <dt>Salary</dt><dd>£31,500 to £34,200 FTE</dd>
  <dt>Closing date</dt><dd>9:00am on Monday 18 January 2027</dd>
  <dt>Interviews</dt><dd>Wednesday 27 or Thursday 28 January 2027</dd><dd>in person at Wyecroft House</dd>
</dl>
<h2>How to apply</h2>
<p>Download the application form and send it with a supporting statement. We aim to tell shortlisted candidates by
Thursday 21 January 2027.</p></main>
</body></html>"""


def test_a_definition_list_is_a_forms_fields() -> None:
    lines = html_document("vacancy.html", VACANCY).text.splitlines()
    assert "| Closing date: 9:00am on Monday 18 January 2027 |" in lines  # (each term and description was an item)
    assert "| Interviews: Wednesday 27 or Thursday 28 January 2027; in person at Wyecroft House |" in lines
    assert "- Salary" not in lines and not any(line.startswith("|---") for line in lines)


def test_a_definition_lists_field_is_answered(tmp_path: Path, embedder) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "vacancy.html").write_text(VACANCY, encoding="utf-8")
    answer = bot_for(tmp_path, embedder).ask("When's the deadline to apply for the coordinator role?")
    assert answer.answered and answer.text.startswith("Closing date: 9:00am on Monday 18 January 2027")
