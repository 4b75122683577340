"""Briefs without an LLM: one paragraph of quoted sentences, each with its citation, that leads with the main point.

One file: sentences scored by centrality and a little by position (keyword coverage is measured but off:
KEYWORDS), chosen by MMR so the paragraph covers the document's parts and says nothing twice; a short file's
opening sentence opens the paragraph when it is among the best points (a news lead), the rest in document order. Long files are summarised window by
window, then the window summaries, so the brief cites their beginning, middle and end. A topic's brief is in
topic_brief.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from briefbot.answer.brief.brief_units import (
    Unit,
    blocks_of,
    cell_units,
    is_example,
    keyword_cover,
    sentence_key,
    units_of,
    without_speaker,
)
from briefbot.answer.shape.quotes import shown
from briefbot.index.embedding import Embedder
from briefbot.schema import Draft, Passage

NAME = "extractive"
NOTHING = "There is nothing indexed to summarise."
# A file of tables, headings or lists alone (a spreadsheet, a slide of figures): a brief quotes sentences, and a table's
# rows are no sentences (answers quote them: "Region: Midlands; Q3 2025: 1.87").
NO_SENTENCES = "The file has no sentences to summarise (only tables, headings or lists): ask about what it holds."

# Sentence score in a file = CENTRALITY * cosine to the file's centroid + POSITION * exp(-rank / DECAY), chosen by
# MMR with REDUNDANCY. Fitted by grid search on half A of the BBC articles (bench/briefs.py --fit; half B held
# out): centrality carries most, the lead only breaks ties, and a strong redundancy penalty loses ROUGE there
# (reference summaries restate the main point); near-duplicates are still never quoted (NEAR_DUPLICATE).
CENTRALITY = 1.0
POSITION = 0.1
DECAY = 4.0
# KEYWORDS x keyword_cover (the share of the file's recurring words a sentence names, 0..1) is added to the score.
# Fitted on 300 articles of BBC half A (bench/briefs.py --fit): ROUGE-1 .648/.693/.703/.706/.705 at 0/0.3/0.6/1/1.5.
# BBC's reference sentences look chosen by word frequency, so the gain there overstates: against the headlines, which
# people wrote (bench/titles.py, 300 articles a half), it lost: headline words in the whole brief .655/.687 -> .631/.659,
# in its first sentence .455/.493 -> .440/.465 (halves A/B). So it is off (0.0), like RIVAL_FLOOR. Short files only (a file
# under LONG_WORDS is scored whole): in a long file's windows it moved ROUGE-1 by -.003/+.001 (long documents) and
# +.011/-.004 (QMSum), halves A/B, but QMSum's opening sentence lost a share of its word pairs in the reference on
# both halves (.051 -> .040, .080 -> .063; per meeting -.014 +- .008, 10 down, 5 up), so windows are scored as before.
KEYWORDS = 0.0
# A short file's opening sentence leads the brief when it is among the brief's OPENING_AMONG best points (a news
# item's or a memo's lead says what happened; the rest follows in document order). Share of BBC briefs whose first
# sentence is a reference sentence, halves A/B (with KEYWORDS 1.0): best point first .915/.915; opening among the best 2 .902/.913;
# best 3 .885/.896; whenever quoted .843/.841 (bench/briefs.py --openings). BBC asks for no such rule: 2 is the
# smallest setting that lets the Quick start's news lead open its brief (it is that brief's second-best point).
OPENING_AMONG = 2
REDUNDANCY = 0.1  # MMR: weight of the closest already chosen sentence's similarity
NEAR_DUPLICATE = 0.8  # a sentence this close in meaning to a chosen one says the same thing: never quoted
SAME_WORDS = 0.6  # nor one sharing this share of its words (Jaccard) with a chosen one
LONG_WORDS = 1500  # above this a file is briefed window by window, then from the window summaries
WINDOW_WORDS = 600
LEAD_BONUS = 0.1  # a long file's opening window states its purpose (reports, papers): a small preference
# A long file's own summary (the section under a Summary/Abstract heading in its first third) gets this share of
# the budget. Fitted on half A of long-doc-summaries (bench/briefs.py; even-numbered documents): ROUGE-1 .396 without,
# .404/.413/.414/.414 with 0.5/0.7/0.85/1.0 (the smallest share within .002 of the best: room for the rest);
# half B held out. No meeting transcript (QMSum) or news article (BBC) has such a heading. Since 4 Dec a short file's
# own summary leads too, and "Bottom line", "TL;DR", "In brief", "At a glance", "Key points" name one (bench/userbriefs's
# memo); of the 2,225 BBC titles (each article's first line in bench/briefs.py) one matches ("At a glance: Tory health
# checks", whose article is such a list).
LEAD_SHARE = 0.7
SUMMARY_HEADING = re.compile(
    r"^(?:#{1,6}\s*|\*\*)?(?:[\dIVX]+(?:\.\d+)*\.?\s+)?(?:(?:brief|executive|aspects and)\s+)?(?:summary|abstract|overview|highlights"
    r"|key (?:findings|points|messages|takeaways)|what \w+ found|bottom line|tl;? ?dr|in (?:brief|short)|at a glance)\b",
    re.IGNORECASE,
)
# Minutes' own list of what was decided ("## Decisions", "Resolutions"), wherever it stands: the brief leads with it, as
# a report's brief does with its summary (LEAD_SHARE of the budget). Not fitted: no set with reference summaries has
# minutes; the long documents, BBC and QMSum have no such heading (their briefs are unchanged).
DECISIONS_HEADING = re.compile(
    r"^(?:#{1,6}\s*|\*\*)?(?:[\dIVX]+(?:\.\d+)*\.?\s+)?(?:(?:key|main|summary of)\s+)?(?:decisions|resolutions)"
    r"(?:\s+(?:made|taken|reached|agreed))?(?:\s+and\s+(?:actions|action items|next steps))?(?:\*\*)?\s*:?$",
    re.IGNORECASE,
)
COVERAGE = 1.0  # bonus for a part of the document the brief has not drawn on yet: parts first, then depth
# A spoken sentence full of "um", "uh" and {disfmarker} says less per word: its score loses FILLER x that share.
# Fitted on half A of QMSum general (ROUGE-1 .203/.210/.214/.216/.214/.214 at 0/0.3/1/2/3/5); no effect on written text.
FILLER = 2.0
# A sentence saying what was decided (brief_units.decides) scores DECISION more. Fitted on half A of BBC (100 articles)
# and QMSum general (mean ROUGE-1 of the two .4239/.4240/.4230/.4238 at 0/0.05/0.1/0.2; half B held out: README,
# "Briefs of users' documents"). With DECISION_LEADS, when no news lede opens the brief, the first decision chosen
# that the document's own people took (brief_units.decided_here: a board, a committee, "we", "it was agreed") leads it
# (a meeting's "Then we're agreed: ..."), not one it reports ("Lee had decided he was too old ...").
DECISION = 0.05
DECISION_LEADS = True
# A sentence in which the author says what the point is (brief_units.states_the_point: "We propose ...", "I am writing to
# let you know that ...", "The most important change is ...") scores CUE more. Fitted on half A of BBC (100), the long
# documents and QMSum general (mean ROUGE-1 of the three .4219/.4217/.4222/.4238/.4240/.4243 at 0/0.05/0.1/0.2/0.3/0.5,
# with a wider cue list; the smallest setting within .0005 of the best, as LEAD_SHARE). With the final list, at 0.2 and
# CUE_LEADS: BBC identical on both halves, long documents .4167 -> .4285 (A) and .4140 -> .4161 (B), QMSum identical.
# With CUE_LEADS such a sentence, when the brief quotes it, leads it, before a news lede too.
CUE = 0.2
CUE_LEADS = True
SLACK = 8  # a brief this many words short of the budget is full
@dataclass
class BriefPlan:
    """What a brief says, what its [n] markers point at, and what an LLM would be given instead."""

    draft: Draft
    passages: list[Passage]
    material: list[Passage] = field(default_factory=list)
    scope: str | None = None


def prose_vectors(embedder: Embedder, units: list[Unit], said: bool = True) -> np.ndarray:
    """Vectors of the prose units (others stay zero: they are never quoted).

    ``said``: of what a transcript's sentence says, without its speaker's label ("Project Manager: "), which is not
    its content (QMSum general briefs, ROUGE-1 +.006 / +.007 on halves A / B). A topic brief keeps the label: its
    floor was fitted with it, and without it half B's queries on another domain's meeting were declined less often.
    """
    prose = [i for i, u in enumerate(units) if u.prose]
    vecs = np.zeros((len(units), embedder.dim), dtype=np.float32)
    if prose:
        vecs[prose] = embedder.embed([without_speaker(units[i].text) if said and units[i].speaker else units[i].text
                                      for i in prose])
    return vecs


def normalised(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n else v


def select(
    units: list[Unit],
    vecs: np.ndarray,
    score: np.ndarray,
    words: int,
    blocks: Sequence[tuple[int, ...]] | None = None,
    groups: dict[int, int] | None = None,
    after: Sequence[int] = (),
) -> list[int]:
    """MMR over quotable blocks until the word budget is full: best score, least like what is chosen.

    ``groups`` maps a unit to a part of the document; uncovered parts get COVERAGE first. ``after``: units
    already in the brief (their meaning and parts count as said).
    Returns chosen unit indexes in choice order (so the first is the lead point).
    """
    pool = list(blocks if blocks is not None else blocks_of(units))
    chosen: list[int] = []
    taken: set[int] = set()
    covered: set[int] = {groups[u] for u in after if u in groups} if groups is not None else set()
    used = 0
    chosen_vecs: list[np.ndarray] = [vecs[u] for u in after]
    chosen_bags = [bag(units[u]) for u in after]
    while pool and used < words - SLACK:
        best, best_value = -1, -math.inf
        drop: list[int] = []
        for n, block in enumerate(pool):
            new = [u for u in block if u not in taken]
            cost = sum(units[u].words for u in new)
            if not new or used + cost > words:
                drop.append(n)
                continue
            main = block[-1]
            similar = max((float(vecs[main] @ v) for v in chosen_vecs), default=0.0)
            if similar >= NEAR_DUPLICATE or _same_words(bag(units[main]), chosen_bags):
                drop.append(n)
                continue
            value = float(np.mean([score[u] for u in block])) - REDUNDANCY * similar
            if groups is not None and groups[main] not in covered:
                value += COVERAGE
            if value > best_value:
                best, best_value = n, value
        if best < 0:
            break
        block = pool[best]
        for u in block:
            if u not in taken:
                taken.add(u)
                chosen.append(u)
                used += units[u].words
        chosen_vecs.append(vecs[block[-1]])
        chosen_bags.append(bag(units[block[-1]]))
        if groups is not None:
            covered.add(groups[block[-1]])
        keep = set(range(len(pool))) - set(drop) - {best}
        pool = [pool[n] for n in sorted(keep)]
    return chosen


def bag(unit: Unit) -> set[str]:
    return set(sentence_key(unit.text).split())


def _same_words(words: set[str], chosen: list[set[str]]) -> bool:
    """Mostly the same words as a chosen sentence ("So, depends on the cost." / "Then it depends on the cost.")."""
    return any(words and len(words & b) / len(words | b) >= SAME_WORDS for b in chosen)


def arrange(units: list[Unit], chosen: list[int], opening: int | None = None, points: bool = False) -> list[int]:
    """Document order, except that the lead point opens the paragraph, with the sentence leaning on it.

    The lead point is ``opening`` (a short file's first sentence) when the brief quotes it, else the one chosen first.
    With ``points`` (a file's brief, not a topic's): a decision taken here when there is no such opening, and before
    either a sentence in which the author says what the point is (DECISION_LEADS, CUE_LEADS).
    """
    if not chosen:
        return []
    first = opening if opening in chosen else chosen[0]
    if points and DECISION_LEADS and first != opening:  # no news lede: a decision is the point of minutes, meetings
        first = next((u for u in chosen if units[u].decided_here and not units[u].leans), first)
    if points and CUE_LEADS:  # the author says which sentence is the point ("I am therefore writing to let you know ...")
        first = next((u for u in chosen if units[u].cue and not units[u].leans), first)
    if is_example(units[first].text):  # "For example, ..." illustrates a point: the next point leads instead
        first = next((u for u in chosen if not is_example(units[u].text)), first)
    lead = [first]
    nxt = lead[0] + 1
    if nxt in chosen and units[nxt].prev == lead[0] and units[nxt].leans:
        lead.append(nxt)  # the lead was an antecedent: the sentence leaning on it goes with it
    rest = sorted((u for u in chosen if u not in lead), key=lambda u: (units[u].source, units[u].order))
    return lead + rest


def compose(units: list[Unit], ordered: list[int]) -> str:
    return " ".join(f"{shown(units[u].text)} [{units[u].passage + 1}]" for u in ordered)


def file_scores(units: list[Unit], vecs: np.ndarray, members: Sequence[int], keywords: float = 0.0) -> np.ndarray:
    """Position and centrality of each prose unit among ``members`` (a whole file or one window of it), and with
    ``keywords`` that weight on how much of their recurring vocabulary it names."""
    score = np.full(len(units), -np.inf, dtype=np.float32)
    prose = [i for i in members if units[i].prose]
    if not prose:
        return score
    centroid = normalised(vecs[prose].mean(axis=0))
    cover = keyword_cover(units, prose) if keywords else dict.fromkeys(prose, 0.0)
    for rank, i in enumerate(prose):
        score[i] = (CENTRALITY * float(vecs[i] @ centroid) + keywords * cover[i] + POSITION * math.exp(-rank / DECAY)
                    - FILLER * units[i].filler + DECISION * units[i].decision + CUE * units[i].cue)
    return score


def brief_file(passages: list[Passage], embedder: Embedder, words: int) -> BriefPlan:
    """One file's brief from all its chunks; hierarchical when the file is long."""
    units = units_of(passages, whole_file=True)
    prose = [i for i, u in enumerate(units) if u.prose]
    if not prose:  # only tables: the sentences their cells hold (a workbook's notes), if any
        units = cell_units(passages)
        prose = list(range(len(units)))
    if not prose:
        return BriefPlan(Draft(NO_SENTENCES if passages else NOTHING, answered=False, model=NAME), passages)
    vecs = prose_vectors(embedder, units)
    ordered = _ordered(units, vecs, prose, words)
    if not ordered:
        return BriefPlan(Draft("There is nothing short enough to summarise.", answered=False, model=NAME), passages)
    return BriefPlan(Draft(compose(units, ordered), answered=True, model=NAME), passages, material=_material(passages))


def _ordered(units: list[Unit], vecs: np.ndarray, prose: list[int], words: int) -> list[int]:
    """The brief's units in the order it says them: a section the file leads with, else its best points."""
    total = sum(units[i].words for i in prose)
    section = _leading_section(units, prose, total)
    if section:
        return _led_by(units, vecs, section, words)
    chosen, opening = _short_or_long(units, vecs, prose, total, words)
    return arrange(units, chosen, opening, points=True)  # (a topic brief leads with what is most about the topic)


def _leading_section(units: list[Unit], prose: list[int], total: int) -> list[int] | None:
    """What leads a brief when the file says it itself: minutes' decisions (wherever they stand), or a short file's
    own summary ("Bottom line", "Summary", "TL;DR" in its first third; a long file's is read in _hierarchical)."""
    decided = _section_under(units, prose, DECISIONS_HEADING, math.inf)
    if decided or total > LONG_WORDS:
        return decided
    summary = summary_section(units, prose, total)
    if not summary or sum(_is_heading(units[i]) for i in range(summary[0])) <= 1:
        return None  # the heading is the file's title ("At a glance: Tory health checks" over a whole article)
    if prose[0] < summary[0] and sum(_is_heading(units[i]) for i in range(prose[0])) <= 1:
        return None  # the file's own opening paragraph, under nothing but its title, states the point (a results
        # release's lede above its "Highlights"); a memo's "Background" is no such lede
    return summary


def _led_by(units: list[Unit], vecs: np.ndarray, section: list[int], words: int) -> list[int]:
    """The section's points first (LEAD_SHARE of the budget), in its own order; the rest follows in the document's."""
    lead = select(units, vecs, file_scores(units, vecs, section), int(LEAD_SHARE * words))
    inside = set(section)
    others = [i for i in range(len(units)) if i not in inside]
    rest = select(units, vecs, file_scores(units, vecs, others), words - sum(units[u].words for u in lead),
                  blocks=[b for b in blocks_of(units) if not inside.intersection(b)], after=lead)
    lead = sorted(lead, key=lambda u: units[u].order)
    cue = next((u for u in lead if CUE_LEADS and units[u].cue and not units[u].leans), None)
    lead = [cue, *(u for u in lead if u != cue)] if cue is not None else lead  # "We introduce CLARA, ..." in an abstract
    return lead + sorted(rest, key=lambda u: (units[u].source, units[u].order))


def _short_or_long(units: list[Unit], vecs: np.ndarray, prose: list[int], total: int, words: int) -> tuple[list[int], int | None]:
    """The chosen units and the opening that leads when quoted: whole for a short file, window by window for a long one."""
    if total > LONG_WORDS:
        return _hierarchical(units, vecs, prose, total, words), None
    chosen = select(units, vecs, file_scores(units, vecs, range(len(units)), KEYWORDS), words)
    return chosen, (prose[0] if prose[0] in chosen[:OPENING_AMONG] else None)  # a news lead states what happened


def lead_of(passages: list[Passage], embedder: Embedder, words: int) -> Unit | None:
    """The sentence one file's brief would lead with (its chunks all given), or None: a group's point in a corpus
    brief, where a file's first sentence is often a greeting, a dateline's background or an anecdote."""
    units = units_of(passages, whole_file=True)
    prose = [i for i, u in enumerate(units) if u.prose]
    if not prose:
        return None
    ordered = _ordered(units, prose_vectors(embedder, units), prose, words)
    return units[ordered[0]] if ordered else None


def _hierarchical(units: list[Unit], vecs: np.ndarray, prose: list[int], total: int, words: int) -> list[int]:
    """Summarise contiguous windows, then pick from the window summaries, one part of the file at a time.

    A document's own summary leads: the section under a "Summary"/"Abstract" heading in its first third gets
    LEAD_SHARE of the budget (its most central sentences); the rest covers the parts.
    """
    n_windows = max(3, min(40, total // WINDOW_WORDS))
    windows: list[list[int]] = [[] for _ in range(n_windows)]
    seen = 0
    for i in prose:
        windows[min(n_windows - 1, seen * n_windows // total)].append(i)
        seen += units[i].words
    first_of = {}
    for w, members in enumerate(windows):
        first_of.update({i: w for i in members})
    whole = normalised(vecs[prose].mean(axis=0))
    lead: list[int] = []
    section = summary_section(units, prose, total)
    if section:
        members = set(section)
        local = file_scores(units, vecs, section)
        for i in section:
            local[i] = 0.5 * local[i] + 0.5 * float(vecs[i] @ whole)
        inside = [b for b in blocks_of(units) if all(u in members for u in b)]
        lead = select(units, vecs, local, int(LEAD_SHARE * words), blocks=inside)
    # Map: each window's two most central, least redundant sentences (its own summary).
    pool: list[tuple[int, ...]] = []
    for w, members in enumerate(windows):
        local = file_scores(units, vecs, members)
        for i in members:
            local[i] = 0.5 * local[i] + 0.5 * float(vecs[i] @ whole) + (LEAD_BONUS if w == 0 else 0.0)
        inside = [b for b in blocks_of(units) if all(u in first_of and first_of[u] == w for u in b)]
        picked = select(units, vecs, local, 2 * words // 3, blocks=inside)[:3]
        pool.extend(b for b in inside if b[-1] in picked and not set(b) & set(lead))
    # Reduce: the summaries, with parts (groups of windows) covered before any part gets a second point.
    avg = max(10.0, float(np.mean([units[b[-1]].words for b in pool])) if pool else 20.0)
    parts = max(3, min(n_windows, round(words / avg)))
    groups = {u: first_of[u] * parts // n_windows for u in [*lead, *(u for b in pool for u in b)]}
    score = np.full(len(units), -np.inf, dtype=np.float32)
    for b in pool:
        for u in b:
            score[u] = (float(vecs[u] @ whole) + (LEAD_BONUS if first_of[u] == 0 else 0.0) - FILLER * units[u].filler
                        + DECISION * units[u].decision + CUE * units[u].cue)
    rest = select(units, vecs, score, words - sum(units[u].words for u in lead), blocks=pool, groups=groups, after=lead)
    return lead + rest


def summary_section(units: list[Unit], prose: list[int], total: int) -> list[int] | None:
    """The prose under a heading such as "Summary", "Abstract" or "What GAO Found" in the first third of a file."""
    return _section_under(units, prose, SUMMARY_HEADING, total / 3)


def _section_under(units: list[Unit], prose: list[int], heading: re.Pattern[str], within: float) -> list[int] | None:
    """The prose under the first heading matching ``heading`` that comes before ``within`` words of prose."""
    seen = 0
    for i, u in enumerate(units):
        if u.prose:
            seen += u.words
            if seen > within:
                return None
        elif heading.match(u.text) and _is_heading(u):
            end = next((j for j in range(i + 1, len(units)) if not units[j].prose and _is_heading(units[j])),
                       len(units))
            return [j for j in prose if i < j < end] or None
    return None


def _is_heading(unit: Unit) -> bool:
    """A short line of its own without a sentence's closing punctuation."""
    return unit.line and 0 < unit.words <= 12 and not unit.text.rstrip().endswith((".", "?", "!", ":", ";", ","))


def _material(passages: list[Passage]) -> list[Passage]:
    """For an LLM: the whole file, in file order. A file too long for one prompt is read in parts and the
    parts' summaries merged (answer/llm/llm_brief.py, at most ``brief_map_calls`` parts, taken evenly)."""
    return sorted(passages, key=lambda p: p.chunk.start_char)
