"""Which brief to write: a topic's, one file's, or the whole corpus's. The API calls plan_brief; an LLM, when
configured, rewrites from the plan's material, and the offline plan stands when it declines."""

from __future__ import annotations

from briefbot.answer.brief.corpus_brief import brief_corpus
from briefbot.answer.brief.file_brief import NAME, NOTHING, BriefPlan, brief_file
from briefbot.answer.brief.topic_brief import brief_topic
from briefbot.errors import ConfigError
from briefbot.index.embedding import Embedder
from briefbot.index.store import Index
from briefbot.schema import Draft, Passage


def plan_brief(
    index: Index,
    embedder: Embedder,
    words: int,
    source: str | None = None,
    about: str | None = None,
    topic_passages: list[Passage] | None = None,
    min_score: float = 0.45,
) -> BriefPlan:
    """Which brief: a topic's (from passages retrieved for it), one file's, or the whole corpus's."""
    from briefbot.answer.retrieve.retrieval import collapse_duplicates

    if about:
        return brief_topic(topic_passages or [], embedder, words, about, min_score)
    if source is None:
        plan = brief_corpus(index, embedder, words)
        if plan is not None:
            return plan
        records = list(index.file_records())
        if not records:
            return BriefPlan(Draft(NOTHING, answered=False, model=NAME), [])
        source = records[0]
    chunks, _ = index.get_chunks(where={"source": source})
    if not chunks:
        raise ConfigError(f"{source}: not in the index (see `briefbot sources`)")
    return brief_file(collapse_duplicates([Passage(c, 1.0) for c in chunks]), embedder, words)
