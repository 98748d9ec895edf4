"""Session 35's probes: another company's own doings told with other verbs, the chemist's business, an item sent back
weeks ago with its money asked, and weeks waited said unhappily."""

import pytest

from nlu.elsewhere import about_another_business
from nlu.evidence import refund_after_return_awaited
from tests.unit.nlu.tiny import DecodingNet, rule_predictor


@pytest.mark.parametrize("text", [
    "Tesco missed my grocery delivery slot this morning, who do I ring to complain to them?",
    "Spotify took two payments off me this month, how do I get them to give one back?",
    "my prescription is late from the pharmacy, is that something you can chase",
    "Ocado cancelled my order last minute, can they do that?",
])
def test_another_companys_doings_in_other_verbs_are_theirs(text):
    assert about_another_business(text), text


@pytest.mark.parametrize("text", [
    "I returned the boots 2 weeks ago at the Post Office. Post Office still shows it as not scanned, where is my refund?",
    "The post office took my return a fortnight ago, where's my refund",
    "my air fryer from you is still not here, Tesco took longer though",
    "I ordered a phone case from you but Amazon never sent mine either",
])
def test_our_parcels_through_the_post_office_and_others_compared_stay_ours(text):
    assert not about_another_business(text), text


@pytest.mark.parametrize("text,awaited", [
    ("I just want the refund for the headphones I returned six weeks ago", True),
    ("I sent the dress back a fortnight ago, when do I get my money back?", True),
    ("I returned the kettle last week, can I get a refund for the postage too?", True),
    ("I returned the kettle last week and got a new one", False),
    ("I want to return the headphones and get a refund", False),
])
def test_an_item_sent_back_weeks_ago_with_its_money_asked_is_a_refund_awaited(text, awaited):
    assert refund_after_return_awaited(text) is awaited


class FeedbackNet(DecodingNet):
    """give_feedback, sure, on every message; negative on "shocking" or "A MONTH"; request_refund on "want the
    refund"."""

    INTENTS = ("give_feedback", "delivery_late", "request_refund", "refund_not_received", "inform")

    def scores(self, text):
        refund = "want the refund" in text
        sad = "shocking" in text or "a month" in text.lower()
        return ([0.0 if refund else 5.0, 0.0, 6.0 if refund else 0.0, 0.0, 0.0], [3.0 if sad else 0.0, 1.0, 0.0])


def test_weeks_waited_said_unhappily_is_a_late_delivery_whatever_the_model_read():
    p = rule_predictor(FeedbackNet, {"delivery_late": 5, "refund_not_received": 5, "request_refund": 4})
    assert p.parse("I've been waiting three weeks for my parcel, shocking")["intent"]["name"] == "delivery_late"
    # said contentedly, it stays what the model read
    assert p.parse("I've been waiting three weeks for my parcel, no rush")["intent"]["name"] == "give_feedback"


def test_the_money_asked_for_an_item_sent_back_weeks_ago_is_a_refund_missing():
    p = rule_predictor(FeedbackNet, {"delivery_late": 5, "refund_not_received": 5, "request_refund": 4})
    parsed = p.parse("I just want the refund for the headphones I returned six weeks ago")
    assert parsed["intent"]["name"] == "refund_not_received"
    assert p.parse("I want the refund, I will return them tomorrow")["intent"]["name"] == "request_refund"
