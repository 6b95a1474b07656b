"""The arithmetic of `bench`: percentiles, ratios, targets and the machine description.

Kept pure (numbers and strings in, numbers and strings out) so tests can check every figure
the benchmark reports against hand-computed values, without timing anything.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

# The JSON keys of `bench --json`, in order; scripts compare models on exactly these.
BENCH_KEYS: tuple[str, ...] = (
    "load_s",
    "index_cold_s",
    "index_warm_s",
    "retrieve_p50_ms",
    "retrieve_p95_ms",
    "check_ms",
    "ttft_s",
    "tokens_per_s",
    "draft_s",
    "overhead_ratio",
    "revise_ttft_speedup",
    "structured_ratio",
    "peak_rss_mb",
    "serve_ready_s",
    "serve_peak_rss_mb",
    "adapter",
    "base_draft_s",
    "rules_draft_s",
    "adapter_draft_ratio",
    "model",
    "machine",
)


@dataclass(frozen=True)
class Target:
    """A goal for one figure on the default model: at most or at least `limit`."""

    key: str
    at_most: bool
    limit: float

    def met(self, value: float | None) -> bool | None:
        """None when the figure could not be measured: unknown is neither met nor missed."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        return value <= self.limit if self.at_most else value >= self.limit

    def describe(self) -> str:
        return f"{'≤' if self.at_most else '≥'} {self.limit:g}"


BENCH_TARGETS: tuple[Target, ...] = (
    Target("overhead_ratio", True, 1.10),
    Target("revise_ttft_speedup", False, 10.0),
    Target("structured_ratio", True, 1.25),
    # The leader's memory budget is for `serve` with a draft done; the bench process itself
    # holds two drafting models at once (with and without the adapter), so its peak is shown
    # beside it, not held to it.
    Target("serve_peak_rss_mb", True, 1000.0),
    Target("retrieve_p50_ms", True, 50.0),
    Target("serve_ready_s", True, 10.0),
    # With the adapter a draft must be no slower than base few-shot.
    Target("adapter_draft_ratio", True, 1.0),
)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) with linear interpolation between ranks (numpy's default).

    With twenty-odd samples, interpolation keeps p95 from simply being the single slowest call.
    """
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be within 0..100, not {q}")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values: Sequence[float]) -> float:
    return percentile(values, 50)


def ratio(numerator: float, denominator: float) -> float | None:
    """numerator ÷ denominator, or None when the denominator is not a positive measurement."""
    if denominator <= 0 or numerator < 0:
        return None
    return numerator / denominator


def decode_rate(runs: Sequence[tuple[int, float, float]]) -> float | None:
    """Tokens per second after each run's first token: generation speed without the prompt.

    Each run is (tokens, total_s, ttft_s). A run's first token carries its whole prompt
    evaluation, so it is left out of both the count and the time.
    """
    tokens = sum(max(0, count - 1) for count, _, _ in runs)
    seconds = sum(total - ttft for count, total, ttft in runs if count > 1)
    return ratio(tokens, seconds) if tokens > 0 else None


def overhead_ratio(pipeline_s: float, raw_s: float) -> float | None:
    """How much longer the whole pipeline took than llama-cpp-python alone for the same work."""
    return ratio(pipeline_s, raw_s)


def revise_speedup(cold_ttft_s: float, warm_ttft_s: float) -> float | None:
    """How many times sooner a revision starts when the draft prompt is already cached."""
    return ratio(cold_ttft_s, warm_ttft_s)


def per_token_ratio(slow_s: float, slow_tokens: int, fast_s: float, fast_tokens: int) -> float | None:
    """Time per token of one run ÷ time per token of another (1.0 means the same speed)."""
    if slow_tokens <= 0 or fast_tokens <= 0:
        return None
    return ratio(slow_s / slow_tokens, fast_s / fast_tokens)


def kib_to_mb(kib: float) -> float:
    """VmHWM (and ru_maxrss on Linux) are in KiB; report MB (2**20 bytes) like `free -m`."""
    return kib / 1024


def maxrss_to_mb(maxrss: float) -> float:
    """getrusage's ru_maxrss in MB: macOS counts it in bytes, Linux and the BSDs in KiB."""
    return maxrss / 2**20 if sys.platform == "darwin" else kib_to_mb(maxrss)


def cpu_model(cpuinfo: str) -> str:
    """The CPU name from /proc/cpuinfo, across x86 ('model name') and ARM ('Hardware', 'Model')."""
    for key in ("model name", "Hardware", "Model", "cpu model"):
        match = re.search(rf"^{key}\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
        if match:
            return re.sub(r"\s+", " ", match.group(1)).strip()
    return "unknown CPU"


def memory_gib(meminfo: str) -> float | None:
    match = re.search(r"^MemTotal:\s*(\d+)\s*kB", meminfo, re.MULTILINE)
    return int(match.group(1)) / (1024 * 1024) if match else None


def describe_machine(cpuinfo: str, meminfo: str, cores: int | None, os_name: str) -> str:
    """One short line naming the machine, recorded next to every figure."""
    parts = [cpu_model(cpuinfo), f"{cores or '?'} cores"]
    gib = memory_gib(meminfo)
    if gib is not None:
        parts.append(f"{gib:.0f} GiB RAM")
    parts.append(os_name)
    return ", ".join(parts)


def rounded(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)
