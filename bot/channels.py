"""The REST channel customers' websites call, with the checks Rasa's own RestInput lacks.

Same URL and body as Rasa's REST channel (`POST /webhooks/rest/webhook`,
`{"sender", "message", "metadata"}`), but:
- malformed input gets a 4xx saying what was wrong (413 over MAX_MESSAGE_CHARS) before
  Rasa sees the text;
- the customer token in `metadata.customer_token` is verified here and never stored: the
  tracker gets an identity claim bound to the sender id instead (contracts.identity), and a
  claim a client wrote itself is dropped.
"""

from __future__ import annotations

import json
from asyncio import CancelledError
from typing import Any, Awaitable, Callable, Dict, Optional, Text

import structlog
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import action_responses, log_privacy
from bot.settings import BotSettings
from contracts.identity import (CUSTOMER_TOKEN_KEY, IDENTITY_CLAIM_KEY, issue_identity_claim,
                                verify_customer_token)
from contracts.limits import MAX_SENDER_CHARS
from contracts.signals import signal_in

# Rasa loads this module from credentials.yml after it configured logging: the earliest
# point at which our code runs inside the Rasa process.
log_privacy.install()
action_responses.install()  # a slow schema self-check per action call, done once instead

structlogger = structlog.get_logger()


class BadRequest(ValueError):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def parse_body(raw: bytes, max_chars: int, signals_allowed: bool = False) -> Dict[str, Any]:
    """Check a webhook body; returns {sender, message, metadata} or raises BadRequest."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest(400, "the request body is not valid UTF-8")
    try:
        body = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadRequest(400, f"the request body is not valid JSON ({exc.msg} at position {exc.pos})")
    if not isinstance(body, dict):
        raise BadRequest(400, "the request body must be a JSON object with 'sender' and 'message'")
    sender = body.get("sender")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        raise BadRequest(400, f"'sender' must be a non-empty string of at most {MAX_SENDER_CHARS} characters")
    message = body.get("message")
    if not isinstance(message, str):
        raise BadRequest(400, "'message' must be a string")
    if not message.strip():
        raise BadRequest(400, "'message' is empty: send the customer's text")
    if not signals_allowed and signal_in(message) is not None:
        raise BadRequest(400, f"{message.strip()!r} is a call event only the voice channel may send")
    if len(message) > max_chars:
        raise BadRequest(413, f"'message' is {len(message)} characters; the limit is {max_chars}")
    metadata = body.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise BadRequest(400, "'metadata' must be a JSON object")
    return {"sender": sender, "message": message, "metadata": metadata}


def identify(sender: str, metadata: Optional[Dict[str, Any]], settings: BotSettings) -> Dict[str, Any]:
    """The metadata Rasa may keep: the customer token swapped for an identity claim, or for nothing."""
    kept = {k: v for k, v in (metadata or {}).items() if k not in (CUSTOMER_TOKEN_KEY, IDENTITY_CLAIM_KEY)}
    customer = verify_customer_token((metadata or {}).get(CUSTOMER_TOKEN_KEY), settings.customer_token_secret)
    if customer is not None:
        kept[IDENTITY_CLAIM_KEY] = issue_identity_claim(customer, sender, settings.identity_claim_secret,
                                                        settings.identity_claim_ttl_seconds)
    return kept


class CustomerRestInput(RestInput):
    """The website's channel. Subclasses (the voice channel) change who may post, what the
    metadata adds and what the answer carries; the checks stay the same."""

    signals_allowed = False  # call events (contracts.signals) come only from the voice channel

    def __init__(self, settings: Optional[BotSettings] = None) -> None:
        # refuses to start (InsecureSecretError) with a missing, short or published secret
        self.settings = (settings or BotSettings()).checked_secrets()

    @classmethod
    def name(cls) -> Text:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "CustomerRestInput":
        return cls()

    def refusal(self, request: Request) -> Optional[HTTPResponse]:
        """A response refusing the request before its body is read, or None to go on."""
        return None

    def output(self) -> CollectingOutputChannel:
        return CollectingOutputChannel()

    def metadata(self, sender: str, given: Optional[Dict[str, Any]]) -> Dict[str, Any]:
        return identify(sender, given, self.settings)

    async def answer(self, request: Request, sender: str, collector: CollectingOutputChannel) -> HTTPResponse:
        return response.json(collector.messages)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            refused = self.refusal(request)
            if refused is not None:
                return refused
            try:
                body = parse_body(request.body or b"", self.settings.max_message_chars, self.signals_allowed)
            except BadRequest as exc:
                return response.json({"error": str(exc)}, status=exc.status)
            collector = self.output()
            try:
                await on_new_message(UserMessage(
                    body["message"], collector, body["sender"], input_channel=self.name(),
                    metadata=self.metadata(body["sender"], body["metadata"]),
                ))
            except CancelledError:
                structlogger.error(f"{self.name()}.message.timeout", sender_id=body["sender"])
            except Exception:
                # Never log the text: it may hold personal data.
                structlogger.exception(f"{self.name()}.message.failure", sender_id=body["sender"])
                return response.json({"error": "the assistant failed on this message; please try again"}, status=500)
            return await self.answer(request, body["sender"], collector)

        return webhook
