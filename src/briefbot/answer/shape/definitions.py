"""What a term or an acronym is: the long form a text gives for "CRDP", the sentence that says what "SVD-RND" is.

"What does CRDP stand for?" and "What is SVD-RND?" are answered from the sentence that defines the thing, even when
it is far from the question in meaning; retrieval looks deeper for such a sentence (multihop.defining_first), since a
report uses an acronym in dozens of passages and spells it out once. A question's word the passages spell another way
("Tchaikovski") is read as theirs (respelled).
"""

from __future__ import annotations

import itertools
import re

from briefbot.index.lexical import tokenize
from briefbot.index.spelling import Spelling
from briefbot.index.words import STOPWORDS
from briefbot.text.posts import POST_INITIALS

_ACRONYM = re.compile(r"\b([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)\b")
_STANDS = re.compile(
    r"\bstands?\s+for\b|\bfull\s+(?:name|form)\b|\bshort\s+for\b|\babbreviat|\bacronym\b|\bexpansion\b", re.IGNORECASE
)
# "What is NATO?", "What are RINs?", "What does CRDP mean?": an acronym alone, asked for its meaning.
_DEFINE = re.compile(
    r"\s*what\s+(?:(?:is|are|was|were)\s+(?:an?\s+|the\s+)?(?-i:([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*))|does\s+(?:the\s+)?"
    r"(?-i:([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*))\s+mean)\s*\??\s*$",
    re.IGNORECASE,
)

# The same questions typed in lower case ("what does fmag stand for", "what are rins"): the one word asked about.
_LOWER_ASK = re.compile(
    r"\s*what\s+(?:does|do|did)\s+(?:the\s+)?([a-z][a-z0-9&-]{1,9})\s+(?:stand\s+for|mean)\b"
    r"|\s*what\s+(?:is|are)\s+(?:an?\s+|the\s+)?([a-z][a-z0-9&-]{1,9})\s*\??\s*$"
    r"|.*?\b([a-z][a-z0-9&-]{1,9})\s+stands?\s+for\b"
)
_SMALL_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "de", "&", "to"})


def _spelled(words: list[str], letters: list[str], need: int = 0) -> int | None:
    """How many of ``words`` (in reading order) spell ``letters`` by their initials, a small word ("of", "and")
    counting only where its initial is needed ("Out-of distribution" for OOD); None if they do not."""
    if need == len(letters):
        return 0
    if not words:
        return None
    word = words[0]
    if word[0].lower() == letters[need]:
        used = _spelled(words[1:], letters, need + 1)
        if used is not None:
            return used + 1
    if need and word.lower() in _SMALL_WORDS:
        used = _spelled(words[1:], letters, need)
        return None if used is None else used + 1
    return None


def _long_form(text: str, letters: list[str], backwards: bool) -> str | None:
    """The words of ``text`` at its end (``backwards``) or filling it whose initials spell ``letters``; a
    hyphenated word counts as one word or as its parts."""
    for pattern in (r"[^\s(),—–]+", r"[^\s(),—–-]+"):
        found = list(re.finditer(pattern, text))
        words = found[::-1] if backwards else found
        n = _spelled([w.group() for w in words], letters[::-1] if backwards else letters)
        if n is not None and (backwards or n == len(words)):
            return text[words[n - 1].start() :].strip(" ,") if backwards else text.strip()
    return None


def expand_acronym(text: str, acronym: str) -> str | None:
    """The long form that ``text`` gives for ``acronym``: "Long Name (ACRO)", "(... Long Name or ACRO)" or
    "ACRO (Long Name)", where the long form's initials spell it (a plural "RINs" also matches "RIN")."""
    if sum(c.isupper() for c in acronym) < 2:  # typed in lower case ("what does fmag stand for"): as the text writes it
        written = next((m.group() for m in re.finditer(rf"\b{re.escape(acronym)}\b", text, re.IGNORECASE)
                        if sum(c.isupper() for c in m.group()) >= 2), None)
        if written is None:
            return None
        acronym = written
    # (a digit is spelled by a number: "Common Equity Tier 1 (CET1)")
    letters = [c.lower() for c in acronym if c.isupper() or c.isdigit()] or [c.lower() for c in acronym]
    for form in dict.fromkeys([acronym, acronym[:-1] if acronym.endswith("s") and len(letters) > 1 else acronym]):
        name = re.escape(form)
        before = re.search(rf"\(\s*{name}s?\s*\)|\bor\s+(?:the\s+)?{name}s?\b(?=\s*[),;])", text)
        if before:  # the long form ends just before: read back from there
            long = _long_form(text[: before.start()], letters, backwards=True)
            if long:
                return long
            # one more capitalised word after the spelled part: "Staffing for Adequate Fire and Emergency Response
            # Firefighters (SAFER)"
            last = re.search(r"\s+[A-Z][\w'’-]*\s*$", text[: before.start()])
            long = _long_form(text[: last.start()], letters, backwards=True) if last else None
            if long:
                return long + text[last.start() : before.start()].rstrip()
        after = re.search(rf"\b{name}s?\s*\(([^()]+)\)", text)
        if after:  # "ACRO (Long Name)"
            long = _long_form(after.group(1), letters, backwards=False)
            if long:
                return long
    return None


