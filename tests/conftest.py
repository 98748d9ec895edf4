"""Shared fixtures. Imported by both environments (3.11 and the 3.10 Rasa side): redis only."""

from __future__ import annotations

import secrets

import pytest
import redis

from stack.redis_server import ThrowawayRedis


@pytest.fixture(scope="session")
def redis_server():
    """A real, throwaway redis-server on a free port (never the shared one on 6379), with a
    password as in production, so everything that reads REDIS_URL is tried with one."""
    server = ThrowawayRedis(password=secrets.token_urlsafe(16))
    yield server
    server.stop()


@pytest.fixture
def redis_client(redis_server):
    client = redis.Redis.from_url(redis_server.url, decode_responses=True)
    client.flushdb()  # our own throwaway server: nothing here belongs to anyone else
    yield client
    client.close()
