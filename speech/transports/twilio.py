"""Twilio Media Streams: a phone call over a WebSocket, and the TwiML that starts and ends it.

- `POST /v1/twilio/voice` (the number's incoming-call webhook) answers
  `<Connect action="…/after-stream"><Stream url="wss://…/v1/twilio/stream"/></Connect>`.
- `WS /v1/twilio/stream`: Twilio sends `connected`, `start` (streamSid, callSid,
  customParameters, mediaFormat), `media` (base64 µ-law 8 kHz, 20 ms), `dtmf`, `mark`,
  `stop`; we send `media`, `mark` (after each sentence: its echo says the caller heard it) and
  `clear` (barge-in). Closing the socket ends the stream; Twilio then asks the action URL.
- `POST /v1/twilio/after-stream` answers `<Dial>` to AGENT_NUMBER when the assistant handed
  the call off, `<Hangup/>` otherwise.
With TWILIO_AUTH_TOKEN set, each of them checks `X-Twilio-Signature`.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
from typing import Any, Optional
from xml.sax.saxutils import escape, quoteattr

import numpy as np
from fastapi import APIRouter, Request, WebSocket, WebSocketDisconnect
from fastapi.responses import JSONResponse, Response
from starlette.websockets import WebSocketState

from speech.audio import SAMPLE_RATE, StreamResampler
from speech.g711 import TELEPHONE_RATE, from_telephone, to_telephone
from speech.calls import VOICE_TURN_PREFIX, CallRegistry
from speech.settings import SpeechSettings
from speech.transports.messages import close_quietly, json_message
from speech.transports.twilio_signature import valid_signature
from speech.tts.engine import Speech
from speech.voice.session import CallRecord, VoiceSession

log = logging.getLogger("speech.twilio")

FRAME_BYTES = TELEPHONE_RATE // 50  # 20 ms of µ-law
MEDIA_FORMAT = {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1}
CUSTOMER_TOKEN_PARAMETER = "customer_token"
# WebSocket close codes: RFC 6455's
POLICY, UNSUPPORTED, BAD_PAYLOAD, TRY_LATER, INTERNAL = 1008, 1003, 1007, 1013, 1011


class ProtocolError(ValueError):
    """A message that is not Twilio's Media Streams protocol; ends that call only."""

    code = BAD_PAYLOAD


def twiml(body: str) -> Response:
    return Response(f'<?xml version="1.0" encoding="UTF-8"?><Response>{body}</Response>', media_type="text/xml")


def public_base(request_url: str, settings: SpeechSettings) -> str:
    """Where Twilio reaches us: PUBLIC_URL behind a proxy, else the request's own scheme and host."""
    if settings.public_url:
        return settings.public_url.rstrip("/")
    scheme, _, rest = request_url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


def signed_url(request_url: str, settings: SpeechSettings) -> str:
    if not settings.public_url:
        return request_url
    path = request_url.split("://", 1)[-1].split("/", 1)
    return f"{settings.public_url.rstrip('/')}/{path[1] if len(path) > 1 else ''}"


def decode_media(payload: Any) -> np.ndarray:
    """A media message's base64 µ-law payload as 8 kHz float samples (the call resamples them
    as one stream: see StreamResampler)."""
    if not isinstance(payload, str):
        raise ProtocolError("media.payload must be a base64 string")
    try:
        codes = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise ProtocolError("media.payload is not valid base64") from None
    return from_telephone(codes, TELEPHONE_RATE)


def check_format(media_format: Any) -> None:
    fmt = media_format if isinstance(media_format, dict) else {}
    if (fmt.get("encoding"), int(fmt.get("sampleRate") or 0), int(fmt.get("channels") or 1)) != \
            tuple(MEDIA_FORMAT.values()):
        raise ProtocolError(f"mediaFormat {media_format!r} is not supported; Media Streams send {MEDIA_FORMAT}")


def parse_message(text: str) -> dict[str, Any]:
    return json_message(text, "event", ProtocolError)


class TwilioPlayback:
    """The session's transport: our audio out as `media` messages, a `mark` after each piece."""

    def __init__(self, ws: WebSocket, stream_sid: str) -> None:
        self.ws = ws
        self.stream_sid = stream_sid
        self.pending_marks: set[str] = set()
        self.session: Optional[VoiceSession] = None
        self._sent = 0
        self._lock = asyncio.Lock()  # play and clear come from different tasks

    async def _send(self, message: dict[str, Any]) -> None:
        async with self._lock:
            await self.ws.send_text(json.dumps({**message, "streamSid": self.stream_sid}))

    async def play(self, speech: Speech) -> None:
        codes = to_telephone(speech.samples, speech.rate)
        for start in range(0, len(codes), FRAME_BYTES):
            await self._send({"event": "media",
                              "media": {"payload": base64.b64encode(codes[start:start + FRAME_BYTES]).decode()}})
        self._sent += 1
        name = f"piece-{self._sent}"
        self.pending_marks.add(name)
        await self._send({"event": "mark", "mark": {"name": name}})

    async def clear(self) -> None:
        await self._send({"event": "clear"})  # Twilio sends back the marks it dropped

    async def hang_up(self) -> None:
        await self.ws.close(1000)

    def mark_returned(self, name: str) -> None:
        self.pending_marks.discard(name)
        if not self.pending_marks and self.session is not None:
            self.session.playback_finished()


