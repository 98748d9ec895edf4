"""Audio -> a turn's text, or a clear "no": VAD gate, ASR, reliability judgement.

A transcript is a turn only when it is reliable: speech was found, the engine wrote
something, the text is not a loop ("Nine. Nine. Nine. ..." compresses too well), and Whisper
did not both doubt there was speech (no-speech probability above its threshold) and doubt
its own words (average log-probability below its threshold), the rule Whisper itself uses
to skip silent windows.

When the dialogue expects a number, `recognise_expecting` decodes the turn twice, openly and
with the digits vocabulary, and keeps whichever Whisper is surer of: the closed decode turns
"four five seven one" from "Thank you." into digits, but forced onto "never mind" it writes
"Oh," with a worse average log-probability than the open decode, so a caller who answers
something else is still understood.
"""

from __future__ import annotations

import threading
import time
import zlib
from dataclasses import dataclass, replace
from typing import Callable, Optional

import numpy as np

from speech.asr.engine import AsrEngine
from speech.asr.transcript import Transcript
from speech.asr.vocabulary import Vocabulary
from speech.vad import SileroVad, SpeechSegment

NO_SPEECH = "no speech detected"
EMPTY = "the recogniser wrote nothing"


@dataclass(frozen=True)
class Thresholds:
    no_speech: float = 0.6
    logprob: float = -1.0
    compression_ratio: float = 2.4  # Whisper's own limit for repetitive output


@dataclass(frozen=True)
class Result:
    transcript: Transcript | None  # None: the VAD found no speech, the engine never ran
    reliable: bool
    reason: str | None  # why it is not reliable
    speech: tuple[SpeechSegment, ...]
    vad_ms: float
    asr_ms: float
    vocabulary: str = "open"  # the vocabulary of the decode kept

    @property
    def text(self) -> str:
        """The turn's text; empty when it is not reliable (never a hallucination as a turn)."""
        return self.transcript.text if self.reliable and self.transcript else ""


def compression_ratio(text: str) -> float:
    raw = text.encode("utf-8")
    return len(raw) / len(zlib.compress(raw)) if raw else 0.0


def judge(transcript: Transcript, thresholds: Thresholds) -> str | None:
    """Why `transcript` is not a turn, or None when it is one."""
    if not any(ch.isalnum() for ch in transcript.text):  # "" or a lone "." (Whisper's answer to silence)
        return EMPTY
    ratio = compression_ratio(transcript.text)
    if ratio > thresholds.compression_ratio:
        return f"the recogniser repeated itself (compression ratio {ratio:.1f} > {thresholds.compression_ratio})"
    if (transcript.no_speech_prob is not None and transcript.avg_logprob is not None
            and transcript.no_speech_prob > thresholds.no_speech and transcript.avg_logprob < thresholds.logprob):
        return (f"probably not speech: no-speech probability {transcript.no_speech_prob:.2f} > {thresholds.no_speech} "
                f"and average log-probability {transcript.avg_logprob:.2f} < {thresholds.logprob}")
    return None


class Transcriber:
    """One engine and one VAD, used by one request at a time (both run on every core)."""

    def __init__(self, engine: AsrEngine, vad: SileroVad, thresholds: Thresholds = Thresholds()) -> None:
        self.engine = engine
        self.vad = vad
        self.thresholds = thresholds
        self._lock = threading.Lock()

    def transcribe(self, samples: np.ndarray, *, prompt: str | None = None,
                   vocabulary: Vocabulary | None = None) -> Result:
        with self._lock:
            started = time.perf_counter()
            speech = tuple(self.vad.speech(samples))
            vad_ms = (time.perf_counter() - started) * 1000
            if not speech:
                return Result(None, False, NO_SPEECH, speech, vad_ms, 0.0)
            return self._recognise(samples, speech, vad_ms, prompt, vocabulary, word_timings=True)

    def recognise(self, samples: np.ndarray, *, prompt: str | None = None,
                  vocabulary: Vocabulary | None = None) -> Result:
        """Audio a streaming turn detector already found speech in: no second VAD pass, and no
        word timings (a call's dialogue reads only the text)."""
        with self._lock:
            return self._recognise(samples, (), 0.0, prompt, vocabulary, word_timings=False)

    def recognise_expecting(self, samples: np.ndarray, expected: Vocabulary | None,
                            wanted: Optional[Callable[[], bool]] = None) -> Optional[Result]:
        """A turn where the dialogue expects words of `expected`: the surer of the open and the
        closed decode (both engine times counted in `asr_ms`). None, without decoding, when
        `wanted()` says no by the time the lock is ours: a speculative decode the caller made
        stale by speaking on must not hold up the decodes of this and every other call."""
        with self._lock:
            if wanted is not None and not wanted():
                return None
            heard = self._recognise(samples, (), 0.0, None, None, word_timings=False)
            if expected is None:
                return heard
            closed = self._recognise(samples, (), 0.0, None, expected, word_timings=False)
        kept = surer(heard, closed)
        return replace(kept, asr_ms=heard.asr_ms + closed.asr_ms)

    def _recognise(self, samples: np.ndarray, speech: tuple[SpeechSegment, ...], vad_ms: float,
                   prompt: str | None, vocabulary: Vocabulary | None, *, word_timings: bool) -> Result:
        started = time.perf_counter()
        transcript = self.engine.transcribe(samples, prompt=prompt, vocabulary=vocabulary, word_timings=word_timings)
        asr_ms = (time.perf_counter() - started) * 1000
        reason = judge(transcript, self.thresholds)
        return Result(transcript, reason is None, reason, speech, vad_ms, asr_ms,
                      vocabulary.name if vocabulary else "open")


def surer(open_decode: Result, closed_decode: Result) -> Result:
    """The closed-vocabulary decode when it is a reliable turn that Whisper is surer of than
    the open one (higher average log-probability), else the open decode."""
    if not closed_decode.reliable or closed_decode.transcript is None:
        return open_decode
    closed_lp = closed_decode.transcript.avg_logprob
    opened = open_decode.transcript
    if opened is None or opened.avg_logprob is None or not open_decode.reliable:
        return closed_decode
    return closed_decode if closed_lp is not None and closed_lp > opened.avg_logprob else open_decode
