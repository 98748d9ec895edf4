"""The channel the speech service talks to: callers reach the same bot as the website.

`POST /webhooks/voice/webhook` with `Authorization: Bearer <VOICE_CHANNEL_TOKEN>` and the
REST body (`{"sender": call id, "message", "metadata"}`). It sits on Rasa's public port, so
the internal token keeps customers from posting as callers. Its output channel is named
`voice`: Rasa picks `channel: voice` response variations by that name.

The answer carries what the call needs beyond the replies' text:
`{"messages": [...], "handed_off": bool, "end_call": bool, "expect": str | null}`: `handed_off`
when the conversation waits for a person (the telephony side transfers the call), `end_call`
when a reply asked to hang up (custom payload `{"end_call": true}`, e.g. after repeated
silence), `expect` "digits" when the assistant has just asked for digits (the last four of
the caller's phone number), so the recogniser also tries its digits vocabulary.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import CustomerRestInput
from bot.settings import BotSettings
from contracts.identity import bearer_matches as authorised

VOICE = "voice"
HANDOFF_SLOT = "handoff_queued"
# slots that, while set, mean the assistant waits for digits (actions.verification.VERIFYING_SLOT)
DIGIT_SLOTS = ("verifying_caller",)


class VoiceOutput(CollectingOutputChannel):
    @classmethod
    def name(cls) -> Text:
        return VOICE


def asks_to_end_call(messages: List[Dict[str, Any]]) -> bool:
    """Whether a reply asked to end the call."""
    return any(isinstance(m.get("custom"), dict) and m["custom"].get("end_call") is True for m in messages)


def expected_vocabulary(slots: Dict[str, Any]) -> Optional[str]:
    """The recogniser vocabulary the caller's next answer calls for, or None for any words."""
    return "digits" if any(slots.get(name) for name in DIGIT_SLOTS) else None


class VoiceInput(CustomerRestInput):
    signals_allowed = True

    def __init__(self, settings: Optional[BotSettings] = None) -> None:
        self.settings = (settings or BotSettings()).checked_secrets().checked_voice_token()

    @classmethod
    def name(cls) -> Text:
        return VOICE

    def refusal(self, request: Request) -> Optional[HTTPResponse]:
        if authorised(request.headers.get("authorization"), self.settings.voice_channel_token):
            return None
        return response.json({"error": "the voice channel is internal: a valid bearer token is required"}, status=401)

    def output(self) -> CollectingOutputChannel:
        return VoiceOutput()

    def metadata(self, sender: str, given: Optional[Dict[str, Any]]) -> Dict[str, Any]:
        return {**super().metadata(sender, given), "channel": VOICE}

    async def answer(self, request: Request, sender: str, collector: CollectingOutputChannel) -> HTTPResponse:
        tracker = await request.app.ctx.agent.tracker_store.retrieve(sender)
        slots = tracker.current_slot_values() if tracker else {}
        return response.json({"messages": collector.messages,
                              "handed_off": bool(slots.get(HANDOFF_SLOT)),
                              "end_call": asks_to_end_call(collector.messages),
                              "expect": expected_vocabulary(slots)})
