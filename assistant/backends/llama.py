"""The local model runtime: the only module that imports llama_cpp.

One generation model per process, behind a lock: llama.cpp contexts are not safe to share
between threads, and a laptop has no memory for two copies anyway.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import llama_cpp
from llama_cpp.llama_chat_format import Jinja2ChatFormatter

from assistant.backends.adapter import Adapter, AdapterChoice, choose_adapter
from assistant.backends.model_files import check_gguf_header, model_problem
from assistant.core.errors import CancelledError, ModelError
from assistant.core.protocols import GenerationStats, ModelInfo, Sampling

log = logging.getLogger(__name__)


@contextlib.contextmanager
def _quiet_native_stderr() -> Iterator[None]:
    """llama.cpp prints load diagnostics straight to fd 2; keep the terminal to our one sentence."""
    try:
        saved = os.dup(2)
    except OSError:  # no usable stderr (e.g. a daemon); nothing to hide
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def _without_amx_repack() -> None:
    """Keep llama.cpp off its Intel AMX weight path, which crashes on Q4_K models.

    A build for "this CPU" turns AMX on wherever the CPU has it, and the first matrix
    multiply on the repacked weights then segfaults (llama.cpp issue #20824). Loading without
    the extra buffer types keeps the ordinary AVX kernels; nothing else changes.
    """
    if b"AMX_INT8 = 1" not in llama_cpp.llama_print_system_info():
        return
    defaults = llama_cpp.llama_cpp.llama_model_default_params

    def params_without_extra_buffers():  # type: ignore[no-untyped-def]
        params = defaults()
        params.use_extra_bufts = False
        return params

    llama_cpp.llama_cpp.llama_model_default_params = params_without_extra_buffers
    log.info("this llama.cpp build uses Intel AMX: loading models without its repacked weights")


_without_amx_repack()


def _load(path: Path, **kwargs: object) -> llama_cpp.Llama:
    check_gguf_header(path)
    try:
        with _quiet_native_stderr():
            return llama_cpp.Llama(model_path=str(path), verbose=False, **kwargs)
    except (ValueError, RuntimeError, OSError) as exc:
        raise model_problem(path, "llama.cpp could not load it (truncated, corrupt or unsupported)") from exc


class LlamaModel:
    """A GGUF model running in-process through llama-cpp-python."""

    def __init__(
        self,
        path: Path,
        *,
        n_ctx: int = 4096,
        threads: int = 2,
        embedded_default: bool = False,
        adapter: AdapterChoice | None = None,
    ) -> None:
        self._path = Path(path)
        self._lock = threading.Lock()
        started = time.perf_counter()
        choice = adapter or AdapterChoice(None)
        options: dict[str, object] = dict(
            n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads, n_batch=512
        )
        self._llm, applied, note = self._load_with_adapter(choice, options)
        self.load_s = time.perf_counter() - started
        meta = dict(self._llm.metadata)
        template = meta.get("tokenizer.chat_template") or ""
        self._formatter: Jinja2ChatFormatter | None = None
        if template:
            eos_id, bos_id = self._llm.token_eos(), self._llm.token_bos()
            eos = self._llm._model.token_get_text(eos_id) if eos_id != -1 else ""
            bos = self._llm._model.token_get_text(bos_id) if bos_id != -1 else ""
            self._bos_text = bos
            self._formatter = Jinja2ChatFormatter(template=template, eos_token=eos, bos_token=bos)
        else:
            self._bos_text = ""
        self._info = ModelInfo(
            name=meta.get("general.name") or self._path.stem,
            path=str(self._path),
            chat=self._formatter is not None,
            n_ctx=self._llm.n_ctx(),
            embedded_default=embedded_default,
            architecture=meta.get("general.architecture", ""),
            size_label=meta.get("general.size_label", ""),
            adapter=applied.name if applied else "",
            note=note,
        )
        mode = "adapter" if applied else ("chat" if self._info.chat else "completion")
        log.info("loaded %s (%s mode) in %.2fs", self._info.name, mode, self.load_s)

    def _load_with_adapter(
        self, choice: AdapterChoice, options: dict[str, object]
    ) -> tuple[llama_cpp.Llama, Adapter | None, str]:
        """Load with the adapter; if llama.cpp refuses it, load without and say so."""
        if choice.adapter is None:
            return _load(self._path, **options), None, choice.note
        try:
            return _load(self._path, lora_path=str(choice.adapter.path), **options), choice.adapter, ""
        except ModelError:
            note = (
                f"The repair adapter {choice.adapter.path.name} could not be applied by llama.cpp. "
                "Drafting with the base model's few-shot prompt instead."
            )
            log.warning("%s", note)
            return _load(self._path, **options), None, note

    @property
    def info(self) -> ModelInfo:
        return self._info

    def format_chat(self, messages: Sequence[dict[str, str]]) -> tuple[str, list[str]]:
        if self._formatter is None:
            raise ModelError(f"The model {self._info.name} has no chat template; use completion mode.")
        result = self._formatter(messages=list(messages))
        stop = result.stop if isinstance(result.stop, list) else ([result.stop] if result.stop else [])
        return result.prompt, stop

    def _tokens(self, prompt: str) -> list[int]:
        # A chat template may already write the BOS token; never add a second one.
        add_bos = not (self._bos_text and prompt.startswith(self._bos_text))
        return self._llm.tokenize(prompt.encode("utf-8"), add_bos=add_bos, special=True)

    def count_tokens(self, text: str) -> int:
        return len(self._llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))

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
        with self._lock:
            tokens = self._tokens(prompt)
            room = self._info.n_ctx - len(tokens)
            if room < 16:
                raise ModelError(
                    f"The prompt needs {len(tokens)} tokens but the model's context holds {self._info.n_ctx}; "
                    "shorten the incident or raise REPAIR_N_CTX."
                )
            stats.prompt_tokens = len(tokens)
            stats.cached_tokens = llama_cpp.Llama.longest_token_prefix(self._llm._input_ids.tolist(), tokens)
            compiled = llama_cpp.LlamaGrammar.from_string(grammar, verbose=False) if grammar else None
            started = time.perf_counter()
            pieces = self._llm.create_completion(
                tokens,
                max_tokens=min(sampling.max_tokens, room),
                temperature=sampling.temperature,
                top_p=sampling.top_p,
                top_k=sampling.top_k,
                min_p=sampling.min_p,
                repeat_penalty=sampling.repeat_penalty,
                stop=list(stop),
                seed=sampling.seed,
                grammar=compiled,
                stream=True,
            )
            try:
                for chunk in pieces:
                    if cancel is not None and cancel.is_set():
                        raise CancelledError("Drafting was stopped; nothing was lost.")
                    text = chunk["choices"][0]["text"]
                    if not text:
                        continue
                    if stats.completion_tokens == 0:
                        stats.ttft_s = time.perf_counter() - started
                    stats.completion_tokens += 1
                    yield text
            finally:
                pieces.close()
                stats.total_s = time.perf_counter() - started

    # -- measuring: used by `bench` to compare the pipeline with llama-cpp-python alone --

    def reset_cache(self) -> None:
        """Forget the evaluated prefix, so the next prompt is processed from scratch.

        A benchmark needs the prefix cache in a known state before each timed run.
        """
        with self._lock:
            self._llm.reset()

    def raw_generate(self, prompt: str, sampling: Sampling, *, grammar: str | None = None) -> GenerationStats:
        """Generate `sampling.max_tokens` tokens straight from `Llama.generate`: the floor to measure against.

        Same tokenisation and sampling as `stream`, but nothing else: no streaming chunks, no
        detokenising, no stop strings, and the end-of-text token does not end the run, so the
        count is exact. With a grammar the run ends where the grammar completes.
        """
        stats = GenerationStats()
        with self._lock:
            tokens = self._tokens(prompt)
            limit = max(1, min(sampling.max_tokens, self._info.n_ctx - len(tokens)))
            stats.prompt_tokens = len(tokens)
            stats.cached_tokens = llama_cpp.Llama.longest_token_prefix(self._llm._input_ids.tolist(), tokens)
            compiled = llama_cpp.LlamaGrammar.from_string(grammar, verbose=False) if grammar else None
            self._llm.set_seed(sampling.seed)
            started = time.perf_counter()
            generated = self._llm.generate(
                tokens,
                temp=sampling.temperature,
                top_p=sampling.top_p,
                top_k=sampling.top_k,
                min_p=sampling.min_p,
                repeat_penalty=sampling.repeat_penalty,
                grammar=compiled,
            )
            try:
                for token in generated:
                    if stats.completion_tokens == 0:
                        stats.ttft_s = time.perf_counter() - started
                    if compiled is not None and llama_cpp.llama_vocab_is_eog(self._llm._model.vocab, token):
                        break
                    stats.completion_tokens += 1
                    if stats.completion_tokens >= limit:
                        break
            finally:
                generated.close()
                stats.total_s = time.perf_counter() - started
        return stats


class LlamaEmbedder:
    """Mean-pooled sentence embeddings from a GGUF (the default model declares no pooling)."""

    def __init__(self, path: Path, *, threads: int = 2, n_ctx: int = 512) -> None:
        self._path = Path(path)
        self._lock = threading.Lock()
        # Created as a generation context and switched to embeddings afterwards: with
        # embedding=True llama-cpp-python reserves a logits-sized output buffer (~256 MB for
        # Gemma's vocabulary) that mean pooling never uses. The vectors are identical.
        self._llm = _load(
            self._path,
            embedding=False,
            pooling_type=llama_cpp.LLAMA_POOLING_TYPE_MEAN,
            n_ctx=n_ctx,
            n_batch=n_ctx,
            n_ubatch=n_ctx,
            n_threads=threads,
            n_threads_batch=threads,
        )
        llama_cpp.llama_set_embeddings(self._llm.ctx, True)
        self._llm.context_params.embeddings = True
        meta = self._llm.metadata
        self._name = f"{meta.get('general.name') or self._path.stem}:{self._path.stat().st_size}:mean"

    @property
    def name(self) -> str:
        return self._name

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        with self._lock:
            return [list(map(float, self._llm.embed(text, normalize=True, truncate=True))) for text in texts]


def open_model(
    model_flag: Path | None,
    env_model: Path | None,
    models_dir: Path,
    *,
    n_ctx: int,
    threads: int,
    adapter: str | None = None,
) -> LlamaModel:
    """Resolve (--model, REPAIR_MODEL, embedded default) and the adapter; load the drafting model."""
    from assistant.backends.model_files import resolve_model_path

    path = resolve_model_path(model_flag, env_model, models_dir)
    embedded = model_flag is None and env_model is None
    choice = choose_adapter(adapter, model_path=path, embedded_default=embedded)
    return LlamaModel(path, n_ctx=n_ctx, threads=threads, embedded_default=embedded, adapter=choice)
