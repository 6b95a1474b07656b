"""Wiring the real parts together from settings: model, embedder, index, retriever, service.

The only place that knows which concrete classes the app runs with; the CLI and the UI
call these and stay thin.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from assistant.backends.model_files import check_gguf_header, ensure_default_model
from assistant.config import Settings
from assistant.retrieval.knowledge import load_knowledge
from assistant.retrieval.retriever import BlendedRetriever

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


def _log_progress(done: int, total: int) -> None:
    if done == 1 or done == total or done % 10 == 0:
        log.warning("Building the knowledge index: %d/%d passages", done, total)


class _QueryCache:
    """Remembers a few query similarities in memory, so re-drafting one incident is instant."""

    def __init__(self, compute: Callable[[str], dict[str, float]], size: int = 32) -> None:
        self._compute = compute
        self._size = size
        self._items: OrderedDict[str, dict[str, float]] = OrderedDict()

    def __call__(self, text: str) -> dict[str, float]:
        if text in self._items:
            self._items.move_to_end(text)
            return self._items[text]
        value = self._compute(text)
        self._items[text] = value
        if len(self._items) > self._size:
            self._items.popitem(last=False)
        return value


def embed_model_path(settings: Settings, model_flag: Path | None = None) -> Path:
    """REPAIR_EMBED_MODEL if set, else the drafting model (flag, REPAIR_MODEL, default)."""
    chosen = settings.embed_model or model_flag or settings.model
    if chosen is not None:
        check_gguf_header(chosen)
        return chosen
    return ensure_default_model(settings.models_dir)


def build_retriever(
    settings: Settings, model_flag: Path | None = None, progress: Progress | None = None
) -> BlendedRetriever:
    from assistant.backends.llama import LlamaEmbedder
    from assistant.retrieval.store import KnowledgeIndex

    docs = load_knowledge()
    embedder = LlamaEmbedder(embed_model_path(settings, model_flag), threads=settings.threads)
    index = KnowledgeIndex(settings.index_dir, embedder)
    index.ensure(docs, progress or _log_progress)
    return BlendedRetriever(docs, _QueryCache(index.similarities))


def build_model(
    settings: Settings,
    model_flag: Path | None = None,
    *,
    backend: str = "local",
    base_url: str | None = None,
    api_model: str | None = None,
):
    """The drafting model: a local GGUF, or the organisation's OpenAI-compatible server."""
    if backend == "openai":
        from assistant.backends.openai import OpenAIModel

        key = settings.api_key.get_secret_value() if settings.api_key is not None else None
        return OpenAIModel(base_url or "", api_model, api_key=key, n_ctx=settings.n_ctx)
    from assistant.backends.llama import open_model

    return open_model(
        model_flag,
        settings.model,
        settings.models_dir,
        n_ctx=settings.n_ctx,
        threads=settings.threads,
        adapter=settings.adapter,
    )


def build_service(
    settings: Settings,
    model_flag: Path | None = None,
    progress: Progress | None = None,
    *,
    backend: str = "local",
    base_url: str | None = None,
    api_model: str | None = None,
):
    """Load the drafting model and the retriever, and return the service.

    Retrieval, guardrails and everything the leader types stay local whatever the backend.
    """
    from assistant.core.service import RepairService

    model = build_model(settings, model_flag, backend=backend, base_url=base_url, api_model=api_model)
    retriever = build_retriever(settings, model_flag, progress)
    return RepairService(
        model,
        retriever=retriever,
        max_incident_chars=settings.max_incident_chars,
        candidates=settings.candidates,
    )