def build_router(settings: SpeechSettings, calls: CallRegistry) -> APIRouter:
    router = APIRouter(prefix="/v1/twilio", tags=["twilio"])

    async def signed(request: Request) -> bool:
        if not settings.twilio_auth_token:
            return True
        form = dict((await request.form()).items()) if request.method == "POST" else {}
        return valid_signature(settings.twilio_auth_token, signed_url(str(request.url), settings), form,
                               request.headers.get("x-twilio-signature"))

    @router.post("/voice", summary="TwiML for an incoming call: connect it to the assistant's stream")
    async def incoming_call(request: Request) -> Response:
        if not await signed(request):
            return JSONResponse({"detail": "X-Twilio-Signature is missing or wrong"}, status_code=403)
        if calls.full:
            return twiml("<Say>Sorry, all our lines are busy. Please call back in a few minutes.</Say><Hangup/>")
        base = public_base(str(request.url), settings)
        stream = base.replace("https://", "wss://", 1).replace("http://", "ws://", 1) + "/v1/twilio/stream"
        return twiml(f"<Connect action={quoteattr(base + '/v1/twilio/after-stream')}>"
                     f"<Stream url={quoteattr(stream)}/></Connect>")

    @router.post("/after-stream", summary="TwiML once the stream ends: transfer a handed-off call, else hang up")
    async def after_stream(request: Request) -> Response:
        if not await signed(request):
            return JSONResponse({"detail": "X-Twilio-Signature is missing or wrong"}, status_code=403)
        record = calls.get(str((await request.form()).get("CallSid", "")))
        if record is not None and record.handed_off and settings.agent_number:
            return twiml(f"<Dial>{escape(settings.agent_number)}</Dial>")
        return twiml("<Hangup/>")

    @router.websocket("/stream")
    async def stream(ws: WebSocket) -> None:
        if settings.twilio_auth_token and not valid_signature(
                settings.twilio_auth_token, signed_url(str(ws.url), settings), {},
                ws.headers.get("x-twilio-signature")):
            await ws.close(POLICY, "X-Twilio-Signature is missing or wrong")
            return
        await ws.accept()
        await serve_stream(ws, calls)

    return router


async def serve_stream(ws: WebSocket, calls: CallRegistry) -> None:
    """One call, from `start` to `stop`; whatever goes wrong ends this call only."""
    playback: Optional[TwilioPlayback] = None
    session: Optional[VoiceSession] = None
    record: Optional[CallRecord] = None
    upsample = StreamResampler(TELEPHONE_RATE, SAMPLE_RATE)  # the caller's frames, as one signal
    try:
        while True:
            message = parse_message(await _receive(ws))
            event = message["event"]
            if event == "start":
                if session is not None:
                    raise ProtocolError("a second 'start' on the same stream")
                start = message.get("start") or {}
                check_format(start.get("mediaFormat"))
                call_sid = str(start.get("callSid") or message.get("streamSid") or "")
                if not call_sid:
                    raise ProtocolError("'start' names no callSid")
                if call_sid.startswith(VOICE_TURN_PREFIX):  # /v1/voice-turn's namespace, never a call's
                    raise ProtocolError(f"callSid {call_sid!r} is not a Twilio call sid")
                record = calls.open(call_sid, "twilio")
                if record is None:
                    await ws.close(TRY_LATER, "too many calls at once; try again later")
                    return
                playback = TwilioPlayback(ws, str(start.get("streamSid") or message.get("streamSid") or ""))
                token = (start.get("customParameters") or {}).get(CUSTOMER_TOKEN_PARAMETER)
                session = playback.session = calls.session(record, playback, token)
                await session.start()
            elif event == "stop":
                if session is not None:
                    await session.close("caller hung up")
                await ws.close(1000)
                return
            elif event in ("media", "dtmf", "mark") and session is None:
                raise ProtocolError(f"'{event}' before 'start'")
            elif event == "media":
                media = message.get("media") if isinstance(message.get("media"), dict) else {}
                if (media.get("track") or "inbound") == "inbound":
                    session.audio(upsample(decode_media(media.get("payload"))))
            elif event == "dtmf":
                session.dtmf(str((message.get("dtmf") or {}).get("digit", "")))
            elif event == "mark":
                playback.mark_returned(str((message.get("mark") or {}).get("name", "")))
            # "connected" and anything newer Twilio adds: nothing to do
    except WebSocketDisconnect:
        pass
    except ProtocolError as exc:
        log.warning("twilio stream refused: %s", exc)
        if record is not None:
            record.error = str(exc)
        await close_quietly(ws, exc.code, str(exc))
    except Exception as exc:
        log.exception("twilio stream failed")
        if record is not None:
            record.error = f"{type(exc).__name__}: {exc}"
        await close_quietly(ws, INTERNAL, "the call failed on our side")
    finally:
        if session is not None:
            await session.close("stream closed")
        if record is not None:
            calls.finish(record)


async def _receive(ws: WebSocket) -> str:
    try:
        return await ws.receive_text()
    except RuntimeError:
        if ws.application_state == WebSocketState.DISCONNECTED:  # the session hung up
            raise WebSocketDisconnect(1000) from None
        raise
    except KeyError:  # a binary frame: receive_text finds no "text"
        raise ProtocolError("a binary frame: Media Streams messages are JSON text") from None
