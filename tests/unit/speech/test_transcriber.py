"""No hallucinated turns: the VAD gate keeps non-speech from the engine, the scores judge the rest."""

from __future__ import annotations

import numpy as np
import pytest

from bench.asr_data import non_speech
from speech.asr.transcript import SegmentScores, Transcript, combined_scores
from speech.transcriber import EMPTY, NO_SPEECH, Result, Thresholds, Transcriber, judge, surer


def transcript(text="I want a refund", avg_logprob=-0.3, no_speech_prob=0.05) -> Transcript:
    return Transcript(text, (), avg_logprob, no_speech_prob, 2.0, "fake", "fake")


class CountingEngine:
    """Wraps a real engine and counts the calls (or stands in with a fixed transcript)."""

    name, model = "counting", "fake"

    def __init__(self, engine=None, answer: Transcript | None = None) -> None:
        self.engine, self.answer, self.calls, self.timed = engine, answer, 0, []

    def transcribe(self, audio, *, prompt=None, vocabulary=None, word_timings=True):
        self.calls += 1
        self.timed.append(word_timings)
        return self.answer if self.answer else self.engine.transcribe(audio, prompt=prompt, vocabulary=vocabulary,
                                                                      word_timings=word_timings)


@pytest.mark.parametrize("t, reason", [
    (transcript(), None),
    (transcript(""), EMPTY),
    (transcript(" . "), EMPTY),
    (transcript("Thank you.", avg_logprob=-1.3, no_speech_prob=0.9), "probably not speech"),
    (transcript("Thank you.", avg_logprob=-0.5, no_speech_prob=0.9), None),  # confident words: kept
    (transcript("refund", avg_logprob=-1.5, no_speech_prob=0.2), None),  # unsure words, but speech: kept
    (transcript("Nine. " * 40), "repeated itself"),
    (transcript("I want a refund for order one zero zero zero one, and the tracking number please"), None),
])
def test_judge(t, reason):
    verdict = judge(t, Thresholds(no_speech=0.6, logprob=-1.0))
    assert (verdict is None) if reason is None else (reason in verdict)


def test_scores_combine_over_tokens_and_take_the_most_doubtful_window():
    assert combined_scores([]) == (None, None)
    avg, no_speech = combined_scores([SegmentScores(-0.2, 0.1, 30), SegmentScores(-1.0, 0.7, 10)])
    assert avg == pytest.approx(-0.4) and no_speech == 0.7


@pytest.mark.parametrize("name", list(non_speech()))
def test_non_speech_never_reaches_the_engine(vad, fast_engine, name):
    engine = CountingEngine(fast_engine)
    result = Transcriber(engine, vad).transcribe(non_speech()[name])
    assert (result.reliable, result.reason, result.text, result.transcript) == (False, NO_SPEECH, "", None)
    assert engine.calls == 0 and result.asr_ms == 0


def test_speech_is_a_reliable_turn(vad, fast_engine, jfk):
    result = Transcriber(fast_engine, vad).transcribe(jfk)
    assert result.reliable and result.reason is None
    assert "fellow Americans" in result.text and result.asr_ms > 0


def test_quiet_speech_still_passes(vad, fast_engine, jfk):
    """20 dB down, a caller far from the phone: still a turn."""
    result = Transcriber(fast_engine, vad).transcribe(jfk * 0.1)
    assert result.reliable
    assert "ask not what your country can do for you" in result.text


def test_an_unreliable_transcript_is_no_turn(vad, jfk):
    doubtful = transcript("Thank you.", avg_logprob=-1.4, no_speech_prob=0.93)
    result = Transcriber(CountingEngine(answer=doubtful), vad).transcribe(jfk)
    assert not result.reliable and result.text == "" and "probably not speech" in result.reason
    assert result.transcript.text == "Thank you."  # kept for diagnosis, never as the turn


def test_the_prompt_is_passed_on(vad, jfk):
    seen = []

    class Recording(CountingEngine):
        def transcribe(self, audio, *, prompt=None, vocabulary=None, word_timings=True):
            seen.append(prompt)
            return transcript()

    Transcriber(Recording(), vad).transcribe(jfk, prompt="order, refund")
    assert seen == ["order, refund"]


def test_digital_silence_after_speech_is_still_speech(vad, fast_engine, short_turn):
    padded = np.concatenate([np.zeros(16000, np.float32), short_turn, np.zeros(16000, np.float32)])
    result = Transcriber(fast_engine, vad).transcribe(padded)
    assert result.reliable and "forward" in result.text.lower()
    assert 1.0 <= result.speech[0].start < 2.0  # the second of silence added in front


def result(text, avg_logprob, reliable=True, vocabulary="open"):
    return Result(transcript(text, avg_logprob=avg_logprob), reliable, None if reliable else "x", (), 0.0, 5.0,
                  vocabulary)


@pytest.mark.parametrize("open_decode, closed_decode, kept", [
    (result("Thank you.", -1.1), result("4", -0.4, vocabulary="digits"), "digits"),  # a lone digit misheard
    (result("Never mind.", -0.56), result("Oh,", -1.0, vocabulary="digits"), "open"),  # words forced into digits
    (result("Speak to a person.", -0.36), result("One, two, " * 30, -0.49, reliable=False, vocabulary="digits"), "open"),
    (result("Nine. " * 40, -0.2, reliable=False), result("9", -0.5, vocabulary="digits"), "digits"),
])
def test_the_surer_decode_is_kept(open_decode, closed_decode, kept):
    assert surer(open_decode, closed_decode).vocabulary == kept


def test_the_encoder_window_is_shortened_only_for_audio_that_fits_it_with_room_to_spare():
    from speech.asr.faster_whisper_engine import window_frames

    assert window_frames(3.2, 20.0) == 2000  # a caller's turn: 20 s of mel frames
    assert window_frames(19.0, 20.0) == 2000
    assert window_frames(19.5, 20.0) is None  # less than the margin left: the whole 30 s
    assert window_frames(25.0, 20.0) is None
    assert window_frames(3.2, 30.0) is None  # 30: the window as Whisper was trained on it


def test_a_call_turn_is_decoded_without_word_timings_an_upload_with_them(fast_engine, short_turn, vad):
    engine = CountingEngine(fast_engine)
    transcriber = Transcriber(engine, vad)
    uploaded = transcriber.transcribe(short_turn)
    in_a_call = transcriber.recognise_expecting(short_turn, None)
    assert engine.timed == [True, False]
    assert uploaded.transcript.words and in_a_call.transcript.words == ()
    assert in_a_call.text == uploaded.text
