"""The doors an attacker tried, closed: Rasa's API, stored tokens, forged claims, text in logs, retention."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import httpx
import jwt

from contracts import redis_keys
from contracts.identity import IDENTITY_CLAIM_KEY
from tests.integration.conftest import token

REPO = Path(__file__).resolve().parents[2]
ALICE = "C1001"
CARD = "4111 1111 1111 1111"
EMAIL = "jo.bloggs@example.com"


def rasa_api(backend, path: str) -> str:
    return f"http://127.0.0.1:{backend.ports.rasa}{path}"


def test_rasa_http_api_needs_the_token(chat, backend, backend_redis):
    s = chat.new_sender()
    assert "Alice" in chat.say(s, "where is my order?", token(ALICE))
    tracker = rasa_api(backend, f"/conversations/{s}/tracker")
    assert httpx.get(tracker).status_code == 401
    assert httpx.get(tracker, params={"token": "guessed"}).status_code == 401
    events = backend_redis.get(redis_keys.rasa_tracker(s))
    injected = httpx.post(rasa_api(backend, f"/conversations/{s}/tracker/events"),
                          json={"event": "slot", "name": "order_id", "value": "ORD-666"})
    assert injected.status_code == 401
    assert backend_redis.get(redis_keys.rasa_tracker(s)) == events  # nothing was written
    assert httpx.get(tracker, params={"token": backend.api_token}).status_code == 200  # our launcher's token works


def test_no_stored_event_holds_the_customer_token(chat, backend_redis):
    s = chat.new_sender()
    jwt_token = token(ALICE)
    assert "Alice" in chat.say(s, "hi!", jwt_token)
    assert "ORD-10001" in chat.say(s, "where is my order?", jwt_token)
    stored = backend_redis.get(redis_keys.rasa_tracker(s))
    assert stored and jwt_token not in stored and "customer_token" not in stored
    users = [e for e in json.loads(stored)["events"] if e["event"] == "user"]
    assert all(IDENTITY_CLAIM_KEY in (e.get("metadata") or {}) for e in users)  # the claim replaced it


def test_client_written_identity_claims_are_ignored(chat, backend_redis):
    victim = chat.new_sender()
    chat.say(victim, "hi", token(ALICE))
    stored = json.loads(backend_redis.get(redis_keys.rasa_tracker(victim)))
    real_claim = next(e["metadata"][IDENTITY_CLAIM_KEY] for e in stored["events"] if e["event"] == "user")
    forged = jwt.encode({"sub": ALICE, "sid": "x", "exp": int(time.time()) + 600, "iss": "careline-channel",
                         "aud": "careline-services"}, "a-guessed-secret-that-is-long-enough", algorithm="HS256")
    for sender, claim in ((chat.new_sender(), forged), (victim, real_claim), (chat.new_sender(), real_claim)):
        r = chat.http.post(chat.stack.webhook, json={"sender": sender, "message": "where is my order ORD-10001?",
                                                     "metadata": {IDENTITY_CLAIM_KEY: claim}})
        reply = " ".join(m.get("text", "") for m in r.json())
        assert r.status_code == 200 and "Alice" not in reply and "trainers" not in reply, reply


def test_tracker_records_expire(chat, backend_redis):
    s = chat.new_sender()
    chat.say(s, "hello")
    ttl = backend_redis.ttl(redis_keys.rasa_tracker(s))
    assert 0 < ttl <= redis_keys.DEFAULT_TRACKER_RETENTION_SECONDS


def test_one_message_limit_for_channel_and_nlu(chat, backend, backend_redis):
    s = chat.new_sender()
    r = chat.post_raw(json.dumps({"sender": s, "message": "a" * 2001}).encode())
    assert r.status_code == 413 and "the limit is 2000" in r.json()["error"]
    assert not backend_redis.exists(redis_keys.rasa_tracker(s))  # Rasa never saw it
    nlu = f"http://127.0.0.1:{backend.ports.nlu}/model/parse"
    assert httpx.post(nlu, json={"text": "a" * 2001}).status_code == 413
    long_text = "I have a question about my account. " * 50 + "Where is my order ORD-10001?"
    assert len(long_text) <= 2000 and httpx.post(nlu, json={"text": long_text}).status_code == 200


def test_no_message_text_in_any_log_when_the_nlu_is_down(chat, backend):
    """Runs after the other conversations of the session, so it scans their logs too."""
    s = chat.new_sender()
    backend.services["nlu"].stop()
    try:
        reply = chat.say(s, f"my email is {EMAIL} and my card {CARD} was charged twice")
        assert "Could you tell me again what you need" in reply
    finally:
        backend.services["nlu"].start()
        backend.services["nlu"].wait_healthy()
    logs = {p.name: p.read_text(errors="replace") for p in backend.logs_dir.glob("*.log")}
    assert {"rasa.log", "nlu.log", "actions.log"} <= set(logs)
    assert "http.parse.text" in logs["rasa.log"]  # the failure was logged, without the text
    for name, text in logs.items():
        assert EMAIL not in text and CARD not in text and CARD.replace(" ", "") not in text, name


def test_actions_server_refuses_a_weak_claim_secret():
    env = {**os.environ, "PYTHONPATH": str(REPO), "IDENTITY_CLAIM_SECRET": "short", "DEV_MODE": "false",
           "RASA_TELEMETRY_ENABLED": "false"}
    done = subprocess.run([str(REPO / ".venv-rasa" / "bin" / "rasa"), "run", "actions", "--actions", "actions",
                           "--port", "9"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "IDENTITY_CLAIM_SECRET is only 5 characters" in done.stdout + done.stderr
