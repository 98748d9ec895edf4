"""Call the assistant without a phone: `python -m tools.call "where is my order?" "ORD-10001"`.

Each line is spoken by the TTS service (Piper) and streamed over the Twilio Media Streams
WebSocket exactly as Twilio would stream a caller; what the assistant says back is
transcribed by the speech service, so you read both sides of the call. A line starting
with `#` presses keys instead (`#0` for a person, `#45712#` to key in digits).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import time

import httpx
import soundfile

from contracts.ports import DEFAULT_PORTS
from speech.g711 import TELEPHONE_RATE, ulaw_decode
from tools.twilio_caller import TwilioCaller


def spoken(tts_url: str, text: str):
    r = httpx.post(f"{tts_url}/synthesize", json={"text": text}, timeout=30)
    r.raise_for_status()
    return soundfile.read(io.BytesIO(r.content), dtype="float32")


def heard(speech_url: str, codes: bytes) -> str:
    """The assistant's reply, as Whisper hears it on the line."""
    if not codes:
        return "(silence)"
    wav = io.BytesIO()
    soundfile.write(wav, ulaw_decode(codes), TELEPHONE_RATE, format="WAV", subtype="PCM_16")
    r = httpx.post(f"{speech_url}/v1/transcribe", content=wav.getvalue(), headers={"Content-Type": "audio/wav"},
                   timeout=60)
    return r.json().get("text") or "(nothing intelligible)"


async def call(args: argparse.Namespace) -> None:
    stream = args.speech_url.replace("http://", "ws://").replace("https://", "wss://") + "/v1/twilio/stream"
    params = {"customer_token": args.token} if args.token else {}
    async with TwilioCaller(stream, custom_parameters=params) as caller:
        print(f"calling {stream} as {caller.call_sid}{' (with a customer token)' if args.token else ''}")
        first, audio = await caller.reply_after(time.monotonic(), timeout=30)
        print(f"assistant> {heard(args.speech_url, audio)}")
        await caller.until_played(first or time.monotonic(), audio)
        for line in args.lines:
            if caller.heard.closed:
                break
            if line.startswith("#"):
                print(f"caller presses {line[1:]}")
                for key in line[1:]:
                    await caller.press(key)
                ended = time.monotonic()
            else:
                print(f"caller> {line}")
                ended = await caller.say(*spoken(args.tts_url, line))
            first, audio = await caller.reply_after(ended, timeout=30)
            if first is None:
                print("(no answer)")
                continue
            print(f"assistant ({(first - ended) * 1000:.0f} ms)> {heard(args.speech_url, audio)}")
            await caller.until_played(first, audio)
        if caller.heard.closed:
            print(f"(the assistant ended the call: {caller.heard.closed})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lines", nargs="*", help="what the caller says, in order; '#0' presses keys")
    parser.add_argument("--speech-url", default=f"http://127.0.0.1:{DEFAULT_PORTS['speech']}")
    parser.add_argument("--tts-url", default=f"http://127.0.0.1:{DEFAULT_PORTS['tts']}")
    parser.add_argument("--token", help="a customer token, as an IVR that verified the caller would pass it")
    asyncio.run(call(parser.parse_args()))


if __name__ == "__main__":
    main()
