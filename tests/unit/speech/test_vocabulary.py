"""The digits vocabulary: a caller reading out digits gets digits, whatever the recogniser hears."""

from __future__ import annotations

import re

import pytest

from bench.asr import spoken_digit
from bench.asr_data import digit_clips
from speech.asr.vocabulary import DIGITS, Vocabulary, allowed_tokens, suppressed_tokens

TOY = {"seven": [1], " seven": [2], "Seven": [3], " Seven": [4], "7": [5], " 7": [6], ".": [7], ",": [8], "!": [9],
       "?": [10], "-": [11]}


def toy_encode(text: str) -> list[int]:
    return TOY.get(text, [99])


def test_allowed_tokens_cover_each_words_spellings_and_punctuation():
    assert allowed_tokens(Vocabulary("t", ("seven", "7")), toy_encode) == set(range(1, 12))


def test_everything_else_below_end_of_text_is_suppressed():
    suppressed = suppressed_tokens(Vocabulary("t", ("seven", "7")), toy_encode, end_of_text=20)
    assert suppressed == [0, *range(12, 20)]


@pytest.fixture(scope="module")
def one_speaker():
    """george's first take of every digit, 8 kHz, as the Free Spoken Digit Dataset has it."""
    return [c for c in digit_clips() if c.path.stem.startswith(tuple(f"{d}_george_0" for d in range(10)))]


def test_every_digit_is_recognised_with_the_digits_vocabulary(fast_engine, one_speaker):
    assert len(one_speaker) == 10
    heard = [fast_engine.transcribe(c.read(), vocabulary=DIGITS).text for c in one_speaker]
    assert [spoken_digit(t) for t in heard] == [c.text for c in one_speaker], heard


def test_speech_under_the_digits_vocabulary_comes_out_as_digits_only(fast_engine, jfk):
    text = fast_engine.transcribe(jfk[:16000 * 3], vocabulary=DIGITS).text
    words = re.findall(r"[A-Za-z]+|\d", text)
    assert all(w.lower() in DIGITS.words for w in words), text


def test_the_reference_engine_honours_the_vocabulary_too(converted, one_speaker):
    from speech import OpenAiWhisperEngine

    engine = OpenAiWhisperEngine(str(converted), models_dir=converted.parent, threads=2)
    seven = next(c for c in one_speaker if c.text == "7")
    assert spoken_digit(engine.transcribe(seven.read(), vocabulary=DIGITS).text) == "7"


def test_a_turn_expecting_digits_keeps_the_surer_decode(fast_engine, vad, one_speaker, jfk):
    from speech.transcriber import Transcriber

    transcriber = Transcriber(fast_engine, vad)
    digits = [transcriber.recognise_expecting(c.read(), DIGITS) for c in one_speaker]
    # a lone spoken digit: open decoding writes words ("Thank you.", "to") for some of these
    assert sum(spoken_digit(r.text) == c.text for r, c in zip(digits, one_speaker)) >= 9, [r.text for r in digits]
    # a caller who answers with a sentence instead is still understood in words
    words = transcriber.recognise_expecting(jfk[:16000 * 3], DIGITS)
    assert words.vocabulary == "open" and "fellow Americans" in words.text
    assert transcriber.recognise_expecting(jfk[:16000 * 3], None).vocabulary == "open"
