"""`repair-assistant bench`: every speed and memory figure of the current model, in one run.

Benchmarks are a command, not timed tests: the figures depend on the machine, so each is
printed with the machine it came from, and the ratios compare runs made side by side here.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from assistant.bench.evaluation import load_suite
from assistant.bench.probes import (
    draft_through_page,
    machine_summary,
    peak_rss_mb,
    probe_serve,
    serve_command,
)
from assistant.bench.stats import BENCH_KEYS, BENCH_TARGETS, median, percentile, rounded
from assistant.config import Settings
from assistant.core.protocols import Retriever
from assistant.core.schemas import RepairDraft
from assistant.guardrails import check_draft

log = logging.getLogger(__name__)

CHECK_RUNS = 50
# Generation is measured this many times and the median reported: one sample swings too much.
GENERATION_RUNS = 3
CHECK_CHARS = 1000
# A realistic draft with a few of the traps the guardrails look for, so every rule does work.
_CHECK_SECTIONS = (
    "I cut you off twice in Tuesday's planning meeting, and I said we had no time for your point, "
    "which was not fair to you. I'm sorry if it came out wrong; mistakes were made on my side. ",
    "You had prepared the numbers and the team saw your idea brushed aside before you could "
    "finish. That is a real cost to you, and it is no big deal to fix, but I know it stung. ",
    "At Thursday's planning meeting I will let you finish and ask for your view first, and I'll do "
    "better from now on. I will check in with you on Friday to hear how it went. ",
)


def sample_draft(total_chars: int = CHECK_CHARS) -> RepairDraft:
    """A three-part draft of exactly `total_chars` characters, split about evenly."""
    share = total_chars // 3
    sizes = (share, share, total_chars - 2 * share)
    parts = []
    for text, size in zip(_CHECK_SECTIONS, sizes, strict=True):
        body = (text * (size // len(text) + 1))[:size]
        parts.append(body[:-1] + "." if body[-1] == " " else body)
    return RepairDraft(own=parts[0], acknowledge=parts[1], commit=parts[2])


# The context every edit on the page is checked with: the incident and who the repair is for.
CHECK_INCIDENT = (
    "In Tuesday's planning meeting I cut Priya off twice while she was explaining the vendor risk, "
    "and I told her in front of the team that we didn't have time for it."
)
CHECK_PERSON = "Priya"


def measure_check(draft: RepairDraft, runs: int = CHECK_RUNS) -> float:
    """Median milliseconds to check the draft with its context: what a leader waits for after each edit."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        check_draft(draft, incident=CHECK_INCIDENT, person=CHECK_PERSON)
        times.append((time.perf_counter() - started) * 1000)
    return median(times)


def measure_retrieval(retriever: Retriever, texts: Sequence[str], k: int = 4) -> tuple[float, float]:
    """p50 and p95 milliseconds of `retrieve()` over distinct incidents (no cache hits)."""
    times = []
    for text in texts:
        started = time.perf_counter()
        retriever.retrieve(text, k)
        times.append((time.perf_counter() - started) * 1000)
    return percentile(times, 50), percentile(times, 95)