_DEFINED = re.compile(r"\(\s*([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)\s*\)")


def long_forms(texts: list[str]) -> dict[str, tuple[str, str, list[str]]]:
    """The acronyms ``texts`` define ("... Compensation Act (LHWCA)"): by the acronym's term, the acronym as
    written, its long form and the long form's terms.

    A report spells a name out once and writes the acronym after: "Who administers the Longshore and Harbor
    Workers' Compensation Act?" is answered by "the LHWCA program is administered by ...", which shares only
    "administered" with the question word for word, while the sentence that spells the name out shares five.
    """
    out: dict[str, tuple[str, str, list[str]]] = {}
    for text in texts:
        for m in _DEFINED.finditer(text):
            key = tokenize(m.group(1))
            if len(key) != 1 or key[0] in out:
                continue
            long = expand_acronym(text[max(0, m.start() - 200) : m.end()], m.group(1))
            words = tokenize(long) if long else []
            if long and len(words) >= 2:
                out[key[0]] = (m.group(1), long, words)
    return out


def spelled_out(words: list[str], forms: dict[str, tuple[str, str, list[str]]]) -> list[str]:
    """A sentence's ``words`` (terms) with each defined acronym followed by its long form's terms (``long_forms``).

    Only a sentence's: a question keeps its own words, so a question naming "the IAEA" counts the agency once (spelled
    out there, "International Atomic Energy Agency" would outweigh "received so far" four to two)."""
    if not forms:
        return words
    out: list[str] = []
    for w in words:
        out.append(w)
        out.extend(forms[w][2] if w in forms else ())
    return out


def written_out(text: str, forms: dict[str, tuple[str, str, list[str]]]) -> str:
    """``text`` with a defined acronym it uses without its long form read as "Long Form (ACRO)": what it means, for
    the embedder, which cannot know that "LHWCA" is the act the question names."""
    for acronym, long, _ in forms.values():
        if acronym in text and long not in text:
            text = re.sub(rf"\b{re.escape(acronym)}\b", lambda m: f"{long} ({m.group()})", text, count=1)
    return text


# "What is European Union law?", "What are clades?": a term alone, asked for what it is.
_WHAT_IS = re.compile(r"\s*what\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?((?:[\w'-]+\s*){1,3}?)\s*\?*\s*$", re.IGNORECASE)
_NOT_A_TERM = frozenset(
    "of for about to in on with from by called like his her its their this that these those it they he she".split()
)


def _asked_term(question: str) -> str | None:
    """X of "What is X?" when X is a term of up to three words (not "What is his name?"), else None."""
    m = _WHAT_IS.match(question)
    return m.group(1).strip() if m and not set(m.group(1).lower().split()) & _NOT_A_TERM else None


def asks_what_term_is(question: str) -> bool:
    """ "What is X?" with X a term of up to three words."""
    return _asked_term(question) is not None


def definition_pattern(question: str) -> re.Pattern[str] | None:
    """For "What is X?": what a sentence saying what X is looks like ("X is a ...", "X, a ...", "X refers to ...",
    "a new model, X, which ..."); None for any other question. Built once per question."""
    asked = _asked_term(question)
    if asked is None:
        return None
    term = re.escape(asked).replace(r"\ ", r"\s+")
    return re.compile(
        rf"\b{term}s?\b(?:\s*\([^)]*\))?\s*(?:,\s*(?:an?|the)\b|(?:is|are|was|were)\s+(?:an?|the|one|any)\b|refers?\s+to\b"
        rf"|(?:is|are)\s+defined\b|means\b)|\b(?:an?|the)\s+(?:new\s+)?[\w-]+(?:\s+[\w-]+){{0,4}},\s+{term},\s+(?:which|that|a|an)\b",
        re.IGNORECASE,
    )


