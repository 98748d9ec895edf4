"""AudioSocket framing: what Asterisk sends is read, what is not the protocol is refused."""

import asyncio
import uuid

import numpy as np
import pytest

from speech.transports.audiosocket import (AUDIO, DTMF, HANGUP, UUID, AudioSocketError, decode_audio, frame,
                                           read_frame)


def read_all(data: bytes) -> list:
    async def run():
        reader = asyncio.StreamReader()
        reader.feed_data(data)
        reader.feed_eof()
        out = []
        while True:
            try:
                out.append(await read_frame(reader))
            except asyncio.IncompleteReadError:
                return out
    return asyncio.run(run())


def test_a_call_as_asterisk_sends_it():
    call = uuid.uuid4()
    pcm = (np.sin(np.arange(160) / 8) * 8000).astype("<i2").tobytes()
    frames = read_all(frame(UUID, call.bytes) + frame(AUDIO, pcm) + frame(DTMF, b"5") + frame(HANGUP))
    assert frames == [(UUID, call.bytes), (AUDIO, pcm), (DTMF, b"5"), (HANGUP, b"")]
    assert frame(HANGUP) == b"\x00\x00\x00"  # the hang-up frame has no payload


def test_audio_is_read_as_8_khz_float():
    pcm = (np.sin(np.arange(160) / 8) * 16000).astype("<i2").tobytes()  # 20 ms at 8 kHz
    samples = decode_audio(pcm)  # the call resamples its frames to 16 kHz as one stream (StreamResampler)
    assert samples.dtype == np.float32 and len(samples) == 160 and 0.3 < np.abs(samples).max() <= 1.0


@pytest.mark.parametrize("data,words", [
    (bytes([0x42, 0, 1, 0]), "unknown frame type 0x42"),
    (bytes([AUDIO, 0xFF, 0xFF]) + bytes(10), "too long"),
])
def test_what_is_not_the_protocol_is_refused(data, words):
    with pytest.raises(AudioSocketError, match=words):
        read_all(data)


def test_odd_audio_payloads_are_not_16_bit_pcm():
    with pytest.raises(AudioSocketError, match="odd number of bytes"):
        decode_audio(b"\x00\x01\x02")
