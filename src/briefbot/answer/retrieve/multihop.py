"""Multi-hop retrieval: questions whose answer needs two or more passages that the question names unequally.

"Which band released Counterparts and had a drummer in the Modern Drummer Hall of Fame?" finds the
drummer's page, which names the band; only a second query with that name (a *bridge entity*) finds
the band's page. So: the first hop is ordinary retrieval; when its best passage does not already cover
the question, names it holds and the question lacks are queried again, together with the question's
words the passage lacks, and the rankings are fused so the top k covers the chain. A comparison ("X or
Y?", "Are X and Y both ...") is retrieved for each side; with an LLM, sub-questions are retrieved each.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefbot.answer.extract.choice import options
from briefbot.answer.retrieve.rerank import coverage, passage_words
from briefbot.answer.shape.definitions import asked_acronym, definition_pattern, expand_acronym
from briefbot.answer.shape.quotes import quotable
from briefbot.index.lexical import STOPWORDS, tokenize
from briefbot.schema import Passage

if TYPE_CHECKING:
    from briefbot.answer.retrieve.retrieval import Retriever

# Constants fitted on the even-numbered questions of the three multi-hop dev samples and SQuAD v1.1
# (bench/quality.py, see README-quality.md); reported there on the odd-numbered half too.
# When the second hop fires: fitted on the same halves by bench/fit_hop.py (the sweep in README-speed.md).
ANSWERED = 0.9  # the first passage holds this share of the question's rarer words: one hop is enough
CLOSE = 0.5  # below this cosine the first passage is no first link (the answer is likely not indexed): one hop
REWORDED = 2  # a short question whose first passage lacks fewer of its words than this was reworded, not chained
LONG_QUESTION = 6  # content words from which a question may chain even when its first passage lacks only one
# The next four were set by reasoning, then swept by bench/fit_fusion.py (half 0 of the three multi-hop sets
# and SQuAD v1.1): only ENTITY_DECAY moved (0.6 -> 0.9: a passage's second name is as often the bridge).
PARENTS = 2  # first-hop passages whose names are followed
ENTITIES = 2  # names followed per passage
HOP_WEIGHT = 0.7  # a second-hop find ranks as this share of its parent's first-hop rank score
ENTITY_DECAY = 0.9  # the second name of a passage counts this much of the first
RANK_OFFSET = 1.0  # rank score = weight / (RANK_OFFSET + rank)
HOP_DEPTH = 20  # depth of each extra query's candidate lists (the first hop uses retrieval's own)
HOP_KEEP = 5  # passages kept from each extra query
DECOMPOSE_MIN_TERMS = 5  # an LLM is asked to decompose only questions with this many content words
DECOMPOSE_BELOW = 0.7  # whose first passage holds less than this share of them (set, not fitted: the LLM is too slow to benchmark)
DEFINE_DEPTH = 100  # how deep a question about an acronym or a term looks for a passage that says what it is
HOPS = 2  # 3 follows the best chain to a third passage: on half 0 it lost (HotpotQA .84 -> .80, MuSiQue .44 -> .42)
THIRD_ENTITIES = 1  # names followed from the second passage of the best chain

_WORDCAP = r"[A-Z](?:\.|[\w'-]*)"  # a capitalised word, or an initial ("J.")
_CAPS = re.compile(
    r"\"[^\"\n]{2,60}\"|“[^”\n]{2,60}”|"  # a quoted title
    rf"\b{_WORDCAP}(?:[ \t]+(?:(?:of|the|de|del|da|la|le|von|van|du)[ \t]+)?{_WORDCAP})*"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
_BOTH = re.compile(
    r"^(?P<verb>are|were|is|was|do|did|does|have|has)\s+(?:both\s+)?(?P<a>.+?)\s+and\s+(?P<b>.+?)\s+(?P<rest>(?:both|the same|from the same|of the same|have|share|in the same)\b.*)$",
    re.IGNORECASE,
)


@dataclass
class Hop:
    """One ranking and the weight its ranks count with when fused."""

    passages: list[Passage]
    weight: float


def comparison_sides(question: str) -> list[str]:
    """Queries for each side of a comparison ("X or Y?", "Are X and Y both ..."), else []."""
    q = " ".join(question.split())
    found = options(q)
    if found:
        head, a, b = found
        return [f"{a} {head}", f"{b} {head}"]
    m = _BOTH.match(q.rstrip("?"))
    if m:
        rest = m.group("rest").strip()
        return [f"{m.group('a')} {rest}", f"{m.group('b')} {rest}"]
    return []


def bridge_entities(question: str, passage: str, limit: int = ENTITIES) -> list[str]:
    """Names in ``passage`` the question does not contain, those in its best-matching sentence first."""
    qterms = set(tokenize(question))
    found: list[tuple[float, int, str]] = []
    seen: set[str] = set()
    for n, m in enumerate(_CAPS.finditer(passage)):
        name = m.group().strip("\"“”' ").rstrip(".")
        words = tokenize(name)
        if not words or name.lower() in seen:
            continue
        if set(words) <= qterms:
            continue  # the question names it already
        single = len(name.split()) == 1
        if single and (name.lower() in STOPWORDS or _SENTENCE_START.search(passage[: m.start()])):
            continue  # "The", "He", a capitalised first word
        seen.add(name.lower())
        # Nearness to the question's words: names in a sentence that shares them are the likely bridge.
        lo, hi = max(0, m.start() - 200), m.end() + 200
        near = len(qterms & set(tokenize(passage[lo:hi]))) / (len(qterms) or 1)
        found.append((near + (0.2 if not single else 0.0), -n, name))
    found.sort(reverse=True)
    return [name for _, _, name in found[:limit]]


def residual(question: str, passage: str) -> str:
    """The question's words that ``passage`` lacks: what the next hop must still find."""
    have = set(tokenize(passage))
    words = re.findall(r"[\w'-]+", question)
    keep = [w for w in words if w.lower() not in STOPWORDS and not (set(tokenize(w)) <= have)]
    return " ".join(keep)


