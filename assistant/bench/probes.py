"""Instruments for `bench`: a model wrapper that records each generation, the serve probe,
and readings of memory and machine.

The wrapper sits between the service and the model, so the benchmark sees every call the
real pipeline makes (retries, section regenerations) without the pipeline knowing.
"""

from __future__ import annotations

import logging
import os
import platform
import resource
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from assistant.bench.stats import describe_machine, kib_to_mb, maxrss_to_mb
from assistant.core.protocols import GenerationStats, ModelInfo, Sampling, TextModel

log = logging.getLogger(__name__)


class RawModel(TextModel, Protocol):
    """A TextModel that can also generate without the pipeline and drop its prefix cache."""

    def raw_generate(
        self, prompt: str, sampling: Sampling, *, grammar: str | None = None
    ) -> GenerationStats: ...

    def reset_cache(self) -> None: ...


@dataclass
class MeteredCall:
    """One generation the pipeline asked for: its prompt, what came back, and its stats."""

    prompt: str
    grammar: bool
    stats: GenerationStats
    text: str = ""


class MeteredModel:
    """Passes every call to the real model and keeps a record of each generation."""

    def __init__(self, inner: RawModel) -> None:
        self.inner = inner
        self.calls: list[MeteredCall] = []

    @property
    def info(self) -> ModelInfo:
        return self.inner.info

    def format_chat(self, messages: Sequence[dict[str, str]]) -> tuple[str, list[str]]:
        return self.inner.format_chat(messages)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

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
        stats = stats if stats is not None else GenerationStats()
        call = MeteredCall(prompt, grammar is not None, stats)
        self.calls.append(call)
        for piece in self.inner.stream(
            prompt,
            sampling,
            stop=stop,
            grammar=grammar,
            cancel=cancel,
            stats=stats,
        ):
            call.text += piece
            yield piece

    def tokens_in(self, calls: Sequence[MeteredCall]) -> int:
        """Tokens generated across `calls`, counted by re-tokenising their text.

        A streamed chunk can hold several tokens (text that might start a stop string is held
        back), so counting chunks would undercount what the model actually generated.
        """
        return sum(max(self.count_tokens(call.text), call.stats.completion_tokens) for call in calls)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return maxrss_to_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def process_peak_rss_mb(pid: int) -> float | None:
    """Peak resident memory of another live process, from /proc (None where unavailable)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return kib_to_mb(float(line.split()[1]))
    return None


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def machine_summary() -> str:
    os_name = f"{platform.system()} {platform.release()}"
    try:
        pretty = platform.freedesktop_os_release().get("PRETTY_NAME")
    except OSError:
        pretty = None
    if pretty:
        os_name = f"{pretty} ({os_name})"
    return describe_machine(_read("/proc/cpuinfo"), _read("/proc/meminfo"), os.cpu_count(), os_name)


def free_port(host: str = "127.0.0.1") -> int:
    """A port the OS says is free right now (the serve probe passes it with --port)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@dataclass
class ServeProbe:
    """How long `serve` took to answer, or why it could not be measured."""

    ready_s: float | None
    peak_rss_mb: float | None = None
    # After one draft through the page: what a leader's serve holds at its busiest.
    draft_peak_rss_mb: float | None = None
    note: str = ""
    output: list[str] = field(default_factory=list)


def _page_answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback only
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Ctrl+C first (serve closes the page cleanly on it), then harder, each with a bound."""
    for send in (lambda: process.send_signal(2), process.terminate, process.kill):
        if process.poll() is not None:
            return
        send()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            continue


def _last_lines(path: Path, count: int = 3) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return []
    return lines[-count:]


def probe_serve(
    args: Sequence[str],
    env: Mapping[str, str],
    url: str,
    *,
    log_dir: Path,
    timeout_s: float = 90.0,
    poll_s: float = 0.1,
    exercise: Callable[[str], None] | None = None,
) -> ServeProbe:
    """Start `serve` as a new process and time it until `url` answers 200, then stop it.

    With `exercise`, that is called with the url once the page answers (say, one draft through
    the page's API), and the process's peak memory is read again after it.
    Bounded by `timeout_s`; a serve that exits or never answers gives a note, not a crash,
    so the rest of the benchmark still reports.
    """
    out_path = log_dir / "serve.log"
    with out_path.open("wb") as sink:
        started = time.perf_counter()
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            list(args),
            env=dict(env),
            stdout=sink,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        try:
            while time.perf_counter() - started < timeout_s:
                if process.poll() is not None:
                    note = f"serve exited with code {process.returncode} before the page answered"
                    return ServeProbe(None, note=note, output=_last_lines(out_path))
                if _page_answers(url):
                    ready = time.perf_counter() - started
                    probe = ServeProbe(ready, process_peak_rss_mb(process.pid))
                    if exercise is not None:
                        try:
                            exercise(url)
                            probe.draft_peak_rss_mb = process_peak_rss_mb(process.pid)
                        except Exception as exc:  # noqa: BLE001 - a failed draft is a note, not a crash
                            probe.note = f"the draft through the page failed: {exc}"
                    return probe
                time.sleep(poll_s)
            note = f"the page did not answer within {timeout_s:.0f} s"
            return ServeProbe(None, note=note, output=_last_lines(out_path))
        finally:
            _stop(process)


def draft_through_page(incident: str, person: str = "Priya") -> Callable[[str], None]:
    """One draft through the served page's own API, as the page's Draft button makes it."""

    def run(url: str) -> None:
        from gradio_client import Client  # gradio's own client, installed with it

        client = Client(url, verbose=False)
        result = client.submit(incident, person, "", "in_person", "", "", "", "", api_name="/draft").result(
            timeout=300
        )
        if not (result and result[0]):
            raise RuntimeError("the page returned no draft")

    return run


def serve_command(model_flag: Path | None, port: int) -> list[str]:
    """`repair-assistant serve` in a fresh interpreter, exactly as a leader would start it."""
    command = [sys.executable, "-m", "assistant", "serve", "--port", str(port)]
    if model_flag is not None:
        command += ["--model", str(model_flag)]
    return command
