"""G.711 µ-law against the standard's values and FFmpeg's codec, and the telephone round trip."""

from __future__ import annotations

import av
import numpy as np
import pytest

from speech.audio import SAMPLE_RATE, from_pcm16
from speech.g711 import TELEPHONE_RATE, from_telephone, telephone_round_trip, to_telephone, ulaw_decode, ulaw_encode

EVERY_CODE = np.arange(256, dtype=np.uint8)
EVERY_SAMPLE = np.arange(-32768, 32768, dtype=np.int16)


def ffmpeg(codec_direction: str, data: np.ndarray) -> np.ndarray:
    """FFmpeg's pcm_mulaw codec, an independent implementation to compare with."""
    if codec_direction == "decode":
        ctx = av.CodecContext.create("pcm_mulaw", "r")
        ctx.sample_rate, ctx.layout = TELEPHONE_RATE, "mono"
        return np.concatenate([f.to_ndarray().ravel() for f in ctx.decode(av.Packet(data.tobytes()))])
    ctx = av.CodecContext.create("pcm_mulaw", "w")
    ctx.sample_rate, ctx.format, ctx.layout = TELEPHONE_RATE, "s16", "mono"
    frame = av.AudioFrame.from_ndarray(data.reshape(1, -1), format="s16", layout="mono")
    frame.sample_rate = TELEPHONE_RATE
    packets = [*ctx.encode(frame), *ctx.encode(None)]
    return np.frombuffer(b"".join(bytes(p) for p in packets), dtype=np.uint8)


@pytest.mark.parametrize("code, value", [
    (0xFF, 0), (0x7F, 0),  # positive and negative zero
    (0x80, 32124), (0x00, -32124),  # the largest magnitudes (8031 at 14 bits, times 4)
    (0xFE, 8), (0x7E, -8),  # the smallest step of the first segment
    (0xEF, 132), (0xDF, 396), (0xCF, 924),  # the first value of segments 1, 2, 3
])
def test_decoding_gives_the_standards_values(code, value):
    assert ulaw_decode(np.array([code], dtype=np.uint8))[0] == value


@pytest.mark.parametrize("sample, code", [(0, 0xFF), (-1, 0x7F), (32767, 0x80), (-32768, 0x00), (8, 0xFE),
                                          (132, 0xEF), (-132, 0x6F)])
def test_encoding_known_values(sample, code):
    assert ulaw_encode(np.array([sample], dtype=np.int16))[0] == code


def test_decoding_equals_ffmpegs_for_every_code():
    assert np.array_equal(ulaw_decode(EVERY_CODE), ffmpeg("decode", EVERY_CODE))


def test_encoding_agrees_with_ffmpeg_but_at_some_decision_points():
    """FFmpeg encodes to the nearest decoded level; G.711 has its own decision levels. They
    differ by one step on a few inputs, never more."""
    ours, theirs = ulaw_encode(EVERY_SAMPLE), ffmpeg("encode", EVERY_SAMPLE)
    differ = ours != theirs
    assert differ.mean() < 0.02
    assert np.abs(ulaw_decode(ours).astype(int) - ulaw_decode(theirs).astype(int))[differ].max() <= 1024  # one step


def test_every_code_survives_a_round_trip():
    again = ulaw_encode(ulaw_decode(EVERY_CODE))
    assert np.array_equal(again[EVERY_CODE != 0x7F], EVERY_CODE[EVERY_CODE != 0x7F])
    assert again[0x7F] == 0xFF  # negative zero comes back as zero


def test_the_error_stays_within_the_segments_step():
    decoded = ulaw_decode(ulaw_encode(EVERY_SAMPLE)).astype(np.int32)
    x = EVERY_SAMPLE.astype(np.int32)
    inside = np.abs(x) <= 32124
    # segment s spans |x| of 4 * (32 << s) - 132 up to 4 * (64 << s) - 132, in steps of 8 << s
    segment = np.searchsorted([124, 380, 892, 1916, 3964, 8060, 16252], np.abs(x), side="right")
    half_step = (8 << segment) // 2 + 4  # + 4: the two bits the 14-bit reading drops
    assert np.all(np.abs(decoded - x)[inside] <= half_step[inside])
    assert np.all(np.diff(decoded) >= 0)  # monotonic: louder never decodes quieter


def test_bytes_in_and_out():
    codes = ulaw_encode(np.array([0, 1000, -1000], dtype=np.int16))
    assert ulaw_decode(codes.tobytes()).tolist() == ulaw_decode(codes).tolist()


def test_telephone_round_trip_keeps_speech_and_drops_what_a_phone_cannot_carry():
    t = np.arange(SAMPLE_RATE) / SAMPLE_RATE
    voice_band, above_phone = 0.3 * np.sin(2 * np.pi * 1000 * t), 0.3 * np.sin(2 * np.pi * 6000 * t)
    line = to_telephone((voice_band + above_phone).astype(np.float32))
    assert isinstance(line, bytes) and len(line) == TELEPHONE_RATE  # one byte per 8 kHz sample
    back = from_telephone(line)
    assert len(back) == SAMPLE_RATE
    spectrum = np.abs(np.fft.rfft(back))
    assert spectrum[1000] > 50 * spectrum[6000]  # 1 Hz bins: 1 kHz kept, 6 kHz gone
    round_trip = telephone_round_trip(voice_band.astype(np.float32))
    error = round_trip[200:-200] - voice_band[200:-200]
    assert np.sqrt(np.mean(error ** 2)) < 0.01  # µ-law's noise is ~ -38 dB under a loud tone


def test_decoded_telephone_audio_is_in_range():
    assert np.abs(from_pcm16(ulaw_decode(EVERY_CODE))).max() <= 1.0
