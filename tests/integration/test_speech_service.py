"""The speech service as its own process, started from the service table, with real recordings."""

from __future__ import annotations

import io
import select
import socket
import time

import httpx
import numpy as np
import pytest
import soundfile

from bench.asr_data import clip, non_speech
from speech import resample
from stack.launcher import Stack
from tests.integration.conftest import stack_settings

MAX_AUDIO_BYTES = 3_000_000


@pytest.fixture(scope="module")
def speech(tmp_path_factory):
    stack = Stack(stack_settings(tmp_path_factory.mktemp("speech-run")), only=["speech"],
                  extra_env={"MAX_AUDIO_BYTES": str(MAX_AUDIO_BYTES)})
    stack.start()
    try:
        yield stack
    finally:
        stack.stop()


@pytest.fixture(scope="module")
def http(speech):
    with httpx.Client(base_url=speech.urls["speech"], timeout=120) as client:
        yield client


def wav(samples: np.ndarray, rate: int = 16000) -> bytes:
    out = io.BytesIO()
    soundfile.write(out, samples, rate, format="WAV", subtype="PCM_16")
    return out.getvalue()


def transcribe(http: httpx.Client, content: bytes, content_type: str = "audio/wav") -> httpx.Response:
    return http.post("/v1/transcribe", content=content, headers={"Content-Type": content_type})


def test_health_names_the_engine_and_model(http):
    assert http.get("/health").json() == {"status": "ok", "engine": "faster-whisper", "model": "tiny.en"}


def test_the_jfk_clip(http):
    r = transcribe(http, clip("jfk.flac").path.read_bytes(), "audio/flac")
    assert r.status_code == 200, r.text
    body = r.json()
    text = body["text"].lower()
    assert body["reliable"] and "my fellow americans" in text and "your country" in text and "do for you" in text
    assert body["words"][-1]["end"] <= 11.0 and body["duration_s"] == pytest.approx(11.0, abs=0.01)


def test_a_librispeech_clip_as_a_multipart_upload(http):
    path = clip("forte_test_audio_1.flac").path  # "NOR IS MISTER QUILTER'S MANNER LESS INTERESTING THAN HIS MATTER"
    r = http.post("/v1/transcribe", files={"file": (path.name, path.read_bytes(), "audio/flac")})
    assert r.status_code == 200, r.text
    text = r.json()["text"].lower()
    assert "manner" in text and "interesting" in text and "matter" in text


def test_telephone_rate_audio(http):
    """8 kHz, as a phone line carries it."""
    samples, rate = soundfile.read(clip("goforward.wav").path, dtype="float32")
    r = transcribe(http, wav(resample(samples, rate, 8000), 8000))
    assert r.status_code == 200 and "forward" in r.json()["text"].lower()


def test_a_text_file_posted_as_audio_gets_415_with_the_reason(http):
    r = transcribe(http, b"Dear customer, your refund is on its way.\n" * 50, "audio/wav")
    assert r.status_code == 415
    assert "not an audio file" in r.json()["detail"]


def test_an_oversized_upload_gets_413(http):
    r = transcribe(http, bytes(MAX_AUDIO_BYTES + 1))
    assert r.status_code == 413 and "MAX_AUDIO_BYTES" in r.json()["detail"]


def test_an_endless_upload_is_cut_off_not_buffered(speech):
    """A chunked upload with no length (a two-hour recording, or an attack): the service answers
    413 once it has read MAX_AUDIO_BYTES and stops reading."""
    host, port = speech.settings.bind_host, speech.ports["speech"]
    endless = 200 * MAX_AUDIO_BYTES
    chunk = bytes(64 * 1024)
    sent = 0
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(b"POST /v1/transcribe HTTP/1.1\r\nHost: speech\r\nContent-Type: audio/wav\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        deadline = time.monotonic() + 60
        while sent < endless and time.monotonic() < deadline:
            if select.select([sock], [], [], 0)[0]:
                break  # the service has answered
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except (BrokenPipeError, ConnectionResetError, socket.timeout):
                break
            sent += len(chunk)
        answer = read_response(sock)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"MAX_AUDIO_BYTES" in answer
    assert sent < 10 * MAX_AUDIO_BYTES  # it stopped reading long before the end


def read_response(sock: socket.socket) -> bytes:
    """Status line, headers and the body its Content-Length announces."""
    data = b""
    while b"\r\n\r\n" not in data:
        more = sock.recv(4096)
        if not more:
            return data
        data += more
    head, body = data.split(b"\r\n\r\n", 1)
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                  if line.lower().startswith(b"content-length"))
    while len(body) < length:
        more = sock.recv(4096)
        if not more:
            break
        body += more
    return head + b"\r\n\r\n" + body


@pytest.mark.parametrize("name", ["silence", "white noise (low)", "white noise (loud)", "tone mix (music-like)"])
def test_silence_noise_and_music_are_no_turn(http, name):
    r = transcribe(http, wav(non_speech()[name]))
    assert r.status_code == 200
    body = r.json()
    assert body["reliable"] is False and body["text"] == "" and body["words"] == []
    assert body["reason"]


def test_quiet_speech_is_a_turn(http):
    samples = clip("jfk.flac").read() * 0.1  # 20 dB down
    body = transcribe(http, wav(samples)).json()
    assert body["reliable"] and "your country" in body["text"].lower()


def test_a_bad_request_does_not_hurt_the_next(http):
    for bad in (b"not audio at all", b"", b"RIFF\x24\x00\x00\x00WAVEfmt "):
        assert 400 <= transcribe(http, bad).status_code < 500
    r = transcribe(http, clip("goforward.wav").path.read_bytes())
    assert r.status_code == 200 and "forward" in r.json()["text"].lower()
