"""How a message longer than one clause or one window is read: clause by clause whatever its
length, a guessed clause not leading, details and sign-offs giving way to what the message is
about; and the words read the same way whatever the model says (a person called off, "me" for
"my", a word never cut between two entities)."""


import pytest
import torch

from nlu import tags as bio_tags
from nlu.person import asks_the_assistants_name, person_called_off
from nlu.requests import pick_requests
from nlu.spelling import DIALECT
from tests.unit.nlu.tiny import DecodingNet, rule_predictor


class WindowNet(DecodingNet):
    """wrong_item on "pyjamas", inform (sure) on "number", goodbye on "good one", give_feedback
    on "website"; else out_of_scope."""

    INTENTS = ("wrong_item", "inform", "goodbye", "give_feedback", "out_of_scope")

    def scores(self, text):
        return [3.0 if "pyjamas" in text else 0.0, 5.0 if "number" in text else 0.0,
                4.0 if "good one" in text else 0.0, 3.5 if "website" in text else 0.0, 1.0], [0.0, 1.0, 0.0]


def test_an_order_number_in_a_long_message_goes_with_its_request():
    p = rule_predictor(WindowNet, {"wrong_item": 7}, max_tokens=16)
    story = ("Hello. I ordered a blue jumper for my son and what arrived was a pair of pyjamas in a size small. "
             "He found it funny, I did not, because it is for Friday. My order number is ORD-61234.")
    assert len(p.windows(story)) > 1
    assert p.parse(story)["intent"]["name"] == "wrong_item"
    # with no request in the rest, the details stand
    plain = ("Hello. I am writing again about the thing I told you about on the phone earlier today. "
             "It is all fine now I think, really. My order number is ORD-61234.")
    assert p.parse(plain)["intent"]["name"] == "inform"


def test_a_sign_off_gives_way_to_what_the_message_said():
    p = rule_predictor(WindowNet, {"wrong_item": 7}, max_tokens=16)
    said = ("Hello! I just wanted to say the new website is so much easier to use than the old one was for me. "
            "The checkout page was slow to load though. Anyway, that is all, have a good one.")
    assert len(p.windows(said)) > 1
    assert p.parse(said)["intent"]["name"] == "give_feedback"
    bye = ("Hello! I just wanted to say hello to you all as it is my last day at the office today. "
           "It has been lovely working with you. Anyway, that is all, have a good one.")
    assert p.parse(bye)["intent"]["name"] == "goodbye"


class ClauseNet(DecodingNet):
    """order_status (clear) on "where"; wrong_item, a guess, on "ordered"; cancel_order (sure) on "cancel"."""

    INTENTS = ("order_status", "wrong_item", "cancel_order", "out_of_scope")

    def scores(self, text):
        return [2.5 if "where" in text else 0.0, 1.3 if "ordered" in text else 0.0,
                5.0 if "cancel" in text else 0.0, 1.0], [0.0, 1.0, 0.0]


def test_a_guessed_clause_does_not_lead_over_what_the_message_clearly_asks():
    p = rule_predictor(ClauseNet, {"wrong_item": 7, "cancel_order": 5, "order_status": 3})
    parsed = p.parse("so i ordered some trainers a while back, and i was wondering where they are")
    assert parsed["intent"]["name"] == "order_status"
    assert parsed["requests"] == []  # the guess is background, not a second request
    # a clear second request still leads by its priority
    both = p.parse("i was wondering where they are, and can you cancel the phone case")
    assert both["intent"]["name"] == "cancel_order"
    assert [r["intent"] for r in both["requests"]] == ["cancel_order", "order_status"]


def test_a_long_message_holds_two_requests():
    p = rule_predictor(ClauseNet, {"wrong_item": 7, "cancel_order": 5, "order_status": 3}, max_tokens=12)
    text = ("I would love to know where my sofa has got to by now after all this time waiting in for it, "
            "and also could you cancel the phone case order for me please")
    assert len(p.windows(text)) > 1
    assert [r["intent"] for r in p.parse(text)["requests"]] == ["cancel_order", "order_status"]


