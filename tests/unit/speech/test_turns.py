"""Turn-taking on real speech with the real (streaming) Silero model."""

import numpy as np
import pytest

from bench.asr_data import non_speech
from speech.voice.turns import (CHUNK, BargeIn, Pause, Resumed, SpeechStarted, TurnDetector, TurnEnded,
                                TurnSettings, silero_probability)

RATE = 16000


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), dtype=np.float32)


def trimmed(audio: np.ndarray) -> np.ndarray:
    """The recording without its own leading and trailing silence."""
    loud = np.flatnonzero(np.abs(audio) > 0.02)
    return audio[loud[0]:loud[-1] + 1]


def run(audio: np.ndarray, settings: TurnSettings = TurnSettings(), piece: int = 320) -> list:
    """Feed in 20 ms pieces, as a phone line delivers it."""
    detector = TurnDetector(silero_probability(), settings)
    events = []
    for start in range(0, len(audio), piece):
        events += detector.feed(audio[start:start + piece])
    return events


def test_one_sentence_then_silence_is_one_turn(short_turn):
    short_turn = trimmed(short_turn)
    events = run(np.concatenate([silence(0.5), short_turn, silence(1.0)]))
    kinds = [type(e) for e in events]
    assert kinds.count(SpeechStarted) == 1 and kinds.count(TurnEnded) == 1 and kinds.count(BargeIn) == 1
    ended = next(e for e in events if isinstance(e, TurnEnded))
    speech_end_ms = (0.5 + len(short_turn) / RATE) * 1000
    # the turn ends the configured silence after the speech (Silero's hangover adds a little)
    assert speech_end_ms - 300 < ended.speech_ended_ms <= speech_end_ms + 100
    assert ended.at_ms - ended.speech_ended_ms == pytest.approx(400, abs=40)
    # the turn's audio holds the whole utterance, first syllable included
    assert len(ended.audio) >= len(short_turn) - 0.25 * RATE
    # recognition may start during the silence: a pause came before the end, with the audio so far
    pause = [e for e in events if isinstance(e, Pause)][-1]
    assert pause.at_ms < ended.at_ms and len(pause.audio) < len(ended.audio)


def test_a_pause_shorter_than_the_end_silence_does_not_end_the_turn(short_turn):
    short_turn = trimmed(short_turn)
    audio = np.concatenate([short_turn, silence(0.25), short_turn, silence(0.8)])
    events = run(audio)
    assert sum(isinstance(e, TurnEnded) for e in events) == 1
    assert any(isinstance(e, Resumed) for e in events)  # the speculative transcript is stale


def test_a_longer_end_silence_setting_is_honoured(short_turn):
    short_turn = trimmed(short_turn)
    audio = np.concatenate([short_turn, silence(0.5), short_turn, silence(1.2)])
    assert sum(isinstance(e, TurnEnded) for e in run(audio)) == 2
    assert sum(isinstance(e, TurnEnded) for e in run(audio, TurnSettings(end_silence_ms=800))) == 1


@pytest.mark.parametrize("kind", list(non_speech(0.1)))
def test_non_speech_is_no_turn(kind):
    assert run(non_speech(3.0)[kind]) == []


def test_a_click_is_no_turn():
    click = np.zeros(RATE, dtype=np.float32)
    click[8000:8080] = 0.9
    assert run(click) == []


def test_a_long_monologue_is_cut_at_the_maximum(jfk):
    events = run(np.concatenate([jfk, silence(0.6)]), TurnSettings(max_turn_s=1.5))
    ended = [e for e in events if isinstance(e, TurnEnded)]
    assert ended[0].forced and len(ended[0].audio) <= 1.5 * RATE + CHUNK


def test_the_same_audio_gives_the_same_turns(short_turn):
    audio = np.concatenate([short_turn, silence(0.6)])
    first = [(type(e).__name__, e.at_ms) for e in run(audio)]
    assert first == [(type(e).__name__, e.at_ms) for e in run(audio, piece=1000)]
