"""Peak memory from getrusage, whose unit depends on the platform."""

from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest

from assistant.bench import probes as bench_probes
from assistant.bench.stats import maxrss_to_mb


@pytest.mark.parametrize("platform", ["linux", "freebsd14"])
def test_maxrss_is_kib_on_linux_and_the_bsds(monkeypatch: pytest.MonkeyPatch, platform: str) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    assert maxrss_to_mb(512 * 1024) == 512.0


def test_maxrss_is_bytes_on_macos(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert maxrss_to_mb(512 * 1024 * 1024) == 512.0


def test_peak_rss_reads_maxrss_in_the_platform_unit(monkeypatch: pytest.MonkeyPatch) -> None:
    usage = SimpleNamespace(ru_maxrss=300 * 1024 * 1024)  # 300 MB as macOS reports it
    monkeypatch.setattr(bench_probes.resource, "getrusage", lambda who: usage)
    monkeypatch.setattr(sys, "platform", "darwin")
    assert bench_probes.peak_rss_mb() == 300.0
    monkeypatch.setattr(sys, "platform", "linux")
    assert bench_probes.peak_rss_mb() == 300.0 * 1024, "the same figure read as KiB"
