"""A call's audio resampled 20 ms at a time must be the whole signal resampled, not 50 filtered
fragments a second: StreamResampler keeps the filter's state from frame to frame."""

from __future__ import annotations

import numpy as np
import pytest

from speech.audio import StreamResampler, resample


def snr_db(got: np.ndarray, want: np.ndarray) -> float:
    n = min(len(got), len(want))
    error = np.sum((got[:n] - want[:n]) ** 2)
    return float("inf") if error == 0 else 10 * np.log10(np.sum(want[:n] ** 2) / error)


def tone(rate: int, seconds: float = 2.0, hz: float = 440.0) -> np.ndarray:
    return (0.5 * np.sin(2 * np.pi * hz * np.arange(int(rate * seconds)) / rate)).astype(np.float32)


# the transports' inbound directions: Twilio and AudioSocket (8 kHz), the browser (44.1/48 kHz)
@pytest.mark.parametrize("from_rate,to_rate", [(8000, 16000), (48000, 16000), (44100, 16000)])
def test_frame_by_frame_streaming_matches_resampling_the_whole_signal(from_rate, to_rate):
    signal = tone(from_rate)
    whole = resample(signal, from_rate, to_rate)
    frame = from_rate // 50  # 20 ms, as a phone line sends it
    frames = [signal[i:i + frame] for i in range(0, len(signal), frame)]

    stream = StreamResampler(from_rate, to_rate)
    streamed = np.concatenate([stream(f) for f in frames])
    alone = np.concatenate([resample(f, from_rate, to_rate) for f in frames])  # each frame on its own

    assert streamed.dtype == np.float32
    # the stream only holds back the filter's delay (tens of milliseconds), it loses nothing
    assert 0 < len(whole) - len(streamed) < to_rate * 0.05
    assert snr_db(streamed, whole) > 60
    assert snr_db(alone, whole) < 40  # the old way: errors at every frame edge


def test_the_same_rate_passes_the_frames_through():
    frame = tone(16000, 0.02)
    assert np.array_equal(StreamResampler(16000, 16000)(frame), frame)


def test_each_call_has_its_own_stream():
    """Two calls' frames interleaved: each stream is still its own call's continuous signal."""
    a, b = tone(8000, hz=440), tone(8000, hz=1000)
    sa, sb = StreamResampler(8000, 16000), StreamResampler(8000, 16000)
    out_a, out_b = [], []
    for i in range(0, len(a), 160):
        out_a.append(sa(a[i:i + 160]))
        out_b.append(sb(b[i:i + 160]))
    assert snr_db(np.concatenate(out_a), resample(a, 8000, 16000)) > 60
    assert snr_db(np.concatenate(out_b), resample(b, 8000, 16000)) > 60
