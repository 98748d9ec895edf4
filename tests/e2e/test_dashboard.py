"""The CX analysts' console in a real browser: every figure the page shows is the API's, for the
same filters; a refused token brings back the prompt with the API's words; the report file
renders the same figures with no server and no request."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.e2e.conftest import ARTIFACTS, NASTY_QUOTE
from voc import auth, dashboard, queries
from contracts.redis_keys import VOC_DEMO
from tools.demo_replay import claim
from voc.report import parse_since, write_report

try:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:  # the `browser` fixture fails every test, saying what to install
    By = Select = WebDriverWait = None

KPI_FORMATS = {"conversations": "count", "containment": "rate", "handoff_rate": "rate", "abandonment": "rate",
               "fallback_rate": "rate", "inferred_csat": "score", "stated_csat": "score",
               "avg_turns_to_resolution": "score", "effort": "score"}
PAGE_SIZE = 25


def shown(value, fmt: str) -> str:
    """The text the page shows for an API value (panels.js FORMATS)."""
    if value is None:
        return "—"
    return {"count": lambda v: str(v), "rate": lambda v: f"{v * 100:.1f} %", "score": lambda v: f"{v:.2f}"}[fmt](value)


def figure(browser, testid: str) -> tuple[str, object]:
    """A figure's text and its raw value (data-value), even inside a closed <details>."""
    node = browser.find_element(By.CSS_SELECTOR, f'[data-testid="{testid}"]')
    return node.get_attribute("textContent"), json.loads(node.get_attribute("data-value"))


def renders(browser) -> int:
    return int(browser.execute_script("return Number(document.getElementById('console').dataset.renderCount || 0)"))


def wait_ready(browser, after: int = 0, timeout: float = 20) -> None:
    def ready(driver):
        state = driver.execute_script("return document.getElementById('console').dataset.state")
        if state == "error":
            raise AssertionError("the page shows an error: " + driver.find_element(By.ID, "error").text)
        return state == "ready" and renders(driver) > after

    WebDriverWait(browser, timeout).until(ready)


def quote_texts(browser) -> list[str]:
    return browser.execute_script(  # at once: a re-render between finding and reading is no stale element
        "return [...document.querySelectorAll('[data-testid=\"quote-text\"]')].map(n => n.textContent)")


