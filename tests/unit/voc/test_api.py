"""The analysts' API over a real throwaway redis-server, with the worker running in the app:
roles, the figures it serves, CSV, taxonomy edits and reprocessing, and erasure."""

import csv
import io
import json
import shutil
import time

import pytest
from fastapi.testclient import TestClient

from contracts.redis_keys import HANDOFF_QUEUE, VOC_EVENTS, customer_profile, handoff_state, rasa_tracker
from tests.unit.voc import test_conversations

from voc import auth, pseudonyms
from voc.reprocess import reprocess
from voc.service import create_app
from voc.settings import VocSettings
from voc.store import utc_day
from voc.taxonomy import DEFAULT_PATH

SECRET = "s" * 40


@pytest.fixture
def settings(redis_server, tmp_path):
    taxonomy = tmp_path / "taxonomy.yml"
    shutil.copy(DEFAULT_PATH, taxonomy)  # PUT /v1/taxonomy writes it
    return VocSettings(REDIS_URL=redis_server.url, VOC_PSEUDONYM_SECRET=SECRET, VOC_TAXONOMY=taxonomy,
                       VOC_CONSUMER="api-test", VOC_CONVERSATION_IDLE_SECONDS=1, VOC_CLOSE_EVERY_SECONDS=0.2)


@pytest.fixture
def app(settings, redis_client):
    with TestClient(create_app(settings)) as client:
        yield client


def Conversation(sender, **kw):
    # as it happens: now, events 10 ms apart (the worker closes what has been quiet for 1 s)
    return test_conversations.Conversation(sender, start=time.time(), step=0.01, **kw)


def headers(token):
    return {"Authorization": f"Bearer {token}"}


def publish(redis_client, *conversations):
    for c in conversations:
        for e in c.events:
            redis_client.xadd(VOC_EVENTS, {"event": json.dumps(e)})


