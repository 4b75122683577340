"""Posts written by their initials: a question asks for "the CFO", minutes list a "Chief Financial Officer"."""

from __future__ import annotations

import re

POST_INITIALS = {
    "ceo": "chief executive officer", "cfo": "chief financial officer", "coo": "chief operating officer",
    "cto": "chief technology officer", "cio": "chief information officer", "cmo": "chief marketing officer",
    "md": "managing director", "ned": "non-executive director", "vp": "vice president", "svp": "senior vice president",
    "evp": "executive vice president", "gm": "general manager", "hr": "human resources",
}

# What a "Head of ..." heads: a department, not a company ("Head of IT", "Director of Finance", "head of sales").
DEPARTMENTS = frozenset(
    "finance sales marketing operations procurement engineering research communications legal people technology "
    "product security compliance policy estates facilities human resources customer service services development "
    "strategy audit risk design data science talent recruitment training learning partnerships programmes programs "
    "education studies admissions governance quality safety digital infrastructure support it hr".split())


def spelled_out(text: str) -> str:
    """The text with each post's initials followed by its long form ("CFO" -> "CFO chief financial officer")."""
    return re.sub(r"\b(" + "|".join(POST_INITIALS) + r")\b",
                  lambda m: f"{m.group(1)} {POST_INITIALS[m.group(1).lower()]}", text, flags=re.IGNORECASE)
