"""Questions a reader asks of news articles (BBC, not SQuAD): right answers, short answers, and declining.

    python bench/news.py [--out news]      # under a minute: 40 BBC articles indexed, 56 + 29 + 26 + 34 questions

BBC News articles of ../shared/data/bbc-news-summary (technology, sport, business, politics, entertainment) are
written out as files (title, blank line, text) and indexed together as `briefbot ingest` would; the questions below
are asked through the Python API (offline answerer, default settings). Each answerable question has the phrases a
right answer holds (any one of them) and, where one phrase answers, the short answer expected; an unanswerable one
(phrases None) asks what its articles do not say, so declining is right. Beside the answerer: whether a phrase is in
the top 5 passages of BM25 alone, dense alone and the default retrieval.

FOUND_ON was written on 1 Dec in two rounds (21:08 from tech/101-107; 21:24 from sport/301-303 and business/301-304),
each before briefbot was run on its articles; rules of that session (question typing, day-month dates, times that are
no date, who after an asked role, durations; a name found elsewhere in the passage's document, tried and reverted)
were then developed looking at its failures, so it is a regression set, not a held-out measure. HELD_OUT was written
afterwards (21:52) from other articles, before briefbot was run on them; one rule (nationality adjectives) was made
from one of its misses after it was measured. HELD_OUT_2 was written after that (22:22) from six more articles, before
briefbot was run on them; nothing was changed after seeing its answers. HELD_OUT_3 was written on 1 Dec (23:45)
from six more articles before briefbot was run on them, to measure a decline rule for typed questions (when, how
many, how much) that it was about to try; 10 of its 34 questions are unanswerable. Nothing is fitted to any of them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA
from reports import found_in_top5, holds

from briefbot.api import Briefbot

ARTICLES = [f"tech/{n}" for n in range(101, 115)] + ["sport/301", "sport/302", "sport/303", "business/301", "business/302",
                                                    "business/303", "business/304"]
# (question, phrases a right answer holds or None when the articles do not say, the short answer expected or None)
FOUND_ON: list[tuple[str, list[str] | None, str | None]] = [
    ("Which firm spotted that the Bush website was blocked outside the US?", ["Netcraft"], "Netcraft"),
    ("When is the US election?", ["2 November"], "2 November"),
    ("Who is the president of Netcraft?", ["Mike Prettejohn"], "Mike Prettejohn"),
    ("Which company did the Bush website begin using on 21 October?", ["Akamai"], "Akamai"),
    ("Who is Queen of the Sky?", ["Ellen Simonetti"], "Ellen Simonetti"),
    ("When was Ellen Simonetti suspended?", ["25 September"], "25 September"),
    ("Why did Simonetti start her blog?", ["mother's death"], None),
    ("What was the city in which she was based called in the blog?", ["Quirksville"], "Quirksville"),
    ("How many camera phones will be sold globally?", ["159 million"], "159 million"),
    ("Which analysts wrote the report on camera phones?", ["Gartner"], "Gartner"),
    ("What share of mobiles sold in Japan will have cameras by 2008?", ["95%"], "95%"),
    ("What does MMS stand for?", ["Multimedia Messaging Services"], "Multimedia Messaging Services"),
    ("Who is the project manager of the games study?", ["Caroline Pelletier"], "Caroline Pelletier"),
    ("Where does Barney Oram teach?", ["Long Road Sixth Form College"], "Long Road Sixth Form College"),
    ("Who is director general of the Entertainment and Leisure Software Publishers Association?", ["Roger Bennett"], "Roger Bennett"),
    ("How many visits do IAEA inspectors make a year?", ["3,000"], "3,000"),
    ("How much will the IAEA upgrade cost?", ["$40m"], "$40m"),
    ("When was the inspectors' computer system built?", ["1970s"], "1970s"),
    ("How much has the IAEA received so far?", ["$11m"], "$11m"),
    ("Who edits Dogs without Borders?", ["Rohit Gupta"], "Rohit Gupta"),
    ("How did Morquendi send his reports?", ["SMS"], None),
    ("How many giant pandas remain in the world?", ["1,500"], "1,500"),
    ("Who developed the network at Wolong?", ["Intel"], "Intel"),
    ("Who is the director of the Wolong Nature Reserve?", ["Zhang Hemin"], "Zhang Hemin"),
    ("How did staff deliver data before the network?", ["floppy disks"], "floppy disks"),
    ("How many cameras observe the pandas?", ["five cameras"], "five"),
    ("How much did Intel spend on the Wolong network?", None, None),
    ("When was Ellen Simonetti reinstated?", None, None),
    ("Who founded Netcraft?", None, None),
]
# Written 1 Dec (21:24) from sport/301-303 and business/301-304 before briefbot was run on them, as a held-out set;
# but four rules (who after the asked role or before "who <the asked deed>", "Montreal-based" no name, durations for
# "how long") were then made after seeing its answers, so it counts as found on too.
FOUND_ON += [
    ("Who coaches Ireland?", ["Eddie O'Sullivan"], "Eddie O'Sullivan"),
    ("What was the score of the Italy v Ireland game?", ["28-17", "17-28"], None),
    ("Who set up the tries for Geordan Murphy and Peter Stringer?", ["O'Driscoll"], "Brian O'Driscoll"),
    ("Whose penalty gave Italy the lead?", ["Luciano Orquera"], "Luciano Orquera"),
    ("Who took over the kicking duties for Italy?", ["Roland de Marigny"], "Roland de Marigny"),
    ("Who kicked the match-winning penalty against England?", ["Henson"], "Gavin Henson"),
    ("When did Wales last beat England in Cardiff?", ["1993"], "1993"),
    ("Who is the Wales coach?", ["Mike Ruddock"], "Mike Ruddock"),
    ("How much did Libya withdraw from the US?", ["$1bn"], "$1bn"),
    ("How long had Libya's assets been frozen?", ["almost 20 years"], "almost 20 years"),
    ("When was the US trade ban on Libya imposed?", ["1986"], "1986"),
    ("Who is the vice president of Libya's central bank?", ["Farhat Omar Ben Gadaravice"], "Farhat Omar Ben Gadaravice"),
    ("Which company will help Phytopharm develop the slimming snacks?", ["Unilever"], "Unilever"),
    ("How much will Phytopharm receive initially from Unilever?", ["£6.5m"], "£6.5m"),
    ("Who is Phytopharm's chief executive?", ["Richard Dixey"], "Richard Dixey"),
    ("When did the research collaboration with Pfizer end?", ["2003"], "2003"),
    ("How large is Varig's debt?", ["6.5 billion reais"], "6.5 billion reais"),
    ("In how many countries does Varig operate?", ["18 countries"], "18"),
    ("How much did the courts award Varig?", ["2bn reais"], "2bn reais"),
    ("Who will take on the role of CEO at Bombardier?", ["Laurent Beaudoin"], "Laurent Beaudoin"),
    ("When did Paul Tellier's tenure begin?", ["January 2003"], "January 2003"),
    ("How much did Bombardier earn in the third quarter?", ["$10m"], "$10m"),
    ("How many people does Bombardier employ worldwide?", ["75,000"], "75,000"),
    ("How much did Unilever pay Pfizer?", None, None),
    ("When will Varig's debt be repaid?", None, None),
    ("Who will replace Eddie O'Sullivan as Ireland coach?", None, None),
    ("How much compensation did Libya pay the Lockerbie victims?", None, None),
]
# Written 1 Dec (21:52) from business/305-306, sport/304-305, tech/115-116 and entertainment/301 before briefbot was
# run on them: the held-out check of this session's rules. Nothing was changed after seeing these answers.
HELD_OUT_ARTICLES = ["business/305", "business/306", "sport/304", "sport/305", "tech/115", "tech/116", "entertainment/301"]
HELD_OUT: list[tuple[str, list[str] | None, str | None]] = [
    ("When was the bankruptcy bill proposed?", ["1993"], "1993"),
    ("When does Brazil's old bankruptcy law date from?", ["1945"], "1945"),
    ("How long will a bankrupt firm be protected from creditors?", ["180 days"], "180 days"),
    ("What is the minimum monthly salary in Brazil?", ["$94"], "$94"),
    ("Who works for Latin Trade Magazine?", ["Andreas Adriano"], "Andreas Adriano"),
    ("How much did UK retail sales rise on the month in November?", ["0.6%"], "0.6%"),
    ("What does ONS stand for?", ["Office for National Statistics"], "Office for National Statistics"),
    ("Who is the Investec economist?", ["David Page"], "David Page"),
    ("Which store used one-day discount sales?", ["Marks & Spencer"], "Marks & Spencer"),
    ("Which two Wales players will miss the game with Italy?", ["Sonny Parker"], None),
    ("What injury kept Sonny Parker out?", ["trapped nerve"], None),
    ("Who is expected to continue at centre for Wales?", ["Tom Shanklin"], "Tom Shanklin"),
    ("Who is the Italy coach?", ["John Kirwan"], "John Kirwan"),
    ("Which Italy scrum-half impressed against Ireland?", ["Alessandro Troncon"], "Alessandro Troncon"),
    ("What is the name of the EU project for augmented reality at historical sites?", ["Lifeplus"], "Lifeplus"),
    ("What must a visitor wear for the augmented-reality system?", ["head-mounted display"], None),
    ("Which research group is Nadia Magnenat-Thalman part of?", ["MiraLab"], "MiraLab"),
    ("When did the original Cabir worm come to light?", ["mid-June 2004", "June 2004"], "June 2004"),
    ("Which operating system does Cabir affect?", ["Symbian Series 60"], None),
    ("How many versions of Cabir are known to exist?", ["seven versions"], "seven"),
    ("Who founded Sundance?", ["Robert Redford"], "Robert Redford"),
    ("When was Sundance founded?", ["1981"], "1981"),
    ("Where is the Sundance Film Festival held?", ["Park City"], "Park City"),
    ("Who is the Sundance festival director?", ["Geoffrey Gilmore"], "Geoffrey Gilmore"),
    ("How long does the Sundance festival last?", ["11 days"], "11 days"),
    ("How many people have been infected by the Cabir variants?", None, None),
    ("When will the Lifeplus system be available to tourists at Pompeii?", None, None),
    ("How much did Marks & Spencer's sales rise in November?", None, None),
    ("Who won the top prize at last year's Sundance festival?", None, None),
]
# Written 1 Dec (22:22) from politics/301-302, entertainment/302, business/307, tech/117 and sport/306 before
# briefbot was run on them, after one more rule (nationality adjectives) was made from a miss of HELD_OUT above:
# the second held-out check. Nothing was changed after seeing these answers.
HELD_OUT_2_ARTICLES = ["politics/301", "politics/302", "entertainment/302", "business/307", "tech/117", "sport/306"]
HELD_OUT_2: list[tuple[str, list[str] | None, str | None]] = [
    ("Who leads the Lib Dems?", ["Charles Kennedy"], "Charles Kennedy"),
    ("What tax would the Lib Dems put on top earners?", ["50%"], "50%"),
    ("Where did Kennedy give his speech?", ["Commonwealth Club"], "Commonwealth Club"),
    ("What would the Lib Dems cut?", ["ID cards"], None),
    ("How much did Galloway win in libel damages?", ["£150,000"], "£150,000"),
    ("Which constituency will Galloway contest?", ["Bethnal Green"], "Bethnal Green"),
    ("Since when has Oona King represented the constituency?", ["1997"], "1997"),
    ("When did Galloway launch Respect?", ["January"], "January"),
    ("Who will voice Charlotte?", ["Julia Roberts"], "Julia Roberts"),
    ("Who will direct Charlotte's Web?", ["Gary Winick"], "Gary Winick"),
    ("Where is filming due to begin?", ["Melbourne"], "Melbourne"),
    ("How many copies has Charlotte's Web sold?", ["45 million"], "45 million"),
    ("When was Charlotte's Web published?", ["1952"], "1952"),
    ("How much did Cairn Energy shares fall?", ["18%"], "18%"),
    ("Who is Cairn's chief executive?", ["Bill Gammell"], "Bill Gammell"),
    ("What does ONGC stand for?", ["Oil & Natural Gas Corp"], "Oil & Natural Gas Corp"),
    ("Which Microsoft program does the Bagle virus take e-mail addresses from?", ["Outlook"], "Outlook"),
    ("Who is F-Secure's director of anti-virus research?", ["Mikko Hypponen"], "Mikko Hypponen"),
    ("How many copies an hour did Network Box stop?", ["30,000"], "30,000"),
    ("Who is the France coach?", ["Bernard Laporte"], "Bernard Laporte"),
    ("Which club cited Serge Betsen?", ["Wasps"], "Wasps"),
    ("Whose leg was broken?", ["Stuart Abbott"], "Stuart Abbott"),
    ("How much will the Lib Dems spend on police?", None, None),
    ("Who will voice Wilbur the pig?", None, None),
    ("When will Cairn start production in Rajasthan?", None, None),
    ("Who wrote the Bagle virus?", None, None),
]

HELD_OUT_3_ARTICLES = ["business/320", "business/321", "politics/320", "entertainment/320", "sport/320", "tech/130"]
HELD_OUT_3: list[tuple[str, list[str] | None, str | None]] = [
    ("How many times has the US blocked Iran's application?", ["21st"], "21st"),
    ("When was China admitted to the WTO?", ["2001"], "2001"),
    ("How many countries are seeking WTO membership?", ["27"], "27"),
    ("Who is Iraq's Trade Minister?", ["Mohammed Mustafa al-Jibouri"], "Mohammed Mustafa al-Jibouri"),
    ("Who is the EU ambassador to the WTO?", ["Carlo Trojan"], "Carlo Trojan"),
    ("How much will Diageo pay for Chalone?", ["$260m"], "$260m"),
    ("Who is Diageo North America's president?", ["Ivan Menezes"], "Ivan Menezes"),
    ("What were Chalone's revenues in 2003?", ["$69.4m"], "$69.4m"),
    ("When does Diageo expect regulatory approval?", ["first quarter of 2005"], None),
    ("How much did William Hague earn on top of his MP's salary?", ["£820,000"], "£820,000"),
    ("How much was Ann Widdecombe's advance for her novels?", ["£100,000"], "£100,000"),
    ("Which company is Michael Portillo a non-executive director of?", ["BAE Systems"], "BAE Systems"),
    ("When did Holiff manage Johnny Cash?", ["between 1960 and 1973"], None),
    ("How old was Saul Holiff when he died?", ["79"], "79"),
    ("Where did Holiff study history?", ["University of Victoria"], "University of Victoria"),
    ("When did Holiff die?", ["17 March"], "17 March"),
    ("Who is the Wales coach?", ["Mike Ruddock"], "Mike Ruddock"),
    ("Who replaces Hal Luscombe on the right wing?", ["Kevin Morgan"], "Kevin Morgan"),
    ("When did Wales last win the title?", ["1994"], "1994"),
    ("By how much did Wales beat Italy?", ["38-8"], "38-8"),
    ("How many slim PS2s were sold in the first week?", ["50,000"], "50,000"),
    ("How much did San Andreas make over the weekend?", ["£24m"], "£24m"),
    ("Who edits Computerandvideogames.com?", ["John Houlihan"], "John Houlihan"),
    ("When was Halo 2 released in the UK?", ["11 November"], "11 November"),
    ("When will Iraq join the WTO?", None, None),
    ("Who is Iran's trade minister?", None, None),
    ("How many employees does Chalone have?", None, None),
    ("When was Chalone founded?", None, None),
    ("How much is an MP's salary?", None, None),
    ("When was Holiff born?", None, None),
    ("Where will Holiff's funeral be held?", None, None),
    ("How many points did France score against England?", None, None),
    ("How much does the slim PS2 cost?", None, None),
    ("When will GTA San Andreas be released on the Xbox?", None, None),
]

def decline_signals(bot: Briefbot, question: str, phrases: list[str] | None, held_out: int) -> dict:
    """What bench/decline_features.py keeps of a question: the answerer's signals on the passages `ask` retrieves."""
    from decline_features import features_row

    return features_row(bot._generator(), question, question, bot.search(question, None), held_out, phrases is not None,
                        lambda text: holds(text, phrases or []))


