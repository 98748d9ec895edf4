"""A small interactive shell for typing to the assistant: `python -m tools.chat`."""

from __future__ import annotations

import argparse
import uuid

import httpx

from contracts.identity import CUSTOMER_TOKEN_KEY
from contracts.ports import DEFAULT_PORTS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default=f"http://127.0.0.1:{DEFAULT_PORTS['rasa']}/webhooks/rest/webhook")
    parser.add_argument("--token", help="a customer token (JWT) to chat as that customer")
    parser.add_argument("--sender", default=f"shell-{uuid.uuid4().hex[:8]}")
    args = parser.parse_args()
    metadata = {CUSTOMER_TOKEN_KEY: args.token} if args.token else {}
    print(f"Chatting as {args.sender}{' (signed in)' if args.token else ''}. Ctrl-D or /quit to leave.")
    while True:
        try:
            text = input("you> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return
        if text in ("/quit", "/exit"):
            return
        if not text:
            continue
        try:
            r = httpx.post(args.url, json={"sender": args.sender, "message": text, "metadata": metadata}, timeout=30)
        except httpx.HTTPError as exc:
            print(f"(cannot reach the assistant at {args.url}: {exc})")
            continue
        if r.status_code != 200:
            print(f"(error {r.status_code}: {r.json().get('error', r.text)})")
            continue
        for m in r.json():
            print("bot>", m.get("text") or m)


if __name__ == "__main__":
    main()