def test_courtesies_are_not_part_of_a_story():
    clauses = [(0, 10), (11, 20), (21, 30), (31, 40)]
    priorities = {"hours": 1, "cancel": 5}
    # "hi. sorry to be a pain. can you cancel it? what time do you close?": two requests, not a story
    picked = pick_requests(clauses, [("greet", 0.9), ("thanks", 0.5), ("cancel", 0.7), ("hours", 0.7)], priorities, 0.4)
    assert [r.intent for r in picked] == ["cancel", "hours"]
    # three clauses that tell something are a story: only the sure ones count
    story = pick_requests(clauses, [("late", 0.5), ("late", 0.5), ("cancel", 0.7), ("hours", 0.9)],
                          {**priorities, "late": 6}, 0.4)
    assert [r.intent for r in story] == ["hours"]


@pytest.mark.parametrize("text, called_off", [
    ("no forget it, cancel the agent", True), ("stop the hand-off please", True), ("cancel my request for a person", True),
    ("can I cancel the transfer? I paid by bank transfer twice", False),
    ("cancel my order", False), ("cancel the sofa", False), ("get me an agent", False),
])
def test_a_person_called_off(text, called_off):
    assert person_called_off(text) is called_off


class CancelNet(DecodingNet):
    INTENTS = ("cancel_order", "deny", "speak_to_human", "out_of_scope")

    def scores(self, text):
        return [5.0 if "cancel" in text else 0.0, 0.0, 1.0 if "agent" in text else 0.0, 1.0], [0.0, 1.0, 0.0]


def test_a_person_called_off_is_a_no_not_a_cancellation():
    p = rule_predictor(CancelNet, {"cancel_order": 5, "speak_to_human": 9})
    assert p.parse("no forget it, cancel the agent")["intent"]["name"] == "deny"
    assert p.parse("please cancel the order")["intent"]["name"] == "cancel_order"


def _dialect(text):
    for pattern, written in DIALECT:
        text = pattern.sub(written, text)
    return text


@pytest.mark.parametrize("said, written", [
    ("hiya wheres me dress at", "hiya wheres my dress"),
    ("where's me parcel?", "where's my parcel?"),
    ("can u check me order", "can u check my order"),
    ("tell me where it's at?", "tell me where it's?"),
    ("tell me about the sofa", "tell me about the sofa"),
    ("look at me now", "look at me now"),
    ("wears my parcel", "where's my parcel"),  # a slip into a real word
    ("Hi. were is my sofa?", "Hi. where's my sofa?"),
    ("she wears my jacket more than I do", "she wears my jacket more than I do"),
    # text-speak "for" and "to", never a count
    ("how long 4 delivery", "how long for delivery"), ("still waiting 4 my refund", "still waiting for my refund"),
    ("waited 4 days", "waited 4 days"), ("need 2 talk 2 someone", "need to talk to someone"),
    ("i have 2 orders", "i have 2 orders"), ("got charged 2 times", "got charged 2 times"),
])
def test_spoken_english_as_typed(said, written):
    assert _dialect(said) == written


def test_a_word_is_never_cut_between_two_entities():
    tags = ["O", *(f"{p}-{bio_tags.tag_key(e, None, None)}" for e in ("order_id", "phone_number") for p in "BI")]
    text = "its 20001, ok"
    offsets = [[0, 3], [4, 8], [8, 9], [9, 10], [11, 13]]
    logits = torch.full((len(offsets), len(tags)), -5.0)
    logits[0, 0] = logits[3, 0] = logits[4, 0] = 5.0
    logits[1, 1] = 0.5  # "2000": an order id, unsure
    logits[2, 3] = 5.0  # "1": a phone number, sure
    spans = bio_tags.decode(text, offsets, logits, tags)
    assert [(f.entity, f.value) for f in spans] == [("phone_number", "20001")]  # one word, one entity; the comma stays out
    # two words are two spans
    logits[2, 3], logits[2, 0] = -5.0, 5.0
    assert [(f.entity, f.value) for f in bio_tags.decode("its 2000 1", [[0, 3], [4, 8], [9, 10], [10, 10], [10, 10]],
                                                         logits, tags)] == [("order_id", "2000")]


