"""The endpoints and credentials files `rasa run` serves with, written from BotSettings.

`python -m bot.serving_config --out DIR` writes DIR/endpoints.yml and DIR/credentials.yml.
The stack and the rasa container call it before `rasa run`, for our bot and for any
project in BOT_DIR alike, so every project gets our NLU, our Redis tracker and lock stores
and our channel, whatever its own endpoints.yml says. REDIS_URL is split here and only here.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any, Dict
from urllib.parse import unquote, urlparse

import yaml

from bot.settings import BotSettings
from contracts.ports import DEFAULT_PORTS
from contracts.redis_keys import RASA_KEY_PREFIX

CHANNEL = "bot.channels.CustomerRestInput"
VOICE_CHANNEL = "bot.voice_channel.VoiceInput"
EVENT_BROKER = "bot.event_broker.RedisStreamBroker"


def redis_store(redis_url: str) -> Dict[str, Any]:
    """Rasa's tracker and lock stores take host, port, db and password apart."""
    u = urlparse(redis_url)
    if u.scheme not in ("redis", "rediss"):
        raise ValueError(f"REDIS_URL must start with redis:// or rediss://, got {u.scheme or 'no scheme'}")
    store: Dict[str, Any] = {
        "type": "redis",
        "url": u.hostname or "127.0.0.1",
        "port": u.port or DEFAULT_PORTS["redis"],
        "db": int((u.path or "/0").lstrip("/") or 0),
        "key_prefix": RASA_KEY_PREFIX,
    }
    if u.username:
        store["username"] = unquote(u.username)
    if u.password:
        store["password"] = unquote(u.password)
    if u.scheme == "rediss":
        store["use_ssl"] = True
    return store


def endpoints(settings: BotSettings) -> Dict[str, Any]:
    return {
        "nlu": {"url": settings.nlu_url},
        "action_endpoint": {"url": settings.action_endpoint_url},
        "tracker_store": {**redis_store(settings.redis_url), "record_exp": settings.tracker_retention_seconds},
        "lock_store": redis_store(settings.redis_url),
        # Redis URL and secrets come from the environment, not from this file
        "event_broker": {"type": EVENT_BROKER},
    }


def credentials() -> Dict[str, Any]:
    # Only our channels: they enforce the message limit and turn customer tokens into claims;
    # the voice channel also wants the speech service's internal token.
    return {CHANNEL: None, VOICE_CHANNEL: None}


def write(out: Path, settings: BotSettings) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = out / "endpoints.yml", out / "credentials.yml"
    for path, content in zip(paths, (endpoints(settings), credentials())):
        # the endpoints hold the Redis password: readable by this user only
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write("# Written by `python -m bot.serving_config`; edits are overwritten at the next start.\n")
            yaml.safe_dump(content, f, sort_keys=False)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write endpoints.yml and credentials.yml to")
    args = parser.parse_args()
    for path in write(args.out, BotSettings()):
        print(path)


if __name__ == "__main__":
    main()
