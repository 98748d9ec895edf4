"""API tokens for analysts (read) and admins (taxonomy, promotions, erasure).

A token is minted by `python -m voc token create --role analyst --name dana` and shown once.
Redis keeps only its SHA-256 (`voc:token:{sha256}`) with the role, the name and the time it
was made, so a copy of the database gives no working token; `revoke` deletes it.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from typing import Optional

import redis

from contracts.redis_keys import voc_api_token

ANALYST, ADMIN = "analyst", "admin"
ROLES = (ANALYST, ADMIN)
PREFIX = "voc_"  # recognisable in a secrets scanner


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def mint(client: redis.Redis, role: str, name: str, days: Optional[int] = None) -> str:
    if role not in ROLES:
        raise ValueError(f"role is one of {', '.join(ROLES)}, not {role!r}")
    token = PREFIX + secrets.token_urlsafe(32)
    key = voc_api_token(digest(token))
    client.hset(key, mapping={"role": role, "name": name, "created": str(int(time.time()))})
    if days:
        client.expire(key, days * 86_400)
    return token


def revoke(client: redis.Redis, token: str) -> bool:
    return bool(client.delete(voc_api_token(digest(token))))


def holder(client: redis.Redis, token: str) -> Optional[tuple[str, str]]:
    """The token's (role, name); None for a token that was never minted, was revoked or expired."""
    if not token.startswith(PREFIX):
        return None
    found = client.hgetall(voc_api_token(digest(token)))
    return (found["role"], found.get("name", "")) if found.get("role") in ROLES else None



def allows(role: str, needed: str) -> bool:
    return role == ADMIN or role == needed
