"""The generation half of `bench`: one real draft, and the same work done by llama.cpp alone.

Every ratio compares two runs made here, in one process, with the prefix cache put in the
same state before each, so a busy machine slows both sides alike.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import median

from assistant.bench.probes import MeteredCall, MeteredModel, RawModel
from assistant.bench.stats import (
    decode_rate,
    overhead_ratio,
    per_token_ratio,
    ratio,
    revise_speedup,
)
from assistant.core.drafting import DRAFT_GRAMMAR, DraftOutcome, DraftSettings
from assistant.core.errors import CancelledError
from assistant.core.protocols import Retriever
from assistant.core.schemas import DraftRequest, RepairDraft
from assistant.core.service import RepairService

log = logging.getLogger(__name__)

REVISION = "shorter"


@dataclass
class GenerationFigures:
    """What the generation runs measured; `details` explains the headline figures."""

    ttft_s: float
    tokens_per_s: float | None
    draft_s: float
    overhead_ratio: float | None
    revise_ttft_speedup: float | None
    structured_ratio: float | None
    details: dict[str, float | str | None] = field(default_factory=dict)


def _revision_ttft(
    service: RepairService, metered: MeteredModel, request: DraftRequest, current: RepairDraft
) -> MeteredCall:
    """Start a revision and stop it at its first token: only its start is being timed."""
    cancel = threading.Event()
    first = len(metered.calls)
    try:
        for _update in service.revise_stream(request, current, REVISION, cancel):
            if len(metered.calls) > first and metered.calls[first].stats.completion_tokens > 0:
                cancel.set()
    except CancelledError:
        pass
    if len(metered.calls) <= first:
        raise RuntimeError("the revision made no model call")
    return metered.calls[first]


def _structured_run(
    service: RepairService, metered: MeteredModel, request: DraftRequest
) -> tuple[float, MeteredCall, str]:
    """The drafter's own path to a validated three-part draft (retries, grammar fallback)."""
    case = service.build_case(request, service.ground(request.incident))
    started = time.perf_counter()
    outcome: DraftOutcome | None = None
    for item in service.drafter.stream(case, seed=request.seed):
        if isinstance(item, DraftOutcome):
            outcome = item
    elapsed = time.perf_counter() - started
    assert outcome is not None  # Drafter.stream yields an outcome or raises
    return elapsed, metered.calls[-1], outcome.path


