"""When the caller speaks, pauses and has finished: streaming Silero VAD over 32 ms chunks.

Fed the call's audio as it arrives (16 kHz float), it reports:
- `SpeechStarted` once a burst of speech is long enough to be a turn (a click is not);
- `BargeIn` once the turn's speech lasts `barge_in_ms` (the session stops its own playback);
- `Pause` when the caller has been silent `speculate_after_ms` inside a turn: the session
  transcribes what it has so far, so recognition runs while we wait out the silence;
- `Resumed` when speech comes back after such a pause (that transcript is stale);
- `TurnEnded` after `end_silence_ms` of silence, or at `max_turn_s`.
Time is counted in samples, not read from a clock, so the same audio always gives the same turns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Union

import numpy as np

from speech.audio import SAMPLE_RATE

CHUNK = 512  # samples Silero takes at 16 kHz (32 ms)
CHUNK_MS = CHUNK * 1000 // SAMPLE_RATE
HYSTERESIS = 0.15  # once in speech, a chunk stays speech down to threshold - this (Silero's own rule)


@dataclass(frozen=True)
class TurnSettings:
    threshold: float = 0.5
    min_speech_ms: int = 200
    end_silence_ms: int = 400
    speculate_after_ms: int = 128
    barge_in_ms: int = 300
    max_turn_s: float = 15.0
    pre_roll_ms: int = 192  # audio kept from before speech was confirmed: the first syllable


@dataclass(frozen=True)
class SpeechStarted:
    at_ms: int


@dataclass(frozen=True)
class BargeIn:
    at_ms: int


@dataclass(frozen=True)
class Pause:
    audio: np.ndarray  # the turn so far
    at_ms: int


@dataclass(frozen=True)
class Resumed:
    at_ms: int


@dataclass(frozen=True)
class TurnEnded:
    audio: np.ndarray
    speech_ended_ms: int  # when the last speech chunk ended
    at_ms: int
    forced: bool = False  # cut at max_turn_s


TurnEvent = Union[SpeechStarted, BargeIn, Pause, Resumed, TurnEnded]


def silero_probability() -> Callable[[np.ndarray], float]:
    """A fresh streaming Silero model (its state belongs to one call) as chunk -> speech probability."""
    import torch

    threads = torch.get_num_threads()
    from silero_vad import load_silero_vad  # sets torch's threads to 1 on import: put back

    torch.set_num_threads(threads)
    model = load_silero_vad(onnx=True)

    def probability(chunk: np.ndarray) -> float:
        return float(model(torch.from_numpy(chunk), SAMPLE_RATE))

    return probability


class TurnDetector:
    def __init__(self, probability: Callable[[np.ndarray], float], settings: TurnSettings = TurnSettings()) -> None:
        self.probability = probability
        self.settings = settings
        self._pending = np.zeros(0, dtype=np.float32)
        self._now_ms = 0
        self._pre_roll: list[np.ndarray] = []
        self._candidate: list[np.ndarray] = []  # speech not yet long enough to be a turn
        self._candidate_speech_ms = 0
        self._candidate_silence_ms = 0
        self._turn: list[np.ndarray] | None = None
        self._speech_ms = 0
        self._silence_ms = 0
        self._paused = False
        self._barged = False
        self._last_speech_end_ms = 0
        self._pre_roll_chunks = max(1, settings.pre_roll_ms // CHUNK_MS)

    @property
    def in_turn(self) -> bool:
        return self._turn is not None

    def feed(self, samples: np.ndarray) -> list[TurnEvent]:
        self._pending = np.concatenate([self._pending, np.asarray(samples, dtype=np.float32)])
        events: list[TurnEvent] = []
        while len(self._pending) >= CHUNK:
            chunk, self._pending = self._pending[:CHUNK], self._pending[CHUNK:]
            self._now_ms += CHUNK_MS
            events += self._step(chunk, self.probability(chunk))
        return events

    def _step(self, chunk: np.ndarray, p: float) -> list[TurnEvent]:
        s = self.settings
        if self._turn is None:
            return self._listen(chunk, p >= s.threshold)
        speech = p >= s.threshold - HYSTERESIS
        self._turn.append(chunk)
        events: list[TurnEvent] = []
        if speech:
            self._speech_ms += CHUNK_MS
            self._last_speech_end_ms = self._now_ms
            if self._paused:
                events.append(Resumed(self._now_ms))
            self._silence_ms, self._paused = 0, False
            if not self._barged and self._speech_ms >= s.barge_in_ms:
                self._barged = True
                events.append(BargeIn(self._now_ms))
        else:
            self._silence_ms += CHUNK_MS
            if not self._paused and self._silence_ms >= s.speculate_after_ms:
                self._paused = True
                events.append(Pause(np.concatenate(self._turn), self._now_ms))
        forced = len(self._turn) * CHUNK_MS >= s.max_turn_s * 1000
        if self._silence_ms >= s.end_silence_ms or forced:
            events.append(TurnEnded(np.concatenate(self._turn), self._last_speech_end_ms, self._now_ms,
                                    forced=forced and self._silence_ms < s.end_silence_ms))
            self._turn = None
        return events

    def _listen(self, chunk: np.ndarray, speech: bool) -> list[TurnEvent]:
        s = self.settings
        if not speech and not self._candidate:
            self._pre_roll = (self._pre_roll + [chunk])[-self._pre_roll_chunks:]
            return []
        self._candidate.append(chunk)
        if speech:
            self._candidate_speech_ms += CHUNK_MS
            self._candidate_silence_ms = 0
            self._last_speech_end_ms = self._now_ms
        else:
            self._candidate_silence_ms += CHUNK_MS
            if self._candidate_silence_ms >= s.end_silence_ms:  # a click or a cough: not a turn
                self._pre_roll = self._candidate[-self._pre_roll_chunks:]
                self._candidate, self._candidate_speech_ms, self._candidate_silence_ms = [], 0, 0
            return []
        if self._candidate_speech_ms < s.min_speech_ms:
            return []
        self._turn = self._pre_roll + self._candidate
        self._speech_ms, self._silence_ms = self._candidate_speech_ms, 0
        self._paused = self._barged = False
        self._pre_roll, self._candidate, self._candidate_speech_ms = [], [], 0
        events: list[TurnEvent] = [SpeechStarted(self._now_ms)]
        if self._speech_ms >= s.barge_in_ms:
            self._barged = True
            events.append(BargeIn(self._now_ms))
        return events
