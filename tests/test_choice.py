"""Choices between two named things ("Which film came out first, X or Y?"): the side the sentences say, both cited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefbot.answer.extract.chain import Place
from briefbot.answer.extract.choice import choose, options, same
from briefbot.answer.shape.polar import Evidence
from briefbot.api import Briefbot
from briefbot.faces.cli import app

FILES = {
    "blind_shaft.txt": "Blind Shaft\n\nBlind Shaft is a 2003 Chinese drama film directed by Li Yang. "
    "It follows two coal miners who murder co-workers for compensation money.",
    "fu_manchu.txt": "The Mask of Fu Manchu\n\nThe Mask of Fu Manchu is a 1932 pre-Code adventure film "
    "directed by Charles Brabin, starring Boris Karloff.",
    "li_yang.txt": "Li Yang\n\nLi Yang (born 1959 in Xi'an) is a Chinese screenwriter and producer who studied in "
    "Germany and worked in television before turning to cinema.",
    "brabin.txt": "Charles Brabin\n\nCharles Brabin (April 17, 1882 - November 3, 1957) was an English film director "
    "who moved to the United States and married the actress Theda Bara.",
    "dufour.txt": "Amanda Ruter Dufour\n\nAmanda Ruter Dufour (February 26, 1822 - May 29, 1899) was an American poet "
    "from Indiana.",
    "thurston.txt": "Laura Thurston\n\nLaura Thurston (December 20, 1812 - July 21, 1842) was an American poet and "
    "teacher who wrote under the pen name Viola.",
    # Another man's page: "He died in 1876" is not about Daniel Agnew, who is only named in passing.
    "election.txt": "John Hale\n\nJohn Hale was a judge in Pennsylvania. His bid for reelection in 1863 was unsuccessful; "
    "he lost his seat to Daniel Agnew by over 12,000 votes. He died in Meadville, Pennsylvania, in 1876.",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("choice")
    (root / "corpus").mkdir()
    for name, text in FILES.items():
        (root / "corpus" / name).write_text(text + "\n", encoding="utf-8")
    Briefbot(index=root / ".briefbot", corpus=[root / "corpus"], generator="extractive").ingest()
    return root


def bot(folder: Path) -> Briefbot:
    return Briefbot(index=folder / ".briefbot", corpus=[folder / "corpus"], generator="extractive")


def test_the_earlier_film_is_chosen_and_both_sentences_cited(folder: Path) -> None:
    a = bot(folder).ask("Which film came out first, Blind Shaft or The Mask of Fu Manchu?")
    assert a.answered and a.short_answer == "The Mask of Fu Manchu"
    assert {c.source.rsplit("/", 1)[-1] for c in a.citations} == {"blind_shaft.txt", "fu_manchu.txt"}
    assert a.text.index("1932") < a.text.index("2003")  # the chosen side's sentence first
    later = bot(folder).ask("Which film was released later, Blind Shaft or The Mask of Fu Manchu?")
    assert later.short_answer == "Blind Shaft"


def test_born_and_died_read_the_lifespan(folder: Path) -> None:
    b = bot(folder)
    assert b.ask("Who was born first, Amanda Ruter Dufour or Laura Thurston?").short_answer == "Laura Thurston"
    assert b.ask("Who died later, Laura Thurston or Amanda Ruter Dufour?").short_answer == "Amanda Ruter Dufour"


def test_a_directors_dates_are_read_on_the_directors_own_page(folder: Path) -> None:
    """The film's year is not the director's: "directed by Charles Brabin" leads to Brabin's page and his dates."""
    a = bot(folder).ask("Which film has the director who was born first, Blind Shaft or The Mask of Fu Manchu?")
    assert a.short_answer == "The Mask of Fu Manchu"
    cited = [c.source.rsplit("/", 1)[-1] for c in a.citations]
    assert set(cited) == {"fu_manchu.txt", "brabin.txt", "blind_shaft.txt", "li_yang.txt"}
    assert a.text.index("1882") < a.text.index("1959")  # the chosen side's film and director first
    younger = bot(folder).ask("Which film whose director is younger, Blind Shaft or The Mask of Fu Manchu?")
    assert younger.short_answer == "Blind Shaft"
    spouse = bot(folder).ask("Which film has the director whose wife was born first, Blind Shaft or The Mask of Fu Manchu?")
    assert spouse.short_answer not in {"Blind Shaft", "The Mask of Fu Manchu"}  # the wife's dates: not read


def test_same_country_answered_yes_with_both_pages_cited(folder: Path) -> None:
    a = bot(folder).ask("Were Amanda Ruter Dufour and Laura Thurston from the same country?")
    assert a.answered and a.short_answer == "Yes"
    assert {c.source.rsplit("/", 1)[-1] for c in a.citations} == {"dufour.txt", "thurston.txt"}


def test_a_name_met_on_another_mans_page_settles_nothing(folder: Path) -> None:
    # Without its own page, "He died in Meadville, Pennsylvania, in 1876" would have made Daniel Agnew die first.
    a = bot(folder).ask("Who died later, Daniel Agnew or Amanda Ruter Dufour?")
    assert a.short_answer not in {"Daniel Agnew", "Amanda Ruter Dufour"}


