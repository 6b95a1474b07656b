"""The benchmark's arithmetic and wiring, with fakes: the figures are right, not fast."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from assistant.bench import bench as bench
from assistant.bench.bench import BenchReport, measure_retrieval, render_table, run_bench, sample_draft
from assistant.bench.generation import measure_generation
from assistant.bench.probes import MeteredModel, free_port, probe_serve, serve_command
from assistant.bench.stats import (
    BENCH_KEYS,
    BENCH_TARGETS,
    Target,
    cpu_model,
    decode_rate,
    describe_machine,
    kib_to_mb,
    median,
    overhead_ratio,
    per_token_ratio,
    percentile,
    ratio,
    revise_speedup,
)
from assistant.config import Settings
from assistant.core.drafting import DRAFT_GRAMMAR
from assistant.core.protocols import GenerationStats, Sampling
from assistant.retrieval.knowledge import load_knowledge
from assistant.retrieval.retriever import BlendedRetriever
from tests.fakes import FakeModel

# -- arithmetic ----------------------------------------------------------------------------


def test_percentile_interpolates_between_ranks_like_numpy() -> None:
    values = [float(v) for v in range(1, 11)]
    assert percentile(values, 50) == pytest.approx(5.5)
    assert percentile(values, 95) == pytest.approx(9.55)
    assert percentile(values, 0) == 1.0 and percentile(values, 100) == 10.0
    assert percentile([7.0], 95) == 7.0
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0  # order of the input does not matter
    assert median([4.0, 1.0, 3.0, 2.0]) == pytest.approx(2.5)


@pytest.mark.parametrize("values, q", [([], 50), ([1.0], -1), ([1.0], 101)])
def test_percentile_refuses_nonsense(values: list[float], q: float) -> None:
    with pytest.raises(ValueError):
        percentile(values, q)


def test_ratios_are_plain_quotients_and_none_without_a_measurement() -> None:
    assert ratio(3.0, 2.0) == pytest.approx(1.5)
    assert ratio(1.0, 0.0) is None and ratio(-1.0, 2.0) is None
    assert overhead_ratio(5.5, 5.0) == pytest.approx(1.1)
    assert revise_speedup(1.66, 0.05) == pytest.approx(33.2)
    assert revise_speedup(1.0, 0.0) is None


def test_per_token_ratio_compares_time_per_token_not_totals() -> None:
    # 100 tokens in 7 s against 50 tokens in 1 s: 0.07 s/token vs 0.02 s/token.
    assert per_token_ratio(7.0, 100, 1.0, 50) == pytest.approx(3.5)
    assert per_token_ratio(2.0, 40, 2.0, 40) == pytest.approx(1.0)
    assert per_token_ratio(1.0, 0, 1.0, 10) is None


def test_decode_rate_leaves_out_each_runs_first_token_and_its_wait() -> None:
    # 11 tokens, 1 s to the first, 2 s in all: 10 tokens in 1 s.
    assert decode_rate([(11, 2.0, 1.0)]) == pytest.approx(10.0)
    assert decode_rate([(11, 2.0, 1.0), (6, 1.5, 0.5)]) == pytest.approx(15 / 2.0)
    assert decode_rate([(1, 1.0, 1.0)]) is None


def test_targets_know_their_direction_and_unknowns() -> None:
    at_most, at_least = Target("x", True, 1.10), Target("y", False, 10.0)
    assert at_most.met(1.10) and not at_most.met(1.11)
    assert at_least.met(10.0) and not at_least.met(9.9)
    assert at_most.met(None) is None
    assert at_most.describe() == "≤ 1.1" and at_least.describe() == "≥ 10"
    assert {t.key for t in BENCH_TARGETS} <= set(BENCH_KEYS)


def test_machine_description_from_proc_text() -> None:
    cpuinfo = "processor\t: 0\nmodel name\t: AMD EPYC  7B13\n" * 2
    meminfo = "MemTotal:       24634848 kB\nMemFree: 1 kB\n"
    assert cpu_model(cpuinfo) == "AMD EPYC 7B13"
    assert (
        describe_machine(cpuinfo, meminfo, 2, "Linux 6.1") == "AMD EPYC 7B13, 2 cores, 23 GiB RAM, Linux 6.1"
    )
    assert describe_machine("", "", None, "Linux") == "unknown CPU, ? cores, Linux"
    assert kib_to_mb(2048) == 2.0


# -- measurements with fakes -----------------------------------------------------------------


def test_sample_draft_is_exactly_the_size_checked() -> None:
    draft = sample_draft(1000)
    assert len(draft.own) + len(draft.acknowledge) + len(draft.commit) == 1000
    assert bench.measure_check(draft, runs=3) >= 0


class CountingRetriever:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def retrieve(self, text: str, k: int = 4) -> list:
        self.texts.append(text)
        return []


def test_retrieval_is_timed_once_per_distinct_incident() -> None:
    retriever = CountingRetriever()
    p50, p95 = measure_retrieval(retriever, ["a", "b", "c"])
    assert retriever.texts == ["a", "b", "c"]
    assert 0 <= p50 <= p95


class FakeRawModel(FakeModel):
    """A fake with the runtime's measuring hooks and a prefix cache that is warm or cold."""

    COLD_TTFT, WARM_TTFT, RAW_S = 0.5, 0.05, 2.0

    def __init__(self, replies: Sequence[str] = (), adapter: str = "") -> None:
        super().__init__(replies, adapter=adapter)
        self.warm = False
        self.resets = 0
        self.raw_calls: list[dict] = []

    def reset_cache(self) -> None:
        self.resets += 1
        self.warm = False

    def stream(
        self, prompt: str, sampling: Sampling, *, stats: GenerationStats | None = None, **kwargs
    ) -> Iterator[str]:
        stats = stats if stats is not None else GenerationStats()
        ttft = self.WARM_TTFT if self.warm else self.COLD_TTFT
        self.warm = True
        for index, piece in enumerate(super().stream(prompt, sampling, stats=stats, **kwargs)):
            if index == 0:
                stats.ttft_s = ttft
            stats.total_s = ttft + 0.01 * index
            yield piece

    def raw_generate(self, prompt: str, sampling: Sampling, *, grammar: str | None = None) -> GenerationStats:
        n_tokens = sampling.max_tokens
        self.raw_calls.append({"prompt": prompt, "n": n_tokens, "grammar": grammar, "warm": self.warm})
        self.warm = True
        scale = 3.0 if grammar else 1.0
        return GenerationStats(
            prompt_tokens=10, completion_tokens=n_tokens, ttft_s=0.1, total_s=self.RAW_S * scale
        )


