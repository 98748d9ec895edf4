"""The conversation suite (tests/conversations/) against the real stack: never a cross-customer
leak, and never worse than the baseline recorded before the conversation fixes."""

from __future__ import annotations

import json

import pytest
import redis

from bench.conversation_suite import BASELINE_FILE, SuiteRunner, load_suite, summary
from tests.integration.conftest import token
from tools.demo import seed

# Training is seeded, but Rasa's policies and thread scheduling can move a borderline
# conversation either way between two trainings; a real regression moves many.
TOLERANCE = 0.05


@pytest.fixture(scope="module")
def suite_results(backend):
    client = redis.Redis.from_url(backend.redis_url)
    runner = SuiteRunner(backend.webhook, backend.urls["rasa"], backend.api_token, token,
                         backend.settings.bot_dir / "domain.yml", before_each=lambda: seed(client))
    try:
        yield [runner.run(c) for c in load_suite()]
    finally:
        runner.close()
        seed(client)  # leave the demo profiles as the other tests expect them
        client.close()


def test_no_reply_ever_shows_another_customers_data(suite_results):
    leaks = [leak for r in suite_results for leak in r.leaks]
    assert leaks == []


def test_success_rate_never_below_the_baseline(suite_results):
    baseline = json.loads(BASELINE_FILE.read_text())
    figures = summary(suite_results, baseline["success_rate"])
    assert figures["conversations"] >= 120
    assert figures["success_rate"] >= baseline["success_rate"] - TOLERANCE, figures
