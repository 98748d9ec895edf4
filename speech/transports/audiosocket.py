"""Asterisk AudioSocket: a phone call over a plain TCP connection from Asterisk's dialplan.

Frames are `[type: 1 byte][length: uint16 big-endian][payload]`:
0x00 hang-up (no payload), 0x01 the call's 16-byte UUID (always first), 0x03 a DTMF digit
(one ASCII byte), 0x10 audio (signed linear 16-bit little-endian, 8 kHz mono), 0xFF error.
The protocol has no marks and no clear: we pace our audio out in real time (20 ms frames),
and barge-in simply stops writing. It cannot say why a call ended either, so after
`AudioSocket()` returns, the dialplan asks `GET /v1/calls/{uuid}/disposition` whether to
transfer the call to people (README: the dialplan lines).
"""

from __future__ import annotations

import asyncio
import logging
import struct
import time
import uuid
from collections import deque
from typing import Optional

import numpy as np

from speech.audio import SAMPLE_RATE, StreamResampler, from_pcm16, resample, to_pcm16
from speech.calls import CallRegistry
from speech.g711 import TELEPHONE_RATE
from speech.tts.engine import Speech
from speech.voice.session import VoiceSession

log = logging.getLogger("speech.audiosocket")

HANGUP, UUID, DTMF, AUDIO, ERROR = 0x00, 0x01, 0x03, 0x10, 0xFF
KNOWN = {HANGUP, UUID, DTMF, AUDIO, ERROR}
FRAME_S = 0.02
FRAME_BYTES = int(TELEPHONE_RATE * FRAME_S) * 2  # 20 ms of 16-bit samples
MAX_PAYLOAD = 8192  # audio frames are 320 bytes; anything near 64 KiB is not a phone call
FIRST_FRAME_TIMEOUT_S = 5.0


class AudioSocketError(ValueError):
    """Bytes that are not the AudioSocket protocol; ends that call only."""


def frame(kind: int, payload: bytes = b"") -> bytes:
    return struct.pack(">BH", kind, len(payload)) + payload


async def read_frame(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    header = await reader.readexactly(3)
    kind, length = struct.unpack(">BH", header)
    if kind not in KNOWN:
        raise AudioSocketError(f"unknown frame type 0x{kind:02x}")
    if length > MAX_PAYLOAD:
        raise AudioSocketError(f"a {length}-byte payload is too long for a phone call's frame")
    return kind, await reader.readexactly(length) if length else b""


def decode_audio(payload: bytes) -> np.ndarray:
    """slin16 8 kHz -> 8 kHz float samples (the call resamples them as one stream)."""
    if len(payload) % 2:
        raise AudioSocketError("an audio payload with an odd number of bytes is not 16-bit PCM")
    return from_pcm16(np.frombuffer(payload, dtype="<i2"))


class AudioSocketPlayback:
    """The session's transport: our audio paced out in real time, 20 ms at a time."""

    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self.writer = writer
        self.session: Optional[VoiceSession] = None
        self._frames: deque[bytes] = deque()
        self._pacer: Optional[asyncio.Task] = None
        self._closed = False

    async def play(self, speech: Speech) -> None:
        pcm = to_pcm16(resample(speech.samples, speech.rate, TELEPHONE_RATE)).astype("<i2").tobytes()
        pcm += bytes(-len(pcm) % FRAME_BYTES)  # whole 20 ms frames: the last one padded with silence
        self._frames.extend(pcm[i:i + FRAME_BYTES] for i in range(0, len(pcm), FRAME_BYTES))
        if self._pacer is None or self._pacer.done():
            self._pacer = asyncio.create_task(self._pace())

    async def _pace(self) -> None:
        started, sent = time.monotonic(), 0
        while self._frames and not self._closed:
            self.writer.write(frame(AUDIO, self._frames.popleft()))
            await self.writer.drain()
            sent += 1
            await asyncio.sleep(max(0.0, started + sent * FRAME_S - time.monotonic()))
        if self.session is not None and not self._frames:
            self.session.playback_finished()

    async def clear(self) -> None:
        self._frames.clear()  # barge-in: the rest is never written

    async def hang_up(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._frames.clear()
        try:
            self.writer.write(frame(HANGUP))
            await self.writer.drain()
        except ConnectionError:
            pass
        self.writer.close()


async def serve_connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, calls: CallRegistry) -> None:
    """One call, from its UUID frame to hang-up; whatever goes wrong ends this call only."""
    playback = AudioSocketPlayback(writer)
    session: Optional[VoiceSession] = None
    record = None
    upsample = StreamResampler(TELEPHONE_RATE, SAMPLE_RATE)  # the caller's frames, as one signal
    try:
        kind, payload = await asyncio.wait_for(read_frame(reader), FIRST_FRAME_TIMEOUT_S)
        if kind != UUID or len(payload) != 16:
            raise AudioSocketError("the first frame must be the call's 16-byte UUID")
        record = calls.open(str(uuid.UUID(bytes=payload)), "audiosocket")
        if record is None:
            log.warning("audiosocket call refused: too many calls at once")
            await playback.hang_up()
            return
        session = playback.session = calls.session(record, playback, None)
        await session.start()
        while not session.finished.is_set():
            kind, payload = await read_frame(reader)
            if kind == AUDIO:
                session.audio(upsample(decode_audio(payload)))
            elif kind == DTMF:
                session.dtmf(payload.decode("ascii", "replace")[:1])
            elif kind == HANGUP:
                await session.close("caller hung up")
                return
            elif kind == ERROR:
                raise AudioSocketError(f"Asterisk reported error {payload.hex() or '(no code)'}")
            else:
                raise AudioSocketError("a second UUID frame on the same call")
    except (asyncio.IncompleteReadError, ConnectionError):
        if session is not None:
            await session.close("caller hung up")
    except (AudioSocketError, asyncio.TimeoutError) as exc:
        reason = str(exc) or "no UUID frame in time"
        log.warning("audiosocket call ended: %s", reason)
        if record is not None:
            record.error = reason
    except Exception as exc:
        log.exception("audiosocket call failed")
        if record is not None:
            record.error = f"{type(exc).__name__}: {exc}"
    finally:
        if session is not None:
            await session.close("connection closed")
        await playback.hang_up()
        if record is not None:
            calls.finish(record)


async def start_server(host: str, port: int, calls: CallRegistry) -> asyncio.base_events.Server:
    return await asyncio.start_server(lambda r, w: serve_connection(r, w, calls), host, port)
