"""A caller over Asterisk AudioSocket, played the way Asterisk plays it: for tests and demos.

It connects, sends the call's UUID frame, then 20 ms frames of 8 kHz signed-linear audio in
real time for the whole call (silence between utterances), and keeps what comes back with
arrival times. `press()` sends a DTMF frame, `hang_up()` the hang-up frame.
"""

from __future__ import annotations

import asyncio
import struct
import time
import uuid
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from speech.audio import resample, to_pcm16
from speech.g711 import TELEPHONE_RATE
from speech.transports.audiosocket import AUDIO, DTMF, ERROR, FRAME_BYTES, FRAME_S, HANGUP, UUID, frame

AUDIBLE_RMS = 200


def audible(pcm: bytes) -> bool:
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32)
    return bool(len(samples)) and float(np.sqrt(np.mean(samples ** 2))) > AUDIBLE_RMS


@dataclass
class Heard:
    audio: list[tuple[float, bytes]] = field(default_factory=list)
    hung_up: Optional[float] = None  # when the assistant sent the hang-up frame
    closed: bool = False

    def first_sound_after(self, t: float) -> Optional[float]:
        return next((at for at, pcm in self.audio if at >= t and audible(pcm)), None)


class AudioSocketCaller:
    def __init__(self, host: str, port: int, call_id: Optional[str] = None) -> None:
        self.host, self.port = host, port
        self.call_id = call_id or str(uuid.uuid4())
        self.heard = Heard()
        self._outgoing = bytearray()
        self._said: list[tuple[int, asyncio.Future]] = []
        self._tasks: list[asyncio.Task] = []

    async def __aenter__(self) -> "AudioSocketCaller":
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(frame(UUID, uuid.UUID(self.call_id).bytes))
        await self.writer.drain()
        self._tasks = [asyncio.create_task(self._line()), asyncio.create_task(self._listen())]
        return self

    async def __aexit__(self, *exc) -> None:
        await self.hang_up()

    def say(self, samples: np.ndarray, rate: int) -> asyncio.Future:
        """Queue speech; resolves with the time its last frame went out."""
        pcm = to_pcm16(resample(samples, rate, TELEPHONE_RATE)).astype("<i2").tobytes()
        done = asyncio.get_running_loop().create_future()
        self._outgoing += pcm
        self._said.append((len(self._outgoing), done))
        return done

    async def send_raw(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    async def press(self, digit: str) -> None:
        await self.send_raw(frame(DTMF, digit.encode("ascii")))

    async def reply_after(self, t: float, timeout: float = 30.0) -> Optional[float]:
        end = time.monotonic() + timeout
        while time.monotonic() < end and not self.heard.closed:
            first = self.heard.first_sound_after(t)
            if first is not None:
                return first
            await asyncio.sleep(0.01)
        return None

    async def quiet_for(self, seconds: float, timeout: float = 60.0) -> None:
        """Wait until the assistant has sent nothing for `seconds` (it finished speaking)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end and not self.heard.closed:
            last = self.heard.audio[-1][0] if self.heard.audio else 0.0
            if time.monotonic() - last >= seconds:
                return
            await asyncio.sleep(0.05)

    async def wait_hung_up(self, timeout: float) -> Optional[float]:
        end = time.monotonic() + timeout
        while self.heard.hung_up is None and not self.heard.closed and time.monotonic() < end:
            await asyncio.sleep(0.05)
        return self.heard.hung_up

    async def hang_up(self) -> None:
        self._tasks[0].cancel()
        if not self.heard.closed:
            try:
                await self.send_raw(frame(HANGUP))
            except ConnectionError:
                pass
        await asyncio.sleep(0.2)
        for task in self._tasks:
            task.cancel()
        self.writer.close()

    async def _line(self) -> None:
        started, sent_frames, sent = time.monotonic(), 0, 0
        silence = bytes(FRAME_BYTES)
        while True:
            chunk = bytes(self._outgoing[sent:sent + FRAME_BYTES])
            sent += len(chunk)
            try:
                await self.send_raw(frame(AUDIO, chunk + silence[len(chunk):]))
            except ConnectionError:
                return
            sent_frames += 1
            now = time.monotonic()
            while self._said and self._said[0][0] <= sent:
                _, done = self._said.pop(0)
                if not done.done():
                    done.set_result(now)
            await asyncio.sleep(max(0.0, started + sent_frames * FRAME_S - time.monotonic()))

    async def _listen(self) -> None:
        try:
            while True:
                kind, length = struct.unpack(">BH", await self.reader.readexactly(3))
                payload = await self.reader.readexactly(length) if length else b""
                if kind == AUDIO:
                    self.heard.audio.append((time.monotonic(), payload))
                elif kind in (HANGUP, ERROR):
                    self.heard.hung_up = time.monotonic()
        except (asyncio.IncompleteReadError, ConnectionError):
            self.heard.closed = True
