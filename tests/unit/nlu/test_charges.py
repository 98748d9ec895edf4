"""Charges complained of in so many words, and a device's charge (nlu.charges)."""

import pytest

from nlu.charges import unexpected_charge_said
from nlu.evidence import RULED_OUT
from tests.unit.nlu.tiny import DecodingNet, rule_predictor


@pytest.mark.parametrize("text, unexpected", [
    ("You've billed me for an order I cancelled", True), ("paid twice for the same order, please refund one of them", True),
    ("i cancelled the order but you still took the money", True), ("i got charged for a cancelled order", True),
    ("there are two payments on my statement", True), ("I've been double charged", True),
    ("the phone case order has come out twice, same amount both times", True),
    ("you charged me for something I never ordered", True), ("youve charged me twise for the air fyer", True),
    ("I've called twice about this", False), ("I cancelled my order, can I get a refund", False),
    ("how much do you charge for delivery?", False), ("I paid for next day delivery", False),
    ("I paid for a double bed but you sent a single", False), ("The courier has taken it back to the depot twice now", False),
    ("My card payment was cancelled by the bank, how can I pay now?", False),
])
def test_an_unexpected_charge_said(text, unexpected):
    assert unexpected_charge_said(text) is unexpected


@pytest.mark.parametrize("text, ruled_out", [
    ("the vacuum cleaner won't charge at all", True), ("my headphones don't hold a charge", True),
    ("the charging port is loose", True),
    ("my headphones won't charge and you charged me twice", False), ("I was charged twice", False),
    ("you never charge me delivery normally, why this time?", False), ("why did you not charge the discount code", False),
])
def test_a_devices_charge_is_no_billing_complaint(text, ruled_out):
    assert RULED_OUT["billing_charged_twice"](text) is ruled_out


class RefundNet(DecodingNet):
    """Reads everything as request_refund, billing next."""

    INTENTS = ("request_refund", "billing_charged_twice", "item_damaged")

    def scores(self, text):
        return [2.0, 1.0, 0.0], [0.0, 3.0, 0.0]


def test_a_charge_not_expected_is_the_billing_complaint_whatever_refund_it_asks():
    predictor = rule_predictor(RefundNet, {"billing_charged_twice": 2, "request_refund": 1})
    parsed = predictor.parse("paid twice for the same order, please refund one of them")
    assert parsed["intent"]["name"] == "billing_charged_twice" and parsed["sentiment"]["label"] == "negative"
    assert predictor.parse("I'd like a refund for the kettle please")["intent"]["name"] == "request_refund"


@pytest.mark.parametrize("text, said", [
    ("I can't log in", True), ("forgot my pasword", True), ("i cant lorg in", True), ("it says too many attempts", True),
    ("hi can i chang my delivry adres", True),
    ("Morning. I bought a kettle from you last month. She says the switch doesn't click on any more.", False),
])
def test_a_word_of_an_account(text, said):
    from nlu.evidence import account_said
    assert account_said(text) is said
