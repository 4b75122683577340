"""Check bench/guides_questions.py against bench/guides/ as bench/support_verify.py checks its round: every file named
exists, every phrase appears verbatim in the visible text of its file, and every unanswerable question is tied to a file
that exists. Visible text is read as bench/releases_verify.py reads it (HTML: tags stripped, entities unescaped;
e-mail: the decoded text/plain body; whitespace collapsed on both sides), except:

- PDF: the HTML it was printed from, bench/guides_sources/NAME.html, tags stripped;
- Word: the w:t texts of word/document.xml, joined per paragraph (w:tab and w:br as spaces); a phrase must lie inside
  one paragraph.

For the e-mail it also checks that every phrase is in the text/html part (tags stripped), since both parts carry the
same content.

    python bench/guides_verify.py
"""

from __future__ import annotations

import email
import email.policy
import html
import re
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

HERE = Path(__file__).resolve().parent
DOCS = HERE / "guides"
SOURCES = HERE / "guides_sources"
sys.path.insert(0, str(HERE))

from guides_questions import QUESTIONS, UNANSWERABLE, UNANSWERABLE_FILE  # noqa: E402
from ondocs_verify import collapse, phrase_problems, report  # noqa: E402
from ondocs_verify import visible_text as ondocs_visible_text  # noqa: E402
from releases_verify import unanswerable_problems  # noqa: E402
from releases_verify import visible_text as releases_visible_text  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARAGRAPH_BREAK = " \u00b6 "  # not whitespace, so no phrase can run across two paragraphs


def docx_text(path: Path) -> str:
    """The w:t texts of word/document.xml, one paragraph after another (a nested paragraph's text only in its own)."""
    with zipfile.ZipFile(path) as z:
        root = ElementTree.fromstring(z.read("word/document.xml"))
    paragraphs = []

    def walk(node, buf: list[str] | None) -> None:
        for child in node:
            if child.tag == W + "p":
                own: list[str] = []
                walk(child, own)
                paragraphs.append(collapse("".join(own)))
            elif child.tag == W + "t":
                if buf is not None:
                    buf.append(child.text or "")
            elif child.tag in (W + "tab", W + "br"):
                if buf is not None:
                    buf.append(" ")
            else:
                walk(child, buf)

    walk(root, None)
    return PARAGRAPH_BREAK.join(p for p in paragraphs if p)


def visible_text(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        source = SOURCES / (path.stem + ".html")
        return ondocs_visible_text(source) if source.is_file() else ""
    if suffix == ".docx":
        return docx_text(path)
    return releases_visible_text(path)


def eml_html_text(path: Path) -> str:
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    part = msg.get_body(preferencelist=("html",))
    if part is None:
        return ""
    text = re.sub(r"(?is)<(script|style|title)\b.*?</\1\s*>", " ", part.get_content())
    return collapse(html.unescape(re.sub(r"<[^>]+>", " ", text)))


def html_part_problems(name: str, path: Path, asked: list[tuple[str, list[str]]]) -> list[str]:
    """Each (question, phrases) phrase in an e-mail's HTML part too, when it has one."""
    html_text = eml_html_text(path)
    return [f"{name}: phrase not in the HTML part {phrase!r} (question {question!r})"
            for question, phrases in (asked if html_text else []) for phrase in phrases if collapse(phrase) not in html_text]


def check(docs: Path, questions: list, unanswerable: list[str], unanswerable_file: dict[str, str]) -> int:
    problems, texts = phrase_problems(docs, questions, visible_text)
    for name in sorted({q[0] for q in questions}):
        if name.endswith(".pdf") and not (SOURCES / (Path(name).stem + ".html")).is_file():
            problems.append(f"missing HTML source for {name}")
        if name.endswith(".eml") and (docs / name).is_file():
            problems += html_part_problems(name, docs / name, [(q, ph) for f, q, ph, _ in questions if f == name])
    problems += unanswerable_problems(docs, unanswerable, unanswerable_file)
    return report(questions, unanswerable, texts, problems)


if __name__ == "__main__":
    sys.exit(check(DOCS, QUESTIONS, UNANSWERABLE, UNANSWERABLE_FILE))
