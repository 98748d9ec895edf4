"""The launcher's side of the closed doors: loopback only, Redis with a password, no start without a secret."""

from __future__ import annotations

import ipaddress
import os
import subprocess
import sys

import psutil
import pytest
import redis

from stack.environments import REPO
from stack.launcher import Stack
from tests.integration.conftest import stack_settings


def test_every_service_listens_on_loopback_only(backend):
    """Read from the kernel's table of listening sockets, so it holds on any machine, with or
    without an outward interface to probe from."""
    listening = [c for c in psutil.net_connections(kind="inet") if c.status == psutil.CONN_LISTEN]
    for name in backend.services:
        addresses = {c.laddr.ip for c in listening if c.laddr.port == backend.ports[name]}
        assert addresses, f"{name} is not listening on port {backend.ports[name]}"
        assert all(ipaddress.ip_address(a).is_loopback for a in addresses), f"{name} listens on {addresses}"


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
