"""A browser call that sends a bad `start` or makes the VAD fail ends with a close reason (and a
record of the error), while another call on the same service goes on."""

from __future__ import annotations

import json

import numpy as np
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from speech.calls import CallRegistry
from speech.transports import browser
from speech.tts.engine import Speech
from speech.voice.dialogue import Reply
from speech.voice.session import VoiceParts

LOUD = 0.9  # a frame this loud makes the test's VAD fail, as a broken model would


class Dialogue:
    async def send(self, *args, **kwargs):
        return Reply(texts=["Hello."])


class Tts:
    name = "tone"

    async def synthesize(self, sentence):
        return Speech(np.full(1600, 0.1, dtype=np.float32), 16000)


def failing_vad():
    def probability(chunk: np.ndarray) -> float:
        if np.abs(chunk).max() >= LOUD:
            raise RuntimeError("the VAD model failed")
        return 0.0
    return probability


@pytest.fixture
def service():
    parts = VoiceParts(transcriber=None, dialogue=Dialogue(), tts=Tts(), vad=failing_vad)  # type: ignore[arg-type]
    calls = CallRegistry(8, lambda: parts)
    app = FastAPI()
    app.include_router(browser.build_router(calls))
    with TestClient(app) as client:
        yield client, calls


def pcm(value: float, ms: int = 40) -> bytes:
    return (np.full(16 * ms, value) * 32767).astype("<i2").tobytes()


def answered(ws) -> bool:
    """Audio came back (a `clear` may come first: the key stops what is still playing)."""
    while (message := ws.receive())["type"] == "websocket.send" and message.get("bytes") is None:
        pass
    return message.get("bytes") is not None


def closed(ws) -> tuple[int, str]:
    """The code and reason the server closed with (the greeting's audio may come first)."""
    while (message := ws.receive())["type"] != "websocket.close":
        pass
    return message["code"], message.get("reason") or ""


@pytest.mark.parametrize("rate", ["sixteen thousand", "NaN", [16000], 1e400, 4000])
def test_a_bad_sample_rate_gets_a_reason_while_another_call_goes_on(service, rate):
    client, calls = service
    with client.websocket_connect("/v1/browser/stream") as good:
        good.send_text(json.dumps({"type": "start", "sample_rate": 48000}))
        assert isinstance(good.receive_bytes(), bytes)  # the greeting
        with client.websocket_connect("/v1/browser/stream") as bad:
            bad.send_text(json.dumps({"type": "start", "sample_rate": rate}))
            code, reason = closed(bad)
        assert code == 1007 and "sample_rate" in reason
        good.send_bytes(pcm(0.01, ms=100))
        good.send_text(json.dumps({"type": "dtmf", "digit": "0"}))  # still served: a key gets an answer
        assert answered(good)
        good.send_text(json.dumps({"type": "stop"}))
    (record,) = [calls.get(i) for i in list(calls._finished)]
    assert record.transport == "browser" and record.ended == "caller hung up" and record.error is None


def test_a_vad_failure_ends_that_call_with_a_reason_and_a_record(service):
    client, calls = service
    with client.websocket_connect("/v1/browser/stream") as good:
        good.send_text(json.dumps({"type": "start", "sample_rate": 16000}))
        good.receive_bytes()
        with client.websocket_connect("/v1/browser/stream") as bad:
            bad.send_text(json.dumps({"type": "start", "sample_rate": 16000}))
            bad.send_bytes(pcm(0.95))
            code, reason = closed(bad)
        assert code == 1011 and reason == "the call failed on our side"
        good.send_bytes(pcm(0.01))
        good.send_text(json.dumps({"type": "dtmf", "digit": "0"}))
        assert answered(good)
        good.send_text(json.dumps({"type": "stop"}))
    records = [calls.get(i) for i in list(calls._finished)]
    failed = [r for r in records if r.error]
    assert len(records) == 2 and len(failed) == 1
    assert failed[0].error == "RuntimeError: the VAD model failed"
    assert [r.ended for r in records if not r.error] == ["caller hung up"]