def timed(make: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    value = make()
    return value, time.perf_counter() - started


@dataclass
class BenchReport:
    """The figures under their JSON keys, plus what explains them (shown in the table)."""

    figures: dict[str, Any]
    details: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {key: self.figures.get(key) for key in BENCH_KEYS}


def bench_settings(settings: Settings, root: Path) -> Settings:
    """The same settings with a fresh data directory whose models/ is the real one.

    The index then builds from nothing (a cold start) without copying the model file.
    """
    data = root / "data"
    data.mkdir()
    (data / "models").symlink_to(settings.models_dir.resolve(), target_is_directory=True)
    return settings.model_copy(update={"data_dir": data})


def reopened_settings(settings: Settings, root: Path) -> Settings:
    """A second path to the same data directory.

    chromadb keeps one open system per path string for the life of the process, so reopening
    the same string would reuse it; another path to the same folder reads it from disk, as a
    new process does.
    """
    link = root / "reopen"
    link.symlink_to(settings.data_dir, target_is_directory=True)
    return settings.model_copy(update={"data_dir": link})


COMPARE_INCIDENTS = 4


@dataclass
class AdapterComparison:
    """Whole-draft time with the adapter against base few-shot, same incidents, interleaved."""

    base_draft_s: float | None = None
    adapter_draft_s: float | None = None
    ratio: float | None = None
    spread: str = ""


def compare_adapter(
    model: Any, settings: Settings, model_flag: Path | None, retriever: Any, texts: Sequence[str]
) -> AdapterComparison:
    """Draft each incident with and without the adapter, alternating, and compare medians.

    Alternating the two keeps a change in the machine's load from landing on one side only.
    The ratio is the median of the per-incident ratios (adapter ÷ base); below 1 is faster.
    """
    from assistant.app_factory import build_model
    from assistant.core.schemas import DraftRequest
    from assistant.core.service import RepairService

    base_model = build_model(settings.model_copy(update={"adapter": "none"}), model_flag)
    # The adapter side lets the model write the acknowledgement, so both sides generate; the
    # drafts the rules write whole are timed by `measure_rules_draft`.
    services = {
        "adapter": RepairService(
            model, retriever=retriever, max_incident_chars=settings.max_incident_chars, ack_rules=False
        ),
        "base": RepairService(
            base_model, retriever=retriever, max_incident_chars=settings.max_incident_chars
        ),
    }
    times: dict[str, list[float]] = {"adapter": [], "base": []}
    for text in texts:
        for name in ("base", "adapter"):
            request = DraftRequest(incident=text, seed=1)
            _, seconds = timed(partial(services[name].draft, request))
            times[name].append(seconds)
    del services, base_model
    gc.collect()
    ratios = sorted(a / b for a, b in zip(times["adapter"], times["base"], strict=True) if b > 0)
    if not ratios:
        return AdapterComparison()
    return AdapterComparison(
        base_draft_s=median(times["base"]),
        adapter_draft_s=median(times["adapter"]),
        ratio=median(ratios),
        spread=f"{ratios[0]:.2f}–{ratios[-1]:.2f} over {len(ratios)} incidents",
    )


def measure_rules_draft(
    model: Any, retriever: Any, texts: Sequence[str], max_incident_chars: int
) -> float | None:
    """Median seconds of a draft the rules write whole, over the texts that take that path.

    None when the model has no adapter or no text names an act the rules know.
    """
    from assistant.core.drafting import RULE_PATHS
    from assistant.core.schemas import DraftRequest
    from assistant.core.service import RepairService

    service = RepairService(model, retriever=retriever, max_incident_chars=max_incident_chars)
    times = []
    for text in texts:
        result, seconds = timed(partial(service.draft, DraftRequest(incident=text, seed=1)))
        if result.path in RULE_PATHS:
            times.append(seconds)
    return median(times) if times else None


def _no_progress(done: int, total: int) -> None:
    """Index progress is not news in a benchmark; only the total time is."""


def collect(settings: Settings, model_flag: Path | None = None) -> BenchReport:
    """Run every measurement on the real model: about a minute on an idle two-core machine."""
    from assistant.app_factory import build_model, build_retriever
    from assistant.backends.model_files import resolve_model_path
    from assistant.bench.generation import measure_generation, median_of_runs
    from assistant.bench.probes import free_port

    notes = [f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"]
    # The first run assembles the default model file; that is set-up, not loading.
    resolve_model_path(model_flag, settings.model, settings.models_dir)
    model, load_s = timed(lambda: build_model(settings, model_flag))
    suite = load_suite()
    with tempfile.TemporaryDirectory(prefix="repair-bench-") as tmp:
        fresh = bench_settings(settings, Path(tmp))
        cold, index_cold_s = timed(lambda: build_retriever(fresh, model_flag, _no_progress))
        del cold
        gc.collect()
        reopened = reopened_settings(fresh, Path(tmp))
        retriever, index_warm_s = timed(lambda: build_retriever(reopened, model_flag, _no_progress))
        p50, p95 = measure_retrieval(retriever, [incident.text for incident in suite])
        check_ms = measure_check(sample_draft())
        # Repeated, each run pairing the pipeline with raw llama.cpp back to back.
        generation = median_of_runs(
            [
                measure_generation(
                    model, retriever, suite[0].text, max_incident_chars=settings.max_incident_chars
                )
                for _ in range(GENERATION_RUNS)
            ]
        )
        rss = peak_rss_mb()
        comparison, rules_draft_s = AdapterComparison(), None
        if model.info.adapter:
            rules_draft_s = measure_rules_draft(
                model, retriever, [i.text for i in suite[:COMPARE_INCIDENTS]], settings.max_incident_chars
            )
            comparison = compare_adapter(
                model, settings, model_flag, retriever, [i.text for i in suite[:COMPARE_INCIDENTS]]
            )
        port = free_port()
        env = dict(os.environ, REPAIR_DATA_DIR=str(fresh.data_dir), REPAIR_ADAPTER=settings.adapter)
        serve = probe_serve(
            serve_command(model_flag, port),
            env,
            f"http://127.0.0.1:{port}/",
            log_dir=Path(tmp),
            exercise=draft_through_page(suite[0].text),
        )
    notes.append(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if serve.ready_s is None:
        tail = f" ({' / '.join(serve.output)})" if serve.output else ""
        notes.append(f"serve_ready_s not measured: {serve.note}{tail}")
    elif serve.note:
        notes.append(f"serve_peak_rss_mb not measured: {serve.note}")
    figures = {
        "load_s": load_s,
        "index_cold_s": index_cold_s,
        "index_warm_s": index_warm_s,
        "retrieve_p50_ms": p50,
        "retrieve_p95_ms": p95,
        "check_ms": check_ms,
        "ttft_s": generation.ttft_s,
        "tokens_per_s": generation.tokens_per_s,
        "draft_s": generation.draft_s,
        "overhead_ratio": generation.overhead_ratio,
        "revise_ttft_speedup": generation.revise_ttft_speedup,
        "structured_ratio": generation.structured_ratio,
        "peak_rss_mb": rss,
        "serve_ready_s": serve.ready_s,
        "serve_peak_rss_mb": serve.draft_peak_rss_mb,
        "adapter": model.info.adapter or None,
        "base_draft_s": comparison.base_draft_s,
        "rules_draft_s": rules_draft_s,
        "adapter_draft_ratio": comparison.ratio,
        "model": f"{model.info.name} ({Path(model.info.path).name})",
        "machine": machine_summary(),
    }
    details = dict(generation.details)
    details["serve_ready_rss_mb"] = serve.peak_rss_mb
    details["draft_incident"] = suite[0].id
    if comparison.adapter_draft_s is not None:
        details["adapter_draft_s_median"] = comparison.adapter_draft_s
        details["adapter_ratio_spread"] = comparison.spread
    return BenchReport(round_figures(figures), round_figures(details), notes)


def round_figures(values: dict[str, Any]) -> dict[str, Any]:
    return {key: rounded(value, 4) if isinstance(value, float) else value for key, value in values.items()}


_LABELS = {
    "load_s": "model load (s)",
    "index_cold_s": "index build, cold (s)",
    "index_warm_s": "index reopen, warm (s)",
    "retrieve_p50_ms": "retrieval p50 (ms)",
    "retrieve_p95_ms": "retrieval p95 (ms)",
    "check_ms": f"guardrail check, {CHECK_CHARS} chars (ms)",
    "ttft_s": "draft: time to first token (s)",
    "tokens_per_s": "draft: tokens per second",
    "draft_s": "draft: total time (s)",
    "overhead_ratio": "pipeline ÷ raw llama.cpp",
    "revise_ttft_speedup": "revision TTFT, cold ÷ cached",
    "structured_ratio": "structured ÷ unconstrained, per token",
    "peak_rss_mb": "peak resident memory (MB)",
    "serve_ready_s": "serve: start to page (s)",
    "serve_peak_rss_mb": "serve: peak memory after a draft (MB)",
    "base_draft_s": "draft without the adapter, median (s)",
    "rules_draft_s": "draft written by the rules, median (s)",
    "adapter_draft_ratio": "draft with ÷ without the adapter",
}


def _cell(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def render_table(report: BenchReport, out: TextIO) -> None:
    """The figures, their targets and whether each is met, then what explains them."""
    targets = {target.key: target for target in BENCH_TARGETS}
    out.write(f"Model:   {report.figures.get('model')}\nMachine: {report.figures.get('machine')}\n\n")
    width = max(len(label) for label in _LABELS.values())
    out.write(f"{'figure':<{width}}  {'value':>10}  {'target':>8}  met\n")
    out.write(f"{'-' * width}  {'-' * 10}  {'-' * 8}  ---\n")
    for key, label in _LABELS.items():
        value = report.figures.get(key)
        target = targets.get(key)
        met = target.met(value) if target else None
        verdict = "" if target is None else {True: "yes", False: "NO", None: "?"}[met]
        goal = target.describe() if target else ""
        out.write(f"{label:<{width}}  {_cell(value):>10}  {goal:>8}  {verdict}\n")
    if report.details:
        out.write("\nDetails\n")
        for key, value in report.details.items():
            out.write(f"  {key}: {_cell(value)}\n")
    for note in report.notes:
        out.write(f"Note: {note}\n")


def run_bench(
    settings: Settings, model_flag: Path | None, as_json: bool, stdout: TextIO, stderr: TextIO
) -> int:
    """The `bench` command. Typed AssistantErrors (a missing model, say) propagate to the CLI."""
    report = collect(settings, model_flag)
    if as_json:
        stdout.write(json.dumps(report.as_json(), ensure_ascii=False) + "\n")
        for note in report.notes:
            stderr.write(f"Note: {note}\n")
    else:
        render_table(report, stdout)
    return 0
