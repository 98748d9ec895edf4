"""The website's voice button: a WebSocket carrying PCM16 frames and small JSON control messages.

Client -> server: first `{"type": "start", "sample_rate": 16000, "customer_token": "..."?}`
(the token is the website's signed one, optional), then binary frames of 16-bit little-endian
mono PCM at that rate (20-100 ms each), `{"type": "dtmf", "digit": "0"}` for on-screen keys,
`{"type": "stop"}` to hang up.
Server -> client: binary frames of 16-bit little-endian mono PCM at 16 kHz (the assistant's
voice, sent as it is synthesised: the page queues it for playback), `{"type": "clear"}` when
the caller speaks over it (drop what is queued), `{"type": "end", "handed_off": bool}` before
the server closes the call.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from typing import Any, Optional

import numpy as np
from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from starlette.websockets import WebSocketState

from speech.audio import SAMPLE_RATE, StreamResampler, from_pcm16, resample, to_pcm16
from speech.calls import CallRegistry
from speech.transports.messages import close_quietly, json_message
from speech.tts.engine import Speech
from speech.voice.session import CallRecord, VoiceSession

log = logging.getLogger("speech.browser")

MIN_RATE, MAX_RATE = 8000, 48000
MAX_FRAME_BYTES = 64 * 1024
BAD_PAYLOAD, TRY_LATER, INTERNAL = 1007, 1013, 1011


class BrowserProtocolError(ValueError):
    """Not this channel's protocol; ends that call only."""


class BrowserPlayback:
    def __init__(self, ws: WebSocket) -> None:
        self.ws = ws
        self.session: Optional[VoiceSession] = None
        self._lock = asyncio.Lock()

    async def play(self, speech: Speech) -> None:
        pcm = to_pcm16(resample(speech.samples, speech.rate, SAMPLE_RATE)).astype("<i2").tobytes()
        async with self._lock:
            await self.ws.send_bytes(pcm)

    async def clear(self) -> None:
        async with self._lock:
            await self.ws.send_text(json.dumps({"type": "clear"}))

    async def hang_up(self) -> None:
        record = self.session.record if self.session else None
        try:
            async with self._lock:
                await self.ws.send_text(json.dumps({"type": "end", "handed_off": bool(record and record.handed_off)}))
            await self.ws.close(1000)
        except (RuntimeError, WebSocketDisconnect):
            pass


def parse_control(text: str) -> dict[str, Any]:
    return json_message(text, "type", BrowserProtocolError, what="a control message")


def decode_pcm(data: bytes) -> np.ndarray:
    """A binary frame as float samples at the page's rate (the call resamples them as one stream)."""
    if len(data) % 2 or len(data) > MAX_FRAME_BYTES:
        raise BrowserProtocolError("audio frames are 16-bit PCM of at most 64 KiB")
    return from_pcm16(np.frombuffer(data, dtype="<i2"))


def build_router(calls: CallRegistry) -> APIRouter:
    router = APIRouter(prefix="/v1/browser", tags=["browser"])

    @router.websocket("/stream")
    async def stream(ws: WebSocket) -> None:
        await ws.accept()
        await serve_browser(ws, calls)

    return router


def sample_rate(value: Any) -> int:
    """The page's `sample_rate` (default 16 kHz), or why it is not one we take."""
    if value is None:
        return SAMPLE_RATE
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise BrowserProtocolError(f"sample_rate must be a number of Hz, not {value!r}")
    try:
        rate = int(value)
    except (ValueError, OverflowError):  # "abc", NaN, infinity
        raise BrowserProtocolError(f"sample_rate must be a number of Hz, not {value!r}") from None
    if not MIN_RATE <= rate <= MAX_RATE:
        raise BrowserProtocolError(f"sample_rate {rate} is outside {MIN_RATE}-{MAX_RATE} Hz")
    return rate


async def serve_browser(ws: WebSocket, calls: CallRegistry) -> None:
    """One call, from `start` to `stop`; whatever goes wrong ends this call only, with a reason."""
    playback = BrowserPlayback(ws)
    session: Optional[VoiceSession] = None
    record: Optional[CallRecord] = None
    upsample = StreamResampler(SAMPLE_RATE, SAMPLE_RATE)  # replaced at 'start', once the page's rate is known
    try:
        while True:
            message = await _receive(ws)
            if message["type"] == "websocket.disconnect":
                break
            if message.get("bytes") is not None:
                if session is None:
                    raise BrowserProtocolError("audio before the 'start' message")
                session.audio(upsample(decode_pcm(message["bytes"])))
                continue
            control = parse_control(message.get("text") or "")
            kind = control["type"]
            if kind == "start":
                if session is not None:
                    raise BrowserProtocolError("a second 'start' on the same call")
                rate = sample_rate(control.get("sample_rate"))
                upsample = StreamResampler(rate, SAMPLE_RATE)  # the page's frames, as one signal
                record = calls.open(f"web-{uuid.uuid4().hex}", "browser")
                if record is None:
                    await ws.close(TRY_LATER, "too many calls at once; try again later")
                    return
                session = playback.session = calls.session(record, playback, control.get("customer_token"))
                await session.start()
            elif kind == "dtmf" and session is not None:
                session.dtmf(str(control.get("digit", ""))[:1])
            elif kind == "stop":
                break
            elif session is None:
                raise BrowserProtocolError(f"'{kind}' before 'start'")
    except WebSocketDisconnect:
        pass
    except BrowserProtocolError as exc:
        log.warning("browser call refused: %s", exc)
        if record is not None:
            record.error = str(exc)
        await close_quietly(ws, BAD_PAYLOAD, str(exc))
    except Exception as exc:  # a VAD or decoder failure: this call ends with a reason, the others go on
        log.exception("browser call failed")
        if record is not None:
            record.error = f"{type(exc).__name__}: {exc}"
        await close_quietly(ws, INTERNAL, "the call failed on our side")
    finally:
        if session is not None:
            await session.close("caller hung up")
        if record is not None:
            calls.finish(record)


async def _receive(ws: WebSocket) -> dict[str, Any]:
    try:
        return await ws.receive()
    except RuntimeError:
        if ws.application_state == WebSocketState.DISCONNECTED:  # the session hung up and closed the socket
            raise WebSocketDisconnect(1000) from None
        raise
