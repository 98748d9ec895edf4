"""Keep customers' words out of the Rasa process's logs at INFO and above.

Rasa logs the message text itself in a few places, e.g. its HTTP interpreter when the NLU
service fails (`http.parse.text.exception`, with `text=`). We do not patch Rasa: a logging
filter on the root handlers rewrites each record before it is written. Rasa renders its
structlog events as JSON (or `key=value` pairs on a terminal); the filter withholds the keys
that carry conversation text and then redacts personal data from whatever is left.
DEBUG records are left alone: debug logging is a developer's explicit choice.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from contracts.redaction import redact

# Keys under which Rasa's structlog events carry what the customer or the bot said.
TEXT_KEYS = frozenset({
    "text", "response_text", "user_text", "message", "user_message", "json_message", "parse_data_text",
    "parse_data_entities", "tracker_latest_message", "slot_values", "rasa_event", "rasa_events",
    "prediction_events", "response", "entity", "token_text", "current_entity", "next_entity",
})
# Tracebacks rendered by structlog carry each frame's local variables: the request, the text.
WITHHELD_ANYWHERE = TEXT_KEYS | {"locals"}
WITHHELD = "[withheld]"
_KEY_VALUE = re.compile(r"\b(" + "|".join(sorted(TEXT_KEYS, key=len, reverse=True)) + r")=('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|\S+)")


def _withhold(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: (WITHHELD if k in WITHHELD_ANYWHERE else _withhold(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_withhold(v) for v in value]
    return redact(value) if isinstance(value, str) else value


def scrub(message: str) -> str:
    """A log line without conversation text: JSON events lose their text keys (at any depth) and
    their tracebacks' local variables, and what is left has its personal data redacted."""
    stripped = message.strip()
    if stripped.startswith("{"):
        try:
            event = json.loads(stripped)
        except ValueError:
            event = None
        if isinstance(event, dict):
            return json.dumps(_withhold(event))
    return redact(_KEY_VALUE.sub(lambda m: f"{m.group(1)}={WITHHELD}", message))


class MessageTextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.INFO:
            try:
                record.msg, record.args = scrub(record.getMessage()), ()
            except Exception:  # a log line must never break the server
                record.msg, record.args = "[log line withheld: could not be scrubbed]", ()
            if record.exc_info and record.exc_text is None:
                # tracebacks can quote the text too (exception messages); keep the type and place only
                record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
        return True


_FILTER = MessageTextFilter()


def install() -> None:
    """Attach the filter to every handler the root logger has (idempotent)."""
    for handler in logging.getLogger().handlers:
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)