def wait_closed(app, n, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if app.get("/health").json()["closed"] >= n:
            return
        time.sleep(0.1)
    raise AssertionError(f"the worker closed {app.get('/health').json()['closed']} conversations, not {n}")


def test_no_token_forged_token_and_the_wrong_role(app, redis_client):
    assert app.get("/v1/irritants/top").status_code == 401
    assert "python -m voc token create" in app.get("/v1/kpis").json()["detail"]
    forged = headers(auth.PREFIX + "x" * 43)
    assert app.get("/v1/irritants/top", headers=forged).status_code == 401
    analyst = headers(auth.mint(redis_client, "analyst", "dana"))
    assert app.get("/v1/me", headers=analyst).json() == {"role": "analyst", "name": "dana"}
    assert app.delete("/v1/customers/C1", headers=analyst).status_code == 403
    assert app.put("/v1/taxonomy", content="categories: {}", headers=analyst).status_code == 403
    admin = auth.mint(redis_client, "admin", "root")
    assert app.get("/v1/irritants/top", headers=headers(admin)).status_code == 200  # admin reads too
    assert auth.revoke(redis_client, admin)
    assert app.get("/v1/irritants/top", headers=headers(admin)).status_code == 401
    bad = app.get("/v1/irritants/top?since=2026-13-01", headers=analyst)
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.json()["detail"]


def test_the_figures_served_match_the_conversations(app, redis_client):
    redis_client.set(customer_profile("C1"), json.dumps({"name": "Alice Martin", "tier": "gold"}))
    late = Conversation("a", customer="C1").user("my parcel is late", "delivery_late", "negative")
    late.action("action_handle_complaint").bot("Sorry Alice, it left on Monday.")
    late.user("it's late again, the second time", "delivery_late", "negative").action("action_handoff")
    late.slot("handoff_reason", "repeated anger").slot("handoff_queued", True)
    refund = Conversation("b", channel="voice").user("my refund never came", "refund_not_received", "negative")
    refund.action("action_handle_complaint").bot("It was sent yesterday.").user("thanks", "thanks")
    calm = Conversation("c").user("where is my order").action("order_form").slot("requested_slot", "order_id")
    publish(redis_client, late, refund, calm)
    wait_closed(app, 3)
    token = headers(auth.mint(redis_client, "analyst", "dana"))
    day = utc_day(late.at)
    q = f"since={day}&until={day}"
    top = app.get(f"/v1/irritants/top?{q}", headers=token).json()
    assert [(t["category"], t["records"], t["customers"]) for t in top] == [("delivery", 2, 1), ("refunds", 1, 1)]
    assert top[0]["description"] and top[0]["mean_severity"] > top[1]["mean_severity"]  # gold, repeated
    trends = app.get(f"/v1/irritants/trends?{q}", headers=token).json()
    assert trends == [{"day": day, "records": 3, "by_category": {"delivery": 2, "refunds": 1}}]
    channels = {c["channel"]: c for c in app.get(f"/v1/channels?{q}", headers=token).json()}
    assert channels["voice"]["irritants"] == {"refunds": 1} and channels["chat"]["sentiment"] == {"negative": 2,
                                                                                                  "neutral": 1}
    quotes = app.get(f"/v1/quotes?{q}&category=delivery&limit=1", headers=token).json()
    assert len(quotes["quotes"]) == 1 and quotes["next"]
    older = app.get(f"/v1/quotes?{q}&category=delivery&before={quotes['next']}", headers=token).json()
    assert [x["quote"] for x in quotes["quotes"] + older["quotes"]] == ["it's late again, the second time",
                                                                       "my parcel is late"]
    transcript = app.get(f"/v1/conversations/{older['quotes'][0]['conversation']}/transcript", headers=token).json()
    assert [line["who"] for line in transcript["lines"]] == ["customer", "assistant", "customer"]
    assert "Alice" not in json.dumps(transcript) and "[NAME]" in transcript["lines"][1]["text"]
    assert app.get("/v1/conversations/c-nobody/transcript", headers=token).status_code == 404
    kpis = {k["channel"]: k for k in app.get(f"/v1/kpis?{q}&by=total", headers=token).json()}
    assert kpis["all"]["conversations"] == 3 and kpis["all"]["containment"] == round(1 / 3, 3)
    assert kpis["chat"]["handoff_rate"] == 0.5 and kpis["chat"]["abandonment"] == 0.5
    assert kpis["chat"]["handoff_reasons"] == {"repeated anger": 1} and kpis["voice"]["avg_turns_to_resolution"] == 2
    exported = app.get(f"/v1/export.csv?{q}", headers=token)
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert exported.headers["content-type"].startswith("text/csv") and len(rows) == 3
    assert {r["category"] for r in rows} == {"delivery", "refunds"} and "customer" in rows[0]


def test_taxonomy_edits_apply_to_new_records_and_reprocess_moves_old_ones(app, redis_client, settings):
    admin = headers(auth.mint(redis_client, "admin", "root"))
    soaked = Conversation("w").user("the box arrived soaking wet", "out_of_scope", "negative")
    publish(redis_client, soaked)
    wait_closed(app, 1)
    bad = app.put("/v1/taxonomy", content="categories:\n  x: [1, 2]\n", headers=admin)
    assert bad.status_code == 400 and "subcategories" in bad.json()["detail"]
    text = settings.taxonomy.read_text() + "  packaging:\n    description: Boxes\n    subcategories:\n" \
                                           "      wet:\n        keywords: [soaking wet]\n"
    assert app.put("/v1/taxonomy", content=text, headers=admin).json()["categories"]["packaging"] == "Boxes"
    report = reprocess(redis_client, settings.model_copy(update={"pseudonym_secret": SECRET}))
    assert (report.records, report.changed) == (1, 1) and report.moves == {("uncategorised", "packaging"): 1}
    day = utc_day(soaked.at)
    top = app.get(f"/v1/irritants/top?since={day}&until={day}", headers=admin).json()
    assert [(t["category"], t["records"], t["customers"]) for t in top] == [("packaging", 1, 1)]


def test_erasure_removes_one_customer_and_nothing_of_another(app, redis_client):
    for cid, name in (("C1", "Alice Martin"), ("C2", "Bob Stone")):
        redis_client.set(customer_profile(cid), json.dumps({"name": name, "tier": "standard"}))
    alice = Conversation("alice-chat", customer="C1").user("my parcel is late", "delivery_late", "negative")
    alice.action("action_handoff").slot("handoff_queued", True)
    bob = Conversation("bob-chat", customer="C2").user("my refund never came", "refund_not_received", "negative")
    publish(redis_client, alice, bob)
    wait_closed(app, 2)
    for sender, cid in (("alice-chat", "C1"), ("bob-chat", "C2")):
        redis_client.set(rasa_tracker(sender), json.dumps({"events": [{"text": "raw words"}]}))
        redis_client.hset(handoff_state(sender), "status", "queued")
        redis_client.xadd(HANDOFF_QUEUE, {"sender_id": sender, "customer_id": cid, "summary": "x"})
    admin = headers(auth.mint(redis_client, "admin", "root"))
    report = app.delete("/v1/customers/C1", headers=admin).json()
    assert report["conversations"] == 1 and report["trackers"] == 1 and report["irritant_records"] == 1
    traces = ("alice-chat", pseudonyms.customer(SECRET, "C1"), pseudonyms.conversation(SECRET, "alice-chat"),
              "parcel is late")
    bobs = (pseudonyms.conversation(SECRET, "bob-chat"), "refund never came", "bob-chat")
    everything = dump(redis_client)
    assert not [t for t in traces if t in everything]
    assert all(b in everything for b in bobs)


def dump(client) -> str:
    """Every key and every value in the throwaway server, as one string."""
    out = []
    for key in client.scan_iter(count=1000):
        kind = client.type(key)
        value = {"string": client.get, "hash": client.hgetall, "set": client.smembers, "list":
                 lambda k: client.lrange(k, 0, -1), "zset": lambda k: client.zrange(k, 0, -1, withscores=True),
                 "stream": lambda k: client.xrange(k)}[kind](key)
        out.append(f"{key} {value}")
    return "\n".join(out)


def test_negative_messages_filed_as_general_feedback_are_clustered_too(app, redis_client, settings):
    from voc import emerging

    # what the NLU calls feedback (a broad sub-category) can hide a new irritant
    checkout = ["the checkout page keeps freezing when I pay", "checkout page froze again at the payment step",
                "your checkout page freezes every time I try to pay", "payment page frozen, cannot finish checkout",
                "checkout freezes on the payment page", "the payment step of checkout just freezes"]
    praise = ["love the new range", "great prices this week", "the website looks nice"]
    for n, text in enumerate(checkout):
        publish(redis_client, Conversation(f"f{n}").user(text, "give_feedback", "negative"))
    for n, text in enumerate(praise):
        publish(redis_client, Conversation(f"p{n}").user(text, "give_feedback", "positive"))
    wait_closed(app, len(checkout) + len(praise))
    stored = emerging.run(redis_client, settings.model_copy(update={"pseudonym_secret": SECRET}))
    assert stored["messages"] == len(checkout)
    assert redis_client.xlen("voc:irritants") == len(checkout)  # praise filed as feedback is no irritant
    (found,) = stored["clusters"]
    assert found["size"] >= 5 and {"checkout", "freezes", "freezing", "payment"} & set(found["keywords"])


def test_emerging_irritants_are_clustered_and_one_is_promoted_into_the_taxonomy(app, redis_client, settings):
    from voc import emerging

    wet = ["the box arrived soaking wet", "parcel was soaking wet from the rain", "my package came soaking wet",
           "the cardboard box was completely soaking wet", "delivery left outside, box soaking wet",
           "soaking wet parcel on my doorstep again"]
    app_crash = ["your app crashes when I open it", "the app keeps crashing on my phone",
                 "app crashes every time I log in", "the mobile app crashed again", "why does your app crash",
                 "app crashes as soon as it starts"]
    for n, text in enumerate(wet + app_crash):
        publish(redis_client, Conversation(f"e{n}").user(text, "out_of_scope", "negative"))
    wait_closed(app, len(wet) + len(app_crash))
    stored = emerging.run(redis_client, settings.model_copy(update={"pseudonym_secret": SECRET}))
    admin = headers(auth.mint(redis_client, "admin", "root"))
    clusters = app.get("/v1/clusters", headers=admin).json()
    assert stored["messages"] == 12 and len(clusters) >= 2
    soaked = next(c for c in clusters if any("wet" in k or "soaking" in k for k in c["keywords"]))
    assert all("wet" in q for q in soaked["quotes"]) and soaked["size"] >= 4
    assert app.post(f"/v1/clusters/{soaked['id']}/promote", json={"category": "packaging"},
                    headers=headers(auth.mint(redis_client, "analyst", "dana"))).status_code == 403
    assert app.post("/v1/clusters/k-nothing/promote", json={"category": "packaging"}, headers=admin).status_code == 404
    done = app.post(f"/v1/clusters/{soaked['id']}/promote",
                    json={"category": "packaging", "description": "Boxes that arrive damaged or wet",
                          "keywords": ["soaking wet"]}, headers=admin)
    assert done.status_code == 200 and done.json()["categories"]["packaging"] == "Boxes that arrive damaged or wet"
    assert settings.taxonomy.read_text().startswith("# What irritates customers")  # the header comments stay
    assert next(c for c in app.get("/v1/clusters", headers=admin).json() if c["id"] == soaked["id"])["promoted"] \
        == "packaging"
    report = reprocess(redis_client, settings.model_copy(update={"pseudonym_secret": SECRET}))
    assert report.moves[("uncategorised", "packaging")] == len(wet)