def _retriever() -> BlendedRetriever:
    docs = load_knowledge()
    return BlendedRetriever(docs, lambda text: {doc.id: 0.2 for doc in docs})


def test_generation_ratios_are_computed_from_the_runs_they_compare() -> None:
    model = FakeRawModel()
    figures = measure_generation(model, _retriever(), "I cut Priya off twice in the planning meeting.")
    d = figures.details
    assert figures.overhead_ratio == pytest.approx(figures.draft_s / d["raw_s"])
    assert figures.revise_ttft_speedup == pytest.approx(FakeRawModel.COLD_TTFT / FakeRawModel.WARM_TTFT)
    assert (
        d["revise_cold_ttft_s"] == FakeRawModel.COLD_TTFT
        and d["revise_warm_ttft_s"] == FakeRawModel.WARM_TTFT
    )
    assert figures.structured_ratio == pytest.approx(d["structured_s"] / d["raw_same_length_s"])
    assert d["grammar_ratio"] == pytest.approx(3.0)
    assert figures.ttft_s == FakeRawModel.COLD_TTFT  # the first draft meets a cold cache


def test_raw_runs_repeat_the_pipelines_prompt_and_token_count_in_the_same_cache_state() -> None:
    model = FakeRawModel()
    figures = measure_generation(model, _retriever(), "I cut Priya off twice in the planning meeting.")
    overhead_run, same_length_run, grammar_run = model.raw_calls
    assert overhead_run["prompt"] == model.prompts[0]  # the draft's own prompt
    assert overhead_run["n"] == figures.details["pipeline_tokens"] and not overhead_run["warm"]
    assert same_length_run["n"] == figures.details["structured_tokens"] and same_length_run["warm"]
    assert grammar_run["grammar"] == DRAFT_GRAMMAR and same_length_run["grammar"] is None
    assert model.resets == 3  # before the draft, the overhead run and the cold revision


