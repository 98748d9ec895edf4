"""The launcher's side of the closed doors: loopback only, Redis with a password, no start without a secret."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest
import redis

from stack.environments import REPO
from stack.launcher import Stack
from tests.integration.conftest import stack_settings


def outward_address() -> str | None:
    """This machine's address on its outward interface (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            address = s.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_every_service_listens_on_loopback_only(backend):
    address = outward_address()
    if address is None:
        pytest.skip("no outward interface to try from")
    for name in backend.services:
        with socket.socket() as s:
            s.settimeout(2)
            assert s.connect_ex((address, backend.ports[name])) != 0, f"{name} answers on {address}"


def test_a_redis_the_launcher_starts_needs_its_password(tmp_path):
    stack = Stack(stack_settings(tmp_path, redis_url=None), only=["redis"])
    stack.start()
    try:
        anonymous = redis.Redis(host="127.0.0.1", port=stack.ports.redis)
        with pytest.raises(redis.AuthenticationError):
            anonymous.ping()
        assert redis.Redis.from_url(stack.redis_url).ping()
    finally:
        stack.stop()


def test_the_launcher_refuses_to_start_without_a_customer_secret(redis_server, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("CUSTOMER_TOKEN_SECRET", "DEV_MODE")}
    env.update(REDIS_URL=redis_server.url, RUN_DIR=str(tmp_path / "run"))
    done = subprocess.run([sys.executable, "-m", "stack", "run"], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "CUSTOMER_TOKEN_SECRET is not set" in done.stdout and "DEV_MODE=true" in done.stdout
    assert not (tmp_path / "run").exists()  # nothing was started
