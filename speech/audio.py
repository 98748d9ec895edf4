"""Uploaded audio to 16 kHz mono float32: decoding, limits, mixing down, resampling.

soundfile (libsndfile) reads WAV, FLAC, Ogg (Vorbis, Opus) and MP3; PyAV (FFmpeg) reads what
it cannot, WebM and MP4 among them. Nothing here touches the disk: uploads are decoded in
memory and forgotten with the request.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
import soundfile
import soxr

SAMPLE_RATE = 16_000  # what Whisper and Silero VAD read


class AudioError(ValueError):
    """Audio we will not transcribe; `status` is the HTTP status that says why."""

    status = 422


class NotAudio(AudioError):
    status = 415


class EmptyAudio(AudioError):
    status = 422


class AudioTooLarge(AudioError):
    status = 413


class AudioTooLong(AudioError):
    status = 413


@dataclass(frozen=True)
class AudioLimits:
    max_bytes: int
    max_seconds: float

    def check_size(self, size: int) -> None:
        if size > self.max_bytes:
            raise AudioTooLarge(f"the upload is over {self.max_bytes} bytes (MAX_AUDIO_BYTES)")

    def check_duration(self, frames: int, rate: int) -> None:
        if rate > 0 and frames / rate > self.max_seconds:
            raise AudioTooLong(f"the audio is longer than {self.max_seconds:g} s (MAX_AUDIO_SECONDS)")


@dataclass(frozen=True)
class Audio:
    """Mono float32 samples in [-1, 1] at SAMPLE_RATE, and what they were decoded from."""

    samples: np.ndarray
    source_format: str  # e.g. "WAV/PCM_16", "webm/opus"
    source_rate: int
    source_channels: int

    @property
    def duration(self) -> float:
        return len(self.samples) / SAMPLE_RATE


def to_mono(frames: np.ndarray) -> np.ndarray:
    """(samples, channels) -> (samples,): the channels' mean, as a phone mixes a stereo source."""
    if frames.ndim == 1:
        return frames
    return frames.mean(axis=1, dtype=np.float32)


def resample(samples: np.ndarray, from_rate: int, to_rate: int) -> np.ndarray:
    if from_rate == to_rate:
        return samples.astype(np.float32, copy=False)
    return soxr.resample(samples.astype(np.float32, copy=False), from_rate, to_rate, quality="HQ")


class StreamResampler:
    """One direction of one call's audio, resampled as the one continuous signal it is.

    Resampling each 20 ms frame on its own filters every frame as if silence surrounded it,
    which leaves errors at each frame's edges (about 30 dB below the signal, 50 times a
    second); soxr's stream keeps the filter's state from frame to frame, so the output is the
    whole signal's resampling, only delayed by the filter (HQ, 8 -> 16 kHz: about 29 ms, the
    shortest of soxr's qualities but the quick cubic one). Use one per call and direction.
    """

    def __init__(self, from_rate: int, to_rate: int) -> None:
        self.from_rate, self.to_rate = from_rate, to_rate
        self._stream = None if from_rate == to_rate else \
            soxr.ResampleStream(from_rate, to_rate, 1, dtype="float32", quality="HQ")

    def __call__(self, samples: np.ndarray) -> np.ndarray:
        """The next frame in; whatever output the filter has ready out (fewer samples at first)."""
        x = np.asarray(samples, dtype=np.float32)
        return x if self._stream is None else self._stream.resample_chunk(x)


def to_pcm16(samples: np.ndarray) -> np.ndarray:
    """float [-1, 1] -> int16, clipped (a hot signal saturates instead of wrapping round)."""
    return np.clip(np.round(samples * 32768.0), -32768, 32767).astype(np.int16)


def from_pcm16(pcm: np.ndarray | bytes) -> np.ndarray:
    if isinstance(pcm, (bytes, bytearray, memoryview)):
        pcm = np.frombuffer(pcm, dtype="<i2")
    return pcm.astype(np.float32) / 32768.0


def decode(data: bytes, limits: AudioLimits) -> Audio:
    """Any supported file in `data` -> 16 kHz mono; AudioError says what was wrong with it."""
    limits.check_size(len(data))
    if not data:
        raise EmptyAudio("the upload is empty: send the audio file as the request body or as form field 'file'")
    try:
        frames, rate, fmt = _read_soundfile(data, limits)
    except soundfile.LibsndfileError:
        frames, rate, fmt = _read_pyav(data, limits)
    if frames.size == 0 or rate <= 0:
        raise EmptyAudio(f"the {fmt} file holds no audio samples")
    if not np.isfinite(frames).all():
        raise NotAudio(f"the {fmt} file holds samples that are not numbers (NaN or infinity)")
    samples = resample(to_mono(frames), rate, SAMPLE_RATE)
    return Audio(np.clip(samples, -1.0, 1.0), fmt, rate, frames.shape[1])


def _read_soundfile(data: bytes, limits: AudioLimits) -> tuple[np.ndarray, int, str]:
    info = soundfile.info(io.BytesIO(data))
    limits.check_duration(info.frames, info.samplerate)  # before decoding: a tiny FLAC can hold hours
    frames, rate = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
    return frames, rate, f"{info.format}/{info.subtype}"


def _read_pyav(data: bytes, limits: AudioLimits) -> tuple[np.ndarray, int, str]:
    import av  # FFmpeg: only for what libsndfile cannot read

    try:
        container = av.open(io.BytesIO(data), mode="r")
    except (av.error.FFmpegError, ValueError):
        raise NotAudio("the upload is not an audio file we can read (WAV, FLAC, MP3, Ogg/Opus, WebM, ...)") from None
    with container:
        if not container.streams.audio:
            raise NotAudio(f"the {container.format.name} file has no audio stream")
        stream = container.streams.audio[0]
        fmt = f"{container.format.name}/{stream.codec_context.name}"
        rate = stream.codec_context.sample_rate
        # planar float keeps the source's rate and channels: mixing and resampling are ours
        converter = av.AudioResampler(format="fltp")
        chunks: list[np.ndarray] = []
        frames = 0
        try:
            for frame in container.decode(stream):
                for converted in converter.resample(frame):
                    chunk = converted.to_ndarray()
                    chunks.append(chunk)
                    frames += chunk.shape[1]
                    limits.check_duration(frames, rate)  # while decoding: stop at the limit
            for converted in converter.resample(None):
                chunks.append(converted.to_ndarray())
        except AudioError:
            raise
        except (av.error.FFmpegError, ValueError) as exc:
            raise NotAudio(f"the {fmt} audio could not be decoded: {exc}") from None
    if not chunks:
        raise EmptyAudio(f"the {fmt} file holds no audio samples")
    widest = max(c.shape[0] for c in chunks)
    if any(c.shape[0] != widest for c in chunks):
        raise NotAudio(f"the {fmt} audio changes its channel count mid-stream")
    return np.concatenate(chunks, axis=1).T.astype(np.float32, copy=False), rate, fmt
