"""The HTTP surface in-process: uploads, errors as 4xx with reasons, the response model."""

from __future__ import annotations

import io

import numpy as np
import pytest
import soundfile
from fastapi.testclient import TestClient

from bench.asr_data import clip, digit_clips
from speech.service import create_app
from speech.settings import SpeechSettings
from speech.transcriber import Transcriber


def wav(samples: np.ndarray, rate: int = 16000) -> bytes:
    out = io.BytesIO()
    soundfile.write(out, samples, rate, format="WAV", subtype="PCM_16")
    return out.getvalue()


@pytest.fixture(scope="module")
def goforward() -> bytes:
    return clip("goforward.wav").path.read_bytes()


VOICE_TOKEN, API_TOKEN = "v" * 40, "a" * 40


@pytest.fixture
def client_for(fast_engine, vad, tmp_path):
    def make(engine=None, **settings) -> TestClient:
        s = SpeechSettings(SPEECH_AUDIO_DIR=tmp_path / "kept", VOICE_CHANNEL_TOKEN=VOICE_TOKEN,
                           SPEECH_API_TOKEN=API_TOKEN, **settings)
        app = create_app(s, transcriber=Transcriber(engine or fast_engine, vad))
        return TestClient(app, raise_server_exceptions=False)
    return make


def test_health(client_for):
    with client_for() as client:
        assert client.get("/health").json() == {"status": "ok", "engine": "faster-whisper", "model": "tiny.en"}


