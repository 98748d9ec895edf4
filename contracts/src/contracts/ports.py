"""The default port of each service: the one place a port number is written down.

The stack's service table, docker-compose.yml (checked by a test) and every client take
their defaults from here; a deployment overrides them through each service's settings.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

DEFAULT_PORTS: Mapping[str, int] = MappingProxyType({
    "rasa": 5005,      # dialogue: customer-facing channels (REST webhook) + token-protected HTTP API
    "nlu": 5006,       # internal: Rasa's NLU-server API (POST /model/parse)
    "speech": 5007,    # telephony transports (Twilio Media Streams) + internal ASR (POST /v1/transcribe)
    "voc": 5008,       # internal: the VoC worker's process (health, stream lag); analysts' API and console to come
    "tts": 5009,       # internal: piper-tts's own HTTP server (GPL-3.0, its own process)
    "actions": 5055,   # internal: rasa_sdk action server (POST /webhook)
    "redis": 6379,     # internal: trackers, locks, profiles, hand-off queue
})

# The speech service's second listener: Asterisk AudioSocket (TCP), not a service of its own.
DEFAULT_AUDIOSOCKET_PORT = 9092
