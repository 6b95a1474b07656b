"""Typed errors of the core. The CLI and the UI turn each into one clear sentence."""

from __future__ import annotations


class AssistantError(Exception):
    """Base class: the message is a complete sentence meant for the leader."""


class UsageError(AssistantError):
    """A flag, an option or a setting cannot be used as given (a port taken, a missing value)."""


class InputError(AssistantError):
    """The incident or an edit cannot be used as given (empty, too long, ...)."""


class ModelError(AssistantError):
    """The model file is missing, not a GGUF, or cannot be loaded."""


class TemplateError(AssistantError):
    """A prompt template is missing or was rendered without a variable it needs."""


class DraftError(AssistantError):
    """The model did not produce a usable three-part draft within the retry budget."""


class CancelledError(AssistantError):
    """Generation was stopped by the leader before it finished."""
