"""Limits every service applies the same way."""

from __future__ import annotations

# One message-length limit (characters) for every channel and the NLU: a longer message
# gets HTTP 413 before Rasa or the NLU sees it. Services read it as MAX_MESSAGE_CHARS.
DEFAULT_MAX_MESSAGE_CHARS = 2000
MAX_MESSAGE_CHARS_ENV = "MAX_MESSAGE_CHARS"

# Sender ids are chosen by the client; a bound keeps keys and logs sane.
MAX_SENDER_CHARS = 128
