"""Switches that keep every library offline. Applied before gradio or chromadb is imported."""

from __future__ import annotations

import os

OFFLINE_ENV = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "DO_NOT_TRACK": "1",
}


def apply_offline_env() -> None:
    """Force the offline settings; a leader's environment cannot turn telemetry back on."""
    os.environ.update(OFFLINE_ENV)
