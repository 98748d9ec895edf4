"""Uploads of every supported format decode to 16 kHz mono; what is not audio gets a typed error."""

from __future__ import annotations

import io

import av
import numpy as np
import pytest
import soundfile
from scipy.signal import correlate

from bench.asr_data import clip
from speech.audio import (SAMPLE_RATE, AudioLimits, AudioTooLarge, AudioTooLong, EmptyAudio, NotAudio, decode,
                          from_pcm16, resample, to_mono, to_pcm16)

ROOMY = AudioLimits(max_bytes=50_000_000, max_seconds=600)


@pytest.fixture(scope="module")
def source():
    """goforward.wav as it is on disk: 16 kHz mono 16-bit."""
    samples, rate = soundfile.read(clip("goforward.wav").path, dtype="float32")
    return samples, rate


def with_soundfile(samples, rate, fmt, subtype) -> bytes:
    out = io.BytesIO()
    soundfile.write(out, samples, rate, format=fmt, subtype=subtype)
    return out.getvalue()


def with_pyav(samples, rate, container, codec, codec_rate) -> bytes:
    """Encode with FFmpeg, as a browser (WebM/Opus) or a phone app (MP4/AAC) would."""
    out = io.BytesIO()
    with av.open(out, "w", format=container) as c:
        stream = c.add_stream(codec, rate=codec_rate)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(resample(samples, rate, codec_rate).reshape(1, -1), format="fltp",
                                           layout="mono")
        frame.sample_rate = codec_rate
        converter = av.AudioResampler(format=stream.codec_context.format.name, layout="mono", rate=codec_rate)
        for converted in converter.resample(frame):
            for packet in stream.encode(converted):
                c.mux(packet)
        for packet in stream.encode(None):
            c.mux(packet)
    return out.getvalue()


FORMATS = {
    "wav-pcm16": lambda s, r: with_soundfile(s, r, "WAV", "PCM_16"),
    "wav-ulaw": lambda s, r: with_soundfile(s, r, "WAV", "ULAW"),
    "flac": lambda s, r: with_soundfile(s, r, "FLAC", "PCM_16"),
    "mp3": lambda s, r: with_soundfile(s, r, "MP3", "MPEG_LAYER_III"),
    "ogg-opus": lambda s, r: with_soundfile(s, r, "OGG", "OPUS"),
    "ogg-vorbis": lambda s, r: with_soundfile(s, r, "OGG", "VORBIS"),
    "webm-opus": lambda s, r: with_pyav(s, r, "webm", "libopus", 48_000),
    "mp4-aac": lambda s, r: with_pyav(s, r, "mp4", "aac", 44_100),
}


def best_alignment_correlation(a: np.ndarray, b: np.ndarray) -> float:
    """Lossy codecs add a little delay (AAC's priming): the normalised correlation at the best lag."""
    n = min(len(a), len(b))
    a, b = a[:n].astype(np.float64), b[:n].astype(np.float64)
    return float(np.max(correlate(a, b, mode="full", method="fft")) / np.sqrt((a ** 2).sum() * (b ** 2).sum()))


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_decodes_to_the_same_16k_mono_speech(source, name):
    samples, rate = source
    audio = decode(FORMATS[name](samples, rate), ROOMY)
    assert audio.samples.dtype == np.float32 and audio.samples.ndim == 1
    assert audio.duration == pytest.approx(len(samples) / rate, abs=0.1)
    assert best_alignment_correlation(audio.samples, samples) > 0.9, name


def test_lossless_formats_are_sample_exact(source):
    samples, rate = source
    for fmt in ("WAV", "FLAC"):
        audio = decode(with_soundfile(samples, rate, fmt, "PCM_16"), ROOMY)
        assert np.array_equal(audio.samples, samples)


def test_stereo_44k_is_mixed_down_and_resampled():
    data = clip("jfk.flac").path.read_bytes()  # FLAC, 44.1 kHz, 2 channels, 24-bit
    audio = decode(data, ROOMY)
    assert (audio.source_rate, audio.source_channels) == (44_100, 2)
    assert audio.duration == pytest.approx(11.0, abs=0.01)
    assert len(audio.samples) == round(11.0 * SAMPLE_RATE)


