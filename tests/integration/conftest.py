"""One real backend for the integration tests: throwaway redis-server, nlu, actions, rasa."""

from __future__ import annotations

import os
import secrets
import subprocess
import time
import uuid

import httpx
import jwt
import pytest
import redis

from stack.redis_server import free_port
from stack.services import RASA_VENV, REPO, Ports, Stack

SECRET = secrets.token_hex(32)


def token(customer_id: str, secret: str = SECRET, ttl: int = 3600) -> str:
    """What the shop's website does after its own login."""
    now = int(time.time())
    return jwt.encode({"sub": customer_id, "iat": now, "exp": now + ttl}, secret, algorithm="HS256")


class Chat:
    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self.http = httpx.Client(timeout=60)

    def say(self, sender: str, text: str, customer_token: str | None = None) -> str:
        body = {"sender": sender, "message": text}
        if customer_token is not None:
            body["metadata"] = {"customer_token": customer_token}
        r = self.http.post(self.stack.webhook, json=body)
        assert r.status_code == 200, r.text
        return "\n".join(m.get("text", "") for m in r.json())

    def post_raw(self, content: bytes) -> httpx.Response:
        return self.http.post(self.stack.webhook, content=content, headers={"Content-Type": "application/json"})

    @staticmethod
    def new_sender() -> str:
        return f"test-{uuid.uuid4().hex[:10]}"


@pytest.fixture(scope="session")
def backend(redis_server):
    ports = Ports(rasa=free_port(), nlu=free_port(), actions=free_port())
    stack = Stack(redis_server.url, ports, {"CUSTOMER_TOKEN_SECRET": SECRET})
    stack.prepare()
    subprocess.run([str(RASA_VENV / "python"), "-m", "actions.demo", "seed"], cwd=REPO,
                   env={**os.environ, **stack.env}, check=True, capture_output=True)
    try:
        stack.start()
        yield stack
    finally:
        stack.stop()


@pytest.fixture(scope="session")
def chat(backend) -> Chat:
    return Chat(backend)


@pytest.fixture
def backend_redis(backend, redis_server):
    client = redis.Redis.from_url(redis_server.url, decode_responses=True)
    yield client
    client.close()
