import pytest

from actions import replies
from actions.delivery_questions import parcel_on_its_way, preference_asked
from actions.profiles import Customer, Order


@pytest.mark.parametrize("text, asked", [
    ("Can the courier leave my parcel with a neighbour?", True), ("can they leave it in the porch", True),
    ("is there a safe place option", True), ("can they leave the sofa in the garage", True), ("can i choose a different delivery day", True),
    ("Will they leave it somewhere safe?", True),
    ("Hey. My dress is out for delivery. But I've just realised I'm not home. What are my options?", True),
    ("I won't be in tomorrow, can it come another day?", True), ("I'm not in a rush", False),
    ("I'm not interested in excuses", False), ("I'm not in any hurry, just wondering when it will arrive?", False),
    ("is there no one in your call centre who can help?", False), ("I won't be in touch again", False),
    ("need to know if i can leave the return box on the doorstep", False), ("where is my parcel", False), ("can i change the time slot for my callback", False),
])
def test_questions_about_where_or_when_a_parcel_is_left(text, asked):
    assert preference_asked(text) is asked


def _order(order_id, status, url=None):
    return Order(order_id, status, "2026-11-20", ["thing"], "£10", carrier="DPD", tracking_url=url)


def test_the_parcel_asked_about_is_the_single_one_on_its_way():
    shipped, delivered = _order("ORD-1", "shipped", "https://t/1"), _order("ORD-2", "delivered")
    customer = Customer("C1", "Ann Lee", "gold", "email", "a@example.com", [shipped, delivered])
    assert parcel_on_its_way(customer, []) is shipped
    assert parcel_on_its_way(customer, [delivered]) is None  # the one named has arrived already
    two = Customer("C2", "Bo Li", "gold", "email", "b@example.com",
                   [shipped, _order("ORD-3", "out_for_delivery")])
    assert parcel_on_its_way(two, []) is None and parcel_on_its_way(None, []) is None
    assert "https://t/1" in replies.delivery_preference(shipped, customer)
    assert "agent" in replies.delivery_preference(_order("ORD-4", "delayed"), customer)


@pytest.mark.parametrize("text, asked_only, besides", [
    ("is my dress still coming today? and how much is delivery", False, True),
    ("Hello, I'm thinking of buying a sofa. Do you do finance? And how long is delivery?", False, False),
    ("Hey. My dress is out for delivery. But I've just realised I'm not home. What are my options?", True, False),
    ("is my dress still coming today? can they leave it with a neighbour", True, True),
])
def test_an_order_of_their_own_besides_the_delivery_question(text, asked_only, besides):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import about_an_order_besides
    assert about_an_order_besides(text, asked_only) is besides


def test_a_guest_naming_their_order_with_a_question_of_where_to_leave_it_is_answered_about_the_order():
    import os
    from unittest import mock

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import delivery_question_answered

    def answered(text):
        message = {"text": text, "intent": {"name": "order_status", "confidence": 0.9}, "entities": []}
        dispatcher = CollectingDispatcher()
        tracker = Tracker("guest", {}, message, [{"event": "user", "text": text, "parse_data": message}], False, None, {}, "")
        return delivery_question_answered(dispatcher, tracker), dispatcher.messages

    events, _ = answered("Hi there, I need to know where it is because we're away from next Tuesday and nobody will "
                         "be in. The order number is ORD-20001.")
    assert events is None  # left to the order's answer, which asks a guest to sign in
    events, said = answered("I won't be in tomorrow, can they leave it with a neighbour?")
    assert events is not None and said[0]["response"] == "utter_delivery_options"
