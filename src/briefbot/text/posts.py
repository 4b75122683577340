"""Posts written by their initials: a question asks for "the CFO", minutes list a "Chief Financial Officer"."""

from __future__ import annotations

import re

POST_INITIALS = {
    "ceo": "chief executive officer", "cfo": "chief financial officer", "coo": "chief operating officer",
    "cto": "chief technology officer", "cio": "chief information officer", "cmo": "chief marketing officer",
    "md": "managing director", "ned": "non-executive director", "vp": "vice president", "svp": "senior vice president",
    "evp": "executive vice president", "gm": "general manager", "hr": "human resources",
}


def spelled_out(text: str) -> str:
    """The text with each post's initials followed by its long form ("CFO" -> "CFO chief financial officer")."""
    return re.sub(r"\b(" + "|".join(POST_INITIALS) + r")\b",
                  lambda m: f"{m.group(1)} {POST_INITIALS[m.group(1).lower()]}", text, flags=re.IGNORECASE)
