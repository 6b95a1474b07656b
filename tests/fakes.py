"""Fakes for unit tests of logic. Integration tests use the real model instead."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence

from assistant.core.errors import CancelledError
from assistant.core.protocols import GenerationStats, ModelInfo, Sampling

GOOD_REPLY = (
    " I cut you off twice in the planning meeting and said we had no time for your point.\n"
    "ACKNOWLEDGE: You did not get to finish, and the team saw your idea brushed aside.\n"
    "COMMIT: At Thursday's planning meeting I will let you finish and ask for your view first.\n"
)


class FakeModel:
    """A TextModel that replays queued replies (or a default one) and records prompts."""

    def __init__(
        self,
        replies: Sequence[str] = (),
        *,
        chat: bool = False,
        n_ctx: int = 4096,
        default: str = GOOD_REPLY,
        delay: float = 0.0,
        adapter: str = "",
    ) -> None:
        self.replies = list(replies)
        self.default = default
        self.prompts: list[str] = []
        self.calls: list[dict] = []
        self.delay = delay
        self._info = ModelInfo(
            name="fake-model", path="/fake/model.gguf", chat=chat, n_ctx=n_ctx, adapter=adapter
        )

    @property
    def info(self) -> ModelInfo:
        return self._info

    def format_chat(self, messages: Sequence[dict[str, str]]) -> tuple[str, list[str]]:
        rendered = "".join(f"<{m['role']}>{m['content']}</{m['role']}>" for m in messages)
        return rendered + "<assistant>", ["</assistant>"]

    def count_tokens(self, text: str) -> int:
        return max(1, len(text) // 4)

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
        self.prompts.append(prompt)
        self.calls.append(
            {
                "seed": sampling.seed,
                "grammar": grammar,
                "max_tokens": sampling.max_tokens,
                "stop": list(stop),
                "sampling": sampling,
            }
        )
        reply = self.replies.pop(0) if self.replies else self.default
        for s in stop:
            if s and s in reply:
                reply = reply[: reply.index(s)]
        if stats is not None:
            stats.prompt_tokens = self.count_tokens(prompt)
            stats.completion_tokens = 0
        for word in reply.split(" "):
            if cancel is not None and cancel.is_set():
                raise CancelledError("Drafting was stopped; nothing was lost.")
            if self.delay:
                import time

                time.sleep(self.delay)
            if stats is not None:
                stats.completion_tokens += 1
            yield word + " " if not word.endswith("\n") else word
