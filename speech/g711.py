"""G.711 µ-law, the telephone network's 8 kHz 8-bit audio, to and from 16-bit linear PCM.

Follows ITU-T G.711: the 16-bit sample's magnitude is read at 14 bits, biased by 33 and
coded as sign, 3-bit segment and 4-bit step, every bit inverted on the wire. Negative samples
are read through their one's complement, as G.191's reference code does. (FFmpeg encodes
to the nearest decoded level, which moves 1.5 % of the 65,536 inputs one step; its decoding
is identical to ours.)
Vectorised with numpy, because the standard library's `audioop` is gone from Python 3.13.
"""

from __future__ import annotations

import numpy as np

from speech.audio import SAMPLE_RATE, from_pcm16, resample, to_pcm16

TELEPHONE_RATE = 8_000
_BIAS = 33  # in 14-bit units
_MAX = 0x1FFF  # largest biased 14-bit magnitude that still codes (8191)
# a biased magnitude at or past each threshold is in the next segment
_SEGMENT_STARTS = np.array([0x40, 0x80, 0x100, 0x200, 0x400, 0x800, 0x1000])


def ulaw_encode(pcm: np.ndarray) -> np.ndarray:
    """int16 samples -> µ-law bytes (uint8)."""
    x = np.asarray(pcm, dtype=np.int32)
    negative = x < 0
    magnitude = np.where(negative, ~x, x) >> 2  # G.191's one's complement: -1 codes as zero, like 0
    biased = np.minimum(magnitude + _BIAS, _MAX)
    segment = np.searchsorted(_SEGMENT_STARTS, biased, side="right")
    step = (biased >> (segment + 1)) & 0x0F
    code = (segment << 4) | step
    code = np.where(negative, code | 0x80, code)  # sign bit set for negative values, before the inversion
    return (~code & 0xFF).astype(np.uint8)


def ulaw_decode(codes: np.ndarray | bytes) -> np.ndarray:
    """µ-law bytes -> int16 samples."""
    if isinstance(codes, (bytes, bytearray, memoryview)):
        codes = np.frombuffer(codes, dtype=np.uint8)
    c = ~np.asarray(codes, dtype=np.int32) & 0xFF
    segment = (c >> 4) & 0x07
    step = c & 0x0F
    magnitude = (((step << 1) + _BIAS) << segment) - _BIAS  # 14-bit, the middle of the step
    value = np.where(c & 0x80, -magnitude, magnitude) << 2
    return value.astype(np.int16)


def to_telephone(samples: np.ndarray, rate: int = SAMPLE_RATE) -> bytes:
    """float samples at `rate` -> 8 kHz µ-law bytes, as a phone line carries them."""
    return ulaw_encode(to_pcm16(resample(samples, rate, TELEPHONE_RATE))).tobytes()


def from_telephone(codes: bytes, rate: int = SAMPLE_RATE) -> np.ndarray:
    """8 kHz µ-law bytes -> float samples at `rate`."""
    return resample(from_pcm16(ulaw_decode(codes)), TELEPHONE_RATE, rate)


def telephone_round_trip(samples: np.ndarray, rate: int = SAMPLE_RATE) -> np.ndarray:
    """What a recording sounds like after a telephone line: 8 kHz, µ-law, back to `rate`."""
    return from_telephone(to_telephone(samples, rate), rate)
