"""Who the customer is, as it travels through the services, and the rules its secrets meet.

1. The website (or telephony platform) signs in the customer itself and sends a **customer
   token** with each message: an HS256 JWT, `sub` = customer id, `exp` required, signed
   with `CUSTOMER_TOKEN_SECRET`, which it shares with our channel only.
2. Our channel verifies it, never stores it, and passes on an **identity claim**: customer
   id, expiry and the sender id it is bound to, signed with `IDENTITY_CLAIM_SECRET`, which
   no client ever sees. The channel drops any claim a client wrote itself.
3. Actions (and later the VoC worker) accept only that claim, and only for the sender id it
   names: a claim copied into another conversation names nobody.
"""

from __future__ import annotations

import hmac
import time
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Optional

import jwt

CUSTOMER_TOKEN_KEY = "customer_token"  # metadata key the website sends the token under
IDENTITY_CLAIM_KEY = "identity"        # metadata key our channel writes the claim under
ALGORITHM = "HS256"
CLAIM_ISSUER = "careline-channel"
CLAIM_AUDIENCE = "careline-services"
DEFAULT_CLAIM_TTL_SECONDS = 3600

MIN_SECRET_CHARS = 32
# Values that were ever published as defaults: they protect nothing.
KNOWN_DEFAULT_SECRETS = frozenset({
    "dev-only-secret-change-me-in-production-0000", "secret", "changeme", "change-me",
})


class InsecureSecretError(ValueError):
    """A secret is missing, too short or a published default; the message says which and how to fix it."""


def require_secret(env_name: str, value: Optional[str], dev_mode: bool = False) -> str:
    """The secret to use, or InsecureSecretError outside dev mode.

    In dev mode (`DEV_MODE=true`, what `make run` sets) a missing secret becomes a
    dev-only value named after the variable, so every process of one machine agrees on it.
    """
    value = value or ""
    if len(value) >= MIN_SECRET_CHARS and value not in KNOWN_DEFAULT_SECRETS:
        return value
    if dev_mode:
        return value or f"dev-only-{env_name.lower()}-never-use-in-production"
    problem = ("is not set" if not value else "is a published default" if value in KNOWN_DEFAULT_SECRETS
               else f"is only {len(value)} characters")
    raise InsecureSecretError(
        f"{env_name} {problem}: set it to a random value of at least {MIN_SECRET_CHARS} characters "
        f"(e.g. `python3 -c 'import secrets; print(secrets.token_urlsafe(32))'`), "
        "or set DEV_MODE=true on a development machine")


@dataclass(frozen=True)
class VerifiedCustomer:
    customer_id: str
    expires_at: int


def verify_customer_token(token: Any, secret: str) -> Optional[VerifiedCustomer]:
    """The customer a valid, unexpired HS256 token names; None for anything else."""
    if not isinstance(token, str) or not token:
        return None
    try:
        claims = jwt.decode(token, secret, algorithms=[ALGORITHM], options={"require": ["sub", "exp"]})
    except jwt.PyJWTError:
        return None
    sub = claims.get("sub")
    return VerifiedCustomer(sub, int(claims["exp"])) if isinstance(sub, str) and sub else None


def issue_customer_token(customer_id: str, secret: str, ttl_seconds: int = 24 * 3600) -> str:
    """What the website does after its own login (demo data and tests)."""
    now = int(time.time())
    return jwt.encode({"sub": customer_id, "iat": now, "exp": now + ttl_seconds}, secret, algorithm=ALGORITHM)


def issue_identity_claim(customer: VerifiedCustomer, sender_id: str, secret: str,
                         ttl_seconds: int = DEFAULT_CLAIM_TTL_SECONDS) -> str:
    """The channel's word that this sender id is this customer, until the token or the claim expires."""
    now = int(time.time())
    return jwt.encode({"sub": customer.customer_id, "sid": sender_id, "iss": CLAIM_ISSUER, "aud": CLAIM_AUDIENCE,
                       "iat": now, "exp": min(customer.expires_at, now + ttl_seconds)}, secret, algorithm=ALGORITHM)


def verify_identity_claim(claim: Any, sender_id: str, secret: str) -> Optional[str]:
    """The customer id of a valid claim our channel issued for this very sender id; None otherwise."""
    if not isinstance(claim, str) or not claim:
        return None
    try:
        claims = jwt.decode(claim, secret, algorithms=[ALGORITHM], audience=CLAIM_AUDIENCE, issuer=CLAIM_ISSUER,
                            options={"require": ["sub", "sid", "exp", "iss", "aud"]})
    except jwt.PyJWTError:
        return None
    sub = claims.get("sub")
    if claims.get("sid") != sender_id or not isinstance(sub, str) or not sub:
        return None
    return sub


def claim_from_events(events: Iterable[Mapping[str, Any]]) -> Any:
    """The identity claim carried by the latest user message, or None.

    Only the latest message counts: sender ids are chosen by the client, so a claim given
    earlier in the conversation must not vouch for a message that came without a token.
    """
    for event in reversed(list(events)):
        if event.get("event") == "user":
            return (event.get("metadata") or {}).get(IDENTITY_CLAIM_KEY)
    return None


def bearer_matches(authorization: Optional[str], token: str) -> bool:
    """Whether an `Authorization` header carries `Bearer <token>` (compared in constant time)."""
    scheme, _, given = (authorization or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())
