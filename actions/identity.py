"""Who the customer is: only what a signed token says, never what they type."""

from __future__ import annotations

import time
from typing import Any, Iterable, Optional

import jwt

TOKEN_KEY = "customer_token"
ALGORITHM = "HS256"


def verify_customer_token(token: Any, secret: str) -> Optional[str]:
    """The customer id in a valid, unexpired HS256 token; None for anything else."""
    if not isinstance(token, str) or not token:
        return None
    try:
        claims = jwt.decode(token, secret, algorithms=[ALGORITHM], options={"require": ["sub", "exp"]})
    except jwt.PyJWTError:
        return None
    sub = claims.get("sub")
    return sub if isinstance(sub, str) and sub else None


def issue_customer_token(customer_id: str, secret: str, ttl_seconds: int = 24 * 3600) -> str:
    """What the website or telephony platform does after its own login (demo and tests)."""
    now = int(time.time())
    return jwt.encode({"sub": customer_id, "iat": now, "exp": now + ttl_seconds}, secret, algorithm=ALGORITHM)


def token_from_events(events: Iterable[dict]) -> Any:
    """The token carried by the latest user message, or None.

    Only the latest message counts: the sender id is chosen by the client, so a token
    sent earlier in the conversation must not vouch for a message that came without one.
    """
    for event in reversed(list(events)):
        if event.get("event") == "user":
            return (event.get("metadata") or {}).get(TOKEN_KEY)
    return None
