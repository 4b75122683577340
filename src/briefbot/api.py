"""briefbot's Python API: ingest a folder, search it, ask it questions, brief it. The CLI is a thin layer over this."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefbot.answer.openai_chat import OnToken
from briefbot.errors import ConfigError
from briefbot.index.embedding import Embedder, make_embedder
from briefbot.index.store import Index
from briefbot.ingest.pipeline import Progress, index_root, ingest, needs_refresh
from briefbot.schema import Answer, Draft, IngestReport, Passage
from briefbot.settings import Settings, load_settings

if TYPE_CHECKING:
    from briefbot.answer.chat import Conversation

BRIEF_PASSAGES = 12  # passages a whole-corpus or topic brief draws from


class Briefbot:
    """One knowledge base: settings, the embedder (loaded once), and the index."""

    def __init__(self, settings: Settings | None = None, **overrides: Any) -> None:
        self.settings = settings or load_settings(**overrides)
        self._embedder: Embedder | None = None
        self._index: Index | None = None
        self._retriever: Any = None
        self._verifier: Any = None

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = make_embedder(self.settings)
        return self._embedder

    def index(self) -> Index:
        if self._index is None:
            self._index = Index.open(self.settings, self.embedder.name, self.embedder.dim, create=False)
        return self._index

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
        return ingest(
            self.settings, paths, rebuild=rebuild, embedder=self.embedder, progress=progress, lock_timeout=lock_timeout
        )

    def refresh(self, progress: Progress | None = None) -> IngestReport | None:
        """Bring the index up to date with the configured corpus when it changed (stat-only check).

        Raises IndexBusyError at once when another ingest is running: the index then answers
        from the files it has completely written.
        """
        self._warm()
        has_index = self.settings.chroma_url or (self.settings.index / "chroma").exists()
        if has_index and not needs_refresh(self.settings, self.index()):
            return None
        if not any(p.exists() for p in self.settings.corpus):
            return None
        return self.ingest(progress=progress, lock_timeout=0)

    # --- reading ------------------------------------------------------------------------------

    def search(self, query: str, k: int | None = None, source: str | None = None) -> list[Passage]:
        return self.retriever().search(query, k or self.settings.k, source=source)

    def retriever(self) -> Any:
        """The retriever, kept so the BM25 index is loaded and checked once per session."""
        from briefbot.answer.retrieval import Retriever
        from briefbot.index import lexical

        self._warm()
        if self._retriever is None or self._retriever.index is not self.index():
            self._retriever = Retriever(
                self.index(), self.embedder, self.settings.lexical_weight, lexical.folder(self.settings),
                rerank=self.settings.rerank,
            )
        return self._retriever

    def _generator(self) -> Any:
        if self.settings.generator_name == "openai":
            from briefbot.answer.openai_chat import OpenAIGenerator

            return OpenAIGenerator(self.settings)
        from briefbot.answer.extractive import ExtractiveGenerator

        return ExtractiveGenerator(self.embedder, min_score=self.settings.min_score)

    def verifier(self) -> Any:
        """The support checker (answer/verify.py), kept so passage sentence vectors are reused."""
        from briefbot.answer.verify import Verifier

        if self._verifier is None:
            self._verifier = Verifier(self.embedder)
        return self._verifier

    def _check(self, question: str, draft: Any, passages: list[Passage]) -> Answer:
        """Every sentence checked against what it cites; unsupported ones removed unless ``verify`` is off."""
        from briefbot.answer.cite import check_citations

        return check_citations(question, draft, passages, self.verifier(), remove=self.settings.verify)

    def ask(self, question: str, k: int | None = None, on_token: OnToken | None = None) -> Answer:
        """Answer from the indexed documents, every sentence cited; declines when they do not say."""
        from briefbot.answer.prompts import load_template

        question = question.strip()
        if not question:
            raise ConfigError("the question is empty")
        passages = self.search(question, k)
        gen = self._generator()
        if gen.name == "extractive":
            draft = gen.answer(question, passages)
        else:
            draft, passages = gen.answer(question, passages, load_template("answer", self.settings.prompts), on_token)
        return self._check(question, draft, passages)

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
    ) -> Answer:
        """One paragraph of executive summary of the corpus, a topic, or one file."""
        from briefbot.answer.prompts import load_template
        from briefbot.answer.retrieval import collapse_duplicates

        words = words or self.settings.brief_words
        index = self.index()
        if source is not None:
            source = self._source_name(source)
            chunks, _ = index.get_chunks(where={"source": source})
            if not chunks:
                raise ConfigError(f"{source}: not in the index (see `briefbot sources`)")
            passages = collapse_duplicates([Passage(c, 1.0) for c in chunks])
        elif about:
            passages = self.search(about, BRIEF_PASSAGES)
        else:
            passages = self._central_passages(BRIEF_PASSAGES)
        gen = self._generator()
        notes: list[str] = []
        if gen.name == "extractive":
            draft = gen.brief(passages, words)
        else:
            retrieved = passages
            draft, passages = gen.brief(passages, words, about, load_template("brief", self.settings.prompts), on_token)
            if draft.fallback:
                from briefbot.answer.extractive import ExtractiveGenerator

                offline = ExtractiveGenerator(self.embedder, min_score=self.settings.min_score).brief(retrieved, words)
                notes.append(f"{draft.model}'s brief had {draft.fallback}: this is the offline extractive brief")
                draft = Draft(offline.text, offline.answered, draft.model, draft.usage)
                passages = retrieved
        question = f"brief: {about}" if about else (f"brief: {source}" if source else "brief")
        answer = self._check(question, draft, passages)
        answer.notes = notes
        return answer

    def _central_passages(self, n: int) -> list[Passage]:
        """Chunks closest to the corpus centroid, made diverse: the material a whole-corpus brief draws on."""
        import numpy as np

        from briefbot.answer.retrieval import collapse_duplicates

        chunks, vecs = self.index().get_chunks(with_vectors=True)
        if not chunks or vecs is None:
            return []
        centroid = vecs.mean(axis=0)
        centroid /= np.linalg.norm(centroid) or 1.0
        central = vecs @ centroid
        chosen: list[int] = []
        max_sim = np.zeros(len(chunks), dtype=np.float32)
        for _ in range(min(n, len(chunks))):
            score = 0.6 * central - 0.4 * max_sim
            score[chosen] = -np.inf
            i = int(np.argmax(score))
            chosen.append(i)
            max_sim = np.maximum(max_sim, vecs @ vecs[i])
        passages = [Passage(chunks[i], float(central[i])) for i in chosen]
        return collapse_duplicates(passages)

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
        }