def console_errors(browser) -> list[str]:
    return [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def check_kpis(browser, row: dict) -> None:
    for key, fmt in KPI_FORMATS.items():
        text, value = figure(browser, f"kpi-{key}")
        assert value == row[key], f"kpi-{key}: the page holds {value!r}, the API says {row[key]!r}"
        assert text == shown(row[key], fmt), f"kpi-{key}: the page shows {text!r}"


def check_top(browser, top: list[dict]) -> None:
    assert top, "the API found no irritants: nothing to compare"
    shown_rows = browser.find_elements(By.CSS_SELECTOR, '[data-testid^="top-records-"]')
    assert len(shown_rows) == len(top)
    for t in top:
        assert figure(browser, f"top-records-{t['category']}") == (str(t["records"]), t["records"])
        assert figure(browser, f"top-customers-{t['category']}") == (str(t["customers"]), t["customers"])
        assert figure(browser, f"top-severity-{t['category']}")[1] == t["mean_severity"]


def check_words_stay_words(browser) -> None:
    assert NASTY_QUOTE in browser.find_element(By.ID, "clusters").text  # customers' words are text, never markup
    assert not browser.find_elements(By.CSS_SELECTOR, "#clusters b, #clusters img")


def set_period(browser, since: str, until: str) -> None:
    before = renders(browser)
    browser.execute_script("document.getElementById('since').value = arguments[0];"
                           "document.getElementById('until').value = arguments[1];", since, until)
    browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    wait_ready(browser, after=before)


def full_page_screenshot(browser, name: str) -> str:
    """The whole page in one PNG under test-artifacts/ (the window grows to the page, then back)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    size = browser.get_window_size()
    for _ in range(3):  # the window's frame takes some height: grow until the page fits the viewport
        inner, full = browser.execute_script("return [window.innerHeight, document.documentElement.scrollHeight]")
        if inner >= full:
            break
        browser.set_window_size(size["width"], browser.get_window_size()["height"] + full - inner)
        time.sleep(0.3)  # the charts follow the new size
    browser.save_screenshot(str(path))
    browser.set_window_size(size["width"], size["height"])
    print(f"\nscreenshot: {path}")
    return str(path)


def test_the_dashboard_shows_what_the_api_returns(browser, voc, redis_client):
    token = auth.mint(redis_client, "analyst", "dana")
    today = datetime.now(timezone.utc).date()
    period = {"since": (today - timedelta(days=6)).isoformat(), "until": today.isoformat()}

    def api(path, **params):
        answer = voc.get(path, token, **period, **params)
        assert answer.status_code == 200, answer.text
        return answer.json()

    redirect = voc.get("/")
    assert redirect.status_code == 307 and redirect.headers["location"] == "/dashboard"
    browser.get("about:blank")
    browser.get_log("browser")
    browser.get(f"{voc.url}/dashboard#token={token}")
    wait_ready(browser)
    assert "token" not in browser.current_url  # out of the address bar and the history
    assert browser.find_element(By.ID, "who").text == "Signed in as dana (analyst)"
    assert not browser.find_element(By.CSS_SELECTOR, '[data-testid="demo-notice"]').is_displayed()  # no demo here

    kpis = {k["channel"]: k for k in api("/v1/kpis", by="total")}
    assert kpis["all"]["conversations"] == len(voc.conversations)
    check_kpis(browser, kpis["all"])
    check_top(browser, api("/v1/irritants/top"))
    for day in api("/v1/irritants/trends"):
        assert figure(browser, f"trend-records-{day['day']}")[1] == day["records"]
    for channel in api("/v1/channels"):
        assert figure(browser, f"channel-messages-{channel['channel']}")[1] == channel["messages"]
        for label, n in channel["sentiment"].items():
            assert figure(browser, f"channel-sentiment-{channel['channel']}-{label}")[1] == n
    clusters = voc.get("/v1/clusters", token).json()
    assert len(browser.find_elements(By.CSS_SELECTOR, '[data-testid="cluster"]')) == len(clusters) == 2
    for cluster in clusters:
        assert figure(browser, f"cluster-size-{cluster['id']}")[1] == cluster["size"]
    check_words_stay_words(browser)
    alerts = api("/v1/alerts")
    assert len(browser.find_elements(By.CSS_SELECTOR, '[data-testid="alert-row"]')) == len(alerts) >= 1
    for alert in alerts:
        assert figure(browser, f"alert-count-{alert['id']}")[1] == alert["count"]

    quotes = api("/v1/quotes", limit=PAGE_SIZE)
    assert quote_texts(browser) == [q["quote"] for q in quotes["quotes"]] and len(quotes["quotes"]) == PAGE_SIZE
    screenshot = full_page_screenshot(browser, "dashboard.png")

    # older quotes, page by page, as the API pages them; then back
    older = api("/v1/quotes", limit=PAGE_SIZE, before=quotes["next"])
    browser.find_element(By.ID, "quotes-older").click()
    WebDriverWait(browser, 10).until(lambda d: quote_texts(d) == [q["quote"] for q in older["quotes"]])
    assert browser.find_element(By.ID, "quotes-older").get_property("disabled") == (older["next"] is None)
    assert browser.find_element(By.CSS_SELECTOR, '[data-testid="quotes-range"]').text == \
        f"{PAGE_SIZE + 1}–{PAGE_SIZE + len(older['quotes'])}"

    # a quote opens its conversation's redacted transcript (the oldest: Alice's, with the assistant's replies)
    rows = browser.find_elements(By.CSS_SELECTOR, '[data-testid="quote-row"]')
    rows[-1].click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, '[data-testid="transcript-line"]'))
    transcript = voc.get(f"/v1/conversations/{older['quotes'][-1]['conversation']}/transcript", token).json()
    lines = browser.find_elements(By.CSS_SELECTOR, '[data-testid="transcript-text"]')
    assert [line.text for line in lines] == [line["text"] for line in transcript["lines"]]
    assert len(lines) >= 3 and "Alice" not in browser.find_element(By.ID, "transcript").text  # her name is masked
    assert browser.find_element(By.ID, "transcript").get_property("open")
    full_page_screenshot(browser, "dashboard-transcript.png")
    browser.find_element(By.ID, "transcript-close").click()
    browser.find_element(By.ID, "quotes-newer").click()
    WebDriverWait(browser, 10).until(lambda d: quote_texts(d) == [q["quote"] for q in quotes["quotes"]])

    # the voice channel: its KPI row and its top irritants
    before = renders(browser)
    Select(browser.find_element(By.ID, "channel")).select_by_value("voice")
    wait_ready(browser, after=before)
    check_kpis(browser, kpis["voice"])
    check_top(browser, api("/v1/irritants/top", channel="voice"))
    assert len(browser.find_elements(By.CSS_SELECTOR, '[data-testid="quote-row"]')) == \
        len(api("/v1/quotes", channel="voice", limit=PAGE_SIZE)["quotes"])

    # a week with no conversations: no figure is made up
    set_period(browser, "2020-01-01", "2020-01-07")
    assert figure(browser, "kpi-conversations") == ("0", 0)
    for key in KPI_FORMATS.keys() - {"conversations"}:
        assert figure(browser, f"kpi-{key}") == ("—", None)
    assert not browser.find_elements(By.CSS_SELECTOR, '[data-testid="quote-row"]')
    assert console_errors(browser) == []  # no script error, nothing the page's CSP refused
    assert screenshot.endswith("test-artifacts/dashboard.png")


def test_a_refused_token_brings_back_the_prompt_with_the_apis_words(browser, voc, redis_client):
    wrong = auth.PREFIX + "not-a-real-token-000000000000000000000000000"
    refusal = voc.get("/v1/me", wrong)
    assert refusal.status_code == 401
    browser.get("about:blank")
    browser.get(f"{voc.url}/dashboard#token={wrong}")
    prompt = browser.find_element(By.ID, "token-prompt")
    WebDriverWait(browser, 10).until(lambda d: prompt.is_displayed())
    assert browser.find_element(By.CSS_SELECTOR, '[data-testid="token-message"]').text == refusal.json()["detail"]
    assert not browser.find_element(By.ID, "console").is_displayed()
    assert browser.execute_script("return sessionStorage.getItem('voc.token')") is None
    # pasting a good token opens the console
    browser.find_element(By.ID, "token-input").send_keys(auth.mint(redis_client, "analyst", "sam"))
    browser.find_element(By.CSS_SELECTOR, "#token-form button").click()
    wait_ready(browser)
    assert not prompt.is_displayed() and browser.find_element(By.ID, "who").text == "Signed in as sam (analyst)"


def test_the_report_file_renders_the_same_figures_offline(browser, voc, redis_client, voc_settings, tmp_path):
    period = parse_since("7d")
    claim(redis_client, 7)  # as `make run` records its demo replay: the report must say so too
    out = write_report(redis_client, voc_settings, period, tmp_path / "report.html")
    redis_client.delete(VOC_DEMO)
    html = out.read_text(encoding="utf-8")
    assert 'id="voc-data"' in html and "/dashboard/assets/" not in html
    token = auth.mint(redis_client, "analyst", "dana")
    dates = {"since": period.since.isoformat(), "until": period.until.isoformat()}
    kpis = {k["channel"]: k for k in voc.get("/v1/kpis", token, **dates, by="total").json()}

    browser.get("about:blank")
    browser.get_log("browser")
    browser.get(out.as_uri())
    wait_ready(browser)
    check_kpis(browser, kpis["all"])
    check_top(browser, voc.get("/v1/irritants/top", token, **dates).json())
    quotes = voc.get("/v1/quotes", token, **dates, limit=PAGE_SIZE).json()["quotes"]
    assert quote_texts(browser) == [q["quote"] for q in quotes]
    check_words_stay_words(browser)
    assert "no transcripts" in browser.find_element(By.CSS_SELECTOR, '[data-testid="report-notice"]').text
    demo = browser.find_element(By.CSS_SELECTOR, '[data-testid="demo-notice"]')
    assert demo.is_displayed() and "Includes 7 scripted demo conversations" in demo.text, demo.text
    assert not browser.find_element(By.ID, "token-prompt").is_displayed()

    # the channel filter works from the embedded data alone
    before = renders(browser)
    Select(browser.find_element(By.ID, "channel")).select_by_value("voice")
    wait_ready(browser, after=before)
    check_kpis(browser, kpis["voice"])
    check_top(browser, voc.get("/v1/irritants/top", token, **dates, channel="voice").json())
    full_page_screenshot(browser, "report.png")

    fetched = browser.execute_script(
        "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
        ".map(e => e.name)")
    assert fetched and all(name.startswith("file:") for name in fetched), fetched
    assert console_errors(browser) == []  # its strict CSP (hashes of the inlined scripts) refused nothing


def test_without_its_built_assets_the_page_says_how_to_build_them(monkeypatch, tmp_path):
    monkeypatch.setitem(dashboard.ASSETS, "chart.umd.js", (tmp_path / "chart.umd.js", "text/javascript"))
    app = FastAPI()
    app.include_router(dashboard.router())
    with TestClient(app) as client:
        for path in ("/dashboard", "/dashboard/assets/chart.umd.js"):
            answer = client.get(path)
            assert answer.status_code == 503 and "make voc-assets" in answer.text
        assert client.get("/dashboard/assets/panels.js").status_code == 200
        assert client.get("/dashboard/assets/..%2Fdashboard.py").status_code == 404


def test_report_periods():
    today = datetime.now(timezone.utc).date()
    assert parse_since("7d") == queries.Period(today - timedelta(days=6), today)
    assert parse_since("30d") == queries.Period(today - timedelta(days=29), today)
    assert parse_since((today - timedelta(days=2)).isoformat()) == queries.Period(today - timedelta(days=2), today)
    for bad in ("0d", "7", "last week", "2026-13-01", (today + timedelta(days=1)).isoformat(), "401d"):
        with pytest.raises(queries.PeriodError):
            parse_since(bad)