def measure_generation(
    model: RawModel,
    retriever: Retriever | None,
    incident: str,
    *,
    seed: int = 0,
    draft_settings: DraftSettings | None = None,
    max_incident_chars: int = 8000,
) -> GenerationFigures:
    """Draft once through the real service and compare each phase with raw generation.

    Order matters: a cold draft; a revision while the cache holds what the draft left; raw
    generation of the draft's prompt and token count, cold like the draft; the same revision
    cold; then the structured path and raw generation of the same length, both with the
    prompt cached. Paired runs sit next to each other, so load from elsewhere hits both.
    """
    metered = MeteredModel(model)
    # Without the acknowledgement rule: an act they know would be drafted with no generation
    # at all, and these figures are about generation (`rules_draft_s` times that path).
    service = RepairService(
        metered,
        retriever=retriever,
        max_incident_chars=max_incident_chars,
        draft_settings=draft_settings,
        ack_rules=False,
    )
    settings = service.drafter.settings
    request = DraftRequest(incident=incident, seed=seed)

    model.reset_cache()
    started = time.perf_counter()
    # Read on past the result, as the page does: what the service does after it (reading a
    # rule-written commitment into the cache) is not draft time, but the revision meets it.
    result, pipeline_s, draft_calls = None, 0.0, []
    for update in service.draft_stream(request):
        if update.result is not None and result is None:
            result, pipeline_s = update.result, time.perf_counter() - started
            draft_calls = list(metered.calls)
    assert result is not None
    pipeline_tokens = metered.tokens_in(draft_calls)
    generate_s = sum(call.stats.total_s for call in draft_calls)

    # The revision right after the draft meets the cache exactly as the app leaves it.
    warm = _revision_ttft(service, metered, request, result.draft)
    model.reset_cache()
    raw = model.raw_generate(draft_calls[0].prompt, settings.sampling(pipeline_tokens, seed))
    model.reset_cache()
    cold = _revision_ttft(service, metered, request, result.draft)

    structured_s, accepted, path = _structured_run(service, metered, request)
    length = metered.tokens_in([accepted])
    raw_warm = model.raw_generate(accepted.prompt, settings.sampling(length, seed))
    grammar = model.raw_generate(accepted.prompt, settings.sampling(length, seed), grammar=DRAFT_GRAMMAR)

    log.info("draft model calls: %s", describe_runs(draft_calls))
    runs = [(metered.tokens_in([call]), call.stats.total_s, call.stats.ttft_s) for call in draft_calls]
    details: dict[str, float | str | None] = {
        "draft_attempts": float(result.attempts),
        "draft_path": result.path,
        "revision_rounds": result.timings.get("revision_rounds"),
        "model_calls": float(len(draft_calls)),
        "prompt_tokens": float(draft_calls[0].stats.prompt_tokens),
        "pipeline_tokens": float(pipeline_tokens),
        "pipeline_generate_s": generate_s,
        "raw_tokens": float(raw.completion_tokens),
        "raw_s": raw.total_s,
        "raw_ttft_s": raw.ttft_s,
        "generation_only_ratio": ratio(generate_s, raw.total_s),
        "revise_warm_ttft_s": warm.stats.ttft_s,
        "revise_warm_cached_tokens": float(warm.stats.cached_tokens),
        "revise_cold_ttft_s": cold.stats.ttft_s,
        "revise_prompt_tokens": float(cold.stats.prompt_tokens),
        "structured_s": structured_s,
        "structured_tokens": float(length),
        "structured_path": path,
        "raw_same_length_s": raw_warm.total_s,
        "grammar_tokens": float(grammar.completion_tokens),
        "grammar_ratio": per_token_ratio(
            grammar.total_s, grammar.completion_tokens, raw_warm.total_s, raw_warm.completion_tokens
        ),
    }
    return GenerationFigures(
        ttft_s=draft_calls[0].stats.ttft_s,
        tokens_per_s=decode_rate(runs),
        draft_s=pipeline_s,
        overhead_ratio=overhead_ratio(pipeline_s, raw.total_s),
        revise_ttft_speedup=revise_speedup(cold.stats.ttft_s, warm.stats.ttft_s),
        structured_ratio=per_token_ratio(structured_s, length, raw_warm.total_s, raw_warm.completion_tokens),
        details=details,
    )


# The ratios a reader compares across runs: each is the median of repeated paired runs.
RATIOS = ("overhead_ratio", "revise_ttft_speedup", "structured_ratio")


def median_of_runs(runs: Sequence[GenerationFigures]) -> GenerationFigures:
    """One figure per measure from repeated runs: the median, with each ratio's spread.

    A single sample swings with whatever else the machine is doing (two runs of the same
    build once gave overhead 1.10 and 1.47); the median of interleaved runs does not.
    """
    if not runs:
        raise ValueError("no generation runs to summarise")

    def middle(values: list[float | None]) -> float | None:
        present = sorted(v for v in values if v is not None)
        return median(present) if present else None

    figures = {
        name: middle([getattr(run, name) for run in runs])
        for name in ("ttft_s", "tokens_per_s", "draft_s", *RATIOS)
    }
    # The details (token counts, paths) come from the run whose overhead is the median one.
    anchor = min(runs, key=lambda run: abs((run.overhead_ratio or 0) - (figures["overhead_ratio"] or 0)))
    details = dict(anchor.details)
    details["generation_runs"] = float(len(runs))
    for name in RATIOS:
        values = sorted(v for v in (getattr(run, name) for run in runs) if v is not None)
        if values:
            details[f"{name}_spread"] = f"{values[0]:.2f}–{values[-1]:.2f} over {len(values)} runs"
    return GenerationFigures(
        ttft_s=figures["ttft_s"] or 0.0,
        tokens_per_s=figures["tokens_per_s"],
        draft_s=figures["draft_s"] or 0.0,
        overhead_ratio=figures["overhead_ratio"],
        revise_ttft_speedup=figures["revise_ttft_speedup"],
        structured_ratio=figures["structured_ratio"],
        details=details,
    )


def describe_runs(calls: Sequence[MeteredCall]) -> str:
    """One line per model call, for a verbose log of what the pipeline asked for."""
    return "; ".join(
        f"{'grammar' if c.grammar else 'free'} {c.stats.prompt_tokens}p/{c.stats.cached_tokens}c "
        f"{c.stats.completion_tokens}t {c.stats.total_s:.2f}s"
        for c in calls
    )