def test_metered_model_records_each_generation_and_counts_tokens() -> None:
    metered = MeteredModel(FakeRawModel())
    stats = GenerationStats()
    text = "".join(metered.stream("prompt", Sampling(max_tokens=10, seed=1), stats=stats))
    assert metered.calls[0].text == text and metered.calls[0].stats is stats
    assert metered.tokens_in(metered.calls) == max(len(text) // 4, stats.completion_tokens)
    assert metered.info.name == "fake-model"


def test_revision_is_stopped_at_its_first_token() -> None:
    model = FakeRawModel()
    measure_generation(model, _retriever(), "I cut Priya off twice in the planning meeting.")
    revision_calls = [p for p in model.prompts if p.endswith("REVISE: shorter\nOWN:")]
    assert len(revision_calls) == 2  # warm and cold, each cancelled once it had started


def test_with_the_adapter_the_generation_figures_still_time_generation() -> None:
    # "I cut Priya off" is an act the rules know: drafted whole by them, nothing would generate.
    model = FakeRawModel(adapter="repair-lora")
    figures = measure_generation(model, _retriever(), "I cut Priya off twice in the planning meeting.")
    assert figures.details["draft_path"] != "rules" and figures.details["pipeline_tokens"] > 0


def test_rules_draft_time_counts_only_the_drafts_the_rules_wrote() -> None:
    texts = ["I cut Priya off twice in the planning meeting.", "I changed the sprint scope on Friday."]
    seconds = bench.measure_rules_draft(FakeModel(adapter="repair-lora"), _retriever(), texts, 8000)
    assert seconds is not None and seconds >= 0
    # No adapter, no rules path: nothing to time.
    assert bench.measure_rules_draft(FakeModel(), _retriever(), texts, 8000) is None


# -- report, table and command ---------------------------------------------------------------


def _report(**overrides) -> BenchReport:
    figures = {key: 1.0 for key in BENCH_KEYS}
    figures.update(model="fake-model (fake.gguf)", machine="test box", **overrides)
    return BenchReport(figures, {"draft_path": "parsed"}, ["load average at start: 0.10"])


def test_json_has_exactly_the_contract_keys_in_order() -> None:
    report = _report(extra=5)
    assert list(report.as_json()) == list(BENCH_KEYS)


def test_table_shows_values_targets_verdicts_and_notes() -> None:
    out = io.StringIO()
    render_table(_report(overhead_ratio=1.5, revise_ttft_speedup=12.0, serve_ready_s=None), out)
    text = out.getvalue()
    assert "Machine: test box" in text
    overhead = next(line for line in text.splitlines() if line.startswith("pipeline ÷ raw"))
    assert "1.500" in overhead and "≤ 1.1" in overhead and overhead.endswith("NO")
    revise = next(line for line in text.splitlines() if line.startswith("revision TTFT"))
    assert revise.endswith("yes")
    serve = next(line for line in text.splitlines() if line.startswith("serve:"))
    assert "n/a" in serve and serve.endswith("?")
    assert "draft_path: parsed" in text and "Note: load average" in text


def test_run_bench_prints_json_and_sends_notes_to_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench, "collect", lambda settings, model_flag: _report())
    out, err = io.StringIO(), io.StringIO()
    assert run_bench(Settings(), None, True, out, err) == 0
    assert list(json.loads(out.getvalue())) == list(BENCH_KEYS)
    assert "load average" in err.getvalue()


