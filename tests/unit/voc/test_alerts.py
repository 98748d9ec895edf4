"""Rising-irritant alerts against a real throwaway redis-server and a real local webhook."""

import json
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from contracts.redis_keys import VOC_ALERTS, voc_day_counts
from voc import alerts
from voc.settings import VocSettings


def test_rising_compares_today_with_the_category_s_own_baseline():
    history = [{"delivery": 4, "refunds": 1}] * 14
    found = alerts.rising({"delivery": 9, "refunds": 10, "billing": 9}, history, ratio=2.0, min_count=10,
                          day="2026-11-30", at=0)
    # delivery: 9 < min count; refunds: 10 >= 2 x 1; billing: new, 9 < min count
    assert [(a.category, a.count, a.baseline, a.ratio) for a in found] == [("refunds", 10, 1.0, 10.0)]
    assert [a.ratio for a in alerts.rising({"delivery": 12}, history, 2.0, 10, "d", 0)] == [3.0]  # 12 >= 2 x 4


def test_rising_threshold_edges():
    history = [{"delivery": 4}] * 7
    assert [a.category for a in alerts.rising({"delivery": 8}, history, 2.0, 5, "d", 0)] == ["delivery"]
    assert alerts.rising({"delivery": 7}, history, 2.0, 5, "d", 0) == []
    assert alerts.rising({"delivery": 4}, [], 2.0, 4, "d", 0)[0].baseline == 0.0  # no history: baseline 1


class Hook(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Hook.received.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def webhook():
    server = HTTPServer(("127.0.0.1", 0), Hook)
    Hook.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook"
    server.shutdown()


def test_a_rising_category_is_alerted_once_a_day_to_the_stream_and_the_webhook(redis_client, redis_server, webhook):
    settings = VocSettings(REDIS_URL=redis_server.url, VOC_ALERT_MIN_COUNT=5, VOC_ALERT_BASELINE_DAYS=7,
                           VOC_ALERT_WEBHOOK_URL=webhook)
    now = time.time()
    today = datetime.fromtimestamp(now, tz=timezone.utc).date()
    for back in range(1, 8):
        redis_client.hset(voc_day_counts((today - timedelta(days=back)).isoformat()),
                          mapping={"delivery|chat": 2, "refunds|chat": 3})
    redis_client.hset(voc_day_counts(today.isoformat()), mapping={"delivery|chat": 4, "delivery|voice": 3,
                                                                  "delivery|chat|severity": 20.5,
                                                                  "refunds|chat": 4})
    written = alerts.check(redis_client, settings, now)
    assert [(a.category, a.count, a.baseline) for a in written] == [("delivery", 7, 2.0)]
    assert alerts.check(redis_client, settings, now) == []  # once a day
    entries = redis_client.xrange(VOC_ALERTS)
    assert len(entries) == 1 and entries[0][1]["category"] == "delivery" and entries[0][1]["count"] == "7"
    assert len(Hook.received) == 1 and Hook.received[0]["type"] == "voc.irritant_rising"
    assert Hook.received[0]["category"] == "delivery"


def test_a_failing_webhook_loses_no_alert(redis_client, redis_server):
    settings = VocSettings(REDIS_URL=redis_server.url, VOC_ALERT_MIN_COUNT=1,
                           VOC_ALERT_WEBHOOK_URL="http://127.0.0.1:9/nobody-listens")
    today = datetime.now(timezone.utc).date()
    redis_client.hset(voc_day_counts(today.isoformat()), "billing|chat", 3)
    assert alerts.check(redis_client, settings) == []  # a first day has no baseline to rise above
    redis_client.hset(voc_day_counts((today - timedelta(days=1)).isoformat()), "delivery|chat", 1)
    assert [a.category for a in alerts.check(redis_client, settings)] == ["billing"]
    assert redis_client.xlen(VOC_ALERTS) == 1
