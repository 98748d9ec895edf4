"""Questions about the customer's own orders that the model reads as something else (nlu.order_questions)."""

import pytest

from nlu.order_questions import arrival_asked, arrival_demanded, date_pressed, orders_asked_about
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


@pytest.mark.parametrize("text, asked", [
    ("cant you just give me an actual date", True), ("can you give me an exact delivery date", True),
    ("what date will it come", True), ("can you tell me the time", False), ("give me a discount", False),
    ("what date is it today", False), ("what day is the shop open", False), ("give me a day to return it", False),
])
def test_the_day_it_comes_pressed_for_is_a_question_about_the_order(text, asked):
    assert date_pressed(text) is asked


@pytest.mark.parametrize("text, demanded", [
    ("my dress better turn up today", True), ("the sofa needs to be here by friday, my mum is visiting", True),
    ("it had better be good", False), ("you better sort this out", False),
    ("the refund better come through today", False), ("it should come with a plug right?", False),
])
def test_arrival_demanded(text, demanded):
    assert arrival_demanded(text) is demanded


class FeedbackNet(DecodingNet):
    """Reads everything as feedback, surely."""

    INTENTS = ("give_feedback", "order_status", "out_of_scope")

    def scores(self, text):
        return [4.0, 1.0, 0.0], [2.0, 0.0, 0.0]


def test_an_arrival_demanded_under_a_threat_is_a_question_about_the_order():
    predictor = rule_predictor(FeedbackNet, {"order_status": 1})
    text = "my dress better turn up today or im doing a chargeback and leaving 1 star reviews EVERYWHERE"
    assert predictor.parse(text)["intent"]["name"] == "order_status"
    assert predictor.parse("you lot are hopeless")["intent"]["name"] == "give_feedback"
