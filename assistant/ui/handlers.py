"""What each control of the page does, as plain methods over plain values, by area.

`app.py` only maps these onto Gradio components, so every step (describe, reflect, draft,
edit, revise, compare, restore, export, stop, past sessions, the model picker) is tested with a
fake model and no browser. Errors become one sentence in the status line; the leader's text is
never an output of a failing step, so nothing they typed is lost.
"""

from __future__ import annotations

from assistant.ui.handler_base import (
    STOPPED,
    UNEXPECTED,
    Cancels,
    Form,
    HandlerBase,
    ModelChoice,
    ModelLoader,
    View,
    explain,
    hidden_characters,
)
from assistant.ui.handlers_draft import DraftHandlers
from assistant.ui.handlers_edit import EditHandlers
from assistant.ui.handlers_followthrough import FollowThroughHandlers
from assistant.ui.handlers_model import ModelHandlers
from assistant.ui.handlers_sessions import SessionHandlers

__all__ = [
    "STOPPED",
    "UNEXPECTED",
    "Cancels",
    "Form",
    "HandlerBase",
    "ModelChoice",
    "ModelLoader",
    "PageHandlers",
    "View",
    "explain",
    "hidden_characters",
]


class PageHandlers(ModelHandlers, DraftHandlers, EditHandlers, SessionHandlers, FollowThroughHandlers):
    """The page's behaviour, one method per control, over a RepairService."""
