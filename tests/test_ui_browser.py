"""The page in a real browser, drafting with the real default model; nothing leaves 127.0.0.1."""

from __future__ import annotations

import io
import re
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser import CHROMIUM_ARGS, chromium_or_skip

INCIDENT = (
    "In this morning's planning meeting I cut Priya off twice while she was explaining "
    "the test plan "
    "and said we had no time for this. She didn't speak again for the rest of the meeting."
)

pytestmark = [pytest.mark.browser, pytest.mark.integration]


@pytest.fixture(scope="module")
def chromium() -> Path:
    return chromium_or_skip()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory, seed_data_dir) -> Iterator[str]:
    """The real app: default model, real index and guardrails, started by the server module."""
    from assistant.config import Settings
    from assistant.ui.server import start

    # The embedded default and the shared, current index, where the app looks for them.
    data_dir = seed_data_dir(tmp_path_factory.mktemp("data"))
    out = io.StringIO()
    app = start(Settings(data_dir=data_dir, model=None, embed_model=None, port=free_port()), out=out)
    assert "Repair assistant is running at http://127.0.0.1:" in out.getvalue()
    try:
        yield app.url
    finally:
        app.close()


def test_draft_edit_and_highlight_in_a_real_browser(chromium: Path, app_url: str, tmp_path: Path) -> None:
    from playwright import sync_api  # a test dependency: missing is a failure, not a skip

    requested: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("request", lambda request: requested.append(request.url))
            page.goto(app_url)
            expect = sync_api.expect
            expect(page.locator("#incident textarea")).to_be_visible(timeout=30_000)
            expect(page.locator("#model-status")).to_contain_text("repair-gemma3-270m-lora")

            page.locator("#incident textarea").fill(INCIDENT)
            page.locator("#person textarea, #person input").first.fill("Priya")
            page.locator("#draft-btn").click()
            expect(page.locator("#status")).to_contain_text("Draft ready", timeout=240_000)
            for name in ("own", "acknowledge", "commit"):
                assert page.locator(f"#section-{name} textarea").input_value().strip(), f"{name} is empty"
            assert page.locator("#message textarea").input_value().startswith("Talking points")

            commit = page.locator("#section-commit textarea")
            commit.click()
            commit.press("Control+a")
            commit.press_sequentially("I'll do better.", delay=15)  # typed, as a leader would
            mark = page.locator('#findings mark[data-category="vague_commitment"]')
            expect(mark).to_be_visible(timeout=15_000)
            expect(mark).to_contain_text("vague_commitment")
            expect(page.locator("#findings .finding-list")).to_contain_text("vague_commitment")
            expect(page.locator("#message textarea")).to_have_value(re.compile(r"I'll do better\."))

            # Follow-through: the commitment is kept, dated, marked, and counted in the chart.
            commit.press("Control+a")
            commit.press_sequentially("On Friday I will let you finish first.", delay=10)
            expect(page.locator("#message textarea")).to_have_value(re.compile(r"On Friday I will let"))
            page.get_by_text("Follow-through: your commitments and your patterns").click()
            expect(page.locator("#follow-list")).to_contain_text(
                "On Friday I will let you finish first.", timeout=15_000
            )
            page.locator("#follow-pick input").click()
            page.get_by_role("option").first.click()
            expect(page.locator("#follow-history")).to_contain_text("Nothing marked yet", timeout=15_000)
            page.locator("#follow-check-in textarea, #follow-check-in input").first.fill("2030-01-07")
            page.locator("#follow-save-dates").click()
            expect(page.locator("#follow-status")).to_contain_text("Saved the dates", timeout=15_000)
            expect(page.locator("#follow-list")).to_contain_text("Mon 07 Jan", timeout=15_000)
            page.locator("#follow-mark").click()  # "Kept" is the preselected status
            expect(page.locator("#follow-list")).to_contain_text("[Kept]", timeout=15_000)
            expect(page.locator("#follow-history")).to_contain_text("Kept", timeout=15_000)
            expect(page.locator("#patterns-plot canvas, #patterns-plot svg").first).to_be_visible(
                timeout=15_000
            )
            page.screenshot(path=str(tmp_path / "repair-page.png"), full_page=True)
        finally:
            browser.close()

    assert requested, "the page made no requests at all"
    elsewhere = [
        url
        for url in requested
        if urlparse(url).scheme not in ("data", "blob") and urlparse(url).hostname != "127.0.0.1"
    ]
    assert elsewhere == [], f"the page requested other hosts: {elsewhere}"
    assert (tmp_path / "repair-page.png").stat().st_size > 10_000
