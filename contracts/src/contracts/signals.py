"""Call events the voice channel sends Rasa as intents, so the dialogue (and the analytics) see them.

A call has moments with no words: it connects, the caller stays silent, the recogniser
cannot make out what was said. The speech service sends each as Rasa's intent syntax
(`/no_input`); the NLU service answers these exact texts with the intent itself, and only
the voice channel accepts them (a website customer typing `/no_input` gets a 400).
"""

from __future__ import annotations

from typing import Optional

CALL_CONNECTED = "call_connected"  # the assistant speaks first: the greeting
NO_INPUT = "no_input"              # the caller said nothing for the no-input time
NOT_UNDERSTOOD = "not_understood"  # speech that could not be transcribed reliably

SIGNALS = frozenset({CALL_CONNECTED, NO_INPUT, NOT_UNDERSTOOD})
PREFIX = "/"


def signal_text(name: str) -> str:
    if name not in SIGNALS:
        raise ValueError(f"{name!r} is not a call signal ({', '.join(sorted(SIGNALS))})")
    return PREFIX + name


def signal_in(text: str) -> Optional[str]:
    """The signal a message is, or None for a customer's words."""
    stripped = text.strip()
    name = stripped[len(PREFIX):] if stripped.startswith(PREFIX) else ""
    return name if name in SIGNALS else None
