"""Browser tests: the real voc app under uvicorn on a free port, a throwaway redis-server
(tests/conftest.py), and Debian's chromium driven headless by Selenium through the system
chromedriver (nothing is downloaded)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import httpx
import pytest

from contracts.redis_keys import VOC_ALERTS, VOC_EMERGING, VOC_EVENTS, customer_profile
from stack.redis_server import free_port
from tests.unit.voc import test_conversations
from voc.settings import VocSettings
from voc.taxonomy import DEFAULT_PATH

SECRET = "e2e-pseudonym-secret-".ljust(40, "x")
CHROMEDRIVER = "/usr/bin/chromedriver"
NASTY_QUOTE = "<b>wet</b> & torn </script><img src=x onerror=alert(1)>"  # words, never markup
INSTALL = "apt-get install chromium chromium-driver"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def chromium_binary() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    """Headless chromium. Missing chromium or chromedriver fails (not skips) the browser tests."""
    chromium = chromium_binary()
    missing = [name for name, found in (("chromium", chromium), ("chromedriver", os.access(CHROMEDRIVER, os.X_OK)))
               if not found]
    if missing:
        pytest.fail(f"the browser tests need Debian's {' and '.join(missing)}: {INSTALL}", pytrace=False)
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.fail("the browser tests need selenium: pip install -e '.[test]'", pytrace=False)
    profile = tempfile.mkdtemp(prefix="chromium-e2e-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000",
                 "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update", "--lang=en-GB",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def voc_settings(redis_server, tmp_path) -> VocSettings:
    taxonomy = tmp_path / "taxonomy.yml"
    shutil.copy(DEFAULT_PATH, taxonomy)
    return VocSettings(REDIS_URL=redis_server.url, VOC_PSEUDONYM_SECRET=SECRET, VOC_TAXONOMY=taxonomy,
                       VOC_CONSUMER="e2e", VOC_CONVERSATION_IDLE_SECONDS=1, VOC_CLOSE_EVERY_SECONDS=0.2,
                       VOC_CLUSTER_EVERY_SECONDS=3600)  # no clustering run: the test writes voc:emerging itself


class VocServer:
    """The real voc app (worker included) under uvicorn in a background thread."""

    def __init__(self, settings: VocSettings) -> None:
        import uvicorn

        from voc.service import create_app

        self.app = create_app(settings)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, name="voc-e2e", daemon=True)

    def __enter__(self) -> "VocServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the voc app did not start under uvicorn")
            time.sleep(0.05)
        if self.get("/dashboard").status_code == 404:
            self.__exit__()
            pytest.fail("the voc app serves no /dashboard: voc/service.py needs "
                        "`app.include_router(dashboard.router())`", pytrace=False)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def get(self, path: str, token: str | None = None, **params) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.get(self.url + path, params={k: v for k, v in params.items() if v is not None},
                         headers=headers, timeout=10)

    def wait_closed(self, n: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.get("/health").json()["closed"] >= n:
                return
            time.sleep(0.1)
        raise AssertionError(f"the worker closed {self.get('/health').json()['closed']} conversations, not {n}")


def conversations() -> list[test_conversations.Conversation]:
    """A morning's worth of chats and calls, as Rasa's event broker writes them: now, 10 ms apart."""
    def new(sender, **kw):
        return test_conversations.Conversation(sender, start=time.time(), step=0.01, **kw)

    late = new("web-alice", customer="C1").user("my parcel is late again", "delivery_late", "negative")
    late.action("action_handle_complaint").bot("Sorry Alice, it left the depot on Monday.")
    late.user("it's late again, the second time this month", "delivery_late", "negative").action("action_handoff")
    late.slot("handoff_reason", "repeated anger").slot("handoff_queued", True).bot("A colleague will take over.")
    refund = new("call-1", channel="voice").user("/call_connected", "call_connected").action("action_call_connected")
    refund.bot("Hello, thanks for calling.").user("my refund never came", "refund_not_received", "negative")
    refund.action("action_handle_complaint").bot("It was sent yesterday.").user("ok thanks", "thanks")
    twice = new("web-bob", customer="C2").user("I was charged twice for order 1234", "billing_charged_twice", "negative")
    twice.action("action_handle_complaint").bot("I have asked for the second payment to be returned, Bob.")
    twice.user("thanks", "thanks").action("action_ask_rating").slot("rating_requested", True)
    twice.user("2", "inform").action("action_rating").slot("rating", 2).slot("rating_requested", False)
    form = new("web-3").user("where is my order", "order_status").action("order_form")
    form.slot("requested_slot", "order_id").bot("Which order number?")
    lost = new("web-4").user("blorp", "nlu_fallback").action("action_rephrase").bot("Could you rephrase?")
    lost.user("the app is useless, my parcel is lost", "nlu_fallback", "negative").action("action_rephrase")
    lost.bot("Sorry, could you say it differently?")
    damaged = new("call-2", channel="voice").user("/call_connected", "call_connected").action("action_call_connected")
    damaged.bot("Hello.").user("the mug arrived smashed", "item_damaged", "negative").action("action_handoff")
    damaged.slot("handoff_reason", "customer asked").slot("handoff_queued", True)
    wet = new("web-5").user("the box came soaking wet and torn", "out_of_scope", "negative")
    wet.action("action_out_of_scope").bot("I can't help with that yet.")
    person = new("web-6").user("I want to talk to a person", "speak_to_human", "negative").action("action_handoff")
    person.slot("handoff_reason", "customer asked").slot("handoff_queued", True)
    waiting = new("web-7")  # more quotes than one page holds (25)
    for n in range(1, 21):
        waiting.user(f"day {n} and my parcel has still not arrived", "delivery_late", "negative")
        waiting.action("action_handle_complaint").bot("I'm sorry, I have chased the courier.")
    return [late, refund, twice, form, lost, damaged, wet, person, waiting]


@pytest.fixture
def voc(voc_settings, redis_client):
    """The voc app, fed real conversations through `voc:events`, all of them closed; plus an
    emerging-cluster result and an alert, as the worker's other jobs write them."""
    redis_client.set(customer_profile("C1"), json.dumps({"name": "Alice Martin", "tier": "gold"}))
    redis_client.set(customer_profile("C2"), json.dumps({"name": "Bob Stone", "tier": "standard"}))
    with VocServer(voc_settings) as server:
        fed = conversations()
        for conversation in fed:
            for event in conversation.events:
                redis_client.xadd(VOC_EVENTS, {"event": json.dumps(event)})
        server.wait_closed(len(fed))
        now = time.time()
        redis_client.set(VOC_EMERGING, json.dumps({"clusters": [
            {"id": "k1", "keywords": ["soaking", "wet", "box"], "size": 3, "first_seen": now - 3 * 86400,
             "last_seen": now, "quotes": ["the box came soaking wet and torn", NASTY_QUOTE],
             "promoted": None},
            {"id": "k2", "keywords": ["app", "useless"], "size": 2, "first_seen": now - 86400, "last_seen": now,
             "quotes": ["the app is useless"], "promoted": "service"}]}))
        day = time.strftime("%Y-%m-%d", time.gmtime(now))
        redis_client.xadd(VOC_ALERTS, {"at": str(now), "day": day, "category": "delivery", "count": "2",
                                       "baseline": "0.29", "ratio": "2.0"})
        server.conversations = fed
        yield server
