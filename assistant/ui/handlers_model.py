"""The model picker: which model drafts, and switching to another on this computer."""

from __future__ import annotations

import logging

from assistant.core.errors import AssistantError
from assistant.ui.handler_base import (
    HandlerBase,
)
from assistant.ui.render import (
    status_text,
)

log = logging.getLogger(__name__)


class ModelHandlers(HandlerBase):
    """Choosing the model."""

    def current_choice(self) -> str | None:
        for choice in self.model_choices:
            if choice.path == self.model_info.path:
                return choice.label
        return None

    def switch_model(self, label: str) -> tuple[str, str]:
        """Load the chosen model and hand it to the service; returns (model status, status line).

        Loading happens before the swap, so a failure leaves the running model in place, and
        a draft already in flight finishes on the model it started with.
        """
        choice = next((c for c in self.model_choices if c.label == label), None)
        if choice is None or self.model_loader is None:
            return self.model_status(), status_text("That model is not available here.", "error")
        if choice.path == self.model_info.path:
            return self.model_status(), ""
        if not self._switching.acquire(blocking=False):
            return self.model_status(), status_text(
                "Another model is still loading; try again in a moment.", "warning"
            )
        try:
            model = self.model_loader(choice.path)
        except AssistantError as exc:
            return self.model_status(), status_text(str(exc), "error")
        finally:
            self._switching.release()
        self.service.switch_model(model)
        self.model_info = model.info
        return self.model_status(), status_text(f"Now using {model.info.name}.", "ok")
