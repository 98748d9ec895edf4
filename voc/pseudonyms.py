"""Pseudonyms: a keyed hash of a sender or customer id, so VoC data never holds the id itself.

The same id always gives the same pseudonym under one secret (counts of unique customers
hold across restarts); without the secret the id cannot be recovered or guessed from it.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache


@lru_cache(maxsize=65_536)  # the worker asks for the same conversation's pseudonym event after event
def pseudonym(secret: str, kind: str, value: str) -> str:
    return hmac.new(secret.encode(), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()[:20]


def conversation(secret: str, sender_id: str) -> str:
    return "c-" + pseudonym(secret, "conversation", sender_id)


def customer(secret: str, customer_id: str) -> str:
    return "u-" + pseudonym(secret, "customer", customer_id)
