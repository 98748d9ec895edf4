"""What the WebSocket transports share: reading JSON control messages, closing with a reason."""

from __future__ import annotations

import json
from typing import Any

from fastapi import WebSocket


def json_message(text: str, kind_key: str, error: type[ValueError], what: str = "a message") -> dict[str, Any]:
    """`text` as a JSON object naming its kind under `kind_key`; `error` saying what is wrong otherwise."""
    try:
        message = json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"{what} is not JSON ({exc.msg})") from None
    if not isinstance(message, dict) or not isinstance(message.get(kind_key), str):
        raise error(f"{what} must be a JSON object with a '{kind_key}'")
    return message


async def close_quietly(ws: WebSocket, code: int, reason: str) -> None:
    """Close with a code and reason; a socket already closed is left alone."""
    try:
        await ws.close(code, reason[:120])  # a close reason is at most 123 bytes
    except RuntimeError:
        pass