def needs_second_hop(question: str, passages: Sequence[Passage]) -> bool:
    """A second hop can help: the first passage is close to the question but lacks some of its words.

    Not when it holds (nearly) all of the question's rarer words (nothing left to chain to), when it is
    far from the question (its names are no bridge: the index likely lacks the answer), or when a short
    question misses only one word of it (a reworded question, as most single-hop ones are).
    """
    if not passages:
        return False
    first = passages[0]
    if first.dense_score is not None and first.dense_score < CLOSE:
        return False
    if coverage(question, [p.chunk.text for p in passages[:5]]) >= ANSWERED:
        return False
    terms = set(tokenize(question))
    return len(terms) >= LONG_QUESTION or len(terms - passage_words(first.chunk.text)) >= REWORDED


def worth_decomposing(question: str, passages: Sequence[Passage]) -> bool:
    """An LLM call is slow and costs tokens: only for a long question the first passage covers poorly."""
    if len(set(tokenize(question))) < DECOMPOSE_MIN_TERMS:
        return False
    return bool(coverage(question, [p.chunk.text for p in passages[:5]]) < DECOMPOSE_BELOW) if passages else True


def fuse(hops: list[Hop], k: int) -> list[Passage]:
    """Each passage at the best weighted rank score any ranking gives it, best ``k``."""
    best: dict[str, tuple[float, Passage]] = {}
    for h in hops:
        for rank, p in enumerate(h.passages, 1):
            s = h.weight / (RANK_OFFSET + rank)
            key = p.chunk.id
            if key not in best or s > best[key][0]:
                best[key] = (s, p)
    ranked = sorted(best.values(), key=lambda sp: -sp[0])[:k]
    top = ranked[0][0] if ranked else 1.0
    out = []
    for s, p in ranked:
        out.append(Passage(p.chunk, s / top, dense_score=p.dense_score, lexical_score=p.lexical_score))
    return out


def _query(retriever: Retriever, query: str, depth: int, keep: int) -> list[Passage]:
    return retriever.rank(retriever.candidates(query, depth), keep)


@dataclass
class Link:
    """What a followed name found: the ranking of one second-hop query, and where its name came from."""

    parent_rank: int  # 1 = the name was read in the first hop's best passage
    name_index: int  # 0 = the passage's best bridge name
    name: str
    passages: list[Passage]


def link_weight(link: Link, weight: float = 1.0, hop_weight: float | None = None, decay: float | None = None) -> float:
    """A link's ranks count as ``hop_weight`` of its parent's rank share, less for a passage's later names."""
    hop_weight = HOP_WEIGHT if hop_weight is None else hop_weight
    decay = ENTITY_DECAY if decay is None else decay
    return weight * hop_weight * (decay**link.name_index) * (RANK_OFFSET + 1) / (RANK_OFFSET + link.parent_rank)


