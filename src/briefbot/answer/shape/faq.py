"""A question the document asks itself: an FAQ's "Can I use my own phone for work email?", a recall notice's "How do I
find the batch code?".

Help pages, FAQs and notices put their readers' questions in headings and answer each in the paragraph under it.
When a heading asks what the question asks (its words are the question's), the first sentences under it are the
answer, however few words they share with the question: "Where can I find the batch code on my kettle?" is answered
by "Turn the power base over. The batch code is printed on the white rating label ...", under "How do I find the batch
code?", which the sentence choice ranked below a sentence naming the kettle and its batch codes. A heading under
which the answer is "Yes." or "No." answers a yes/no question.
"""

from __future__ import annotations

import re

from briefbot.answer.extract.candidates import Candidate
from briefbot.answer.shape.polar import is_polar
from briefbot.answer.shape.quotes import section_at
from briefbot.index.lexical import tokenize
from briefbot.schema import Passage

_ASKING = frozenset(tokenize("can could do does did should must may need i my me we our you your how what which when where "
                             "why who is are was were will would while until till after before during since for with "
                             "about from into on in at to of the a an this that these those it its they them there if any "
                             "some still also get soon long often much many far"))
PARAGRAPH_WORDS = 80  # the answer under a heading: its first paragraph, three sentences and about 80 words at most
SHARED = 0.75  # of the heading's words that are the question's
_VERDICT = re.compile(r"^\s*(yes|no)\b[.,;:!]?", re.IGNORECASE)


def _terms(text: str) -> set[str]:
    return {t for t in tokenize(text) if t not in _ASKING}


def faq_answer(question: str, cands: list[Candidate], passages: list[Passage]) -> list[int] | None:
    """The first paragraph under a heading that asks the question, or None. The heading's words must be the
    question's, and what a wh-question asks beyond them (a password, not just the Wi-Fi) must be said under it (a
    yes/no question's other words may paraphrase: "while I wait" under "until the replacement arrives")."""
    asked = _terms(question)
    best: tuple[float, list[int]] | None = None
    for p in sorted({c.passage for c in cands}):
        under: dict[str, list[int]] = {}
        for i, c in enumerate(cands):
            if c.passage != p or c.row:
                continue
            path = section_at(passages[p].chunk.text, c.position, passages[p].chunk.context) or ""
            heading = path.split(" > ")[-1].strip().strip("#* ").strip()
            if heading.endswith("?"):
                under.setdefault(heading, []).append(i)
        for heading, members in under.items():
            words = _terms(heading)
            shared = words & asked
            if len(shared) < 2 or len(shared) < SHARED * len(words) or 2 * len(shared) < len(asked):
                continue
            members.sort(key=lambda i: cands[i].position)
            chosen = _first_paragraph(members, cands, passages[p].chunk.text)
            said = " ".join(cands[i].text for i in chosen).lower() + " " + heading.lower()
            if not is_polar(question) and any(not w[:1].isupper() and tokenize(w) and not re.search(r"\b" + re.escape(tokenize(w)[0]), said)
                   for w in re.findall(r"[\w'’-]+", question) if set(tokenize(w)) <= asked - words):
                continue  # "What's the password for the Wi-Fi?" under "How do I connect to the Wi-Fi?": no password
            score = len(shared) / max(len(words | asked), 1)
            if best is None or score > best[0]:
                best = (score, chosen)
    return best[1] if best else None


def _first_paragraph(members: list[int], cands: list[Candidate], text: str) -> list[int]:
    """The first paragraph's sentences of those under a heading (no blank line between them), within the limits."""
    chosen = [members[0]]
    words = len(cands[members[0]].text.split())
    for i in members[1:4]:
        gap = text[cands[chosen[-1]].position : cands[i].position]
        words += len(cands[i].text.split())
        if "\n\n" in gap or len(chosen) == 3 or words > PARAGRAPH_WORDS:
            break
        chosen.append(i)
    return chosen


def verdict(cand: Candidate, passages: list[Passage]) -> str | None:
    """ "Yes" or "No" when the answer under a question heading opens with one ("Yes. You can read work email ...",
    or "No." alone before it, too short to be quoted)."""
    m = _VERDICT.match(cand.text)
    if m is None:
        before = passages[cand.passage].chunk.text[: cand.position]
        m = re.search(r"(?:^|\n)\s*(yes|no)\b[.,;:!]?\s*$", before, re.IGNORECASE)
    return m.group(1).capitalize() if m else None
