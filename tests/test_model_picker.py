"""Switching models from the page: load first, swap safely, never corrupt a draft in flight."""

from __future__ import annotations

from dataclasses import replace

from assistant.core.errors import ModelError
from assistant.core.schemas import DraftRequest
from assistant.core.service import RepairService
from assistant.ui.handlers import ModelChoice, PageHandlers
from tests.fakes import FakeModel


def _model(path: str, name: str) -> FakeModel:
    model = FakeModel()
    model._info = replace(model.info, path=path, name=name)
    return model


def _handlers(loader) -> tuple[PageHandlers, RepairService, FakeModel]:
    first = _model("/models/a.gguf", "model-a")
    service = RepairService(first, checker=lambda draft, **_: [])
    choices = [ModelChoice("A (running now)", "/models/a.gguf"), ModelChoice("B", "/models/b.gguf")]
    return PageHandlers(service, first.info, model_choices=choices, model_loader=loader), service, first


def test_switching_loads_the_new_model_and_updates_the_status() -> None:
    second = _model("/models/b.gguf", "model-b")
    loaded: list[str] = []
    handlers, service, _ = _handlers(lambda path: loaded.append(path) or second)
    assert handlers.current_choice() == "A (running now)"
    status, line = handlers.switch_model("B")
    assert loaded == ["/models/b.gguf"]
    assert service.model is second and "model-b" in status and "Now using model-b" in line
    assert service.draft(DraftRequest(incident="I cut Priya off twice.")).model == "model-b"
    assert second.calls and handlers.current_choice() == "B"


def test_a_failed_load_keeps_the_running_model() -> None:
    def broken(path: str):
        raise ModelError(f"Cannot use the model file {path}: it is not a GGUF model file. See models.md.")

    handlers, service, first = _handlers(broken)
    status, line = handlers.switch_model("B")
    assert service.model is first and "model-a" in status
    assert "not a GGUF" in line and line.startswith("**Problem:**")


def test_choosing_the_running_model_or_an_unknown_one_does_nothing() -> None:
    handlers, service, first = _handlers(lambda path: _model(path, "other"))
    assert handlers.switch_model("A (running now)")[1] == ""
    assert "not available" in handlers.switch_model("Z")[1]
    assert service.model is first


def test_a_draft_in_flight_finishes_on_the_model_it_started_with() -> None:
    old = _model("/models/a.gguf", "model-a")
    service = RepairService(old, checker=lambda draft, **_: [])
    stream = service.draft_stream(DraftRequest(incident="I cut Priya off twice.", seed=1))
    next(stream)  # the draft has started
    new = _model("/models/b.gguf", "model-b")
    service.switch_model(new)
    result = [update.result for update in stream if update.result is not None][0]
    assert result.model == "model-a" and old.calls and not new.calls
    assert result.own == "I cut Priya off twice."
