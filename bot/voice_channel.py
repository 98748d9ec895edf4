"""The channel the speech service talks to: callers reach the same bot as the website.

`POST /webhooks/voice/webhook` with `Authorization: Bearer <VOICE_CHANNEL_TOKEN>` and the
REST body (`{"sender": call id, "message", "metadata"}`). It sits on Rasa's public port, so
the internal token keeps customers from posting as callers. Its output channel is named
`voice`: Rasa picks `channel: voice` response variations by that name.

The answer carries what the call needs beyond the replies' text:
`{"messages": [...], "handed_off": bool, "end_call": bool}`: `handed_off` when the
conversation waits for a person (the telephony side transfers the call), `end_call` when a
reply asked to hang up (custom payload `{"end_call": true}`, e.g. after repeated silence).
"""

from __future__ import annotations

import hmac
from asyncio import CancelledError
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

import structlog
from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import BadRequest, identify, parse_body
from bot.settings import BotSettings

structlogger = structlog.get_logger()

VOICE = "voice"
HANDOFF_SLOT = "handoff_queued"


class VoiceOutput(CollectingOutputChannel):
    @classmethod
    def name(cls) -> Text:
        return VOICE


def asks_to_end_call(messages: List[Dict[str, Any]]) -> bool:
    """Whether a reply asked to end the call."""
    return any(isinstance(m.get("custom"), dict) and m["custom"].get("end_call") is True for m in messages)


def authorised(header: Optional[str], token: str) -> bool:
    scheme, _, given = (header or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


class VoiceInput(InputChannel):
    def __init__(self, settings: Optional[BotSettings] = None) -> None:
        self.settings = (settings or BotSettings()).checked_secrets().checked_voice_token()

    @classmethod
    def name(cls) -> Text:
        return VOICE

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "VoiceInput":
        return cls()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not authorised(request.headers.get("authorization"), self.settings.voice_channel_token):
                return response.json({"error": "the voice channel is internal: a valid bearer token is required"},
                                     status=401)
            try:
                body = parse_body(request.body or b"", self.settings.max_message_chars, signals_allowed=True)
            except BadRequest as exc:
                return response.json({"error": str(exc)}, status=exc.status)
            metadata = {**identify(body["sender"], body["metadata"], self.settings), "channel": VOICE}
            collector = VoiceOutput()
            try:
                await on_new_message(UserMessage(body["message"], collector, body["sender"],
                                                 input_channel=VOICE, metadata=metadata))
            except CancelledError:
                structlogger.error("voice.message.timeout", sender_id=body["sender"])
            except Exception:
                structlogger.exception("voice.message.failure", sender_id=body["sender"])  # never the text
                return response.json({"error": "the assistant failed on this message; please try again"}, status=500)
            tracker = await request.app.ctx.agent.tracker_store.retrieve(body["sender"])
            handed_off = bool(tracker and tracker.get_slot(HANDOFF_SLOT))
            return response.json({"messages": collector.messages, "handed_off": handed_off,
                                  "end_call": asks_to_end_call(collector.messages)})

        return webhook
