"""A clause the question names by its number: "Under clause 4.4, what's the most the charges can go up by?"

Contracts, policies and standards are read by their numbered clauses, and a reader who names one means the text
under that number, whatever other sentence shares more of the question's words. A sentence is that clause's when
its line starts with the number ("4.4 The Supplier may increase ..."; Word's automatic numbers are written into
the text: ingest/word.py), when its line goes on a block of lines the number opens ("E07  NO WATER FLOW" over its
indented "Cause:" and "Remedy:" lines: a manual's fault code is asked about as a clause is), or when it sits under a
heading with that number ("4.4 Price changes"), within the passage or its section.
"""

from __future__ import annotations

import re

from briefbot.answer.extract.candidates import Candidate
from briefbot.answer.extract.question_kind import CODE, asked_clause
from briefbot.answer.shape.quotes import section_at
from briefbot.schema import Passage


_OPENS = r"\s*(?:#+\s*)?"  # a line's (or a heading's) start before its number
_ENDS = r"\.?(?=\s|\)|$)"  # ... and the number's end: "4.4 ", "4.4. ", "4.4)", not "4.41"


def _numbered(label: str, number: str) -> bool:
    """Whether a line or heading starts with exactly ``number`` ("4.4 The ..." or "4.4. The ...", not "4.41")."""
    return re.match(_OPENS + re.escape(number) + _ENDS, label) is not None


def opens_clause(text: str, number: str) -> bool:
    """Whether a passage has a line that starts with clause ``number`` (retrieval puts such a passage first)."""
    return re.search(rf"(?:^|\n){_OPENS}{re.escape(number)}\.?(?=\s|\))", text) is not None


def _last_line_is(passage: Passage, number: str) -> bool:
    text = passage.chunk.text.rstrip()
    return _numbered(text[text.rfind("\n") + 1:], number)


_ANY_NUMBER = re.compile(rf"{_OPENS}(?:{CODE}|\d{{1,3}}(?:\.\d{{1,3}})*){_ENDS}")


def _in_numbered_block(text: str, line_start: int, number: str) -> bool:
    """Whether the line at ``line_start`` goes on a block whose first line has the number, no other numbered line
    between: a manual's "E07  NO WATER FLOW" over its indented "Cause: ..." and "Remedy: ..." lines."""
    block = text.rfind("\n\n", 0, line_start)
    block = 0 if block == -1 else block + 2
    if block >= line_start or not _numbered(text[block:], number):
        return False
    end = text.find("\n", line_start)
    lines = text[block:line_start].split("\n")[1:] + [text[line_start : len(text) if end == -1 else end]]
    return not any(_ANY_NUMBER.match(line) for line in lines if line.strip())


def clause_sentences(question: str, cands: list[Candidate], passages: list[Passage]) -> list[int]:
    """Which candidates belong to the clause the question names: they open its numbered line, sit under its numbered
    heading, or go on its line in the next chunk. Empty when it names none."""
    number = asked_clause(question)
    if number is None:
        return []
    # A chunk that starts inside the clause's paragraph: another chunk of the file ends on that line, with the number.
    goes_on = {k for k, p in enumerate(passages)
               if any(q.chunk.source == p.chunk.source and q.chunk.end_line == p.chunk.start_line and q.chunk.page == p.chunk.page
                      and q.chunk.start_char < p.chunk.start_char and _last_line_is(q, number) for q in passages)}
    out = []
    for i, c in enumerate(cands):
        text, context = passages[c.passage].chunk.text, passages[c.passage].chunk.context
        line_start = text.rfind("\n", 0, c.position) + 1
        if (_numbered(text[line_start:], number) or (c.passage in goes_on and line_start == 0)
                or _in_numbered_block(text, line_start, number)):
            out.append(i)
            continue
        section = section_at(text, c.position, context)
        if section and _numbered(section.split(" > ")[-1], number):
            out.append(i)
    return out
