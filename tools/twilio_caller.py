"""A caller on a Twilio Media Stream, played the way Twilio plays it: for tests and `make bench-voice`.

It opens the WebSocket, sends `connected` and `start`, then sends 20 ms µ-law frames in real
time for the whole call (silence when the caller says nothing, as a phone line does), echoes
each `mark` once the audio before it has "played", and honours `clear`. What the assistant
sends back is kept with arrival times, so a test can tell when the reply began to sound.
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np
import websockets

from speech.g711 import TELEPHONE_RATE, to_telephone, ulaw_decode

FRAME_BYTES = TELEPHONE_RATE // 50  # 20 ms
FRAME_S = 0.02
SILENCE = bytes([0xFF]) * FRAME_BYTES  # µ-law zero
AUDIBLE_RMS = 200  # int16 RMS above which a frame is sound, not line hiss


def audible(codes: bytes) -> bool:
    pcm = ulaw_decode(codes).astype(np.float32)
    return bool(len(pcm)) and float(np.sqrt(np.mean(pcm ** 2))) > AUDIBLE_RMS


@dataclass
class Heard:
    """What the caller received: media frames with arrival time, marks, clears, the close."""

    media: list[tuple[float, bytes]] = field(default_factory=list)
    marks_queued: list[tuple[float, str]] = field(default_factory=list)  # when each came from the assistant
    marks_back: list[tuple[float, str]] = field(default_factory=list)  # when each was sent back
    clears: list[float] = field(default_factory=list)
    closed: Optional[tuple[int, str]] = None

    @property
    def marks(self) -> list[str]:
        """The marks sent back, in order."""
        return [name for _, name in self.marks_back]

    def first_sound_after(self, t: float) -> Optional[float]:
        return next((at for at, codes in self.media if at >= t and audible(codes)), None)

    def audio_between(self, start: float, end: float = float("inf")) -> bytes:
        return b"".join(codes for at, codes in self.media if start <= at < end)


class TwilioCaller:
    def __init__(self, url: str, call_sid: Optional[str] = None, custom_parameters: Optional[dict] = None,
                 headers: Optional[dict] = None) -> None:
        self.url = url
        self.call_sid = call_sid or f"CA{uuid.uuid4().hex}"
        self.stream_sid = f"MZ{uuid.uuid4().hex}"
        self.custom_parameters = custom_parameters or {}
        self.headers = headers or {}
        self.heard = Heard()
        self._outgoing = bytearray()
        self._said_done: list[tuple[int, asyncio.Future]] = []  # (bytes still to send, resolved when sent)
        self._ws: Any = None
        self._tasks: list[asyncio.Task] = []
        self._sent_frames = 0
        self._playing_until = 0.0  # when the assistant's audio received so far ends playing

    async def __aenter__(self) -> "TwilioCaller":
        self._ws = await websockets.connect(self.url, additional_headers=self.headers, max_size=2 ** 22)
        await self.send({"event": "connected", "protocol": "Call", "version": "1.0.0"})
        await self.send({"event": "start", "sequenceNumber": "1", "streamSid": self.stream_sid, "start": {
            "streamSid": self.stream_sid, "accountSid": "AC" + "0" * 32, "callSid": self.call_sid,
            "tracks": ["inbound"], "customParameters": self.custom_parameters,
            "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1}}})
        self._tasks = [asyncio.create_task(self._line()), asyncio.create_task(self._listen())]
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.hang_up()

    async def send(self, message: dict) -> None:
        await self._ws.send(json.dumps(message))

    def say(self, samples: np.ndarray, rate: int) -> asyncio.Future:
        """Queue speech; the future resolves with the time its last frame went out."""
        return self.say_ulaw(to_telephone(samples, rate))

    def say_ulaw(self, codes: bytes) -> asyncio.Future:
        done = asyncio.get_running_loop().create_future()
        self._outgoing += codes
        self._said_done.append((len(self._outgoing), done))
        return done

    async def press(self, digit: str) -> None:
        await self.send({"event": "dtmf", "streamSid": self.stream_sid,
                         "dtmf": {"track": "inbound_track", "digit": digit}})

    async def wait_closed(self, timeout: float) -> Optional[tuple[int, str]]:
        end = time.monotonic() + timeout
        while self.heard.closed is None and time.monotonic() < end:
            await asyncio.sleep(0.05)
        return self.heard.closed

    async def reply_starts(self, t: float, timeout: float = 30.0) -> Optional[float]:
        """When the first audible reply frame after `t` arrived (None if none came in time)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end and self.heard.closed is None:
            first = self.heard.first_sound_after(t)
            if first is not None:
                return first
            await asyncio.sleep(0.01)
        return self.heard.first_sound_after(t)

    async def reply_after(self, t: float, timeout: float = 30.0, quiet_s: float = 0.6) -> tuple[Optional[float], bytes]:
        """When the first audible reply frame after `t` arrived, and the reply's audio: all that
        came until it had played out and the assistant then sent nothing for `quiet_s`. By
        playback time, as a caller hears it: the assistant may make a reply's later pieces while
        the first ones play, so gaps between arrivals are not the end of a reply."""
        end = time.monotonic() + timeout
        first = await self.reply_starts(t, timeout)
        if first is None:
            return None, b""
        while time.monotonic() < end and self.heard.closed is None:
            last = self.heard.media[-1][0] if self.heard.media else first
            if time.monotonic() - max(last, self._playing_until) >= quiet_s:
                break
            await asyncio.sleep(0.05)
        return first, self.heard.audio_between(first)

    @staticmethod
    async def until_played(first: float, audio: bytes, margin_s: float = 0.3) -> None:
        """Wait until a reply that began to sound at `first` has played out (Twilio plays in real time)."""
        await asyncio.sleep(max(0.0, len(audio) / TELEPHONE_RATE - (time.monotonic() - first)) + margin_s)

    async def hang_up(self) -> None:
        """`stop`, as Twilio sends when the caller hangs up; then wait for the server to close."""
        self._tasks[0].cancel()  # the line goes quiet
        if self.heard.closed is None:
            try:
                await self.send({"event": "stop", "streamSid": self.stream_sid,
                                 "stop": {"accountSid": "AC" + "0" * 32, "callSid": self.call_sid}})
                await self.wait_closed(timeout=5)
            except websockets.ConnectionClosed:
                pass
        for task in self._tasks:
            task.cancel()
        await self._ws.close()

    async def _line(self) -> None:
        """20 ms frames in real time, speech when there is some, silence otherwise."""
        started = time.monotonic()
        sequence, sent = 2, 0
        while True:
            chunk = bytes(self._outgoing[sent:sent + FRAME_BYTES]) if sent < len(self._outgoing) else b""
            sent += len(chunk)
            payload = chunk + SILENCE[len(chunk):]
            self._sent_frames += 1
            try:
                await self.send({"event": "media", "sequenceNumber": str(sequence), "streamSid": self.stream_sid,
                                 "media": {"track": "inbound", "chunk": str(self._sent_frames),
                                           "timestamp": str(self._sent_frames * 20),
                                           "payload": base64.b64encode(payload).decode()}})
            except websockets.ConnectionClosed:
                return
            sequence += 1
            now = time.monotonic()
            while self._said_done and self._said_done[0][0] <= sent:
                _, done = self._said_done.pop(0)
                if not done.done():
                    done.set_result(now)
            await asyncio.sleep(max(0.0, started + self._sent_frames * FRAME_S - time.monotonic()))

    async def _listen(self) -> None:
        try:
            async for raw in self._ws:
                message = json.loads(raw)
                now = time.monotonic()
                if message.get("event") == "media":
                    codes = base64.b64decode(message["media"]["payload"])
                    self.heard.media.append((now, codes))
                    self._playing_until = max(self._playing_until, now) + len(codes) / TELEPHONE_RATE
                elif message.get("event") == "mark":
                    name = message["mark"]["name"]
                    self.heard.marks_queued.append((now, name))
                    asyncio.create_task(self._echo_mark(name, self._playing_until))
                elif message.get("event") == "clear":
                    self.heard.clears.append(now)
                    self._playing_until = now  # Twilio drops what it had queued
        except websockets.ConnectionClosed as closed:
            self.heard.closed = (closed.rcvd.code if closed.rcvd else 1006, closed.rcvd.reason if closed.rcvd else "")
            return
        self.heard.closed = (self._ws.close_code or 1000, self._ws.close_reason or "")

    async def _echo_mark(self, name: str, played_at: float) -> None:
        """Twilio sends a mark back once the audio before it has played (or been cleared)."""
        while time.monotonic() < min(played_at, self._playing_until):
            await asyncio.sleep(0.02)
        self.heard.marks_back.append((time.monotonic(), name))
        try:
            await self.send({"event": "mark", "streamSid": self.stream_sid, "mark": {"name": name}})
        except websockets.ConnectionClosed:
            pass
