"""Who "the company" is: a sentence that names its subject only by a description or pronoun is about its file's
subject, so the answerer reads it with the words of the file's name.

"On Tuesday, the company's administrator, turnaround expert Enrico Bondi, sued Morgan Stanley" in a file named for
Parmalat answers "Who is the administrator of Parmalat?" though it never writes "Parmalat". Only a sentence that
refers back and names none of the file name's words gets them: in a file named for a meeting with Ms. Giannini,
"He also invited Ms. Giannini ..." is read as written (else every sentence there would get the question's best
words, and the choice of sentence would blur; README "Which sentence is quoted").
"""

from __future__ import annotations

import re

from briefbot.index.lexical import tokenize

_REFERS_BACK = re.compile(
    r"\b(?:the (?:company|firm|group|bank|business|carrier|airline|maker|retailer|"  # also "the company's"
    r"city|country|state|band|album|film|book|school|university|team|club|party|government|organisation|organization)"
    r"|its|it|he|his|him|she|her|they|their|them)\b",
    re.IGNORECASE,
)


def title_words(source: str) -> str:
    """The words of a file's name ("16-Parmalat,-the-Italian-food-group.txt" -> "Parmalat the Italian food group")."""
    stem = source.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return " ".join(w for w in re.split(r"[^0-9A-Za-z\u00c0-\uffff]+", stem) if w and not w.isdigit())


def with_subject(sentence: str, source: str) -> str:
    """The sentence, with the file name's words when it refers back and names none of them itself."""
    if not _REFERS_BACK.search(sentence):
        return sentence
    title = title_words(source)
    return sentence if set(tokenize(title)) & set(tokenize(sentence)) else sentence + " " + title
