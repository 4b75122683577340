#!/usr/bin/env python3
"""Check bench/docx_questions.py against the XML of bench/docx/*.docx (no question answering involved).

Visible text: all w:t in document order in document.xml, header*.xml, footer*.xml, footnotes.xml and
endnotes.xml (tables, text boxes and content controls included); w:delText and w:instrText are not
w:t so they are left out; comments.xml is not read. Each paragraph is read on its own (its own w:t,
not those of a text box nested in it), with w:tab and w:br as spaces; whitespace (incl. U+00A0) is
collapsed. A phrase must lie inside one paragraph.
"""
import importlib.util
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

import docx
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARTS = re.compile(r"word/(document|header\d+|footer\d+|footnotes|endnotes)\.xml$")


def norm(s: str) -> str:
    return " ".join(s.split()).casefold()


def paragraphs(path: Path) -> list[str]:
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not PARTS.search(name):
                continue
            root = etree.fromstring(z.read(name))
            for p in root.iter(W + "p"):
                buf = []
                for el in p.iter(W + "t", W + "tab", W + "br"):
                    owner = next(a for a in el.iterancestors() if a.tag == W + "p")
                    if owner is not p:
                        continue
                    buf.append(el.text or "" if el.tag == W + "t" else " ")
                out.append(norm("".join(buf)))
    return out


def main() -> int:
    spec = importlib.util.spec_from_file_location("q", ROOT / "bench" / "docx_questions.py")
    q = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(q)
    bad = 0
    files = sorted((ROOT / "bench" / "docx").glob("*.docx"))
    texts = {}
    for f in files:
        d = docx.Document(str(f))  # must open without error
        texts[f.name] = paragraphs(f)
        print(f"{f.name}: opens with python-docx ({len(d.paragraphs)} body paragraphs, {len(d.tables)} tables)")
    for fname, question, phrases, short in q.QUESTIONS:
        paras = texts[fname]
        for ph in phrases:
            if not any(norm(ph) in p for p in paras):
                bad += 1
                print(f"MISSING in {fname}: {ph!r}  ({question})")
        if short not in (None, "Yes", "No") and not any(norm(p).find(norm(short)) >= 0 for p in phrases):
            if not any(norm(short) in p for p in paras):
                print(f"note: short answer {short!r} not verbatim in {fname}")
    counts = Counter(f for f, *_ in q.QUESTIONS)
    print("questions per file:", dict(counts), "total", len(q.QUESTIONS), "unanswerable", len(q.UNANSWERABLE))
    # tracked-change sanity: deleted values must not be visible
    pol = " ".join(texts["expenses-policy.docx"])
    for gone in ["within 30 days", "£120 per night", "first class travel may be booked", "1 january 2027", "£25"]:
        if norm(gone) in pol:
            bad += 1
            print("deleted text visible:", gone)
    print("OK" if not bad else f"{bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
