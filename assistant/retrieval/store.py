"""The vector index of the knowledge base: the only module that imports chromadb.

Only knowledge passages are ever written here. Incidents are embedded in memory for a
query and never added, so the store holds nothing a leader typed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import chromadb
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.config import Settings as ChromaSettings

from assistant.core.protocols import Embedder
from assistant.retrieval.knowledge import KnowledgeDoc, content_hash

log = logging.getLogger(__name__)

COLLECTION = "knowledge"
Progress = Callable[[int, int], None]


class LlamaEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma's hook onto our own llama.cpp embedder (never chroma's downloading default)."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder

    def __call__(self, input: Documents) -> Embeddings:
        return self._embedder.embed(list(input))  # type: ignore[return-value]

    @staticmethod
    def name() -> str:
        return "repair-assistant-llama"

    def get_config(self) -> dict[str, Any]:
        return {"embedder": self._embedder.name}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> LlamaEmbeddingFunction:
        # Chroma rebuilds functions from stored config; ours needs a loaded model, which the
        # app always passes explicitly, so the rebuilt one only names the embedder.
        return LlamaEmbeddingFunction(_Unloaded(str(config.get("embedder", ""))))

    def default_space(self) -> str:  # type: ignore[override]
        return "cosine"


class _Unloaded:
    """Stands in for an embedder chroma rebuilt from config; never used to embed."""

    def __init__(self, name: str) -> None:
        self.name = name

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        raise RuntimeError("the knowledge index was opened without its embedder")


class KnowledgeIndex:
    """A persistent chroma collection of the knowledge docs, rebuilt only when stale."""

    def __init__(self, index_dir: Path, embedder: Embedder) -> None:
        index_dir.mkdir(parents=True, exist_ok=True)
        self._embedder = embedder
        self._function = LlamaEmbeddingFunction(embedder)
        self._client = chromadb.PersistentClient(
            path=str(index_dir),
            settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False),
        )
        self._collection: Any = None
        self.built = False

    def fingerprint(self, docs: Sequence[KnowledgeDoc]) -> str:
        return f"{content_hash(list(docs))}:{self._embedder.name}"

    def ensure(self, docs: Sequence[KnowledgeDoc], progress: Progress | None = None) -> bool:
        """Open the collection, embedding the docs only if content or embedder changed.

        Returns True when it (re)built the index.
        """
        wanted = self.fingerprint(docs)
        try:
            existing = self._client.get_collection(COLLECTION, embedding_function=self._function)
        except Exception:  # chroma raises NotFoundError / ValueError depending on version
            existing = None
        if existing is not None and (existing.metadata or {}).get("fingerprint") == wanted:
            if existing.count() == len(docs):
                self._collection = existing
                self.built = False
                log.info("knowledge index is current (%s)", wanted)
                return False
        if existing is not None:
            self._client.delete_collection(COLLECTION)
        collection = self._client.create_collection(
            COLLECTION,
            embedding_function=self._function,
            metadata={"fingerprint": wanted, "hnsw:space": "cosine"},
        )
        total = len(docs)
        for index, doc in enumerate(docs, start=1):
            collection.add(
                ids=[doc.id],
                documents=[doc.embedding_text()],
                metadatas=[{"title": doc.title, "stage": doc.stage, "situations": ",".join(doc.situations)}],
            )
            if progress:
                progress(index, total)
        log.info("built the knowledge index: %d passages (%s)", total, wanted)
        self._collection = collection
        self.built = True
        return True

    def similarities(self, text: str) -> dict[str, float]:
        """Cosine similarity of `text` to every passage. The text is not stored."""
        if self._collection is None:
            raise RuntimeError("call ensure() before querying the knowledge index")
        vector = self._embedder.embed([text])[0]
        count = self._collection.count()
        result = self._collection.query(query_embeddings=[vector], n_results=count, include=["distances"])
        return {
            doc_id: 1.0 - float(dist)
            for doc_id, dist in zip(result["ids"][0], result["distances"][0], strict=True)
        }