@pytest.mark.parametrize("text, asked", [
    ("what's your name then", True), ("whats ur name", True), ("do you have a name?", True),
    ("what's the name of the courier", False), ("what name is the order under", False),
    ("do you have a name necklace in gold?", False),
])
def test_the_assistants_name_asked(text, asked):
    assert asks_the_assistants_name(text) is asked


def test_the_assistants_name_asked_is_a_question_about_the_bot():
    class NameNet(DecodingNet):
        INTENTS = ("opening_hours_contact", "bot_challenge", "out_of_scope")

        def scores(self, text):
            return [4.0 if "your" in text else 0.0, 0.0, 1.0], [0.0, 1.0, 0.0]

    p = rule_predictor(NameNet, {"opening_hours_contact": 1})
    assert p.parse("what's your name then")["intent"]["name"] == "bot_challenge"
    assert p.parse("what are your hours")["intent"]["name"] == "opening_hours_contact"


class SignOffNet(DecodingNet):
    """request_refund, at better than even odds but unsure, on "refunded"; thanks (sure) on "thank you"."""

    INTENTS = ("request_refund", "thanks", "out_of_scope")

    def scores(self, text):
        return [1.5 if "refunded" in text else 0.0, 4.0 if "thank you" in text.lower() else 0.0, 0.0], [0.0, 1.0, 0.0]


def test_a_request_at_even_odds_outweighs_the_thank_you_that_ends_a_long_message():
    p = rule_predictor(SignOffNet, {"request_refund": 5}, max_tokens=24)
    story = ("About a month ago I bought a toaster from your website and it stopped working after a week. "
             "I would like to send it back to you and to have all of my money refunded to my card please. Thank you.")
    assert len(p.windows(story)) > 2
    assert p.parse(story)["intent"]["name"] == "request_refund"
    # a thank-you after nothing asked stays thanks
    assert p.parse("About a month ago I bought a toaster from your website and it has been lovely to use, "
                   "every single morning of the week. Thank you.")["intent"]["name"] == "thanks"


class StoryClauseNet(DecodingNet):
    """delivery_late, a weak reading, on "ordered"; wrong_item, a weak reading, on "fit"; request_refund (sure) on
    "money back"; refund_not_received (sure) on "refund"."""

    INTENTS = ("delivery_late", "wrong_item", "item_damaged", "request_refund", "refund_not_received", "out_of_scope")

    def scores(self, text):
        return [1.6 if "ordered" in text else 0.0, 1.6 if "fit" in text else 0.0, 0.0,
                5.0 if "money back" in text else 0.0, 5.0 if "refund" in text else 0.0, 0.5], [0.0, 1.0, 0.0]


def test_a_clause_whose_words_say_otherwise_is_read_again():
    p = rule_predictor(StoryClauseNet, {"delivery_late": 9, "wrong_item": 8, "item_damaged": 8,
                                        "refund_not_received": 6, "request_refund": 5})
    # a fault, with no word of lateness, is no late delivery
    broken = p.parse("the toaster i ordered last month has just given up, only had it a week. "
                     "Is it possible to send it back and get my money back instead?")
    assert [r["intent"] for r in broken["requests"]] == ["item_damaged", "request_refund"]
    assert broken["intent"]["name"] == "item_damaged"
    # an item already sent back is the story of the refund that has not come
    returned = p.parse("Sent back some sandals that didn't fit about a fortnight ago, and still haven't had the refund "
                       "come through")
    assert returned["intent"]["name"] == "refund_not_received"
    assert returned["requests"] == []
    # …and so is one whose refund has not come, wherever the return is told
    told = p.parse("Bought some sandals, they didn't fit. I sent them back two weeks ago and the refund still hasn't shown")
    assert told["intent"]["name"] == "refund_not_received"
    # a clause that says it is late stays late
    late = p.parse("the toaster i ordered last month is two weeks late and it has just given up waiting. "
                   "Can I get my money back?")
    assert late["requests"][0]["intent"] == "delivery_late"
