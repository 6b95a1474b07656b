"""Deterministic guardrails for repair drafts: findings with spans, messages and principles.

Pure Python and regular expressions over sentence and clause structure; no model, no vector
store, so the `check` command stays a fast linter.
"""

from assistant.guardrails.checker import check_draft, check_text, has_high
from assistant.guardrails.principles import PRINCIPLES
from assistant.guardrails.summary import checks_ran

__all__ = ["PRINCIPLES", "check_draft", "check_text", "checks_ran", "has_high"]