def test_cli_json_gives_the_choice_as_short_answer(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(app, ["ask", "Which film is Chinese, Blind Shaft or The Mask of Fu Manchu?", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["answered"] and data["short_answer"] == "Blind Shaft"
    assert len(data["citations"]) == 2


def ev(*texts: str) -> list[Evidence]:
    return [Evidence(t, i) for i, t in enumerate(texts)]


def places(*titles: str) -> list[Place]:
    return [Place(f"{t}\n\n", f"{t}.txt") for t in titles]


def test_what_settles_a_choice_and_what_does_not() -> None:
    films = ev("Blind Shaft is a 2003 Chinese drama film.", "The Mask of Fu Manchu is a 1932 adventure film.")
    where = places("Blind Shaft", "The Mask of Fu Manchu")
    assert options("Which film came out first, Blind Shaft or The Mask of Fu Manchu?") == (
        "Which film came out first", "Blind Shaft", "The Mask of Fu Manchu")
    assert choose("Which came out earlier, Blind Shaft or The Mask of Fu Manchu?", films, where) == ("The Mask of Fu Manchu", [1, 0])
    # A measure ("longer") is not read; the director's dates are a chain away; a side without a sentence; equal years.
    assert choose("Which film is longer, Blind Shaft or The Mask of Fu Manchu?", films, where) is None
    assert choose("Which film has the director who died first, Blind Shaft or The Mask of Fu Manchu?", films, where) is None
    assert choose("Which came out first, Blind Shaft or Hero?", films, where) is None
    same = ev("Hero is a 2002 wuxia film.", "Infernal Affairs is a 2002 crime film.")
    assert choose("Which came out first, Hero or Infernal Affairs?", same, places("Hero", "Infernal Affairs")) is None
    # Same year, both days given: the date decides.
    days = ev("Ada Kerr (born 3 March 1950) is a poet.", "Bo Lind (born 9 January 1950) is a painter.")
    assert choose("Who is older, Ada Kerr or Bo Lind?", days, places("Ada Kerr", "Bo Lind"))[0] == "Bo Lind"
    # "more recently" is later; a life's length and a height are read off the sentences (feet as metres).
    assert choose("Which film was released more recently, Blind Shaft or The Mask of Fu Manchu?", films, where)[0] == "Blind Shaft"
    lives = ev("Ada Kerr (3 March 1850 - 1 May 1901) was a poet.", "Bo Lind (9 January 1810 - 2 June 1850) was a painter.")
    assert choose("Who lived longer, Ada Kerr or Bo Lind?", lives, places("Ada Kerr", "Bo Lind"))[0] == "Ada Kerr"
    peaks = ev("Mount Ard rises to 7,816 m in the Garhwal.", "Ben Tor is 26,414 ft (8,051 m) high.")
    assert choose("Which mountain is higher, Mount Ard or Ben Tor?", peaks, places("Mount Ard", "Ben Tor")) == ("Ben Tor", [1, 0])
    assert choose("Which mountain has more glaciers, Mount Ard or Ben Tor?", peaks, places("Mount Ard", "Ben Tor")) is None
    # Not a comparison of dates: the side whose sentence says what is asked, when only one does.
    assert choose("Which film is Chinese, Blind Shaft or The Mask of Fu Manchu?", films, where) == ("Blind Shaft", [0, 1])
    assert choose("Which one is a film, Blind Shaft or The Mask of Fu Manchu?", films, where) is None  # both are
    # What is asked must be said of a side by a sentence naming it, not by any sentence of its article.
    news = ev("The dollar has hit its highest level in months.", "Rising household savings may help, he said.",
              "The euro was steady in Frankfurt.")
    news[1].passage, news[2].passage = 0, 1
    assert choose("Which currency rose, the dollar or the euro?", news, places("Dollar gains", "Euro markets")) is None


def test_same_nationality_is_read_from_each_defining_sentence() -> None:
    """"Are X and Y from the same country?" was declined (no sentence holds both); now each side's own page says."""
    people = ev("Paul Curtin (born 10 May 1954) is an Australian cricketer.", "He played five matches.",
                "Robert McFarlane (born 1942) is an Australian photographer.", "Ada Kerr (born 1950) is a Canadian poet.")
    people[1].passage, people[2].passage, people[3].passage = 0, 1, 2
    where = places("Paul Curtin", "Robert McFarlane (photographer)", "Ada Kerr")
    assert same("Are Paul Curtin and Robert Mcfarlane (Photographer) of the same nationality?", people, where) == ("Yes", [0, 2])
    assert same("Were Paul Curtin and Ada Kerr from the same country?", people, where) == ("No", [0, 3])
    # A place gives no nationality word ("a lake in central Saskatchewan"): nothing is settled.
    lakes = ev("Patience Lake is a lake in central Saskatchewan, Canada.", "Eastern Lake is a lake in Quebec.")
    assert same("Are both Patience Lake and Eastern Lake located in the same country?", lakes, places("Patience Lake", "Eastern Lake")) is None
    # A page may spell its subject otherwise: its sentences are still about it.
    spelled = ev("Alexander DeBrincat (born December 18, 1997) is an American ice hockey player.",
                 "Terry Jones (born February 1, 1970), known as Pikahsso, is an American rapper.")
    assert same("Were Pikahsso and Alex Debrincat from the same country?", spelled, places("Alex DeBrincat", "Pikahsso")) == ("Yes", [1, 0])
