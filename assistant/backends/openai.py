"""Drafting through an OpenAI-compatible server the organisation runs on its own network.

llama.cpp's server, vLLM and Ollama all offer `/v1/completions`, so the model runs as a
few-shot completion model (`chat=False`) with the very prompt the local runtime would get.
Only the generation leaves the process; retrieval, guardrails and the journal stay local.
The standard library is enough, and it lets us refuse proxies and redirects so the text goes
to the one URL the leader named and nowhere else.
"""

from __future__ import annotations

import http.client
import json
import logging
import socket
import threading
import time
import urllib.error
import urllib.request
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urlsplit

from assistant.core.errors import CancelledError, ModelError
from assistant.core.protocols import GenerationStats, ModelInfo, Sampling

log = logging.getLogger(__name__)

# The local runtime's sampling; llama.cpp and vLLM understand these, strict servers may not.
PROBE_TIMEOUT_S = 10.0
_MAX_ERROR_CHARS = 200


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect would send the incident to a host the leader did not name."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


def _split_base(base_url: str) -> tuple[str, str]:
    """(server root, API root): accepts http://host:port, .../v1 and trailing slashes."""
    url = base_url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ModelError(f"The model server URL {base_url!r} must look like http://host:port.")
    if url.endswith("/v1"):
        return url[: -len("/v1")], url
    return url, url + "/v1"


def _server_message(exc: urllib.error.HTTPError) -> str:
    """The server's own explanation from an error body, on one short line."""
    try:
        raw = exc.read(4096).decode("utf-8", errors="replace")
    except (OSError, http.client.HTTPException):
        raw = ""
    message: Any = raw
    try:
        body = json.loads(raw)
    except ValueError:
        body = None
    if isinstance(body, dict):  # OpenAI: {"error": {"message"}}; FastAPI: {"detail"}
        error = body.get("error") or body.get("detail") or body.get("message") or ""
        message = error.get("message", "") if isinstance(error, dict) else error
    text = " ".join(str(message).split()) or (exc.reason if isinstance(exc.reason, str) else "")
    return text[:_MAX_ERROR_CHARS].rstrip(".")


def _request_error(url: str, exc: BaseException, timeout: float) -> ModelError:
    """One sentence that names the URL and says what went wrong."""
    if isinstance(exc, urllib.error.HTTPError):
        detail = _server_message(exc)
        return ModelError(
            f"The model server at {url} answered HTTP {exc.code}" + (f": {detail}." if detail else ".")
        )
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, ConnectionRefusedError):
        return ModelError(
            f"Could not connect to the model server at {url}: connection refused (is it running?)."
        )
    if isinstance(reason, TimeoutError | socket.timeout):
        return ModelError(f"The model server at {url} did not answer within {timeout:g} s.")
    if isinstance(reason, socket.gaierror):
        return ModelError(f"Could not find the model server at {url}: the host name does not resolve.")
    text = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return ModelError(f"The connection to the model server at {url} failed ({text}).")


def _short_id(model_id: str) -> str:
    """llama.cpp servers name a model by its file path; show the file name instead."""
    if model_id.lower().endswith(".gguf"):
        return model_id.replace("\\", "/").rsplit("/", 1)[-1][: -len(".gguf")]
    return model_id