def test_stereo_webm_is_mixed_down():
    """Something only FFmpeg reads (WebM), in stereo: the channels' mean."""
    t = np.arange(SAMPLE_RATE) / SAMPLE_RATE
    left, right = np.sin(2 * np.pi * 440 * t) * 0.5, np.zeros_like(t)
    out = io.BytesIO()
    with av.open(out, "w", format="webm") as c:
        stream = c.add_stream("libopus", rate=48_000)
        stream.layout = "stereo"
        both = np.stack([resample(left.astype(np.float32), SAMPLE_RATE, 48_000),
                         resample(right.astype(np.float32), SAMPLE_RATE, 48_000)])
        frame = av.AudioFrame.from_ndarray(both, format="fltp", layout="stereo")
        frame.sample_rate = 48_000
        for packet in stream.encode(frame):
            c.mux(packet)
        for packet in stream.encode(None):
            c.mux(packet)
    audio = decode(out.getvalue(), ROOMY)
    assert audio.source_channels == 2
    rms = float(np.sqrt(np.mean(audio.samples[4000:-4000] ** 2)))
    assert rms == pytest.approx(0.25 / np.sqrt(2), rel=0.1)  # half the left channel's sine


@pytest.mark.parametrize("data, error, words", [
    (b"Dear customer, this is a letter, not a recording.\n" * 40, NotAudio, "not an audio file"),
    (b'{"text": "hello"}', NotAudio, "not an audio file"),
    (bytes(4096), NotAudio, "not an audio file"),
    (b"", EmptyAudio, "empty"),
])
def test_what_is_not_audio_says_so(data, error, words):
    with pytest.raises(error, match=words) as caught:
        decode(data, ROOMY)
    assert caught.value.status in (415, 422)


def test_a_truncated_file_is_refused(source):
    data = with_soundfile(*source, "FLAC", "PCM_16")
    with pytest.raises(NotAudio):
        decode(data[:300], ROOMY)


def test_a_wav_without_samples_is_empty():
    with pytest.raises(EmptyAudio, match="no audio samples") as caught:
        decode(with_soundfile(np.zeros(0, dtype=np.float32), SAMPLE_RATE, "WAV", "PCM_16"), ROOMY)
    assert caught.value.status == 422


def test_oversized_uploads_are_refused_before_decoding(source):
    data = with_soundfile(*source, "WAV", "PCM_16")
    with pytest.raises(AudioTooLarge, match="MAX_AUDIO_BYTES") as caught:
        decode(data, AudioLimits(max_bytes=len(data) - 1, max_seconds=600))
    assert caught.value.status == 413


def test_long_audio_is_refused_from_its_header_without_decoding_it():
    """An hour of silence compresses to almost nothing in FLAC: the duration limit catches it."""
    hour = with_soundfile(np.zeros(3600 * 8000, dtype=np.float32), 8000, "FLAC", "PCM_16")
    assert len(hour) < 2_000_000
    with pytest.raises(AudioTooLong, match="MAX_AUDIO_SECONDS") as caught:
        decode(hour, AudioLimits(max_bytes=50_000_000, max_seconds=60))
    assert caught.value.status == 413


def test_long_audio_in_a_container_only_ffmpeg_reads_stops_at_the_limit(source):
    samples, rate = source
    data = with_pyav(np.tile(samples, 10), rate, "webm", "libopus", 48_000)  # 28 s
    with pytest.raises(AudioTooLong):
        decode(data, AudioLimits(max_bytes=50_000_000, max_seconds=5))
    assert decode(data, AudioLimits(max_bytes=50_000_000, max_seconds=60)).duration == pytest.approx(27.9, abs=0.2)


def test_pcm16_conversions_clip_instead_of_wrapping():
    pcm = to_pcm16(np.array([0.0, 0.5, -0.5, 1.5, -1.5], dtype=np.float32))
    assert pcm.tolist() == [0, 16384, -16384, 32767, -32768]
    assert from_pcm16(pcm.tobytes()).tolist() == pytest.approx([0, 0.5, -0.5, 32767 / 32768, -1.0])


def test_to_mono_and_resample():
    stereo = np.stack([np.ones(8000, np.float32), np.zeros(8000, np.float32)], axis=1)
    assert to_mono(stereo).tolist() == [0.5] * 8000
    tone = np.sin(2 * np.pi * 440 * np.arange(8000) / 8000).astype(np.float32)
    up = resample(tone, 8000, SAMPLE_RATE)
    assert len(up) == 16000 and up.dtype == np.float32
    spectrum = np.abs(np.fft.rfft(up))
    assert np.argmax(spectrum) * SAMPLE_RATE / len(up) == pytest.approx(440, abs=2)
