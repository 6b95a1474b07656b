"""The offline switches in code: set by the app itself, whatever the leader's environment says."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from assistant.core.privacy import OFFLINE_ENV, apply_offline_env


def test_the_app_turns_telemetry_off_even_if_the_environment_turns_it_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GRADIO_ANALYTICS_ENABLED", "True")
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "True")
    apply_offline_env()
    import os

    assert {key: os.environ[key] for key in OFFLINE_ENV} == OFFLINE_ENV
    assert OFFLINE_ENV["GRADIO_ANALYTICS_ENABLED"] == "False" and OFFLINE_ENV["HF_HUB_OFFLINE"] == "1"


def test_the_page_has_gradio_analytics_off() -> None:
    apply_offline_env()
    from assistant.ui.app import build_ui
    from tests.fakes import FakeModel
    from tests.ui_fakes import make_service

    model = FakeModel()
    demo = build_ui(make_service(model), model.info)
    assert demo.analytics_enabled is False, "no analytics and no version check from this page"


class _Embedder:
    name = "fake:1:mean"

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        return [[1.0, float(len(text) % 7), 0.5] for text in texts]


def test_the_vector_store_has_telemetry_off(tmp_path: Path) -> None:
    from assistant.retrieval.store import KnowledgeIndex

    index = KnowledgeIndex(tmp_path / "index", _Embedder())
    assert index._client.get_settings().anonymized_telemetry is False
