"""The OpenAI-compatible backend: a stub server for the protocol, llama.cpp's server for real.

Unit tests run a tiny http.server on 127.0.0.1 that replays server-sent events, errors and
slow answers. The integration tests start llama-cpp-python's own server with the default
model and draft through the whole pipeline.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from assistant.backends.openai import OpenAIModel
from assistant.core.errors import CancelledError, ModelError
from assistant.core.protocols import GenerationStats, Sampling

Route = Callable[[BaseHTTPRequestHandler, Any], None]
MODELS = {"object": "list", "data": [{"id": "tiny-model", "object": "model"}]}
INCIDENT = (
    "In today's meeting I cut Priya off twice while she was presenting her migration plan, "
    "and told her we had no time for it. She went quiet for the rest of the meeting."
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- the stub server ------------------------------------------------------------------------
class Stub:
    """Routes by path; records every request (method, path, JSON body, headers)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {"/v1/models": json_reply(200, MODELS)}
        self.requests: list[tuple[str, str, Any, dict[str, str]]] = []
        self.disconnected = threading.Event()
        self.url = ""

    def posts(self, path: str) -> list[Any]:
        return [body for method, p, body, _ in self.requests if method == "POST" and p == path]


def json_reply(status: int, payload: Any, headers: dict[str, str] | None = None) -> Route:
    def reply(handler: BaseHTTPRequestHandler, body: Any) -> None:
        data = json.dumps(payload).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            handler.send_header(key, value)
        handler.end_headers()
        handler.wfile.write(data)

    return reply


def sse_reply(events: list[Any], *, delay: float = 0.0, stub: Stub | None = None) -> Route:
    """Stream `events` (dicts, "[DONE]" or raw ":" comment lines) as server-sent events."""

    def reply(handler: BaseHTTPRequestHandler, body: Any) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        try:
            for event in events:
                if isinstance(event, str) and event.startswith(":"):
                    line = event + "\r\n"
                else:
                    line = "data: " + (event if isinstance(event, str) else json.dumps(event))
                    line += "\r\n\r\n"
                handler.wfile.write(line.encode())
                handler.wfile.flush()
                if delay:
                    time.sleep(delay)
        except (BrokenPipeError, ConnectionResetError):
            if stub is not None:
                stub.disconnected.set()

    return reply


def chunk(text: str) -> dict:
    return {"object": "text_completion", "choices": [{"text": text, "index": 0}]}


