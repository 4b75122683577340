"""Who "the Tenant" is: the parties a contract names once and then calls by a defined term.

A lease names its parties at the top ("**Tenant:** Brindle & Fox Ceramics Ltd", or "(2) Brindle & Fox Ceramics Ltd,
a company registered ... (the “Tenant”)") and every clause after says "the Tenant". A question names the company:
"How much notice does Brindle & Fox have to give to use the break option?" is answered by "10.1 The Tenant may end
this Lease ... by giving the Landlord not less than six months' written notice", which names no Brindle and no Fox;
read as it is, the question's names are missing and the answer is declined. The passages found for such a question
usually include the parties' lines (the question's names are in them), so the terms are read from the passages, as
definitions.long_forms reads acronyms: a sentence using "the Tenant" is then read with the name as well.
"""

from __future__ import annotations

import re

from briefbot.index.lexical import tokenize

_NAME = r"[A-Z][\w&'’.-]*(?:\s+(?:&\s+|and\s+(?=[A-Z]))?[A-Z&][\w&'’.-]*)*"
# "**Tenant:** Brindle & Fox Ceramics Ltd (company number ...)", "Supplier: Corvane Systems Limited", a form's row.
_LABEL = re.compile(rf"^[\s*|]*(?P<term>[A-Z][a-z]{{2,}})\**\s*:\s*\**\s*(?P<name>{_NAME})", re.MULTILINE)
# ... (the “Supplier”), ("Landlord"), (the 'Customer'), (together, the "Parties" is no party: one word only)
_DEFINED = re.compile(r"\((?:hereinafter\s+)?(?:the\s+)?[“\"'‘](?:the\s+)?(?P<term>[A-Z][a-z]{2,})[”\"'’]\s*\)")
# Where a party's clause starts: "(1) ", "between ", a line's start (the last one before the defined term).
_CLAUSE_START = re.compile(r"(?:^|\n|\(\d\)\s*|\(?[a-z]\)\s+|\bbetween\s+)(?=[A-Z])")


def defined_parties(texts: list[str]) -> dict[str, tuple[str, str, list[str]]]:
    """The parties ``texts`` define, by their term's stem: the term as written ("Tenant"), the name ("Brindle & Fox
    Ceramics Ltd") and the name's terms; the same shape as definitions.long_forms. A label counts only when the
    texts also say "the Tenant" (a "Date: 14 February" line defines nothing)."""
    joined = "\n".join(texts)
    out: dict[str, tuple[str, str, list[str]]] = {}

    def add(term: str, name: str) -> None:
        key = tokenize(term)
        words = tokenize(name)
        if len(key) == 1 and key[0] not in out and words and key[0] not in words and len(name.split()) <= 8:
            out[key[0]] = (term, name.strip(), words)

    for text in texts:
        for m in _LABEL.finditer(text):
            if re.search(rf"\bthe {m.group('term')}\b", joined):
                add(m.group("term"), m.group("name"))
        for m in _DEFINED.finditer(text):
            before = text[max(0, m.start() - 300) : m.start()]
            starts = [s.end() for s in _CLAUSE_START.finditer(before)]
            name = re.match(_NAME, before[starts[-1] :]) if starts else None
            if name and len(name.group().split()) >= 2:  # "(1) Corvane Systems Limited, a company ... (the “Supplier”)"
                add(m.group("term"), name.group())
    return out
