"""Where the speech is: Silero VAD (the ONNX model the silero-vad package ships).

Audio in which it finds no speech never reaches Whisper, which would otherwise write
"Thank you." or "you" over silence and line noise.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from speech.audio import SAMPLE_RATE


@dataclass(frozen=True)
class SpeechSegment:
    start: float  # seconds
    end: float


class SileroVad:
    """Not safe to share between threads (the model keeps state between frames): the
    transcriber holds a lock around it."""

    def __init__(self, threshold: float = 0.5, min_speech_ms: int = 150) -> None:
        import torch

        threads = torch.get_num_threads()
        # importing silero_vad calls torch.set_num_threads(1), which would slow the ASR down
        from silero_vad import get_speech_timestamps, load_silero_vad

        torch.set_num_threads(threads)
        self._model = load_silero_vad(onnx=True)
        self._timestamps = get_speech_timestamps
        self.threshold = threshold
        self.min_speech_ms = min_speech_ms

    def speech(self, samples: np.ndarray) -> list[SpeechSegment]:
        """The stretches of 16 kHz `samples` that hold speech."""
        import torch

        found = self._timestamps(torch.from_numpy(np.ascontiguousarray(samples, dtype=np.float32)), self._model,
                                 threshold=self.threshold, sampling_rate=SAMPLE_RATE,
                                 min_speech_duration_ms=self.min_speech_ms, return_seconds=True)
        return [SpeechSegment(float(s["start"]), float(s["end"])) for s in found]