def test_raw_body(client_for, goforward):
    with client_for() as client:
        r = client.post("/v1/transcribe", content=goforward, headers={"Content-Type": "audio/wav"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["reliable"] is True and body["reason"] is None and body["discarded_text"] is None
    assert "forward" in body["text"].lower()
    assert body["words"][0]["word"].lower() == "go" and body["words"][0]["start"] >= 0
    assert body["duration_s"] == pytest.approx(2.79, abs=0.01) and 0.5 < body["speech_s"] <= 2.79
    assert body["engine"] == "faster-whisper" and body["model"] == "tiny.en" and body["asr_ms"] > 0


def test_multipart_upload_with_a_prompt(client_for, fast_engine, goforward):
    prompts = []

    class Recording:
        name, model = fast_engine.name, fast_engine.model

        def transcribe(self, audio, *, prompt=None, vocabulary=None, word_timings=True):
            prompts.append(prompt)
            return fast_engine.transcribe(audio, prompt=prompt)

    with client_for(Recording()) as client:
        r = client.post("/v1/transcribe", files={"file": ("turn.wav", goforward, "audio/wav")},
                        data={"prompt": "robot commands"})
        assert r.status_code == 200 and r.json()["reliable"]
        r = client.post("/v1/transcribe?prompt=go%20forward", content=goforward, headers={"Content-Type": "audio/wav"})
        assert r.status_code == 200
    assert prompts == ["robot commands", "go forward"]


def test_the_digits_vocabulary(client_for):
    path = next(c.path for c in digit_clips() if c.path.name == "7_lucas_3.wav")
    with client_for() as client:
        r = client.post("/v1/transcribe?vocabulary=digits", content=path.read_bytes(),
                        headers={"Content-Type": "audio/wav"})
        assert r.status_code == 200 and r.json()["text"].strip(" .").lower() in ("7", "seven")
        r = client.post("/v1/transcribe", files={"file": ("d.wav", path.read_bytes(), "audio/wav")},
                        data={"vocabulary": "digits"})
        assert r.status_code == 200 and r.json()["text"].strip(" .").lower() in ("7", "seven")
        r = client.post("/v1/transcribe?vocabulary=letters", content=path.read_bytes(),
                        headers={"Content-Type": "audio/wav"})
        assert r.status_code == 422
        r = client.post("/v1/transcribe", files={"file": ("d.wav", path.read_bytes(), "audio/wav")},
                        data={"vocabulary": "letters"})
        assert r.status_code == 422 and "unknown" in r.json()["detail"]


def test_silence_is_not_a_turn(client_for):
    with client_for() as client:
        body = client.post("/v1/transcribe", content=wav(np.zeros(32000, np.float32)),
                           headers={"Content-Type": "audio/wav"}).json()
    assert body["reliable"] is False and body["text"] == "" and body["words"] == []
    assert body["reason"] == "no speech detected" and body["asr_ms"] == 0 and body["avg_logprob"] is None


@pytest.mark.parametrize("content, content_type, status, words", [
    (b"Dear customer, your parcel is on its way.\n" * 20, "audio/wav", 415, "not an audio file"),
    (b"Dear customer", "text/plain", 415, "not audio"),
    (b"", "audio/wav", 422, "empty"),
])
def test_what_is_not_audio_gets_a_4xx_with_the_reason(client_for, content, content_type, status, words):
    with client_for() as client:
        r = client.post("/v1/transcribe", content=content, headers={"Content-Type": content_type})
    assert r.status_code == status and words in r.json()["detail"]


def test_too_large_and_too_long(client_for, goforward):
    with client_for(MAX_AUDIO_BYTES=10_000) as client:
        r = client.post("/v1/transcribe", content=goforward, headers={"Content-Type": "audio/wav"})
        assert r.status_code == 413 and "MAX_AUDIO_BYTES" in r.json()["detail"]
        r = client.post("/v1/transcribe", files={"file": ("turn.wav", goforward, "audio/wav")})
        assert r.status_code == 413  # the form's file part is held to the same limit
    with client_for(MAX_AUDIO_SECONDS=1.0) as client:
        r = client.post("/v1/transcribe", content=goforward, headers={"Content-Type": "audio/wav"})
        assert r.status_code == 413 and "MAX_AUDIO_SECONDS" in r.json()["detail"]


def test_an_engine_failure_fails_that_request_only(client_for, fast_engine, goforward):
    calls = []

    class FailsOnce:
        name, model = fast_engine.name, fast_engine.model

        def transcribe(self, audio, *, prompt=None, vocabulary=None, word_timings=True):
            calls.append(1)
            if len(calls) == 1:
                raise RuntimeError("decoder exploded")
            return fast_engine.transcribe(audio)

    with client_for(FailsOnce()) as client:
        first = client.post("/v1/transcribe", content=goforward, headers={"Content-Type": "audio/wav"})
        second = client.post("/v1/transcribe", content=goforward, headers={"Content-Type": "audio/wav"})
    assert first.status_code == 500
    assert second.status_code == 200 and second.json()["reliable"]


def test_no_audio_is_kept_unless_asked(client_for, goforward, tmp_path):
    with client_for() as client:
        client.post("/v1/transcribe", content=goforward, headers={"Content-Type": "audio/wav"})
    assert not (tmp_path / "kept").exists()
    with client_for(STORE_AUDIO=True) as client:
        client.post("/v1/transcribe", content=goforward, headers={"Content-Type": "audio/wav"})
    kept = list((tmp_path / "kept").glob("*.wav"))
    assert len(kept) == 1 and soundfile.info(kept[0]).samplerate == 16000


def test_openapi_documents_the_audio_body(client_for):
    with client_for() as client:
        spec = client.get("/openapi.json").json()
        assert client.get("/docs").status_code == 404  # FastAPI's page would load Swagger UI from a CDN
    content = spec["paths"]["/v1/transcribe"]["post"]["requestBody"]["content"]
    assert {"audio/*", "application/octet-stream", "multipart/form-data"} <= set(content)
    assert "TranscribeResponse" in spec["components"]["schemas"]


def test_the_internal_tokens_must_be_real_outside_dev_mode():
    from contracts.identity import InsecureSecretError

    with pytest.raises(InsecureSecretError, match="VOICE_CHANNEL_TOKEN"):
        create_app(SpeechSettings(SPEECH_API_TOKEN=API_TOKEN))
    with pytest.raises(InsecureSecretError, match="SPEECH_API_TOKEN"):
        create_app(SpeechSettings(VOICE_CHANNEL_TOKEN=VOICE_TOKEN, SPEECH_API_TOKEN="short"))


def test_call_records_need_the_api_token(client_for):
    with client_for() as client:
        assert client.get("/v1/calls/CA1").status_code == 401
        assert client.get("/v1/calls/CA1", headers={"Authorization": f"Bearer {VOICE_TOKEN}"}).status_code == 401
        missing = client.get("/v1/calls/CA1", headers={"Authorization": f"Bearer {API_TOKEN}"})
        assert missing.status_code == 404 and "CA1" in missing.json()["detail"]


def test_voice_turns_have_a_namespace_no_call_id_is_in(client_for, goforward):
    """Whoever knows a live call's id (a Twilio CallSid, `web-…`) must not speak into that call
    through /v1/voice-turn: the conversation it posts to is always `turn-<id>`."""
    import dataclasses

    from speech.tts.engine import Speech
    from speech.voice.dialogue import Reply

    senders = []

    class Dialogue:
        async def send(self, sender, text, customer_token=None):
            senders.append(sender)
            return Reply(texts=["Hello."])

        async def aclose(self):
            pass

    class Tts:
        name = "silent"

        async def synthesize(self, sentence):
            return Speech(np.zeros(2205, dtype=np.float32), 22050)

        async def aclose(self):
            pass

    with client_for() as client:
        app = client.app
        app.state.voice = dataclasses.replace(app.state.voice, dialogue=Dialogue(), tts=Tts())
        for conversation_id in ("CA5f2c9a0e1b", "web-0123abcd", "turn-x"):
            r = client.post("/v1/voice-turn", params={"conversation_id": conversation_id}, content=goforward,
                            headers={"Content-Type": "audio/wav"})
            assert r.status_code == 200, r.text
            assert r.json()["conversation_id"] == conversation_id  # the caller's own name for it
    assert senders == ["turn-CA5f2c9a0e1b", "turn-web-0123abcd", "turn-turn-x"]
