"""Voice of the customer end to end: 500 scripted conversations through the real REST channel
-> rasa -> event broker -> Redis stream -> voc worker, with the worker SIGKILLed and the
broker's Redis connection cut during the traffic. The expected aggregates, conversation
outcomes and KPIs are computed here from Rasa's own trackers, voc/taxonomy.yml and the README's
definitions, not with the worker's code, and must match exactly (read through the analysts' API
with a token minted by the CLI); no planted card number, IBAN, phone number or email may reach
any VoC key; erasing one customer leaves no trace of them and all of the others."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

import subprocess
import sys

import httpx
import jwt
import redis
import yaml
from faker import Faker

from stack.environments import REPO
from tests.integration.conftest import token
from voc.pseudonyms import conversation as pseudonym
from voc.pseudonyms import customer as customer_pseudonym

CONVERSATIONS = 500
OPENERS = [
    "hi", "hello there", "where is my order?", "my parcel is late, it should have come on monday",
    "I want a refund", "I was charged twice for one order", "the kettle arrived broken",
    "you sent me the wrong size", "I can't log in to my account", "what are your opening hours?",
    "can I cancel my order?", "my refund still hasn't arrived", "this is the worst service ever, absolutely useless",
    "I want to speak to a person", "recommend me some trainers", "thanks",
]
FOLLOW_UPS = [
    "ORD-10001", "it's still not here and I'm really annoyed", "ok thanks", "no", "bye",
    "why is this so hard", "the box was soaking wet and the mug was cracked", "never mind",
]
LOCALES = ["en_GB", "en_US", "de_DE", "fr_FR", "nl_NL", "it_IT", "es_ES"]
SIGNALS = re.compile(r"^/\w+$")
DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def planted_pii(fake: Faker, rng: random.Random) -> tuple[str, str]:
    """(a sentence holding it, the PII as written there) from Faker's generators, not the redactor's
    patterns; a number read out is planted the two ways ASR writes it: digit words ("four four seven …")
    and single numerals ("4 4 7 7 …", sometimes with commas between groups)."""
    kind = rng.choice(["card", "iban", "phone", "email", "spoken", "spaced"])
    if kind == "card":
        value = fake.credit_card_number()
        return f"my card number is {value} please check it", value
    if kind == "iban":
        value = fake.iban()
        return f"refund it to {value} thanks", value
    if kind == "phone":
        value = fake.phone_number()
        return f"call me back on {value}", value
    if kind == "email":
        value = fake.email()
        return f"email me at {value}", value
    digits = fake.msisdn()[:11]
    if kind == "spoken":
        words = " ".join(DIGIT_WORDS[int(d)] for d in digits)
        return f"my number is {words}", words
    sep = rng.choice([" ", ", "])
    spaced = sep.join(" ".join(digits[i:i + 4]) for i in range(0, len(digits), 4))
    return f"my number is {spaced}", spaced


READ_BACK_WORDS = {w: str(d) for d, w in enumerate(DIGIT_WORDS)} | {"oh": "0", "nought": "0"}


def digits_of(written: str) -> str:
    """The digits a planted value holds, written as numerals or said as words."""
    return "".join(READ_BACK_WORDS.get(t, t) for t in re.findall(r"[a-z]+|\d", written.lower())
                   if t in READ_BACK_WORDS or t.isdigit())


def digit_runs(text: str) -> list[str]:
    """The digit runs a reader could get back from stored text: numerals and digit words ("double"
    and "triple" too) with nothing but spaces, commas, dots or dashes between them (how
    tests/unit/voc's spoken_digits_of reads them, run by run so separate numbers do not join)."""
    runs, run, end = [], "", 0
    tokens = list(re.finditer(r"[^\W\d_]+|\d+", text))
    i = 0
    while i < len(tokens):
        tok, word = tokens[i], tokens[i].group().lower()
        if run and not re.fullmatch(r"[\s,.-]*", text[end:tok.start()]):
            runs.append(run)
            run = ""
        nxt = tokens[i + 1].group().lower() if i + 1 < len(tokens) else ""
        if word in ("double", "triple") and nxt in READ_BACK_WORDS:
            run += READ_BACK_WORDS[nxt] * (2 if word == "double" else 3)
            end, i = tokens[i + 1].end(), i + 2
            continue
        digit = READ_BACK_WORDS.get(word, word if word.isdigit() else None)
        if digit is None:
            runs.append(run)
            run = ""
        else:
            run += digit
            end = tok.end()
        i += 1
    return [r for r in [*runs, run] if r]


def strings_in(value) -> list[str]:
    """Every string in what the readers returned (stream entries, hashes, sets ...)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*strings_in(k), *strings_in(v))]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in strings_in(v)]
    return []


def script(seed: int = 7) -> list[tuple[str, str | None, list[str], list[str]]]:
    """(sender, customer id or None, messages, planted PII values) per conversation."""
    rng = random.Random(seed)
    fakes = {loc: Faker(loc) for loc in LOCALES}
    for i, fake in enumerate(fakes.values()):
        fake.seed_instance(seed + i)
    run = os.urandom(3).hex()
    out = []
    for n in range(CONVERSATIONS):
        customer = rng.choice([None, None, "C1001", "C1002", "C1003", "C1004"])
        messages = [rng.choice(OPENERS)] + [rng.choice(FOLLOW_UPS) for _ in range(rng.randint(0, 2))]
        planted = []
        if rng.random() < 0.25:
            sentence, value = planted_pii(fakes[rng.choice(LOCALES)], rng)
            messages.insert(rng.randint(0, len(messages)), sentence)
            planted.append(value)
        out.append((f"voc-{run}-{n}", customer, messages, planted))
    return out


class Taxonomy:
    """voc/taxonomy.yml read the simple way: intent -> category, else the first keyword found;
    an intent of a broad sub-category only after the keywords, and only for a negative message."""

    def __init__(self) -> None:
        doc = yaml.safe_load((REPO / "voc" / "taxonomy.yml").read_text())
        self.by_intent, self.keywords, self.broad_intents = {}, [], set()
        for name, body in doc["categories"].items():
            for spec in (body.get("subcategories") or {}).values():
                for intent in spec.get("intents") or []:
                    self.by_intent[intent] = name
                    if spec.get("broad"):
                        self.broad_intents.add(intent)
                for keyword in spec.get("keywords") or []:
                    words = r"\s+".join(re.escape(w) for w in keyword.lower().split())
                    self.keywords.append((re.compile(rf"(?<!\w){words}(?!\w)", re.I), name))

    def category(self, intent: str, text: str, negative: bool) -> str | None:
        if intent in self.by_intent and intent not in self.broad_intents:
            return self.by_intent[intent]
        for pattern, name in self.keywords:
            if pattern.search(text):
                return name
        if intent in self.broad_intents:
            return self.by_intent[intent] if negative else None
        return "uncategorised" if negative else None


def customer_in(event: dict, sender: str) -> str | None:
    """The customer our channel vouched for in this message (its identity claim, bound to this sender)."""
    return customer_of_claim((event.get("metadata") or {}).get("identity"), sender, event["timestamp"])


def customer_of_claim(claim, sender: str, at: float) -> str | None:
    if not claim:
        return None
    claims = jwt.decode(claim, options={"verify_signature": False})
    return claims["sub"] if claims.get("sid") == sender and claims.get("exp", 0) > at else None


def expected_from_trackers(client: redis.Redis, api, taxonomy: Taxonomy):
    counts: dict[str, Counter] = defaultdict(Counter)
    customers: dict[tuple[str, str], set] = defaultdict(set)
    for key in client.scan_iter("rasa:tracker:*"):
        sender = key.split(":", 2)[2]
        caller = None  # a caller who proved who they are: their claim in the verification slot
        for e in api.events(sender):
            if e["event"] == "slot" and e["name"] == "verified_identity":
                caller = customer_of_claim(e.get("value"), sender, e["timestamp"])
            if e["event"] != "user" or not e.get("text") or SIGNALS.match(e["text"].strip()):
                continue
            parse = e.get("parse_data") or {}
            negative = (parse.get("sentiment") or {}).get("label") == "negative"
            category = taxonomy.category(parse["intent"]["name"], e["text"], negative)
            if category is None:
                continue
            channel = {"rest": "chat"}.get((e.get("metadata") or {}).get("channel") or e.get("input_channel"),
                                           (e.get("metadata") or {}).get("channel") or e.get("input_channel"))
            day = datetime.fromtimestamp(e["timestamp"], tz=timezone.utc).strftime("%Y-%m-%d")
            counts[day][f"{category}|{channel}"] += 1
            customer = customer_in(e, sender) or caller
            customers[(day, category)].add(f"customer:{customer}" if customer else f"conversation:{sender}")
    return counts, customers


# The README's definitions of a conversation's outcome, written again from the tracker's events.
FALLBACK_ACTIONS = {"action_rephrase", "action_default_fallback"}
ASKING_SLOTS = {"requested_slot", "handoff_offered", "request_offered", "verifying_caller"}


def expected_outcome(events: list[dict]) -> dict:
    turns = [e for e in events if e["event"] == "user" and e.get("text") and not SIGNALS.match(e["text"].strip())]
    actions = [e for e in events if e["event"] == "action" and e["name"] not in ("action_listen", "action_session_start")]
    final = {}
    for e in events:
        if e["event"] == "slot":
            final[e["name"]] = e["value"]
    fallbacks = []
    for i, turn in enumerate(turns):
        end = turns[i + 1]["timestamp"] if i + 1 < len(turns) else float("inf")
        answered = {a["name"] for a in actions if turn["timestamp"] <= a["timestamp"] < end}
        fallbacks.append(turn["parse_data"]["intent"]["name"] == "nlu_fallback" or bool(answered & FALLBACK_ACTIONS))
    waiting = any(final.get(s) for s in ASKING_SLOTS) or (actions and actions[-1]["name"] in FALLBACK_ACTIONS)
    if final.get("handoff_queued"):
        outcome = "handed_off"
    elif not turns or waiting:
        outcome = "abandoned"
    elif not any(fallbacks[-2:]):
        outcome = "resolved"
    else:
        outcome = "unresolved"
    reason = str(final.get("handoff_reason") or "") if outcome == "handed_off" else ""
    return {"outcome": outcome, "turns": len(turns), "fallbacks": sum(fallbacks), "handoff_reason": reason}


def analyst_token(backend, role: str = "analyst") -> str:
    """Minted the way an operator does: the CLI."""
    done = subprocess.run([sys.executable, "-m", "voc", "token", "create", "--role", role, "--name", "ci"],
                          env={**os.environ, "REDIS_URL": backend.redis_url}, capture_output=True, text=True,
                          cwd=REPO, check=True)
    return done.stdout.strip()


class Api:
    def __init__(self, stack) -> None:
        self.stack = stack
        self.http = httpx.Client(timeout=60)

    def events(self, sender: str) -> list[dict]:
        r = self.http.get(f"{self.stack.urls['rasa']}/conversations/{sender}/tracker",
                          params={"token": self.stack.api_token})
        return r.json()["events"]


def test_every_message_is_counted_exactly_once_through_a_worker_kill_and_a_broker_disconnect(backend):
    client = redis.Redis.from_url(backend.redis_url, decode_responses=True)
    api = Api(backend)
    conversations = script()
    sent = Counter()
    lock = threading.Lock()

    def converse(convo) -> None:
        sender, customer, messages, _ = convo
        with httpx.Client(timeout=60) as http:
            for text in messages:
                body = {"sender": sender, "message": text}
                if customer:
                    body["metadata"] = {"customer_token": token(customer)}
                r = http.post(backend.webhook, json=body)
                with lock:
                    sent[r.status_code] += 1

    voc = backend.services["voc"]
    done = Counter()
    sent_at = {}  # messages answered when each fault struck: the traffic was still live

    def messages_sent() -> int:
        with lock:
            return sum(sent.values())

    def faults() -> None:
        time.sleep(15)
        os.killpg(voc.proc.pid, signal.SIGKILL)  # the worker dies mid-stream, entries unacknowledged
        sent_at["worker killed"] = messages_sent()
        voc.proc.wait()
        done["worker killed"] += 1
        # the killed worker applies a batch in milliseconds, so it may have died holding none: a
        # second consumer takes a batch of the new traffic and "dies" holding it too, which only
        # XAUTOCLAIM by the restarted worker can bring back
        held = client.xreadgroup("voc-worker", "ci-dead-worker", {"voc:events": ">"}, count=20, block=5000)
        done["entries held by a dead consumer"] += sum(len(entries) for _, entries in held or [])
        time.sleep(5)
        for line in client.client_list():  # the broker loses its Redis connection during traffic
            if line.get("name") == "voc-broker":
                done["broker connections cut"] += client.client_kill_filter(_id=line["id"])
        sent_at["broker connections cut"] = messages_sent()
        time.sleep(10)
        done["pending before restart"] = client.xpending("voc:events", "voc-worker")["pending"]
        voc.start()
        voc.wait_healthy()
        done["worker restarted"] += 1

    chaos = threading.Thread(target=faults)
    chaos.start()
    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(converse, conversations))
    chaos.join()
    assert done["worker killed"] == done["worker restarted"] == 1 and done["broker connections cut"] >= 1, done
    total = sum(len(c[2]) for c in conversations)
    assert sent == Counter({200: total})
    assert all(0 < n < total for n in sent_at.values()) and len(sent_at) == 2, (sent_at, total)
    assert done["pending before restart"] >= done["entries held by a dead consumer"] > 0, done

    def caught_up() -> bool:
        group = next(g for g in client.xinfo_groups("voc:events") if g["name"] == "voc-worker")
        return group["pending"] == 0 and group["last-delivered-id"] == client.xinfo_stream("voc:events")["last-generated-id"]

    deadline = time.monotonic() + 120
    while not caught_up() and time.monotonic() < deadline:
        time.sleep(1)
    assert caught_up(), httpx.get(f"{backend.urls['voc']}/health").json()

    counts, customers = expected_from_trackers(client, api, Taxonomy())
    assert sum(sum(c.values()) for c in counts.values()) > 500
    for day, expected in counts.items():
        got = {k: int(v) for k, v in client.hgetall(f"voc:count:{day}").items() if not k.endswith("|severity")}
        assert got == dict(expected), day
    for (day, category), who in customers.items():
        assert client.scard(f"voc:customers:{day}:{category}") == len(who), (day, category)
    assert client.xlen("voc:irritants") == sum(sum(c.values()) for c in counts.values())

    # no planted personal data anywhere in VoC storage: the event stream or what the worker wrote
    planted = [v for c in conversations for v in c[3]]
    # a number said as digit words and one written as single numerals are among them
    assert any(re.fullmatch(r"[a-z]+(?: [a-z]+){6,}", v) for v in planted), planted
    assert any(re.fullmatch(r"\d(?:,? \d){6,}", v) for v in planted), planted
    numbers = [d for v in planted if len(d := digits_of(v)) >= 7]  # as numerals, whether written or said
    readers = {"stream": client.xrange, "hash": client.hgetall, "set": lambda k: sorted(client.smembers(k)),
               "list": lambda k: client.lrange(k, 0, -1), "zset": lambda k: client.zrange(k, 0, -1),
               "string": client.get}
    # the worker keeps closing conversations meanwhile (DEL of their working state), so a key
    # scanned a moment ago may be gone by the time it is read: it holds nothing then
    values = [readers[kind](k) for k in client.scan_iter("voc:*") if (kind := client.type(k)) != "none"]
    stored = json.dumps(values)
    compact = re.sub(r"[\s-]", "", stored)
    # and read back as a listener would: digit words and spaced numerals, string by string
    read_back = "|".join(run for text in strings_in(values) for run in digit_runs(text))
    for value in planted:
        assert value not in stored, value
    for digits in numbers:
        assert digits not in compact and digits not in read_back, digits

    check_outcomes_and_kpis(backend, client, api, conversations)
    check_erasure(backend, client, conversations, customers)
    client.close()


def check_outcomes_and_kpis(backend, client, api, conversations) -> None:
    """Each conversation ends once, with the outcome the definitions give; the API's KPIs add up."""
    secret = backend.secrets.voc_pseudonym
    ours = {pseudonym(secret, c[0]): c[0] for c in conversations}
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        records = [f for _, f in client.xrange("voc:outcomes") if f["conversation"] in ours]
        if len(records) >= len(ours) and not client.zcard("voc:open"):
            break
        time.sleep(1)
    assert len(records) == len(ours), f"{len(records)} of {len(ours)} conversations closed"
    assert len({r["conversation"] for r in records}) == len(ours)  # each closed once
    expected = {}
    for record in records:
        want = expected_outcome(api.events(ours[record["conversation"]]))
        got = {"outcome": record["outcome"], "turns": int(record["turns"]), "fallbacks": int(record["fallbacks"]),
               "handoff_reason": record["handoff_reason"]}
        assert got == want, ours[record["conversation"]]
        expected[record["conversation"]] = want
    outcomes = Counter(w["outcome"] for w in expected.values())
    assert len(outcomes) >= 3, outcomes  # the script reaches resolved, handed-off and abandoned ones

    # the API's KPIs: ours (from the trackers) plus whatever other tests' conversations closed
    others = [f for _, f in client.xrange("voc:outcomes") if f["conversation"] not in ours]
    days = sorted({datetime.fromtimestamp(float(f["ended"]), tz=timezone.utc).strftime("%Y-%m-%d")
                   for _, f in client.xrange("voc:outcomes")})
    http = httpx.Client(timeout=30, base_url=backend.urls["voc"])
    assert http.get("/v1/kpis").status_code == 401
    bearer = {"Authorization": f"Bearer {analyst_token(backend)}"}
    kpis = http.get("/v1/kpis", params={"since": days[0], "until": days[-1], "by": "total"}, headers=bearer)
    everyone = next(k for k in kpis.json() if k["channel"] == "all")
    n = len(expected) + len(others)
    assert everyone["conversations"] == n
    resolved = outcomes["resolved"] + sum(f["outcome"] == "resolved" for f in others)
    handed_off = outcomes["handed_off"] + sum(f["outcome"] == "handed_off" for f in others)
    abandoned = outcomes["abandoned"] + sum(f["outcome"] == "abandoned" for f in others)
    turns = sum(w["turns"] for w in expected.values()) + sum(int(f["turns"]) for f in others)
    fallback_turns = sum(w["fallbacks"] for w in expected.values()) + sum(int(f["fallbacks"]) for f in others)
    # average turns to resolution: the turns of resolved conversations over their number
    resolved_turns = sum(w["turns"] for w in expected.values() if w["outcome"] == "resolved") \
        + sum(int(f["turns"]) for f in others if f["outcome"] == "resolved")
    reasons = Counter(w["handoff_reason"] for w in expected.values() if w["handoff_reason"]) \
        + Counter(f["handoff_reason"] for f in others if f["outcome"] == "handed_off" and f.get("handoff_reason"))
    assert outcomes["resolved"] and outcomes["abandoned"] and reasons, (outcomes, reasons)
    assert everyone["containment"] == round(resolved / n, 3)
    assert everyone["handoff_rate"] == round(handed_off / n, 3)
    assert everyone["abandonment"] == round(abandoned / n, 3)
    assert everyone["fallback_rate"] == round(fallback_turns / turns, 3)
    assert everyone["avg_turns_to_resolution"] == round(resolved_turns / resolved, 2)
    assert everyone["handoff_reasons"] == dict(reasons)


def check_erasure(backend, client, conversations, customers) -> None:
    """Erasing C1001 removes every trace of their conversations and nothing of another customer's."""
    secret = backend.secrets.voc_pseudonym
    theirs = [c for c in conversations if c[1] == "C1001"]
    other = next(c for c in conversations if c[1] == "C1002")
    assert theirs
    # the unique-customer sets each customer is in, from the trackers (expected_from_trackers)
    sets_of = {who: [f"voc:customers:{day}:{category}" for (day, category), members in customers.items()
                     if f"customer:{who}" in members] for who in ("C1001", "C1002")}
    members = {who: customer_pseudonym(secret, who) for who in ("C1001", "C1002")}
    assert sets_of["C1001"] and sets_of["C1002"], sets_of
    assert all(client.sismember(key, members["C1001"]) for key in sets_of["C1001"])  # there before
    admin = {"Authorization": f"Bearer {analyst_token(backend, 'admin')}"}
    analyst = {"Authorization": f"Bearer {analyst_token(backend)}"}
    http = httpx.Client(timeout=120, base_url=backend.urls["voc"])
    assert http.delete("/v1/customers/C1001", headers=analyst).status_code == 403
    report = http.delete("/v1/customers/C1001", headers=admin)
    assert report.status_code == 200 and report.json()["trackers"] >= len(theirs), report.text
    senders = {c[0] for c in theirs}
    keys = set(client.scan_iter("*"))
    names = senders | {pseudonym(secret, s) for s in senders}
    # trackers, locks, hand-off states, transcripts ("voc-x-41" is not "voc-x-418": whole names)
    assert not [k for k in keys if k.rsplit(":", 1)[-1] in names]
    dump = json.dumps([client.xrange(k) for k in ("voc:events", "voc:irritants", "voc:outcomes", "handoff:queue")])
    for sender in senders:
        assert not re.search(re.escape(sender) + r"(?!\d)", dump) and pseudonym(secret, sender) not in dump
    # in no day's unique-customer set any more
    assert not [k for k in client.scan_iter("voc:customers:*") if client.sismember(k, members["C1001"])]
    # the other customer is untouched
    assert pseudonym(secret, other[0]) in dump and f"rasa:tracker:{other[0]}" in keys
    assert all(client.sismember(key, members["C1002"]) for key in sets_of["C1002"]), sets_of["C1002"]
