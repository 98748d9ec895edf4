import numpy as np
import pytest

from speech.transports.browser import BrowserProtocolError, decode_pcm, parse_control


def test_control_messages_and_audio_frames():
    assert parse_control('{"type": "start", "sample_rate": 48000}')["sample_rate"] == 48000
    frame = (np.sin(np.arange(960) / 10) * 12000).astype("<i2").tobytes()  # 20 ms at 48 kHz
    samples = decode_pcm(frame)  # at the page's rate: the call resamples its frames as one stream
    assert len(samples) == 960 and samples.dtype == np.float32


@pytest.mark.parametrize("text,words", [("{oops", "not JSON"), ('{"kind": "start"}', "'type'")])
def test_bad_control_messages_say_what_is_wrong(text, words):
    with pytest.raises(BrowserProtocolError, match=words):
        parse_control(text)


def test_odd_or_huge_frames_are_refused():
    for data in (b"\x01\x02\x03", bytes(70_000)):
        with pytest.raises(BrowserProtocolError, match="16-bit PCM"):
            decode_pcm(data)
