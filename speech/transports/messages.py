"""JSON control messages, as the WebSocket transports receive them."""

from __future__ import annotations

import json
from typing import Any


def json_message(text: str, kind_key: str, error: type[ValueError], what: str = "a message") -> dict[str, Any]:
    """`text` as a JSON object naming its kind under `kind_key`; `error` saying what is wrong otherwise."""
    try:
        message = json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"{what} is not JSON ({exc.msg})") from None
    if not isinstance(message, dict) or not isinstance(message.get(kind_key), str):
        raise error(f"{what} must be a JSON object with a '{kind_key}'")
    return message