def test_bench_settings_build_cold_in_a_fresh_folder_with_the_real_models(
    tmp_path: Path, data_dir: Path
) -> None:
    settings = Settings()
    settings.models_dir.mkdir(parents=True)
    run = tmp_path / "run"
    run.mkdir()
    fresh = bench.bench_settings(settings, run)
    assert fresh.data_dir != settings.data_dir and not fresh.index_dir.exists()
    assert fresh.models_dir.resolve() == settings.models_dir.resolve()
    reopened = bench.reopened_settings(fresh, run)
    assert str(reopened.index_dir) != str(fresh.index_dir)
    assert reopened.index_dir.parent.resolve() == fresh.index_dir.parent.resolve()


# -- the serve probe ---------------------------------------------------------------------------


def test_serve_command_is_a_fresh_interpreter_running_serve() -> None:
    assert serve_command(None, 8123) == [
        sys.executable,
        "-m",
        "assistant",
        "serve",
        "--port",
        "8123",
    ]
    assert serve_command(Path("/m.gguf"), 1)[-2:] == ["--model", "/m.gguf"]


def _static_server(folder: Path) -> tuple[int, list[str]]:
    """A stand-in for serve: Python's own file server on a free loopback port."""
    port = free_port()
    return port, [
        sys.executable,
        "-m",
        "http.server",
        str(port),
        "--bind",
        "127.0.0.1",
        "--directory",
        str(folder),
    ]


def test_probe_times_a_page_until_it_answers(tmp_path: Path) -> None:
    port, args = _static_server(tmp_path)
    probe = probe_serve(args, {}, f"http://127.0.0.1:{port}/", log_dir=tmp_path, timeout_s=30)
    assert probe.ready_s is not None and probe.ready_s > 0, probe
    assert not probe.note


def test_probe_reports_a_serve_that_exits_instead_of_crashing(tmp_path: Path) -> None:
    args = [sys.executable, "-c", "import sys; print('no serve here'); sys.exit(3)"]
    probe = probe_serve(args, {}, "http://127.0.0.1:9/", log_dir=tmp_path, timeout_s=30)
    assert probe.ready_s is None and "code 3" in probe.note
    assert probe.output == ["no serve here"]


def test_probe_gives_up_after_its_bound_and_stops_the_process(tmp_path: Path) -> None:
    args = [sys.executable, "-c", "import time; time.sleep(60)"]
    probe = probe_serve(args, {}, "http://127.0.0.1:9/", log_dir=tmp_path, timeout_s=0.5)
    assert probe.ready_s is None and "did not answer" in probe.note


def test_generation_figures_are_the_median_of_repeated_runs_with_their_spread() -> None:
    from assistant.bench.generation import GenerationFigures, median_of_runs

    runs = [
        GenerationFigures(0.2, 80.0, 2.0, overhead, speedup, 3.0, {"draft_path": path})
        for overhead, speedup, path in ((1.10, 19.6, "a"), (1.47, 13.0, "b"), (1.20, 15.0, "c"))
    ]
    figures = median_of_runs(runs)
    assert figures.overhead_ratio == 1.20 and figures.revise_ttft_speedup == 15.0
    assert figures.details["draft_path"] == "c", "details come from the median run"
    assert figures.details["overhead_ratio_spread"] == "1.10–1.47 over 3 runs"
    assert figures.details["generation_runs"] == 3.0
    with pytest.raises(ValueError):
        median_of_runs([])


def test_probe_exercises_the_page_and_reads_memory_after(tmp_path: Path) -> None:
    port, args = _static_server(tmp_path)
    seen: list[str] = []
    probe = probe_serve(
        args, {}, f"http://127.0.0.1:{port}/", log_dir=tmp_path, timeout_s=30, exercise=seen.append
    )
    assert seen == [f"http://127.0.0.1:{port}/"]
    assert probe.draft_peak_rss_mb is not None and probe.draft_peak_rss_mb >= (probe.peak_rss_mb or 0)


def test_a_failed_draft_through_the_page_is_a_note(tmp_path: Path) -> None:
    port, args = _static_server(tmp_path)

    def fail(url: str) -> None:
        raise RuntimeError("no draft endpoint")

    probe = probe_serve(args, {}, f"http://127.0.0.1:{port}/", log_dir=tmp_path, timeout_s=30, exercise=fail)
    assert probe.ready_s is not None and probe.draft_peak_rss_mb is None
    assert "no draft endpoint" in probe.note
