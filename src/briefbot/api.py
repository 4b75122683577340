"""briefbot's Python API: ingest a folder, search it, ask it questions, brief it. The CLI is a thin layer over this."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefbot.answer.llm.openai_chat import OnToken
from briefbot.errors import ConfigError, IndexError_, IndexReadOnlyError, LoadError
from briefbot.index.embedding import Embedder, make_embedder
from briefbot.index.store import Index
from briefbot.ingest.changes import index_root, needs_refresh
from briefbot.ingest.pipeline import Progress, ingest
from briefbot.schema import Answer, Draft, IngestReport, Passage, Usage
from briefbot.settings import Settings, check, load_settings

if TYPE_CHECKING:
    from briefbot.answer.chat import Conversation
    from briefbot.answer.verify.verify import Verifier

Decompose = Callable[[str], list[str]]  # a question -> the sub-questions retrieved for it
TOPIC_PASSAGES = 20  # passages a topic brief reads before keeping those really about the topic


class Briefbot:
    """One knowledge base: settings, the embedder (loaded once), and the index."""

    def __init__(self, settings: Settings | None = None, **overrides: Any) -> None:
        self.settings = check(settings) if settings is not None else load_settings(**overrides)
        self._embedder: Embedder | None = None
        self._index: Index | None = None
        self._retriever: Any = None
        self._verifier: Verifier | None = None
        self._reader: Any = None
        self._sentences: Any = None

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = make_embedder(self.settings)
        return self._embedder

    def index(self) -> Index:
        if self._index is None:
            if not self.settings.chroma_url and not (self.settings.index / "chroma").exists() and not self._corpus_exists():
                raise IndexError_(f"no index at {self.settings.index}, and {self._corpus_missing()}")
            self._index = Index.open(self.settings, self.embedder.name, self.embedder.dim, create=False)
        return self._index

    # --- telling a new user where documents go ---------------------------------------------------

    def _corpus_exists(self) -> bool:
        return any(p.exists() for p in self.settings.corpus)

    def _corpus_missing(self) -> str:
        """The configured corpus is missing: how to point briefbot at documents."""
        where = ", ".join(str(p) for p in self.settings.corpus)
        return (
            f"the documents folder {where} does not exist: index your documents with `briefbot ingest PATH`, "
            "or set `corpus` in briefbot.toml"
        )

    def _nothing_indexed(self) -> IndexError_:
        """The index exists but holds no chunk: say why rather than decline to answer."""
        if not self._corpus_exists():
            return IndexError_(f"nothing is indexed yet: {self._corpus_missing()}")
        from briefbot.ingest.loading import READABLE

        where = ", ".join(str(p) for p in self.settings.corpus)
        return IndexError_(
            f"nothing is indexed yet: {where} holds no documents briefbot reads ({READABLE}); "
            "add some and run `briefbot ingest`, or `briefbot ingest PATH`"
        )

    def _warm(self) -> None:
        """Before the index is first opened for a query: load the model meanwhile (see warm_in_background)."""
        if self._index is None:
            from briefbot.index.embedding import warm_in_background

            warm_in_background(self.embedder)

    # --- building -----------------------------------------------------------------------------

    def ingest(
        self,
        paths: Sequence[Path] | None = None,
        rebuild: bool = False,
        progress: Progress | None = None,
        lock_timeout: float | None = None,
    ) -> IngestReport:
        self._index = None
        if not paths and not self._corpus_exists():
            raise LoadError(self._corpus_missing())
        try:
            return ingest(
                self.settings, paths, rebuild=rebuild, embedder=self.embedder, progress=progress, lock_timeout=lock_timeout
            )
        finally:
            self._index = None  # a search during the ingest opened it then: the next one sees the new chunks

    def refresh(self, progress: Progress | None = None) -> IngestReport | None:
        """Bring the index up to date with the configured corpus when it changed (stat-only check).

        Raises IndexBusyError at once when another ingest is running: the index then answers
        from the files it has completely written; IndexReadOnlyError when files changed but the
        index cannot be written: it then answers as it was built.
        """
        self._warm()
        has_index = self.settings.chroma_url or (self.settings.index / "chroma").exists()
        if has_index and not needs_refresh(self.settings, self.index()):
            return None
        if has_index and not self.settings.chroma_url:
            from briefbot.index.readonly import read_only

            why = read_only(self.settings.index)
            if why:
                raise IndexReadOnlyError(
                    f"index folder {self.settings.index} {why}: answering from it as it was built "
                    "(files changed since are not seen)"
                )
        if not any(p.exists() for p in self.settings.corpus):
            return None
        return self.ingest(progress=progress, lock_timeout=0)

    # --- reading ------------------------------------------------------------------------------

    def search(
        self, query: str, k: int | None = None, source: str | None = None, decompose: Decompose | None = None
    ) -> list[Passage]:
        """The top k passages; with ``multihop`` on (and no ``source``), a second hop when one passage cannot answer.

        ``decompose`` (an LLM's question -> sub-questions) is called only when the first hop does not answer.
        Raises IndexError_ when nothing is indexed at all.
        """
        if not query.strip():
            raise ConfigError("the query is empty")
        k = k or self.settings.k
        if not self.settings.multihop or source is not None:
            passages = self.retriever().search(query, k, source=source)
        else:
            from briefbot.answer.retrieve import multihop

            passages = multihop.search(self.retriever(), query, k, decompose=decompose)
        if not passages and source is None and self.index().count() == 0:  # checked only when nothing was found
            raise self._nothing_indexed()
        return passages

    def retriever(self) -> Any:
        """The retriever, kept so the BM25 index is loaded and checked once per session."""
        from briefbot.answer.retrieve.retrieval import Retriever
        from briefbot.index import lexical

        self._warm()
        if self._retriever is None or self._retriever.index is not self.index():
            self._retriever = Retriever(
                self.index(), self.embedder, self.settings.lexical_weight, lexical.folder(self.settings),
                rerank=self.settings.rerank, pending=self._pending_sources, settled=self._settled,
            )
        return self._retriever

    def _settled(self) -> bool:
        """No ingest running or left unfinished: the index is as the last one left it (manifest.nothing_pending)."""
        from briefbot.ingest import manifest

        return not self.settings.chroma_url and manifest.nothing_pending(self.settings.index)

    def _pending_sources(self) -> list[str]:
        """Files mid-write, hidden from readers: none while the ingest snapshot vouches for the index
        (two stats, see manifest.nothing_pending); otherwise chromadb is asked."""
        from briefbot.ingest import manifest

        if not self.settings.chroma_url and manifest.nothing_pending(self.settings.index):
            return []
        return self.index().pending_sources()

    def _generator(self) -> Any:
        if self.settings.generator_name == "openai":
            from briefbot.answer.llm.openai_chat import OpenAIGenerator

            return OpenAIGenerator(self.settings)
        return self.reader()

    def reader(self) -> Any:
        """The offline extractive answerer, kept so sentence vectors are reused across questions; the LLM path
        asks it whether the passages answer a question at all (see ask)."""
        if self._reader is None:
            from briefbot.answer.extract.extractive import ExtractiveGenerator

            self._reader = ExtractiveGenerator(self._sentence_embedder(), min_score=self.settings.min_score)
        return self._reader

    def _sentence_embedder(self) -> Embedder:
        """The embedder for passage sentences: vectors kept beside the index for the next process
        (index/sentence_cache.py), the same object for the reader and the checker."""
        if self._sentences is None:
            from briefbot.index.sentence_cache import SentenceVectors

            self._sentences = SentenceVectors(self.embedder, self.settings.index)
        return self._sentences  # type: ignore[return-value]

    def verifier(self) -> Verifier:
        """The support checker (answer/verify/verify.py), kept so passage sentence vectors are reused."""
        from briefbot.answer.verify.verify import Verifier

        if self._verifier is None:
            self._verifier = Verifier(self._sentence_embedder())
        return self._verifier

    def _check(
        self, question: str, draft: Any, passages: list[Passage], answer: bool = False, answerable: bool = True
    ) -> Answer:
        """Every sentence checked against what it cites; unsupported ones removed unless ``verify`` is off
        (an answer whose first claim goes, or one to a question the passages do not answer, is declined: see
        cite.check_citations)."""
        from briefbot.answer.verify.cite import check_citations

        return check_citations(
            question, draft, passages, self.verifier(), remove=self.settings.verify, lead_decides=answer, answerable=answerable
        )

    def ask(self, question: str, k: int | None = None, on_token: OnToken | None = None) -> Answer:
        """Answer from the indexed documents, every sentence cited; declines when they do not say."""
        from briefbot.answer.extract.question_kind import asks_for_summary, names_a_topic
        from briefbot.answer.llm.prompts import load_template

        question = question.strip()
        if not question:
            raise ConfigError("the question is empty")
        gen = self._generator()
        if gen.name == "extractive" and asks_for_summary(question):
            # "What did the group decide about X?": what several passages said, not one quoted sentence;
            # "Summarize the meeting": the brief of everything indexed.
            topic = names_a_topic(question)
            answer = self.brief(about=question if topic else None, k=k)
            answer.question = question
            answer.scope = None if topic else answer.scope  # what a brief of everything covers stays shown
            return answer
        spent: list[Usage] = []
        decompose = None
        if gen.name != "extractive" and self.settings.decompose:
            def decompose(q: str) -> list[str]:
                subs, usage = gen.decompose(q, load_template("decompose", self.settings.prompts))
                spent.extend([usage] if usage else [])
                return subs

        passages = self.search(question, k, decompose=decompose)
        if gen.name == "extractive":
            draft, answerable = gen.answer(question, passages), True  # it declines by the same reading itself
        else:
            # Does a sentence of what was found answer the question? The offline answerer's reading, calibrated on
            # SQuAD 2.0 (answer/extract/decline.py). When it finds none, the model is not asked with verification on (its
            # answer would be declined), and its answer is reported unsupported with verification off.
            answerable = self.reader().finds_answer(question, passages)
            if answerable or not self.settings.verify:
                draft, passages = gen.answer(question, passages, load_template("answer", self.settings.prompts), on_token)
            else:
                from briefbot.answer.verify.cite import NOT_ASKED

                draft = Draft(NOT_ASKED, answered=False, model=gen.name)
        for usage in spent:  # the decomposition's tokens count in the answer's usage
            draft.usage = usage + draft.usage if draft.usage else usage
        return self._check(question, draft, passages, answer=True, answerable=answerable)

    def conversation(self) -> Conversation:
        """A chat session: follow-up questions are read in the context of the earlier ones."""
        from briefbot.answer.chat import Conversation

        return Conversation(self)

    def brief(
        self,
        about: str | None = None,
        source: str | None = None,
        words: int | None = None,
        on_token: OnToken | None = None,
        k: int | None = None,
    ) -> Answer:
        """One paragraph of executive summary of the corpus, a topic, or one file (see answer/brief/briefing.py).

        ``k`` bounds the passages a topic is searched in (default TOPIC_PASSAGES): `ask -k` on a summary question.
        """
        from briefbot.answer.brief.briefing import plan_brief
        from briefbot.answer.llm.prompts import load_template

        words = words or self.settings.brief_words
        about = (about or "").strip() or None
        if source is not None:
            source = self._source_name(source)
        topic = self.search(about, k or TOPIC_PASSAGES, source=source) if about else None
        plan = plan_brief(self.index(), self._sentence_embedder(), words, source=source, about=about, topic_passages=topic,
                          min_score=self.settings.min_score)
        draft, passages = plan.draft, plan.passages
        if source is None and about is None and not passages and self.index().count() == 0:
            raise self._nothing_indexed()
        gen = self._generator()
        notes: list[str] = []
        if gen.name != "extractive" and draft.answered:
            offline = draft
            template = load_template("brief", self.settings.prompts)
            draft, passages = gen.brief(plan.material or passages, words, about, template, on_token)
            notes.extend(draft.notes)  # e.g. how many calls a brief of long material took
            if draft.fallback:
                notes.append(f"{draft.model}'s brief had {draft.fallback}: this is the offline extractive brief")
                draft = Draft(offline.text, offline.answered, draft.model, draft.usage)
                passages = plan.passages
        question = f"brief: {about}" if about else (f"brief: {source}" if source else "brief")
        answer = self._check(question, draft, passages)
        if gen.name != "extractive" and plan.draft.answered and not answer.answered and not draft.fallback:
            # cited, but nothing it cites backs it: the offline brief stands, and what was removed is still reported
            removed = answer.unsupported
            notes.append(f"{draft.model}'s brief had no sentence its citations support: this is the offline extractive brief")
            answer = self._check(question, Draft(plan.draft.text, True, draft.model, draft.usage), plan.passages)
            answer.unsupported = removed + answer.unsupported
        answer.scope = plan.scope
        answer.notes = notes + answer.notes
        return answer

    def _source_name(self, source: str) -> str:
        """Accept a path as typed (relative to the working folder) or as shown by `briefbot sources`."""
        from briefbot.ingest.loading import source_name

        path = Path(source)
        if path.exists():
            return source_name(path.absolute(), index_root(self.settings))
        return source

    def sources(self) -> dict[str, Any]:
        index = self.index()
        records = sorted(index.file_records().values(), key=lambda r: r.source)
        return {
            "embedder": index.embedder,
            "dim": index.dim,
            "index": str(self.settings.chroma_url or self.settings.index),
            "chunks": index.count(),
            "files": [{"path": r.source, "chunks": r.chunks, "indexed_at": r.indexed_at} for r in records],
            "embedding_cache": self._cache_info(),
        }

    def _cache_info(self) -> dict[str, Any] | None:
        """How big the embedding cache is (vectors and bytes); None without one."""
        from briefbot.index.embed_cache import stats

        return None if self.settings.chroma_url else stats(self.settings.index)