def figures(rows: list[dict]) -> dict:
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]
    shorts = [r for r in answerable if r["short_expected"]]
    n = len(answerable) or 1
    return {
        "questions": len(rows),
        "answerable": len(answerable),
        "contained": sum(r["contained"] for r in answerable) / n,
        "answered": sum(r["answered"] for r in answerable) / n,
        "short_right": sum(r["short_right"] for r in shorts) / (len(shorts) or 1),
        "short_questions": len(shorts),
        "unanswerable": len(unanswerable),
        "declined": sum(not r["answered"] for r in unanswerable) / (len(unanswerable) or 1),
        "top5": {m: sum(r["top5"][m] for r in answerable) / n for m in ("bm25", "dense", "default")},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="news", help="bench/results/NAME.json")
    ap.add_argument("--signals", action="store_true",
                    help="also write the answerer's decline signals per question (bench/work/decline-features-news.json, "
                         "for bench/fit_decline.py)")
    args = ap.parse_args()
    src = DATA / "bbc_news_summary.jsonl"
    if not src.exists():
        sys.exit(f"bench: {src} not found (set BRIEFBOT_BENCH_DATA to the folder holding bbc-news-summary)")
    wanted = set(ARTICLES + HELD_OUT_ARTICLES + HELD_OUT_2_ARTICLES + HELD_OUT_3_ARTICLES)
    articles = {a["id"]: a for a in map(json.loads, src.open(encoding="utf-8")) if a["id"] in wanted}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "news"
        corpus.mkdir()
        for art in articles.values():
            (corpus / f"{art['id'].replace('/', '-')}.txt").write_text(f"{art['title']}\n\n{art['article']}", encoding="utf-8")
        bot = Briefbot(index=Path(tmp) / ".briefbot", corpus=[corpus], generator="extractive")
        bot.ingest()
        retriever = bot.retriever()
        rows: list[dict] = []
        signals: list[dict] = []
        t0 = time.perf_counter()
        asked = ([(q, 0) for q in FOUND_ON] + [(q, 1) for q in HELD_OUT] + [(q, 2) for q in HELD_OUT_2]
                 + [(q, 3) for q in HELD_OUT_3])
        for (question, phrases, short), held_out in asked:
            found = found_in_top5(bot, retriever, question, phrases) if phrases else dict.fromkeys(("bm25", "dense", "default"), False)
            answer = bot.ask(question)
            if args.signals:
                signals.append(decline_signals(bot, question, phrases, held_out))
            rows.append({
                "held_out": held_out, "question": question, "answerable": phrases is not None, "answered": answer.answered,
                "contained": bool(phrases) and answer.answered and holds(answer.text, phrases),
                "short_expected": short, "short_answer": answer.short_answer,
                "short_right": short is not None and answer.short_answer is not None and short.lower() in answer.short_answer.lower(),
                "top5": found, "answer": answer.text,
            })
        seconds = (time.perf_counter() - t0) / len(rows)
    summary = {"found_on": figures([r for r in rows if not r["held_out"]]), "seconds_per_question": seconds,
               "held_out": figures([r for r in rows if r["held_out"] == 1]), "held_out_2": figures([r for r in rows if r["held_out"] == 2]),
               "held_out_3": figures([r for r in rows if r["held_out"] == 3])}
    for r in rows:
        if r["answerable"]:
            mark = "ok " if r["contained"] else ("-- " if r["answered"] else "dec")
        else:
            mark = "ok " if not r["answered"] else "ans"
        print(f"{mark} {' H23'[r['held_out']]} short={r['short_answer']!r:32.32} {r['question'][:80]}")
    print()
    parts = [("found on", summary["found_on"]), ("held out", summary["held_out"]), ("held out 2", summary["held_out_2"]),
             ("held out 3", summary["held_out_3"])]
    print("| measure | " + " | ".join(f"{name} ({f['questions']})" for name, f in parts) + " |")
    print("|---|" + "---|" * len(parts))
    print("| answer holds what the article says | " + " | ".join(f"{f['contained']:.3f} ({f['answerable']})" for _, f in parts) + " |")
    print("| answerable answered | " + " | ".join(f"{f['answered']:.3f}" for _, f in parts) + " |")
    print("| short answer right | " + " | ".join(f"{f['short_right']:.3f} ({f['short_questions']})" for _, f in parts) + " |")
    print("| unanswerable declined | " + " | ".join(f"{f['declined']:.3f} ({f['unanswerable']})" for _, f in parts) + " |")
    print("| a top-5 passage holds it: BM25 / dense / default | " + " | ".join(
        f"{f['top5']['bm25']:.3f} / {f['top5']['dense']:.3f} / {f['top5']['default']:.3f}" for _, f in parts) + " |")
    print(f"| seconds per question (retrieval three ways + answer) | {seconds:.2f} |")
    if args.signals:
        path = Path(__file__).resolve().parent / "work" / "decline-features-news.json"
        path.write_text(json.dumps(signals), encoding="utf-8")
        print(f"wrote {path}")
    out = Path(__file__).resolve().parent / "results" / f"{args.out}.json"
    out.write_text(json.dumps({"summary": summary, "rows": rows}, indent=1))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