def defining_sentences(question: str, sentences: list[str]) -> list[int]:
    """For "What is X?": the sentences that say what X is (``definition_pattern``), by index; [] otherwise."""
    says = definition_pattern(question)
    return [] if says is None else [i for i, sentence in enumerate(sentences) if says.search(sentence)]


def asked_acronym(question: str) -> str | None:
    """The acronym whose long form the question asks ("What does CRDP stand for?", "What are RINs?"), or None."""
    defined = _DEFINE.match(question)
    if defined:
        return defined.group(1) or defined.group(2)
    found = _ACRONYM.findall(question) if _STANDS.search(question) else []
    if not found and not any(c.isupper() for c in question):  # typed in lower case: the word asked about
        lower = _LOWER_ASK.match(question)
        found = [next(g for g in lower.groups() if g)] if lower else []
    return found[0] if found else None


def acronym_answer(question: str, sentences: list[str]) -> str | None:
    """For "what does IIOE stand for" (or "What are RINs?"): the long form; for "what is the acronym of X": the
    short one."""
    asked = asked_acronym(question)
    if asked:
        long = next((long for sentence in sentences if (long := expand_acronym(sentence, asked))), None)
        if long or not _STANDS.search(question):
            return long
    if not _STANDS.search(question):
        return None
    qterms = _terms(question)
    for sentence in sentences:  # the question names the long form, the answer is the acronym after it
        for m in re.finditer(r"\(\s*([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)\s*\)", sentence):
            long = expand_acronym(sentence, m.group(1))
            if long and _terms(long) <= qterms:
                return m.group(1)
    return None


def _terms(text: str) -> set[str]:
    return set(tokenize(text))


def respelled(qwords: list[str], cand_words: list[list[str]]) -> list[str]:
    """Question words the passages lack, replaced by a close spelling they have ("tchaikovski" -> "chaikovski")."""
    vocab = {w for ws in cand_words for w in ws}
    if all(w in vocab for w in qwords):
        return qwords
    spelling = Spelling(sorted(vocab))
    out: list[str] = []
    for w in qwords:
        out.extend([w] if w in vocab else (spelling.close(w)[:1] or [w]))
    return out


# An acronym a question uses: three to six capitals ("NRR", "CSAT").
_SHORTHAND = re.compile(r"\b[A-Z]{3,6}\b")
_RUN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_ROMAN = re.compile(r"^[IVX]+$")


def _spelled_by(acronym: str, text: str) -> str | None:
    """The first run of words in ``text`` whose initials spell ``acronym``, inside one line, the first capitalised
    ("Net revenue retention" for NRR), or None."""
    n = len(acronym)
    for line in text.split("\n"):
        words = list(_RUN_WORD.finditer(line))
        for i in range(len(words) - n + 1):
            run = words[i : i + n]
            if not run[0].group()[0].isupper() or any(line[a.end() : b.start()].strip() for a, b in itertools.pairwise(run)):
                continue  # (words next to each other: no comma, number or bracket between them)
            if any(w.group().lower() in STOPWORDS or _ROMAN.match(w.group()) for w in run):
                continue  # ("Mongol and Semu" is no MAS, "World War II" no WWI)
            if "".join(w.group()[0] for w in run).upper() == acronym:
                return line[run[0].start() : run[-1].end()]
    return None


def initialisms_spelled(question: str, texts: list[str]) -> str:
    """The question with an acronym the passages never write read as the words whose initials spell it ("what was NRR
    in Q3" -> "what was Net revenue retention in Q3", where a deck writes "Net revenue retention 108%"): a team
    asks in its own shorthand what a document spells out; neither the embedder nor the word overlap can know."""
    for acronym in dict.fromkeys(_SHORTHAND.findall(question)):
        if acronym.lower() in POST_INITIALS or any(re.search(rf"\b{acronym}\b", t) for t in texts):
            continue  # (a post's initials are read as posts are: text/posts.py, with the company they are of)
        long = next((found for t in texts if (found := _spelled_by(acronym, t))), None)
        if long:
            question = re.sub(rf"\b{acronym}\b", long, question)  # (the acronym itself would count as a word missed)
    return question
