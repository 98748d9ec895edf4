"""What an ASR engine returns: the text, its words with timings, and how sure it was."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    word: str
    start: float  # seconds from the start of the audio
    end: float
    probability: float


@dataclass(frozen=True)
class Transcript:
    text: str
    words: tuple[Word, ...]
    avg_logprob: float | None  # mean token log-probability; None when nothing was written
    no_speech_prob: float | None  # Whisper's probability that the window holds no speech
    duration: float  # seconds of audio transcribed
    engine: str
    model: str


@dataclass(frozen=True)
class SegmentScores:
    """One decoded segment's share of a transcript's scores."""

    avg_logprob: float
    no_speech_prob: float
    tokens: int


def combined_scores(segments: list[SegmentScores]) -> tuple[float | None, float | None]:
    """A transcript's scores from its segments: log-probability averaged over all tokens, and
    the highest no-speech probability (the doubt of its most doubtful window)."""
    if not segments:
        return None, None
    tokens = sum(max(s.tokens, 1) for s in segments)
    avg = sum(s.avg_logprob * max(s.tokens, 1) for s in segments) / tokens
    return avg, max(s.no_speech_prob for s in segments)
