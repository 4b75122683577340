"""Questions a reader asks of reports, patents and papers (not SQuAD): does the answer hold what the document says?

    python bench/reports.py [--out reports]      # two minutes: 21 documents indexed, 35 + 14 + 35 questions, 7 unanswerable

Eleven documents of ../shared/data/long-doc-summaries (six US government reports, three patents, two ICLR
papers; 2,200 to 6,900 words each) are written out as files and indexed as `briefbot ingest` would; the questions
below are asked through the Python API (offline answerer, default settings). Each question has the phrases a
right answer contains (any one of them) and, where one phrase answers, the short answer expected. Printed beside
the answerer: whether a phrase is in the top 5 passages of BM25 alone, dense alone and the default retrieval.

The questions were written on 1 Dec while using briefbot on these files, and the rules they led to (acronyms,
measures in their unit) were developed looking at them: this is a regression set for documents unlike SQuAD's,
not a held-out measure. Nothing is fitted to it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA_ROOT

from briefbot.api import Briefbot

DOCS = ["govreport-01", "govreport-02", "govreport-03", "govreport-04", "govreport-05", "govreport-06",
        "bigpatent-01", "bigpatent-02", "bigpatent-04", "paper-01", "paper-02",
        "govreport-07", "govreport-08", "paper-05",  # these three: held-out questions only (HELD_OUT)
        "govreport-09", "govreport-10", "govreport-11", "govreport-12", "govreport-13", "bigpatent-05", "paper-08"]  # HELD_OUT_2
# (question, phrases a right answer holds, the short answer expected or None)
QUESTIONS: list[tuple[str, list[str], str | None]] = [
    ("What are RINs?", ["renewable identification numbers"], "renewable identification numbers"),
    ("Who were the first scientists honored with a Congressional Gold Medal?", ["Walter Reed"], None),
    ("What was the median number of days from committee report to confirmation in the first two years of the Trump presidency?",
     ["26.0 days"], "26.0"),
    ("What share of confirmed district court nominees were Hispanic during the Trump presidency?", ["1.9% of confirmed district court nominees were Hispanic"], "1.9%"),
    ("What are the two types of fire cost thresholds?", ["individual thresholds"], None),
    ("What does FMAG stand for?", ["Fire Management Assistance Grant"], "Fire Management Assistance Grant"),
    ("Who introduced the legislation to limit the number of gold medals awarded each year?", ["Michael Castle"], "Michael Castle"),
    ("What is concurrent receipt?", ["simultaneous receipt"], None),
    ("What does CRDP stand for?", ["Concurrent Retirement and Disability Payments"], "Concurrent Retirement and Disability Payments"),
    ("What does CRSC stand for?", ["Combat Related Special Compensation", "Combat-Related Special Compensation"], "Special Compensation"),
    ("Which presidency confirmed the most district court nominees?", ["high of 305"], None),
    ("When was Commodore Edward Preble awarded a medal?", ["1805"], "1805"),
    ("When was the first Congressional Gold Medal authorized?", ["March 25, 1776"], "March 25, 1776"),
    ("Who received the first Congressional Gold Medal?", ["George Washington"], "George Washington"),
    ("How long did Lincoln have to consider his course of action?", ["two months"], "two months"),
    ("Who is responsible for suppression operations on federal lands?", ["federal agency with jurisdiction"], None),
    ("Which agency administers the RFS?", ["EPA administers"], "EPA"),
    ("Why have biofuel producers faced uncertainty?", ["delays in announcing final annual standards"], None),
    ("Why are steel cut oats used in the invention?", ["add texture"], None),
    ("How long are the steel cut oats soaked?", ["45 minutes", "30 minutes"], "minutes"),
    ("What flavor agents are preferred for the oatmeal?", ["cinnamon"], None),
    ("What happens to oat particles packaged with water?", ["thick paste"], None),
    ("What percentage of bites and scratches develop into infections?", ["between 28% and 80%"], "28% and 80%"),
    ("When was application 61/819,547 filed?", ["May 4, 2013"], "May 4, 2013"),
    ("How many surgical procedure brushes are used annually?", ["1-5 million"], "1-5 million"),
    ("What is a problem of existing muzzles?", ["approach the animal anteriorly"], None),
    ("What is SVD-RND?", ["new OOD detection model"], None),
    ("What does RND stand for?", ["Random Network Distillation"], "Random Network Distillation"),
    ("What does OOD stand for?", ["Out-of distribution"], "Out-of distribution"),
    ("How much performance gain does SVD-RND show over baselines?", ["50% to over 90%"], None),
    ("What kind of convolutions does the depth architecture use?", ["pixel-adaptive convolutions"], None),
    ("Which normalization follows the convolutional layers?", ["Group Normalization"], None),
    ("Where is the source code available?", ["github.com/TRI-ML/packnet-sfm"], "github.com/TRI-ML/packnet-sfm"),
    ("Is the semantic network optimized during self-supervised learning?", ["not further optimized"], "No"),
    ("Why was the PackNet network selected?", ["state-of-the-art performance"], None),
]

# Written from three more documents before briefbot was run on them (1 Dec, 20:05), after the rules above were made:
# the held-out check of those rules. Nothing was changed after seeing these answers.
HELD_OUT: list[tuple[str, list[str], str | None]] = [
    ("How long must a draft of the committee report be available before a reported measure is considered on the House floor?",
     ["72 hours"], "72 hours"),
    ("How long must copies of a conference report be available before its consideration?", ["two hours"], "two hours"),
    ("How can the House waive the availability requirements?", ["simple majority"], None),
    ("How long must special rules lie over?", ["one legislative day"], "one legislative day"),
    ("What does UC stand for?", ["Unemployment Compensation"], "Unemployment Compensation"),
    ("What does FUTA stand for?", ["Federal Unemployment Tax Act"], "Federal Unemployment Tax Act"),
    ("What is the Federal Unemployment Account?", ["federal loan account within the UTF"], None),
    ("what does suta stand for", ["State Unemployment Tax Acts"], "State Unemployment Tax Act"),
    ("Who must submit a letter requesting a loan from the UTF?", ["governor"], "governor"),
    ("What happens to UC program spending when fewer workers are unemployed?", ["spending falls"], None),
    ("What is ReMaP?", ["general algorithm"], None),
    ("What does the environment emit at each timestep?", ["RGB image"], None),
    ("What is the meta-controller architecture based on?", ["dynamic neural voting scheme"], None),
    ("What is the agent's goal?", ["maximizes its reward"], None),
]


# Written on 2 Dec (01:40) by a helper that read seven more documents and never ran briefbot (nor saw its code), before
# the acronym change of that session was measured here: the second held-out check. The unanswerable questions are on
# each document's topic, and each document was searched for their key words: a right answer declines.
HELD_OUT_2: list[tuple[str, list[str], str | None]] = [
    # govreport-09
    ("Who conducts the NPSAS?", ["National Center for Education Statistics"], "National Center for Education Statistics"),
    ("Why doesn't the report have to adjust income trends for inflation?", ["provide income relative to the level of poverty", "no adjustments need be made for inflation"], None),
    ("Which agency issues the poverty guidelines each year?", ["Department of Health and Human Services"], "Department of Health and Human Services"),
    ("What percentage of undergraduates went to public two-year institutions in AY2015-2016?", ["40% of undergraduates attended public two-year institutions"], "40%"),
    ("What does EFC stand for?", ["expected family contribution"], "expected family contribution"),
    # govreport-10
    ("Which states switched their money-bail systems to individualized risk assessment tools?", ["California, Colorado, and New Jersey"], "California, Colorado, and New Jersey"),
    ("Why did the DOJ call bail amounts based only on the offense unconstitutional?", ["because of their impact upon indigent defendants"], None),
    ("When is bail considered excessive under the Eighth Amendment?", ["reasonably likely to ensure the defendant's presence"], None),
    ("In United States v. Salerno, which law did the Supreme Court uphold?", ["found the federal Bail Reform Act"], "Bail Reform Act"),
    ("How much was the cash bond Mr. Walker couldn't afford in Walker v. City of Calhoun?", ["$160 cash bond"], "$160"),
    # govreport-11
    ("Who was named director of the Sexual Assault Prevention and Response Office in June 2012?", ["Army Major General Gary S. Patton"], "Gary S. Patton"),
    ("Why did Gen. Dempsey think sexual assaults in the military were growing?", ["wars in Iraq and Afghanistan may be factors"], None),
    ("How much would H.R. 2397 have provided for SAPRO?", ["would provide $182 million"], "$182 million"),
    ("What does SANE stand for?", ["Sexual Assault Nurse Examiner"], "Sexual Assault Nurse Examiner"),
    ("Who took over as director of SAPRO in June 2015?", ["Army Maj. Gen. Camille M. Nichols"], "Camille M. Nichols"),
    # govreport-12
    ("Which state lets employers opt out of workers' compensation?", ["with the exception of Texas"], "Texas"),
    ("Why might it cost employers more to cover workers under the LHWCA than under state laws?", ["more generous benefits frequently offered by the LHWCA", "limited number of providers"], None),
    ("What does NAWW stand for?", ["National Average Weekly Wage"], "National Average Weekly Wage"),
    ("How many weeks of compensation does a longshore worker who loses an arm get?", ["entitled to 312 weeks of compensation"], "312 weeks"),
    ("Who appoints the members of the Benefits Review Board?", ["five members appointed by the Secretary of Labor"], "Secretary of Labor"),
    # govreport-13
    ("Who runs the NFIRS?", ["National Fire Data Center (NFDC) administers"], "National Fire Data Center"),
    ("What 1973 report led to the creation of the federal fire agency?", ["entitled America Burning"], "America Burning"),
    ("How much did the Consolidated Appropriations Act, 2019 provide for the U.S. Fire Administration?", ["provided $45.679 million for USFA"], "$45.679 million"),
    ("Through what fiscal year does P.L. 115-98 authorize the USFA?", ["extends the USFA authorization through FY2023"], "FY2023"),
    ("What does SAFER stand for?", ["Staffing for Adequate Fire and Emergency Response"], "Staffing for Adequate Fire and Emergency Response"),
    # bigpatent-05
    ("What does SRF stand for?", ["skin respiratory factor"], "skin respiratory factor"),
    ("How many patients were in the five studies of sodium bicarbonate and hydrogen peroxide as a dentifrice?", ["totaling 114 patients"], "114"),
    ("Why is the SRF kept separate from the rest of the toothpaste in the tube?", ["results in some discoloration (darkening)", "basic pH, about 8"], None),
    ("Which zinc salt is preferred in the composition?", ["The preferred salt is zinc chloride"], "zinc chloride"),
    ("How often should the periodontal toothpaste be used?", ["used three times per day"], "three times per day"),
    # paper-08
    ("What is the stability-plasticity dilemma?", ["not reconcilable with the goal of preventing forgetting"], None),
    ("What does GRS stand for?", ["Gaussian Residual Scoring (GRS)"], "Gaussian Residual Scoring"),
    ("Why does learning stop as t goes to infinity with online variational Bayes?", ["shrinks at a rate of O(N)", "learning comes to a halt"], None),
    ("How many random data splits were used for each online learning experiment?", ["16 different random data splits"], "16"),
    ("Which datasets with concept drift were used to evaluate the adaptation methods?", ["Weather, Gas Sensor Array Drift, Covertype"], "Weather, Gas Sensor Array Drift, Covertype"),
]

UNANSWERABLE_2: list[str] = [
    # govreport-09
    "What was the maximum Pell Grant award in AY2015-2016?",
    # govreport-10
    "What percentage of the bail amount do commercial bail bondsmen usually charge as their fee?",
    # govreport-11
    "How many sexual assault victims were assigned a Special Victims' Counsel in FY2015?",
    # govreport-12
    "How many LHWCA claims are filed each year?",
    # govreport-13
    "How much funding did the SAFER grant program get in FY2019?",
    # bigpatent-05
    "What is the shelf life of the SRF toothpaste?",
    # paper-08
    "How many GPU hours did it take to train GRS on MNIST?",
]


def holds(text: str, phrases: list[str]) -> bool:
    flat = " ".join(text.split()).lower()
    return any(p.lower() in flat for p in phrases)


def found_in_top5(bot: Briefbot, retriever: object, question: str, phrases: list[str]) -> dict[str, bool]:
    """Whether a phrase is in the top 5 passages of BM25 alone, dense alone and the default retrieval."""
    cands = retriever.candidates(question, 50)
    found = {mode: any(holds(p.chunk.text, phrases) for p in retriever.rank(cands, 5, lexical_weight=weight, rerank=False))
             for mode, weight in (("bm25", 1.0), ("dense", 0.0))}
    found["default"] = any(holds(p.chunk.text, phrases) for p in bot.search(question))
    return found


def figures(rows: list[dict]) -> dict:
    n = len(rows)
    shorts = [r for r in rows if r["short_expected"]]
    return {
        "questions": n,
        "contained": sum(r["contained"] for r in rows) / n,
        "answered": sum(r["answered"] for r in rows) / n,
        "short_right": sum(r["short_right"] for r in shorts) / len(shorts),
        "short_questions": len(shorts),
        "top5": {m: sum(r["top5"][m] for r in rows) / n for m in ("bm25", "dense", "default")},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="reports", help="bench/results/NAME.json")
    args = ap.parse_args()
    src = DATA_ROOT / "long-doc-summaries" / "long_docs.jsonl"
    if not src.exists():
        sys.exit(f"bench: {src} not found (set BRIEFBOT_BENCH_DATA to the folder holding long-doc-summaries)")
    docs = {d["id"]: d["document"] for d in map(json.loads, src.open(encoding="utf-8")) if d["id"] in DOCS}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "reports"
        corpus.mkdir()
        for name in DOCS:
            (corpus / f"{name}.txt").write_text(docs[name], encoding="utf-8")
        bot = Briefbot(index=Path(tmp) / ".briefbot", corpus=[corpus], generator="extractive")
        bot.ingest()
        retriever = bot.retriever()
        rows = []
        t0 = time.perf_counter()
        asked = ([(q, "found_on") for q in QUESTIONS] + [(q, "held_out") for q in HELD_OUT]
                 + [(q, "held_out_2") for q in HELD_OUT_2] + [((q, [], None), "unanswerable_2") for q in UNANSWERABLE_2])
        for (question, phrases, short), group in asked:
            found = found_in_top5(bot, retriever, question, phrases) if phrases else {}
            answer = bot.ask(question)
            rows.append({
                "group": group, "held_out": group != "found_on", "question": question, "answered": answer.answered,
                "contained": answer.answered and holds(answer.text, phrases) if phrases else not answer.answered,
                "short_expected": short, "short_answer": answer.short_answer,
                "short_right": short is not None and answer.short_answer is not None and short.lower() in answer.short_answer.lower(),
                "top5": found, "answer": answer.text,
            })
        seconds = (time.perf_counter() - t0) / len(rows)
    groups = ("found_on", "held_out", "held_out_2")
    summary = {g: figures([r for r in rows if r["group"] == g]) for g in groups}
    unanswerable = [r for r in rows if r["group"] == "unanswerable_2"]
    summary["unanswerable_2_declined"] = sum(not r["answered"] for r in unanswerable) / len(unanswerable)
    summary["seconds_per_question"] = seconds
    for r in rows:
        mark = "ok " if r["contained"] else ("-- " if r["answered"] else "dec")
        tag = {"found_on": " ", "held_out": "H", "held_out_2": "2", "unanswerable_2": "U"}[r["group"]]
        print(f"{mark} {tag} short={r['short_answer']!r:40.40} {r['question'][:80]}")
    print()
    print("| measure | " + " | ".join(f"{g.replace('_', ' ')} ({summary[g]['questions']})" for g in groups) + " |\n|---|---|---|---|")
    for label, key in (("answer holds what the document says", "contained"), ("answered", "answered")):
        print(f"| {label} | " + " | ".join(f"{summary[g][key]:.3f}" for g in groups) + " |")
    print("| short answer right (with one: " + " / ".join(str(summary[g]["short_questions"]) for g in groups) + ") | "
          + " | ".join(f"{summary[g]['short_right']:.3f}" for g in groups) + " |")
    print("| a top-5 passage holds it: BM25 / dense / default | "
          + " | ".join(" / ".join(f"{summary[g]['top5'][m]:.3f}" for m in ("bm25", "dense", "default")) for g in groups) + " |")
    print(f"| unanswerable declined (held out 2) | {summary['unanswerable_2_declined']:.3f} ({len(unanswerable)}) | | |")
    print(f"| seconds per question (retrieval three ways + answer) | {seconds:.2f} | |")
    out = Path(__file__).resolve().parent / "results" / f"{args.out}.json"
    out.write_text(json.dumps({"summary": summary, "rows": rows}, indent=1))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
