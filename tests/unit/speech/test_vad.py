"""Silero VAD: speech is found, quiet speech too; silence, noise and a tone mix hold none."""

from __future__ import annotations

import pytest
import torch

from bench.asr_data import non_speech


@pytest.mark.parametrize("name", list(non_speech()))
def test_no_speech_in_silence_noise_or_music(vad, name):
    assert vad.speech(non_speech()[name]) == []


def test_speech_is_found_where_it_is(vad, jfk):
    segments = vad.speech(jfk)
    assert segments and 0 <= segments[0].start < 1.0 and segments[-1].end > 9.5
    assert all(s.start < s.end for s in segments)


def test_quiet_speech_is_still_speech(vad, jfk):
    assert vad.speech(jfk * 0.1)  # 20 dB down


def test_importing_silero_leaves_our_thread_setting_alone():
    from speech.vad import SileroVad

    torch.set_num_threads(2)
    SileroVad()
    assert torch.get_num_threads() == 2
