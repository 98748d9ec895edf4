"""What the voice session needs from a TTS engine, and the one chosen by settings.

Piper (piper-tts) is GPL-3.0: it runs as its own process (`python -m piper.http_server`,
never published: its /info shows the last text it spoke) and we call it
over HTTP, so no GPL code is imported here. Another engine replaces it by implementing
`TtsEngine` and naming it in TTS_ENGINE.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Protocol

import httpx
import numpy as np
import soundfile


@dataclass(frozen=True)
class Speech:
    samples: np.ndarray  # float32 mono
    rate: int

    @property
    def duration(self) -> float:
        return len(self.samples) / self.rate


class TtsError(RuntimeError):
    """The engine could not speak a sentence; the message says why (never the text)."""


class TtsEngine(Protocol):
    name: str

    async def synthesize(self, sentence: str) -> Speech:
        ...

    async def aclose(self) -> None:
        ...


class PiperHttp:
    """piper-tts's own HTTP server: `POST /synthesize {"text"}` answers a WAV file."""

    name = "piper"

    def __init__(self, url: str, timeout_s: float = 10.0) -> None:
        self.url = url.rstrip("/")
        self._client = httpx.AsyncClient(timeout=timeout_s)

    async def synthesize(self, sentence: str) -> Speech:
        try:
            reply = await self._client.post(f"{self.url}/synthesize", json={"text": sentence})
        except httpx.HTTPError as exc:
            raise TtsError(f"the TTS service at {self.url} is unreachable ({type(exc).__name__})") from None
        if reply.status_code != 200:
            raise TtsError(f"the TTS service answered HTTP {reply.status_code}")
        try:
            samples, rate = soundfile.read(io.BytesIO(reply.content), dtype="float32", always_2d=True)
        except (soundfile.LibsndfileError, RuntimeError) as exc:
            raise TtsError(f"the TTS service sent audio that does not decode ({exc})") from None
        return Speech(samples.mean(axis=1), int(rate))

    async def aclose(self) -> None:
        await self._client.aclose()


def load_tts(engine: str, url: str) -> TtsEngine:
    if engine == "piper":
        return PiperHttp(url)
    raise ValueError(f"TTS_ENGINE {engine!r} is unknown; the engines are: piper")
