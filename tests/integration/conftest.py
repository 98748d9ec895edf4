"""One real backend for the integration tests: throwaway redis-server, nlu, actions, rasa, tts, speech.

Started from the stack's service table like `make run`, on free ports, with a temporary run
folder (so its logs never mix with make run's), a random CUSTOMER_TOKEN_SECRET and no dev mode.
"""

from __future__ import annotations

import secrets
import uuid

import httpx
import pytest
import redis

from contracts.identity import CUSTOMER_TOKEN_KEY, issue_customer_token
from stack.environments import REPO
from stack.launcher import Stack
from stack.redis_server import free_port
from stack.services import free_ports
from stack.settings import StackSettings
from tools.demo import seed

SECRET = secrets.token_hex(32)
# the voice settings the call tests need (test_voice_calls.py): a signed Twilio, an agent to
# transfer to, short silences, few lines; no other service reads them
VOICE_TEST_ENV = {"TWILIO_AUTH_TOKEN": "twilio-test-auth-token-0123456789abcdef", "AGENT_NUMBER": "+15550100",
                  "NO_INPUT_SECONDS": "2", "NO_INPUT_REPROMPTS": "1", "MAX_CALLS": "3",
                  # the VoC test kills the worker: its restarted self takes over the entries sooner; and
                  # it waits for its conversations to end (quiet for 8 s, looked for every second)
                  "VOC_CLAIM_IDLE_MS": "2000", "VOC_CONVERSATION_IDLE_SECONDS": "8", "VOC_CLOSE_EVERY_SECONDS": "1"}


def token(customer_id: str, secret: str = SECRET, ttl: int = 3600) -> str:
    """What the shop's website does after its own login."""
    return issue_customer_token(customer_id, secret, ttl_seconds=ttl)


class Chat:
    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self.http = httpx.Client(timeout=60)

    def say(self, sender: str, text: str, customer_token: str | None = None) -> str:
        body = {"sender": sender, "message": text}
        if customer_token is not None:
            body["metadata"] = {CUSTOMER_TOKEN_KEY: customer_token}
        r = self.http.post(self.stack.webhook, json=body)
        assert r.status_code == 200, r.text
        return "\n".join(m.get("text", "") for m in r.json())

    def post_raw(self, content: bytes) -> httpx.Response:
        return self.http.post(self.stack.webhook, content=content, headers={"Content-Type": "application/json"})

    @staticmethod
    def new_sender() -> str:
        return f"test-{uuid.uuid4().hex[:10]}"


def stack_settings(run_dir, **overrides) -> StackSettings:
    """Settings for a test stack: free ports, its own run folder, nothing from make run's defaults
    that would reach outside (the environment's REDIS_URL, ACTION_SERVER_URL, DEV_MODE, ports)."""
    return StackSettings(**{"ports": dict(free_ports()), "audiosocket_port": free_port(), "run_dir": run_dir,
                            "dev_mode": False,
                            "bot_dir": REPO / "bot", "action_server_url": None, **overrides})


@pytest.fixture(scope="session")
def backend(redis_server, tmp_path_factory):
    stack = Stack(stack_settings(tmp_path_factory.mktemp("run"), redis_url=redis_server.url,
                                customer_token_secret=SECRET), extra_env=VOICE_TEST_ENV)
    # (the same variables reach every service; only speech, actions and voc read them)
    stack.prepare()
    client = redis.Redis.from_url(stack.redis_url)
    seed(client)
    client.close()
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