class OpenAIModel:
    """A TextModel backed by an OpenAI-compatible `/v1/completions` endpoint."""

    def __init__(
        self,
        base_url: str,
        api_model: str | None = None,
        *,
        api_key: str | None = None,
        timeout: float = 120,
        n_ctx: int = 4096,
    ) -> None:
        self._root, self._api = _split_base(base_url)
        self._timeout = float(timeout)
        self._api_key = api_key
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())
        self._extras_ok: bool | None = None  # unknown until the server accepts or refuses them
        self._tokenizer: str | None = None  # "", "tokenize" or "extras" once probed
        self._counts: OrderedDict[str, int] = OrderedDict()
        self._probe_lock = threading.Lock()
        self._model = self._choose_model(api_model)
        server_ctx = self._server_context()
        host = urlsplit(self._root).netloc
        self._info = ModelInfo(
            name=f"{_short_id(self._model)} via {host}",
            path=self._root,
            chat=False,
            n_ctx=min(n_ctx, server_ctx) if server_ctx else n_ctx,
        )
        log.info("using %s (completion mode, %d-token context)", self._info.name, self._info.n_ctx)

    # -- HTTP ------------------------------------------------------------------------
    def _open(self, url: str, body: dict[str, Any] | None = None, timeout: float | None = None):
        headers = {"Accept": "application/json, text/event-stream"}
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        request = urllib.request.Request(
            url, data=data, headers=headers, method="POST" if body is not None else "GET"
        )
        limit = self._timeout if timeout is None else timeout
        try:
            return self._opener.open(request, timeout=limit)
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            raise _request_error(url, exc, limit) from exc

    def _json(self, url: str, body: dict[str, Any] | None = None, timeout: float | None = None) -> Any:
        with self._open(url, body, timeout) as response:
            try:
                return json.loads(response.read().decode("utf-8"))
            except (OSError, http.client.HTTPException) as exc:
                raise _request_error(url, exc, timeout or self._timeout) from exc
            except ValueError as exc:
                raise ModelError(f"The model server at {url} sent a reply that is not JSON.") from exc

    def _choose_model(self, api_model: str | None) -> str:
        url = f"{self._api}/models"
        try:
            listing = self._json(url, timeout=min(self._timeout, PROBE_TIMEOUT_S))
        except ModelError as exc:
            cause = exc.__cause__
            if api_model and isinstance(cause, urllib.error.HTTPError) and cause.code in (404, 405):
                return api_model  # some gateways serve completions without a model list
            raise
        data = listing.get("data") if isinstance(listing, dict) else None
        ids = [str(item["id"]) for item in data or [] if isinstance(item, dict) and item.get("id")]
        if api_model:
            if ids and api_model not in ids:
                log.warning(
                    "the server at %s does not list %s (it lists %s)",
                    self._root,
                    api_model,
                    ", ".join(ids),
                )
            return api_model
        if not ids:
            raise ModelError(f"The model server at {url} lists no models; name one with --api-model.")
        return ids[0]

    def _server_context(self) -> int:
        """llama.cpp's server reports its context size at /props; other servers need not."""
        try:
            props = self._json(f"{self._root}/props", timeout=min(self._timeout, PROBE_TIMEOUT_S))
            n_ctx = props["default_generation_settings"]["n_ctx"]
            return int(n_ctx) if isinstance(n_ctx, int) and n_ctx > 0 else 0
        except (ModelError, KeyError, TypeError, ValueError):
            return 0

    # -- TextModel -------------------------------------------------------------------
    @property
    def info(self) -> ModelInfo:
        return self._info

    @property
    def model_id(self) -> str:
        return self._model

    def format_chat(self, messages: Sequence[dict[str, str]]) -> tuple[str, list[str]]:
        raise ModelError(
            f"The model {self._info.name} runs in completion mode; it has no chat template here."
        )

    def _server_count(self, kind: str, text: str) -> int:
        if kind == "tokenize":  # llama.cpp's server ("content") and vLLM ("prompt")
            reply = self._json(
                f"{self._root}/tokenize", {"content": text, "prompt": text, "model": self._model}
            )
            return int(reply["count"]) if "count" in reply else len(reply["tokens"])
        reply = self._json(f"{self._root}/extras/tokenize/count", {"input": text, "model": self._model})
        return int(reply["count"])  # llama-cpp-python's server

    def count_tokens(self, text: str) -> int:
        """The server's tokenizer when it has one; otherwise a cautious estimate."""
        if text in self._counts:
            self._counts.move_to_end(text)
            return self._counts[text]
        with self._probe_lock:
            if self._tokenizer is None:
                self._tokenizer = ""
                for kind in ("tokenize", "extras"):
                    try:
                        count = self._server_count(kind, text)
                    except (ModelError, KeyError, TypeError, ValueError):
                        continue
                    self._tokenizer = kind
                    log.info("counting tokens with the server's %s endpoint", kind)
                    return self._remember(text, count)
        if self._tokenizer:
            try:
                return self._remember(text, self._server_count(self._tokenizer, text))
            except (ModelError, KeyError, TypeError, ValueError) as exc:
                log.debug("token count failed, estimating: %s", exc)
        # About four characters per token in English; estimate high so a prompt never overflows.
        return len(text) // 3 + 1

    def _remember(self, text: str, count: int) -> int:
        self._counts[text] = count
        if len(self._counts) > 16:
            self._counts.popitem(last=False)
        return count

    def _open_completion(self, body: dict[str, Any], extras: dict[str, Any]):
        url = f"{self._api}/completions"
        if not extras or self._extras_ok is False:
            return self._open(url, body)
        try:
            response = self._open(url, {**body, **extras})
        except ModelError as exc:
            cause = exc.__cause__
            if (
                self._extras_ok is None
                and isinstance(cause, urllib.error.HTTPError)
                and cause.code in (400, 422)
            ):
                log.info("the server refused llama.cpp sampling fields; retrying without them")
                self._extras_ok = False
                return self._open(url, body)
            raise
        self._extras_ok = True
        return response

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
        body: dict[str, Any] = {
            "model": self._model,
            "prompt": prompt,
            "max_tokens": sampling.max_tokens,
            "temperature": sampling.temperature,
            "top_p": sampling.top_p,
            "seed": sampling.seed,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        if stop:
            body["stop"] = list(stop)
        # llama.cpp's server reads these; a stricter OpenAI-style server may refuse them.
        extras: dict[str, Any] = {
            "top_k": sampling.top_k,
            "min_p": sampling.min_p,
            "repeat_penalty": sampling.repeat_penalty,
        }
        if grammar:
            extras["grammar"] = grammar
        started = time.perf_counter()
        response = self._open_completion(body, extras)
        url = f"{self._api}/completions"
        pieces = 0
        usage: dict[str, Any] = {}
        try:
            for event in _events(response, url, self._timeout):
                if cancel is not None and cancel.is_set():
                    raise CancelledError("Drafting was stopped; nothing was lost.")
                if "error" in event:
                    error = event["error"]
                    message = error.get("message", error) if isinstance(error, dict) else error
                    detail = " ".join(str(message).split())[:_MAX_ERROR_CHARS]
                    raise ModelError(f"The model server at {url} stopped with an error: {detail}.")
                usage = event.get("usage") or usage
                timings = event.get("timings")
                if isinstance(timings, dict):  # llama.cpp's server reports its prefix-cache reuse
                    stats.cached_tokens = int(timings.get("cache_n", 0) or 0)
                choices = event.get("choices") or [{}]
                text = (choices[0].get("text") if isinstance(choices[0], dict) else "") or ""
                if not text:
                    continue
                if pieces == 0:
                    stats.ttft_s = time.perf_counter() - started
                pieces += 1
                stats.completion_tokens = pieces
                yield text
        finally:
            response.close()
            stats.total_s = time.perf_counter() - started
        stats.completion_tokens = int(usage.get("completion_tokens") or pieces)
        stats.prompt_tokens = int(usage.get("prompt_tokens") or 0) or self.count_tokens(prompt)


def _events(response: Any, url: str, timeout: float) -> Iterator[dict[str, Any]]:
    """Stream events; a server that ignores `stream` and answers in one JSON body also works."""
    if response.headers.get_content_type() != "application/json":
        return _sse_events(response, url, timeout)
    try:
        body = json.loads(response.read().decode("utf-8"))
    except (OSError, http.client.HTTPException) as exc:
        raise _request_error(url, exc, timeout) from exc
    except ValueError as exc:
        raise ModelError(f"The model server at {url} sent a reply that is not JSON.") from exc
    return iter([body] if isinstance(body, dict) else [])


def _sse_events(response: Any, url: str, timeout: float) -> Iterator[dict[str, Any]]:
    """Decode server-sent events (`data:` lines, blank-line separated) until `[DONE]`."""
    data: list[str] = []
    try:
        while True:
            raw = response.readline()
            line = raw.decode("utf-8", errors="replace").rstrip("\r\n") if raw else None
            if line and not line.startswith(":"):  # ":" lines are keep-alive comments
                field, _, value = line.partition(":")
                if field == "data":
                    data.append(value[1:] if value.startswith(" ") else value)
                continue
            if data:
                payload = "\n".join(data)
                data = []
                if payload.strip() == "[DONE]":
                    return
                try:
                    event = json.loads(payload)
                except ValueError as exc:
                    raise ModelError(
                        f"The model server at {url} sent a stream event that is not JSON."
                    ) from exc
                if isinstance(event, dict):
                    yield event
            if raw == b"":
                return
    except (OSError, http.client.HTTPException) as exc:
        raise _request_error(url, exc, timeout) from exc
