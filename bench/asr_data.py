"""Speech for the ASR benchmark and tests: real recordings read from ../shared/data/asr (never
copied into the repository) and generated non-speech (silence, noise, a music-like tone mix)."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from speech import SAMPLE_RATE, AudioLimits, decode_audio

# generous: these are our own files, read whole
_LIMITS = AudioLimits(max_bytes=1 << 30, max_seconds=3600)


def asr_root() -> Path:
    """SHARED_DATA/asr if set, else the workplace's shared/data/asr beside the checkout or at /work/shared."""
    env = os.environ.get("SHARED_DATA")
    candidates = [Path(env) / "asr"] if env else [
        Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "asr", Path("/work/shared/data/asr")]
    for path in candidates:
        if (path / "all_transcripts.tsv").is_file():
            return path
    raise FileNotFoundError("speech recordings not found (looked in " + ", ".join(map(str, candidates)) +
                            "); set SHARED_DATA to the folder holding asr/all_transcripts.tsv")


@dataclass(frozen=True)
class Clip:
    path: Path
    text: str  # the reference transcript
    source: str  # the collection it comes from (librispeech_samples, ...)

    def read(self) -> np.ndarray:
        """16 kHz mono float32."""
        return decode_audio(self.path.read_bytes(), _LIMITS).samples


def speech_clips(root: Path | None = None) -> list[Clip]:
    """The recordings of all_transcripts.tsv, in its order."""
    root = root or asr_root()
    with open(root / "all_transcripts.tsv", newline="", encoding="utf-8") as f:
        return [Clip(root / row["path"], row["text"], row["source"]) for row in csv.DictReader(f, delimiter="\t")]


def clip(name: str, root: Path | None = None) -> Clip:
    """One recording by the end of its path, e.g. "jfk.flac"."""
    found = [c for c in speech_clips(root) if c.path.name == name]
    if not found:
        raise FileNotFoundError(f"no clip named {name} in all_transcripts.tsv")
    return found[0]


def digit_clips(root: Path | None = None) -> list[Clip]:
    """Free Spoken Digit Dataset: 300 isolated digits at 8 kHz; the reference is the digit ("7")."""
    folder = (root or asr_root()) / "fsdd_digits"
    with open(folder / "transcripts.tsv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [Clip(folder / row["file"], row["file"].split("_", 1)[0], "fsdd_digits") for row in rows]


def _coloured_noise(n: int, exponent: float, rng: np.random.Generator) -> np.ndarray:
    """Noise whose power falls as 1/f**exponent: 0 white, 1 pink, 2 brown."""
    spectrum = np.fft.rfft(rng.standard_normal(n))
    freqs = np.fft.rfftfreq(n)
    freqs[0] = freqs[1]
    shaped = np.fft.irfft(spectrum / freqs ** (exponent / 2), n)
    return (shaped / np.abs(shaped).max()).astype(np.float32)


def _tone_mix(n: int) -> np.ndarray:
    """A chord whose notes swell and fade: hold music, without a recording of any."""
    t = np.arange(n) / SAMPLE_RATE
    notes = [220.0, 277.2, 329.6, 440.0]
    mix = sum(np.sin(2 * np.pi * f * t) * (0.5 + 0.5 * np.sin(2 * np.pi * 0.5 * t + i)) for i, f in enumerate(notes))
    return (0.1 * mix).astype(np.float32)


def non_speech(seconds: float = 3.0, seed: int = 7) -> dict[str, np.ndarray]:
    """What a phone line carries when nobody speaks: 16 kHz mono float32 clips by name."""
    rng = np.random.default_rng(seed)
    n = int(seconds * SAMPLE_RATE)
    return {
        "silence": np.zeros(n, dtype=np.float32),
        "white noise (low)": (0.01 * rng.standard_normal(n)).astype(np.float32),
        "white noise (loud)": (0.2 * rng.standard_normal(n)).astype(np.float32),
        "pink noise": 0.1 * _coloured_noise(n, 1.0, rng),
        "brown noise": 0.2 * _coloured_noise(n, 2.0, rng),
        "tone mix (music-like)": _tone_mix(n),
    }
