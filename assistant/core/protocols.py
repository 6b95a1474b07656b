"""The narrow seams the core depends on. Tests inject fakes through these."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from assistant.core.schemas import Finding, Passage, RepairDraft


@dataclass(frozen=True)
class ModelInfo:
    """What the app tells the leader (and the JSON output) about the running model."""

    name: str
    path: str
    chat: bool
    n_ctx: int
    embedded_default: bool = False
    architecture: str = ""
    size_label: str = ""
    # The repair adapter applied on top of the weights ("" for none): it changes the prompts.
    adapter: str = ""
    # Said to the leader when something they would expect (the adapter) is not in use.
    note: str = ""


@dataclass(frozen=True)
class Sampling:
    """How tokens are drawn: one object, so every backend's `stream` has the same signature."""

    max_tokens: int
    seed: int
    temperature: float = 0.5
    top_p: float = 0.9
    top_k: int = 40
    min_p: float = 0.05
    repeat_penalty: float = 1.1


@dataclass
class GenerationStats:
    """Filled in by a model while it streams; read after the stream ends."""

    prompt_tokens: int = 0
    cached_tokens: int = 0
    completion_tokens: int = 0
    ttft_s: float = 0.0
    total_s: float = 0.0
    extra: dict[str, float] = field(default_factory=dict)


class TextModel(Protocol):
    """A local text generator. Chat models format messages through their own template."""

    @property
    def info(self) -> ModelInfo: ...

    def format_chat(self, messages: Sequence[dict[str, str]]) -> tuple[str, list[str]]:
        """Render chat messages to a prompt string plus the template's stop strings."""
        ...

    def count_tokens(self, text: str) -> int: ...

    def stream(
        self,
        prompt: str,
        sampling: Sampling,
        *,
        stop: Sequence[str] = (),
        grammar: str | None = None,
        cancel: threading.Event | None = None,
        stats: GenerationStats | None = None,
    ) -> Iterator[str]:
        """Yield text pieces as they are generated; stop early when `cancel` is set."""
        ...


class Embedder(Protocol):
    """Turns texts into vectors for retrieval. Never persists what it embeds."""

    @property
    def name(self) -> str: ...

    def embed(self, texts: Sequence[str]) -> list[list[float]]: ...


class Retriever(Protocol):
    """Finds the knowledge passages that ground a draft."""

    def retrieve(self, text: str, k: int = 4) -> list[Passage]: ...


class Checker(Protocol):
    """The guardrails over a draft; the context, when given, lets them read it against the incident."""

    def __call__(
        self,
        draft: RepairDraft,
        *,
        incident: str | None = None,
        person: str | None = None,
        notes: Mapping[str, str] | None = None,
    ) -> list[Finding]: ...


# Loads a drafting model from a file path (the page's model picker). Tests pass fakes.
ModelLoader = Callable[[str], TextModel]
