"""Rasa's events into a Redis stream for the voice-of-the-customer worker (voc/).

Loaded by Rasa from endpoints.yml (`event_broker: {type: bot.event_broker.RedisStreamBroker}`,
written by bot.serving_config). Before an event leaves the Rasa process:
- user and bot text (and string slot and entity values) are redacted with the shared module;
- metadata keeps only what analytics may read (channel, call id); the customer token and the
  identity claim never leave: a valid claim becomes the bare customer id, for counting unique
  customers (the worker pseudonymises it); so does a caller's claim in the verification slot,
  and that caller's later messages carry the id (remembered in this process: after a restart
  of Rasa, a verified call's further messages count by conversation);
- each event gets a `uid`, so a batch re-sent after a lost reply is counted once.

`publish` never blocks Rasa's event loop: events go to an in-memory queue that a background
task writes in batches. While Redis is down the queue holds up to `max_queue` events and is
written on reconnection and at shutdown; past that the oldest are dropped, counted and logged.
The stream is trimmed by age (MINID), never by length: a stopped worker loses nothing younger.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections import OrderedDict, deque
from typing import Any, Deque, Dict, Optional, Text

import structlog
from rasa.core.brokers.broker import EventBroker
from rasa.utils.endpoints import EndpointConfig
from redis import asyncio as aioredis
from redis.exceptions import RedisError

from bot.settings import BotSettings
from contracts.identity import IDENTITY_CLAIM_KEY, verify_identity_claim
from contracts.redaction import redact
from contracts.redis_keys import DEFAULT_VOC_STREAM_RETENTION_SECONDS, VOC_EVENTS

structlogger = structlog.get_logger()

KEPT_METADATA = ("channel", "call_id")
CLIENT_NAME = "voc-broker"  # how the connection shows in CLIENT LIST
CLAIM_SLOTS = frozenset({"verified_identity"})  # slots that hold identity claims: never copied
KNOWN_SENDERS = 10_000  # conversations whose verified customer is remembered for the assistant's replies
CUSTOMER_ID_KEY = "customer_id"
BATCH = 500
RETRY_SECONDS = (0.1, 0.5, 1.0, 2.0)


def stream_event(event: Dict[str, Any], claim_secret: str) -> Dict[str, Any]:
    """The event as it may leave the Rasa process (see the module docstring)."""
    out = dict(event)
    out["uid"] = uuid.uuid4().hex
    kind = out.get("event")
    if kind in ("user", "bot") and isinstance(out.get("text"), str):
        out["text"] = redact(out["text"])
    if kind == "user":
        parse = dict(out.get("parse_data") or {})
        if isinstance(parse.get("text"), str):
            parse["text"] = redact(parse["text"])
        parse["entities"] = [{**e, "value": redact(e["value"]) if isinstance(e.get("value"), str) else e.get("value")}
                             for e in parse.get("entities") or []]
        out["parse_data"] = parse
    caller = None
    if kind == "slot" and out.get("name") in CLAIM_SLOTS:
        # a caller's identity claim (actions.verification) stays in the tracker; the customer it
        # names goes on, so the caller's later messages count as that customer's
        caller = verify_identity_claim(out.get("value"), str(out.get("sender_id") or ""),
                                       claim_secret) if claim_secret else None
        out["value"] = None
    elif kind == "slot" and isinstance(out.get("value"), str):
        out["value"] = redact(out["value"])
    metadata = out.get("metadata") or {}
    if isinstance(metadata, dict):
        kept = {k: metadata[k] for k in KEPT_METADATA if k in metadata}
        customer = verify_identity_claim(metadata.get(IDENTITY_CLAIM_KEY), str(out.get("sender_id") or ""),
                                         claim_secret) if claim_secret else None
        if customer:
            kept[CUSTOMER_ID_KEY] = customer
        out["metadata"] = kept
    if caller:
        out["metadata"] = {**(out.get("metadata") or {}), CUSTOMER_ID_KEY: caller}
    if kind == "bot":
        out.pop("data", None)  # buttons and custom payloads: not analytics
    return out


def _remember(known: "OrderedDict[str, str]", sender: str, customer: str) -> None:
    known[sender] = customer
    known.move_to_end(sender)
    while len(known) > KNOWN_SENDERS:
        known.popitem(last=False)


class RedisStreamBroker(EventBroker):
    def __init__(self, redis_url: str, claim_secret: str, stream: str = VOC_EVENTS, max_queue: int = 100_000,
                 retention_seconds: int = DEFAULT_VOC_STREAM_RETENTION_SECONDS) -> None:
        self.redis = aioredis.Redis.from_url(redis_url, client_name=CLIENT_NAME)
        self.claim_secret = claim_secret
        self.stream = stream
        self.max_queue = max_queue
        self.retention_seconds = retention_seconds
        self.queue: Deque[Dict[str, str]] = deque()
        self.dropped = 0
        self.written = 0
        # sender -> verified customer id, so the assistant's replies carry it too: the VoC worker
        # redacts the customer's own name from them ("Hi Alice")
        self.customers: "OrderedDict[str, str]" = OrderedDict()
        # call id -> the customer a caller proved to be (a claim in a slot): their later messages
        # carry no claim of their own, yet are that customer's (unique customers, erasure)
        self.verified_callers: "OrderedDict[str, str]" = OrderedDict()
        self._wakeup: Optional[asyncio.Event] = None
        self._writer: Optional[asyncio.Task] = None

    @classmethod
    async def from_endpoint_config(cls, broker_config: EndpointConfig,
                                   event_loop: Optional[asyncio.AbstractEventLoop] = None) -> "RedisStreamBroker":
        settings = BotSettings().checked_secrets()
        kwargs = broker_config.kwargs or {}
        return cls(settings.redis_url, settings.identity_claim_secret,
                   max_queue=int(kwargs.get("max_queue", settings.voc_broker_max_queue)),
                   retention_seconds=int(kwargs.get("retention_seconds", settings.voc_stream_retention_seconds)))

    def publish(self, event: Dict[Text, Any]) -> None:
        out = stream_event(event, self.claim_secret)
        self._remember_customer(out)
        entry = {"event": json.dumps(out, separators=(",", ":"))}
        self._enqueue([entry], newest=True)
        if self._writer is None or self._writer.done():
            self._wakeup = asyncio.Event()
            self._writer = asyncio.get_event_loop().create_task(self._write_forever())
        assert self._wakeup is not None
        self._wakeup.set()

    def _remember_customer(self, out: Dict[str, Any]) -> None:
        sender = str(out.get("sender_id") or "")
        if out.get("event") == "slot" and out.get("name") in CLAIM_SLOTS:
            caller = (out.get("metadata") or {}).get(CUSTOMER_ID_KEY)
            if caller:
                _remember(self.verified_callers, sender, caller)
            else:  # the verification was reset
                self.verified_callers.pop(sender, None)
        elif out.get("event") == "user":
            customer = (out.get("metadata") or {}).get(CUSTOMER_ID_KEY)
            if not customer and sender in self.verified_callers:
                customer = self.verified_callers[sender]
                out["metadata"] = {**(out.get("metadata") or {}), CUSTOMER_ID_KEY: customer}
            if customer:
                _remember(self.customers, sender, customer)
        elif out.get("event") == "bot" and sender in self.customers:
            out["metadata"] = {**(out.get("metadata") or {}), CUSTOMER_ID_KEY: self.customers[sender]}

    def _enqueue(self, entries: list, newest: bool) -> None:
        if newest:
            self.queue.extend(entries)
        else:  # a batch that failed goes back to the front, in order
            self.queue.extendleft(reversed(entries))
        over = len(self.queue) - self.max_queue
        if over > 0:
            for _ in range(over):
                self.queue.popleft()
            self.dropped += over
            structlogger.warning("voc.broker.queue_full", dropped_now=over, dropped_total=self.dropped,
                                 max_queue=self.max_queue)

    async def _write_batch(self) -> None:
        batch = [self.queue.popleft() for _ in range(min(BATCH, len(self.queue)))]
        min_id = f"{int((time.time() - self.retention_seconds) * 1000)}-0"
        try:
            async with self.redis.pipeline(transaction=True) as pipe:
                for entry in batch:
                    pipe.xadd(self.stream, entry, minid=min_id, approximate=False)
                await pipe.execute()
            self.written += len(batch)
        except BaseException:  # Redis gone, or cancelled at shutdown: the batch is not lost
            self._enqueue(batch, newest=False)
            raise

    async def _write_forever(self) -> None:
        failures = 0
        while True:
            if not self.queue:
                assert self._wakeup is not None
                self._wakeup.clear()
                await self._wakeup.wait()
                continue
            try:
                await self._write_batch()
                if failures:
                    structlogger.info("voc.broker.reconnected", queued=len(self.queue))
                failures = 0
            except (RedisError, OSError) as exc:
                if failures == 0:
                    structlogger.warning("voc.broker.redis_unavailable", error=type(exc).__name__,
                                         queued=len(self.queue))
                await asyncio.sleep(RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)])
                failures += 1

    async def flush(self, timeout_s: float = 5.0) -> bool:
        """Write what is queued; False if Redis did not take it all in time."""
        deadline = time.monotonic() + timeout_s
        while self.queue and time.monotonic() < deadline:
            try:
                await self._write_batch()
            except (RedisError, OSError):
                await asyncio.sleep(0.2)
        return not self.queue

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.cancel()
        if not await self.flush():
            structlogger.error("voc.broker.unflushed_at_shutdown", lost=len(self.queue))
        await self.redis.close()
