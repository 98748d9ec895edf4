"""Who is calling, when no platform vouched for the caller: a short check in the conversation.

A caller id alone never identifies anyone. An anonymous voice caller asking about an order is
asked for the last four digits of the phone number on the account that placed it; when they
match, the conversation gets an identity claim exactly like a signed-in chat's (signed with
IDENTITY_CLAIM_SECRET, bound to this call's sender id), kept in a slot. Only messages that
came through the voice channel may use that slot: its sender ids are call ids the telephony
platform chose, which the website channel cannot post as.
"""

from __future__ import annotations

import re
import time
from typing import Any, Iterable, Mapping, Optional

import redis

from actions.profiles import Customer, ProfileStore, normalise_order_id
from contracts.identity import VerifiedCustomer, issue_identity_claim, verify_identity_claim
from contracts.redaction import SPOKEN_DIGITS

VERIFIED_SLOT = "verified_identity"
VERIFYING_SLOT = "verifying_caller"
ORDER_SLOT = "verification_order"
ATTEMPTS_SLOT = "verification_attempts"
MAX_ATTEMPTS = 2
VOICE = "voice"
_TOKENS = re.compile(r"[a-z]+|\d", re.IGNORECASE)


def last_four(text: str) -> Optional[str]:
    """The four digits a caller said or typed ("4 5 6 7", "four five six seven", "it's 4567")."""
    digits = "".join(SPOKEN_DIGITS.get(t.lower(), t if t.isdigit() else "") for t in _TOKENS.findall(text))
    return digits[-4:] if len(digits) >= 4 else None


def owner_of(client: redis.Redis, order_id: str) -> Optional[Customer]:
    """The customer whose profile holds this order (ProfileStore.customers: a scan, fine for the
    demo's handful; a CRM-backed deployment looks the order up in its own index instead)."""
    wanted = normalise_order_id(order_id)
    return next((c for c in ProfileStore(client).customers() if any(o.order_id == wanted for o in c.orders)), None)


def matches(customer: Customer, digits: str) -> bool:
    phone = re.sub(r"\D", "", customer.phone or "")
    return len(phone) >= 4 and phone.endswith(digits)


def claim_for(customer: Customer, sender_id: str, secret: str, ttl_seconds: int) -> str:
    return issue_identity_claim(VerifiedCustomer(customer.customer_id, int(time.time()) + ttl_seconds),
                                sender_id, secret, ttl_seconds)


def on_voice(events: Iterable[Mapping[str, Any]]) -> bool:
    """Whether the latest message came through the voice channel."""
    for event in reversed(list(events)):
        if event.get("event") == "user":
            return event.get("input_channel") == VOICE
    return False


def verified_customer_id(slots: Mapping[str, Any], events: Iterable[Mapping[str, Any]], sender_id: str,
                         secret: str) -> Optional[str]:
    """The customer a caller verified in this call, for a message that came by voice; else None."""
    claim = slots.get(VERIFIED_SLOT)
    if not claim or not on_voice(events):
        return None
    return verify_identity_claim(claim, sender_id, secret)
