import re

from contracts import redis_keys
from contracts.ports import DEFAULT_PORTS
from contracts.records import ParseResult, latest_user_message, user_messages


def test_every_key_is_namespaced_documented_and_has_a_lifetime():
    doc = redis_keys.__doc__
    for spec in redis_keys.KEYS:
        assert re.match(r"^(profile|handoff|rasa|voc):", spec.pattern), spec.pattern
        assert f"`{spec.pattern}`" in doc, f"{spec.pattern} missing from the key table"
        assert spec.holds and spec.lifetime and spec.written_by
    assert redis_keys.rasa_tracker("s1") == "rasa:tracker:s1" and redis_keys.rasa_lock("s1") == "rasa:lock:s1"


def test_ports_are_distinct():
    assert len(set(DEFAULT_PORTS.values())) == len(DEFAULT_PORTS)


def test_parse_result_and_user_messages_from_rasa_json():
    events = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "hi", "parse_data": {"intent": {"name": "greet", "confidence": 0.9}}},
        {"event": "bot", "text": "hello"},
        {"event": "user", "text": "my parcel is late!", "metadata": {"identity": "x"},
         "parse_data": {"intent": {"name": "delivery_late", "confidence": 0.8},
                        "entities": [{"entity": "order_id", "start": 0, "end": 3, "value": "ORD-1"}],
                        "sentiment": {"label": "negative", "score": 0.97}, "model": "nlu-1"}},
    ]
    msgs = user_messages(events)
    assert [m.intent for m in msgs] == ["greet", "delivery_late"]
    assert msgs[0].sentiment.label == "neutral"  # no sentiment (another NLU): neutral
    last = latest_user_message(events)
    assert last.sentiment.label == "negative" and last.parse.entities[0].value == "ORD-1"
    assert last.parse.elsewhere is False  # not said: about us
    assert ParseResult.from_dict({"intent": {"name": "out_of_scope"}, "elsewhere": True}).elsewhere is True
    assert last.metadata == {"identity": "x"} and last.parse.model == "nlu-1"
    assert ParseResult.from_dict(None).intent.name == ""