@pytest.fixture
def stub() -> Iterator[Stub]:
    state = Stub()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def _handle(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            state.requests.append((method, self.path, body, dict(self.headers)))
            route = state.routes.get(self.path) or json_reply(404, {"detail": "Not Found"})
            route(self, body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self._handle("GET")

        def do_POST(self) -> None:  # noqa: N802
            self._handle("POST")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()


def _stream(model: OpenAIModel, **kwargs: Any) -> list[str]:
    return list(model.stream("OWN:", Sampling(max_tokens=16, temperature=0.5, seed=7), **kwargs))


# -- protocol -------------------------------------------------------------------------------
def test_streams_pieces_until_done_and_fills_stats(stub):
    stub.routes["/v1/completions"] = sse_reply(
        [
            ": ping",
            chunk("Hel"),
            chunk(""),
            chunk("lo"),
            chunk(" there"),
            {"choices": [], "usage": {"prompt_tokens": 12, "completion_tokens": 3}},
            "[DONE]",
            chunk("after the end"),
        ]
    )
    model = OpenAIModel(stub.url)
    stats = GenerationStats()
    assert _stream(model, stop=["END", "\n"], stats=stats) == ["Hel", "lo", " there"]
    assert stats.prompt_tokens == 12 and stats.completion_tokens == 3
    assert 0 < stats.ttft_s <= stats.total_s
    (body,) = stub.posts("/v1/completions")
    assert body["model"] == "tiny-model" and body["prompt"] == "OWN:"
    assert body["max_tokens"] == 16 and body["temperature"] == 0.5 and body["seed"] == 7
    assert body["stop"] == ["END", "\n"] and body["stream"] is True
    assert "grammar" not in body


def test_info_names_the_model_and_host(stub):
    model = OpenAIModel(stub.url)
    host = stub.url.removeprefix("http://")
    assert model.info.name == f"tiny-model via {host}"
    assert model.info.chat is False and model.info.n_ctx == 4096
    assert model.info.path == stub.url
    with pytest.raises(ModelError, match="completion mode"):
        model.format_chat([{"role": "user", "content": "hi"}])


def test_gguf_paths_as_model_ids_are_shortened(stub):
    stub.routes["/v1/models"] = json_reply(200, {"data": [{"id": "/srv/models/gemma-3-4b.gguf"}]})
    assert OpenAIModel(stub.url).info.name.startswith("gemma-3-4b via ")


def test_base_url_may_end_in_v1_and_a_slash(stub):
    stub.routes["/v1/completions"] = sse_reply([chunk("ok"), "[DONE]"])
    model = OpenAIModel(stub.url + "/v1/", api_model="tiny-model")
    assert _stream(model) == ["ok"]


def test_server_context_size_caps_the_budget(stub):
    stub.routes["/props"] = json_reply(200, {"default_generation_settings": {"n_ctx": 2048}})
    assert OpenAIModel(stub.url, n_ctx=4096).info.n_ctx == 2048
    assert OpenAIModel(stub.url, n_ctx=1024).info.n_ctx == 1024


def test_grammar_and_sampling_fields_reach_a_llama_cpp_server(stub):
    stub.routes["/v1/completions"] = sse_reply([chunk(" yes"), "[DONE]"])
    grammar = 'root ::= " yes" | " no"'
    assert _stream(OpenAIModel(stub.url), grammar=grammar) == [" yes"]
    (body,) = stub.posts("/v1/completions")
    assert body["grammar"] == grammar and body["top_k"] == 40 and body["repeat_penalty"] == 1.1


def test_a_strict_server_gets_plain_openai_fields(stub):
    def strict(handler: BaseHTTPRequestHandler, body: Any) -> None:
        if {"grammar", "top_k"} & set(body):
            json_reply(400, {"error": {"message": "Unrecognized request argument"}})(handler, body)
        else:
            sse_reply([chunk("fine"), "[DONE]"])(handler, body)

    stub.routes["/v1/completions"] = strict
    model = OpenAIModel(stub.url)
    assert _stream(model, grammar='root ::= "x"') == ["fine"]
    assert _stream(model) == ["fine"]
    first, retried, later = stub.posts("/v1/completions")
    assert "grammar" in first and "grammar" not in retried and "top_k" not in later


def test_a_server_that_ignores_stream_still_works(stub):
    reply = {"choices": [{"text": " whole reply"}], "usage": {"prompt_tokens": 5}}
    stub.routes["/v1/completions"] = json_reply(200, reply)
    stats = GenerationStats()
    assert _stream(OpenAIModel(stub.url), stats=stats) == [" whole reply"]
    assert stats.prompt_tokens == 5 and stats.completion_tokens == 1


def test_cancel_stops_and_closes_the_stream(stub):
    events = [chunk(f" w{i}") for i in range(400)] + ["[DONE]"]
    stub.routes["/v1/completions"] = sse_reply(events, delay=0.01, stub=stub)
    cancel = threading.Event()
    seen: list[str] = []
    with pytest.raises(CancelledError):
        for piece in OpenAIModel(stub.url).stream("OWN:", Sampling(max_tokens=400, seed=1), cancel=cancel):
            seen.append(piece)
            if len(seen) == 2:
                cancel.set()
    assert seen == [" w0", " w1"]
    assert stub.disconnected.wait(10), "the server kept streaming to a closed connection"


def test_api_key_is_sent_as_a_bearer_token(stub):
    OpenAIModel(stub.url, api_key="s3cret")
    headers = stub.requests[0][3]
    assert headers["Authorization"] == "Bearer s3cret"


def test_proxies_from_the_environment_are_not_used(stub, monkeypatch):
    dead = f"http://127.0.0.1:{free_port()}"
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, dead)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    assert OpenAIModel(stub.url).info.name.startswith("tiny-model")


# -- choosing the model ---------------------------------------------------------------------
def test_empty_model_list_asks_for_a_name(stub):
    stub.routes["/v1/models"] = json_reply(200, {"data": []})
    with pytest.raises(ModelError, match="lists no models; name one with --api-model"):
        OpenAIModel(stub.url)


def test_named_model_works_without_a_model_list(stub):
    del stub.routes["/v1/models"]
    assert OpenAIModel(stub.url, api_model="team-model").info.name.startswith("team-model via")


# -- token counts ---------------------------------------------------------------------------
def test_count_tokens_uses_llama_cpp_tokenize_and_remembers(stub):
    stub.routes["/tokenize"] = json_reply(200, {"tokens": [1, 2, 3]})
    model = OpenAIModel(stub.url)
    assert model.count_tokens("one two three") == 3
    assert model.count_tokens("one two three") == 3
    assert model.count_tokens("other") == 3
    assert len(stub.posts("/tokenize")) == 2 and stub.posts("/extras/tokenize/count") == []


def test_count_tokens_uses_llama_cpp_python_extras(stub):
    stub.routes["/extras/tokenize/count"] = json_reply(200, {"count": 9})
    model = OpenAIModel(stub.url)
    assert model.count_tokens("some text") == 9
    assert stub.posts("/extras/tokenize/count")[0]["input"] == "some text"


def test_count_tokens_falls_back_to_an_estimate_after_one_probe(stub):
    model = OpenAIModel(stub.url)
    text = "x" * 300
    assert model.count_tokens(text) == 101
    assert model.count_tokens("y" * 30) == 11
    probes = [path for method, path, _, _ in stub.requests if method == "POST"]
    assert probes == ["/tokenize", "/extras/tokenize/count"]


# -- errors: one sentence naming the URL ----------------------------------------------------
def _one_sentence(message: str) -> None:
    assert message.endswith(".") and "\n" not in message
    assert message.rstrip(".").count(". ") == 0


def test_closed_port_names_the_url():
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(ModelError) as caught:
        OpenAIModel(url)
    message = str(caught.value)
    assert message == (
        f"Could not connect to the model server at {url}/v1/models: connection refused (is it running?)."
    )
    _one_sentence(message)


def test_http_error_carries_the_servers_reason(stub):
    stub.routes["/v1/completions"] = json_reply(500, {"error": {"message": "out of\nmemory"}})
    with pytest.raises(ModelError) as caught:
        _stream(OpenAIModel(stub.url))
    assert str(caught.value) == (
        f"The model server at {stub.url}/v1/completions answered HTTP 500: out of memory."
    )
    _one_sentence(str(caught.value))


def test_unauthorised(stub):
    stub.routes["/v1/models"] = json_reply(401, {"detail": "Invalid API key"})
    with pytest.raises(ModelError, match="answered HTTP 401: Invalid API key"):
        OpenAIModel(stub.url, api_key="wrong")


def test_error_event_mid_stream(stub):
    stub.routes["/v1/completions"] = sse_reply([chunk("I "), {"error": {"message": "the context is full"}}])
    with pytest.raises(ModelError, match="stopped with an error: the context is full"):
        _stream(OpenAIModel(stub.url))


def test_garbage_in_the_stream(stub):
    stub.routes["/v1/completions"] = sse_reply(["{not json"])
    with pytest.raises(ModelError, match="not JSON"):
        _stream(OpenAIModel(stub.url))


def test_slow_server_times_out(stub):
    def slow(handler: BaseHTTPRequestHandler, body: Any) -> None:
        time.sleep(1.5)
        json_reply(200, MODELS)(handler, body)

    stub.routes["/v1/models"] = slow
    with pytest.raises(ModelError) as caught:
        OpenAIModel(stub.url, timeout=0.3)
    assert str(caught.value) == f"The model server at {stub.url}/v1/models did not answer within 0.3 s."


def test_redirects_are_not_followed(stub):
    stub.routes["/v1/models"] = json_reply(307, {}, {"Location": "http://example.invalid/v1/models"})
    with pytest.raises(ModelError, match="answered HTTP 307"):
        OpenAIModel(stub.url)
    assert len(stub.requests) == 1


@pytest.mark.parametrize("url", ["ftp://host/v1", "127.0.0.1:8080", ""])
def test_bad_urls_are_refused(url):
    with pytest.raises(ModelError, match="must look like http://host:port"):
        OpenAIModel(url)


# -- the real thing: llama-cpp-python's server with the default model -----------------------
@pytest.fixture(scope="module")
def llama_server(default_model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start `python -m llama_cpp.server` on a free local port; stop it afterwards."""
    for module in ("llama_cpp", "fastapi", "uvicorn", "sse_starlette", "starlette_context"):
        pytest.importorskip(module, reason="llama_cpp.server needs the project's test extra")
    port = free_port()
    log_path = tmp_path_factory.mktemp("llama-server") / "server.log"
    command = [
        sys.executable, "-m", "llama_cpp.server", "--model", str(default_model_path),
        "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048",
        "--n_threads", str(os.cpu_count() or 1),
    ]  # fmt: skip
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            if process.poll() is not None:
                tail = log_path.read_text(errors="replace")[-2000:]
                pytest.fail(f"llama_cpp.server exited with {process.returncode}:\n{tail}")
            try:
                with urllib.request.urlopen(f"{url}/v1/models", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama_cpp.server did not answer on {url} within 180 s")
            time.sleep(0.25)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@pytest.mark.integration
def test_real_server_streams_a_completion(llama_server):
    model = OpenAIModel(llama_server, n_ctx=2048)
    assert model.info.name == f"gemma-3-270m-q4_k_m via {llama_server.removeprefix('http://')}"
    stats = GenerationStats()
    pieces = list(
        model.stream(
            "The three primary colours are red,", Sampling(max_tokens=12, temperature=0.0, seed=1),
            stop=["\n"], stats=stats,
        )
    )  # fmt: skip
    text = "".join(pieces)
    assert text.strip() and "\n" not in text
    assert 1 <= stats.completion_tokens <= 12
    assert stats.prompt_tokens > 0 and 0 < stats.ttft_s <= stats.total_s
    assert 0 < model.count_tokens("Hello there, Priya.") < 10


@pytest.mark.integration
def test_real_server_honours_a_grammar(llama_server):
    model = OpenAIModel(llama_server, n_ctx=2048)
    text = "".join(
        model.stream(
            "Is the sky blue? Answer:", Sampling(max_tokens=4, temperature=0.7, seed=3),
            grammar='root ::= " yes" | " no"',
        )
    )  # fmt: skip
    assert text in {" yes", " no"}


@pytest.mark.integration
def test_real_server_drafts_three_sections(llama_server):
    from assistant.core.schemas import DraftRequest
    from assistant.core.service import RepairService

    service = RepairService(OpenAIModel(llama_server, n_ctx=2048), retriever=None)
    result = service.draft(DraftRequest(incident=INCIDENT))
    assert result.own.strip() and result.acknowledge.strip() and result.commit.strip()
    assert result.model.endswith(f"via {llama_server.removeprefix('http://')}")
    assert result.timings["completion_tokens"] > 0
