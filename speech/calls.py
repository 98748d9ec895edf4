"""The calls this process serves: how many at once, and what became of each.

A bounded number of calls run at once (MAX_CALLS): past it a call is refused cleanly rather
than making every caller wait. Finished calls' records (timings, hand-off, no words) are
kept for a while, so the telephony side can ask what to do next (transfer or hang up) and
`make bench-voice` can read the timings.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Callable, Optional

from speech.voice.session import CallRecord, Transport, VoiceParts, VoiceSession

KEEP_FINISHED = 1000
KEEP_SECONDS = 3600.0
# /v1/voice-turn conversations are named by whoever posts them, so their Rasa sender ids live in a
# namespace no call id is in (a Twilio CallSid, an AudioSocket UUID, `web-…`): otherwise anyone who
# knows a live call's id could speak into that call and ride the identity its caller proved
VOICE_TURN_PREFIX = "turn-"


def voice_turn_sender(conversation_id: str) -> str:
    """The Rasa sender id of a /v1/voice-turn conversation."""
    return VOICE_TURN_PREFIX + conversation_id


class CallRegistry:
    def __init__(self, max_calls: int, parts: Callable[[], VoiceParts]) -> None:
        self.max_calls = max_calls
        self._parts = parts  # resolved on first call: the engines load at startup, after the routes
        self._active: dict[str, CallRecord] = {}
        self._finished: OrderedDict[str, tuple[float, CallRecord]] = OrderedDict()

    @property
    def full(self) -> bool:
        return len(self._active) >= self.max_calls

    @property
    def active(self) -> int:
        return len(self._active)

    def open(self, call_id: str, transport: str) -> Optional[CallRecord]:
        """A record for a new call, or None when the limit is reached (or the id is in use)."""
        if self.full or call_id in self._active:
            return None
        record = self._active[call_id] = CallRecord(call_id, transport)
        return record

    def session(self, record: CallRecord, transport: Transport, customer_token: Optional[str]) -> VoiceSession:
        return VoiceSession(record, transport, self._parts(), customer_token)

    def finish(self, record: CallRecord) -> None:
        self._active.pop(record.call_id, None)
        self._finished[record.call_id] = (time.monotonic(), record)
        self._finished.move_to_end(record.call_id)
        cutoff = time.monotonic() - KEEP_SECONDS
        while self._finished and (len(self._finished) > KEEP_FINISHED or next(iter(self._finished.values()))[0] < cutoff):
            self._finished.popitem(last=False)

    def get(self, call_id: str) -> Optional[CallRecord]:
        if call_id in self._active:
            return self._active[call_id]
        found = self._finished.get(call_id)
        return found[1] if found else None
