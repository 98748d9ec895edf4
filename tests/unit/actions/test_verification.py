import time

import pytest

from actions.profiles import Customer
from actions.verification import VERIFIED_SLOT, claim_for, last_four, matches, on_voice, verified_customer_id

SECRET = "s" * 40
ALICE = Customer("C1001", "Alice Martin", "platinum", "email", "a@example.com", [], phone="+44 7700 900123")


@pytest.mark.parametrize("text,digits", [
    ("0123", "0123"), ("it's 0 1 2 3", "0123"), ("zero one two three", "0123"), ("Oh, one, two, three.", "0123"),
    ("my number ends in 9 0 0 1 2 3", "0123"), ("one two", None), ("I don't know", None),
])
def test_the_last_four_digits_said_or_typed(text, digits):
    assert last_four(text) == digits


def test_the_digits_must_end_the_profiles_phone_number():
    assert matches(ALICE, "0123") and not matches(ALICE, "0124")
    assert not matches(Customer("C9", "N", "s", "email", "n@x", []), "0000")  # no phone on file: no match


def voice_message(channel="voice"):
    return [{"event": "user", "text": "0123", "input_channel": channel}]


def test_a_verified_caller_is_that_customer_for_voice_messages_of_this_call_only():
    claim = claim_for(ALICE, "CA1", SECRET, 3600)
    slots = {VERIFIED_SLOT: claim}
    assert verified_customer_id(slots, voice_message(), "CA1", SECRET) == "C1001"
    assert on_voice(voice_message()) and not on_voice(voice_message("rest"))
    # the website channel cannot ride it, another call cannot reuse it, a forged one names nobody
    assert verified_customer_id(slots, voice_message("rest"), "CA1", SECRET) is None
    assert verified_customer_id(slots, voice_message(), "CA2", SECRET) is None
    assert verified_customer_id({VERIFIED_SLOT: claim_for(ALICE, "CA1", "x" * 40, 3600)}, voice_message(), "CA1",
                                SECRET) is None
    assert verified_customer_id({}, voice_message(), "CA1", SECRET) is None


def test_after_verifying_the_answer_is_about_the_order_proved_not_a_number_in_the_digits():
    import datetime as dt
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    from tools.demo import demo_customers

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import order_choice

    alice = next(c for c in demo_customers(dt.date(2026, 11, 30)) if c.customer_id == "C1001")
    # the phone digits as the recogniser wrote them, and the tagger's stray order id in them
    digits = {"text": "0-1-2-3.", "intent": {"name": "inform"},
              "entities": [{"entity": "order_id", "value": "3", "start": 6, "end": 7}]}
    tracker = Tracker("v", {}, digits, [{"event": "user", **digits}], False, None, {}, "action_listen")
    assert order_choice(tracker, alice, "order_status").unknown_id is None  # a lone digit names no order
    assert order_choice(tracker, alice, "order_status", order_id="ORD-10001").order.order_id == "ORD-10001"


def test_a_call_that_connects_again_must_prove_who_it_is_again():
    """A call id seen before (a reconnect, or someone replaying a finished call's id without
    signature checks) does not inherit the proof: no name in the greeting, the proof cleared."""
    import os
    from unittest import mock

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import settings
        from actions.calls import ActionCallConnected

        claim = claim_for(ALICE, "CA1", settings().identity_claim_secret, 3600)
        connected = {"text": "/call_connected", "intent": {"name": "call_connected"}, "entities": []}
        events = [{"event": "user", "input_channel": "voice", **connected}]
        tracker = Tracker("CA1", {VERIFIED_SLOT: claim, "verifying_caller": True}, connected, events, False, None,
                          {}, "action_listen")
        dispatcher = CollectingDispatcher()
        cleared = ActionCallConnected().run(dispatcher, tracker, {})
    assert "Alice" not in dispatcher.messages[0]["text"] and dispatcher.messages[0]["text"]
    assert {e["name"]: e["value"] for e in cleared}[VERIFIED_SLOT] is None
    assert {e["name"]: e["value"] for e in cleared}["verifying_caller"] is False