def links(
    retriever: Retriever, question: str, first: list[Passage], parents: int = PARENTS, entities: int = ENTITIES
) -> list[Link]:
    """The names in the first ``parents`` passages queried with the question's words each passage lacks.

    The follow-up queries do not depend on each other, so they are retrieved together (one embedding
    batch, one dense search: Retriever.search_many), which costs about as much as one query.
    """
    asks = [
        (r, parent, rest, i, name)
        for r, parent in enumerate(first[:parents], 1)
        for rest in [residual(question, parent.chunk.text)]
        for i, name in enumerate(bridge_entities(question, parent.chunk.text, entities))
    ]
    results = retriever.search_many([f"{name} {rest}".strip() for _, _, rest, _, name in asks], HOP_DEPTH, HOP_KEEP)
    return [
        Link(r, i, name, [p for p in found if p.chunk.id != parent.chunk.id])
        for (r, parent, _, i, name), found in zip(asks, results)
    ]


def _follow(retriever: Retriever, question: str, first: list[Passage], weight: float, hops: int = 2) -> list[Hop]:
    """Rankings from the names in the first passages; the best chain followed once more for a third hop."""
    out: list[Hop] = []
    for link in links(retriever, question, first):
        w = link_weight(link, weight)
        out.append(Hop(link.passages, w))
        if hops <= 2 or link.parent_rank != 1 or link.name_index != 0 or not link.passages:
            continue
        parent, found = first[0], link.passages
        rest = residual(question, parent.chunk.text)
        if rest:
            # The chain so far reached found[0]; what the question still asks is `rest`, asked of its next name.
            for name3 in bridge_entities(f"{question} {link.name}", found[0].chunk.text, THIRD_ENTITIES):
                more = _query(retriever, f"{name3} {residual(rest, found[0].chunk.text)}".strip(), HOP_DEPTH, HOP_KEEP)
                out.append(Hop([p for p in more if p.chunk.id not in (parent.chunk.id, found[0].chunk.id)], w * HOP_WEIGHT))
    return out


def search(
    retriever: Retriever,
    question: str,
    k: int,
    first: list[Passage] | None = None,
    decompose: Callable[[str], list[str]] | None = None,
) -> list[Passage]:
    """The top ``k`` for a question that may need several passages; the plain ranking when one answers it.

    ``first`` is the ordinary ranking of the question when already computed (at least ``k`` deep);
    ``decompose`` is an LLM's split into sub-questions (prompts/decompose.md), each then retrieved on its own.
    """
    if first is None:
        first = retriever.search(question, max(k, HOP_KEEP))
    acronym = asked_acronym(question)  # "What does CRDP stand for?"
    says = definition_pattern(question)  # "What is SVD-RND?"
    if acronym is not None or says is not None:
        def defines(s: str) -> bool:
            return (acronym is not None and expand_acronym(s, acronym) is not None) or (says is not None and says.search(s) is not None)

        return defining_first(retriever, question, defines, first[:k])
    sides = comparison_sides(question)
    if not sides and not needs_second_hop(question, first):
        return first[:k]
    return follow_up(retriever, question, first, k, sides, decompose)


def defining_first(retriever: Retriever, question: str, defines: Callable[[str], bool], found: list[Passage]) -> list[Passage]:
    """``found`` with a passage that defines what is asked first: "What does CRDP stand for?" and "What is SVD-RND?"
    rank passages that use the term often above the one that spells it out once, which a reader needs."""
    def holds(p: Passage) -> bool:  # in a sentence that may be quoted (a heading "Long Name (ACRO)" may not)
        return any(defines(sentence) for _, _, sentence in quotable(p.chunk.text))

    if not found or any(holds(p) for p in found):
        return found
    deeper = retriever.search(question, DEFINE_DEPTH)
    defining = next((p for p in deeper if holds(p)), None)
    return found if defining is None else [defining, *found[: len(found) - 1]]


def follow_up(
    retriever: Retriever,
    question: str,
    first: list[Passage],
    k: int,
    sides: list[str],
    decompose: Callable[[str], list[str]] | None = None,
) -> list[Passage]:
    """The second hop (and the comparison's sides, an LLM's sub-questions) fused with the first ranking."""
    sub_questions: list[str] = []
    if decompose is not None and worth_decomposing(question, first):
        sub_questions = [q for q in decompose(question) if q.strip().lower() != question.strip().lower()]
    hops = [Hop(first, 1.0)]
    hops += _follow(retriever, question, first, 1.0, HOPS)
    extra = [*sides, *sub_questions]
    for q, found in zip(extra, retriever.search_many(extra, HOP_DEPTH, HOP_KEEP)):
        hops.append(Hop(found, 1.0))
        hops += _follow(retriever, q, found, 1.0)
    return fuse(hops, k)
