"""Questions about the customer's own orders that the model reads as something else (nlu.order_questions)."""

import pytest

from nlu.order_questions import arrival_asked, orders_asked_about
from tests.unit.nlu.tiny import DecodingNet, rule_predictor


@pytest.mark.parametrize("text, asked", [
    ("hello, the ordr with DPD, wen it arive?", True), ("the sofa, when is it coming?", True),
    ("the sofa, it was meant to arrive monday", False), ("when it arrives I'll check it", False),
])
def test_when_it_arrives_asked(text, asked):
    assert arrival_asked(text) is asked


@pytest.mark.parametrize("text, asked", [
    ("Are you able to see what I've ordered, or do I need to ring somebody?", True),
    ("can you check what i ordered", True), ("I don't know what I ordered it for", False),
])
def test_what_was_ordered_asked(text, asked):
    assert orders_asked_about(text) is asked


class DetailsNet(DecodingNet):
    """Reads everything as inform, surely."""

    INTENTS = ("inform", "order_status", "out_of_scope")

    def scores(self, text):
        return [4.0, 1.0, 0.0], [0.0, 1.0, 0.0]


def test_details_given_with_when_it_arrives_asked_is_about_the_order():
    predictor = rule_predictor(DetailsNet, {"order_status": 1})
    assert predictor.parse("hello, the ordr with DPD, wen it arive?")["intent"]["name"] == "order_status"
    # an order number given, as an answer to "which order?", is left to the form
    assert predictor.parse("ORD-20002, when will it arrive?")["intent"]["name"] == "inform"
    assert predictor.parse("the one with DPD")["intent"]["name"] == "inform"
