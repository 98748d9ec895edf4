import random
import textwrap
from dataclasses import replace

import pytest
import torch

from nlu.augment import NEIGHBOURS, augmented, speech_like, typo_like, vented
from nlu.metadata import Labels
from nlu.nonsense import distinctive_words, generate, salad_words
from nlu.predictor import Predictor
from nlu.requests import (after_greeting, best_clause, clause_spans, demand_in_anger, pick_requests, request_in_reaction, taken_back,
                          word_cuts)
from nlu.training_data import EntitySpan, Example, TrainingDataError, load_project
from tests.unit.nlu.tiny import DecodingNet, tiny_metadata, tiny_model

ORDER = Example("Where's my order ORD-12345? It's late", "order_status",
                entities=(EntitySpan(17, 26, "ORD-12345", "order_id"),))


def test_typos_change_the_words_but_never_an_entity():
    rng = random.Random(3)
    variants = [typo_like(ORDER, rng) for _ in range(200)]
    assert sum(v.text != ORDER.text for v in variants) >= 190
    for v in variants:
        span = v.entities[0]
        assert v.text[span.start:span.end] == "ORD-12345"
        assert abs(len(v.text) - len(ORDER.text)) <= 2  # one or two slips, not a rewrite


def test_anger_around_a_request_keeps_its_intent_and_entities_and_turns_the_sentiment():
    rng = random.Random(5)
    variants = [vented(ORDER, rng) for _ in range(100)]
    assert {v.intent for v in variants} == {"order_status"} and {v.sentiment for v in variants} == {"negative"}
    assert any(v.text.startswith(ORDER.text) for v in variants) and any(v.text.endswith(ORDER.text) for v in variants)
    for v in variants:
        span = v.entities[0]
        assert v.text[span.start:span.end] == "ORD-12345"
    # only the intents that are requests, and only with the probability asked for
    assert augmented(ORDER, random.Random(1), 0.0, 0.0, 0.0, frozenset({"order_status"})) == ORDER
    greet = Example("hello there", "greet")
    assert all(augmented(greet, rng, 0.0, 0.0, 1.0, frozenset({"order_status"})) == greet for _ in range(20))
    assert all(augmented(ORDER, rng, 0.0, 0.0, 1.0, frozenset({"order_status"})).sentiment == "negative"
               for _ in range(20))


def test_neighbouring_keys_are_neighbours():
    assert set(NEIGHBOURS["g"]) == set("fhtyvb")
    assert set(NEIGHBOURS["q"]) == set("wa")


def test_augmentation_mixes_speech_like_and_typos_reproducibly():
    a = [augmented(ORDER, random.Random(5), 0.5, 0.5).text for _ in range(3)]
    assert len(set(a)) == 1  # same seed, same variant
    rng = random.Random(7)
    texts = {augmented(ORDER, rng, 0.5, 0.5).text for _ in range(100)}
    assert ORDER.text in texts and speech_like(ORDER).text in texts and len(texts) > 20
    assert {augmented(ORDER, rng, 0.0, 0.0).text for _ in range(20)} == {ORDER.text}


@pytest.mark.parametrize("text,clauses", [
    ("the sofa is eight days late and honestly I would rather have a refund",
     ["the sofa is eight days late", "honestly I would rather have a refund"]),
    ("the air fryer came dented, and on top of that you took the payment twice",
     ["the air fryer came dented", "you took the payment twice"]),
    ("my dress is coming today yeah? oh and I can't log into the app",
     ["my dress is coming today yeah", "I can't log into the app"]),
    ("my phone case and screen protector have not arrived", ["my phone case and screen protector have not arrived"]),
    ("Hi. Where is my order? Thanks.", ["Hi", "Where is my order? Thanks"]),  # fragments join a neighbour,
    ("hey wher is my ordr", ["hey", "wher is my ordr"]),  # except an opening greeting
    ("Good morning, I need to change my address", ["Good morning", "I need to change my address"]),
    ("hi there", ["hi there"]), ("hello again", ["hello again"]), ("heyyy where is it", ["heyyy where is it"]),
    # and an acknowledgement closed by punctuation
    ("fine, where's the sofa then", ["fine", "where's the sofa then"]),
    ("ok whatever. is it any closer?", ["ok whatever", "is it any closer"]),
    ("ok cancel it", ["ok cancel it"]), ("fine, thanks", ["fine, thanks"]), ("yes please", ["yes please"]),
    # a second request's verb after "and", and a verb with an order number as a request of two words
    ("track my trainers pls and cancel the kettle order", ["track my trainers pls", "cancel the kettle order"]),
    ("track ORD-20002 and cancel ORD-20001", ["track ORD-20002", "cancel ORD-20001"]),
    ("i want to cancel and refund the sofa", ["i want to cancel and refund the sofa"]),
    ("please cancel the order and refund my card", ["please cancel the order and refund my card"]),
    ("its ORD-20001. where is it", ["its ORD-20001. where is it"]),
    ("sofa late. cancel phone case", ["sofa late", "cancel phone case"]),
    ("not late. where is it", ["not late. where is it"]),
    ("you charged me twice and now the site won't let me log in", ["you charged me twice", "now the site won't let me log in"]),
])
def test_clauses(text, clauses):
    assert [text[s:e] for s, e in clause_spans(text)] == clauses


def test_requests_are_distinct_confident_and_ordered_by_priority():
    clauses = [(0, 10), (11, 20), (21, 30)]
    priorities = {"late": 6, "cancel": 5, "status": 3}
    picked = pick_requests(clauses, [("status", 0.9), ("cancel", 0.8), ("late", 0.3)], priorities, 0.5)
    assert [r.intent for r in picked] == ["cancel", "status"]  # "late" too unsure to count
    one = pick_requests(clauses, [("status", 0.9), ("status", 0.95), ("greet", 0.9)], priorities, 0.5)
    assert [(r.intent, r.start) for r in one] == [("status", 11)]  # one request, from its surest clause
    assert pick_requests(clauses, [("greet", 0.9), ("thanks", 0.9), ("late", 0.4)], priorities, 0.5) == []


def test_a_story_around_the_request_does_not_outrank_it():
    # "My air fryer arrived last week and I've only used it twice. ... I'd like it replaced."
    clauses = [(0, 10), (11, 20), (21, 30)]
    priorities = {"charged_twice": 8, "late": 6, "refund": 4}
    picked = pick_requests(clauses, [("late", 0.55), ("charged_twice", 0.76), ("refund", 0.92)], priorities, 0.5)
    assert [r.intent for r in picked] == ["refund"]
    # with nothing sure, no clause is a request: the reading of the whole story stands
    assert pick_requests(clauses, [("late", 0.55), ("charged_twice", 0.7), ("refund", 0.6)], priorities, 0.5) == []
    # two clauses are two requests, sure or not ("is my dress still coming? oh and I can't log in")
    two = pick_requests(clauses[:2], [("late", 0.55), ("refund", 0.92)], priorities, 0.5)
    assert [r.intent for r in two] == ["late", "refund"]


def test_an_unsure_message_takes_its_surest_clause_requests_first():
    clauses = [(0, 10), (11, 20)]
    priorities = {"status": 3}
    assert best_clause(clauses, [("thanks", 0.9), ("status", 0.7)], priorities, 0.5).intent == "status"
    assert best_clause(clauses, [("thanks", 0.9), ("status", 0.4)], priorities, 0.5).intent == "thanks"
    assert best_clause(clauses, [("thanks", 0.3), ("status", 0.4)], priorities, 0.5) is None


def test_the_one_request_inside_a_reaction_leads():
    clauses = [(0, 10), (11, 20)]
    priorities = {"human": 9, "status": 3}
    found = request_in_reaction("deny", clauses, [("bot_challenge", 0.8), ("human", 0.9)], priorities, 0.5)
    assert (found.intent, found.start) == ("human", 11)
    assert request_in_reaction("affirm", clauses, [("deny", 0.8), ("human", 0.9)], priorities, 0.5) is None
    assert request_in_reaction("deny", clauses, [("status", 0.8), ("human", 0.9)], priorities, 0.5) is None
    assert request_in_reaction("deny", clauses, [("deny", 0.8), ("human", 0.4)], priorities, 0.5) is None
    # a sure reaction does not yield to an unsure request; an unsure one does
    off_topic = [("out_of_scope", 0.95), ("status", 0.6)]
    assert request_in_reaction("out_of_scope", clauses, off_topic, priorities, 0.5, whole_confidence=0.9) is None
    assert request_in_reaction("out_of_scope", clauses, off_topic, priorities, 0.5, whole_confidence=0.6).intent == "status"
    # …but a sure "no" does: "I was going to cancel it but I'll keep it. When will it ship?"
    no_then_asked = [("deny", 0.93), ("status", 0.55)]
    assert request_in_reaction("deny", clauses, no_then_asked, priorities, 0.5, whole_confidence=0.86).intent == "status"
    assert request_in_reaction("out_of_scope", clauses, [("out_of_scope", 0.95), ("status", 0.85)], priorities, 0.5,
                               whole_confidence=0.9).intent == "status"


def test_what_follows_a_greeting_leads_when_it_is_clear():
    clauses = [(0, 5), (6, 30)]
    found = after_greeting("greet", clauses, [("greet", 0.95), ("bot_challenge", 0.85)], {"status": 3})
    assert (found.intent, found.start) == ("bot_challenge", 6)
    assert after_greeting("greet", clauses, [("greet", 0.95), ("out_of_scope", 0.6)], {}) is None  # "hey, I have a question"
    assert after_greeting("thanks", clauses, [("greet", 0.95), ("bot_challenge", 0.85)], {}) is None


def test_a_greeting_is_not_part_of_a_story():
    clauses = [(0, 3), (4, 20), (21, 40)]
    found = pick_requests(clauses, [("greet", 0.9), ("status", 0.85), ("recommend", 0.6)],
                          {"status": 3, "recommend": 1}, 0.4)
    assert [r.intent for r in found] == ["status", "recommend"]  # two requests, not a story of three


def test_a_request_inside_feedback_leads():
    clauses = [(0, 10), (11, 20)]
    found = request_in_reaction("give_feedback", clauses, [("give_feedback", 0.8), ("status", 0.5)], {"status": 3},
                                0.4, whole_confidence=0.6)
    assert (found.intent, found.start) == ("status", 11)


@pytest.mark.parametrize("text, intent, back", [
    ("no wait, I don't want to cancel it after all", "cancel_order", True),
    ("please dont cancel my order", "cancel_order", True),
    ("I do not want a refund, send another one", "request_refund", False),  # the verb must follow
    ("i don't want to return it", "request_refund", True),
    ("I want to cancel my order", "cancel_order", False),
    ("why don't you cancel it then", "cancel_order", False),
    ("I didn't cancel it but it says cancelled", "cancel_order", False),  # a complaint, not a "no"
    ("don't cancel it", "order_status", False),  # not the request the message was read as
])
def test_a_request_taken_back(text, intent, back):
    assert taken_back(text, intent) is back


@pytest.mark.parametrize("clause, declined", [
    ("want a replacement not a refund", True), ("I don't want a refund", True),
    ("a new one rather than a refund please", True), ("don't want to cancel", False),  # not the refund
    ("still no refund", False), ("why have you not refunded me", False), ("a refund not a replacement", False),
])
def test_a_refund_declined_in_a_clause(clause, declined):
    from nlu.requests import declined_in_clause
    assert declined_in_clause(clause, "request_refund") is declined


class CancelKeywordNet(DecodingNet):
    """Intents: cancel_order on "cancel" (it misses negations, as models do), order_status on
    "arrive", else deny."""

    def scores(self, text):
        return [5.0 if "cancel" in text else 0.0, 0.0 if "cancel" in text else 2.0, 5.0 if "arrive" in text else 0.0], \
            [0.0, 5.0, 0.0]


def test_a_cancellation_taken_back_reads_as_a_no_and_the_request_after_it_leads():
    meta = tiny_metadata(intents=("cancel_order", "deny", "order_status"))
    meta = replace(meta, labels=Labels(list(meta.labels.intents), meta.labels.sentiments, ["O"],
                                       priorities={"cancel_order": 2, "order_status": 1}))
    loaded = tiny_model(meta)
    p = Predictor(replace(loaded, net=CancelKeywordNet(loaded.tokenizer)), fallback_threshold=0.5)
    no = p.parse("no wait don't cancel it")
    assert no["intent"]["name"] == "deny" and no["intent_ranking"][1]["name"] == "cancel_order"
    assert p.parse("no wait, i don't want to cancel it after all. when will it arrive")["intent"]["name"] == "order_status"
    assert p.parse("please cancel it")["intent"]["name"] == "cancel_order"


def test_an_uncut_message_is_tried_at_its_word_boundaries_from_its_start():
    text = "WHERE IS MY SOFA YOU ABSOLUTE CLOWNS"
    cuts = word_cuts(text)
    assert [(text[h[0]:h[1]], text[r[0]:r[1]]) for h, r in cuts] == [
        ("WHERE IS MY", "SOFA YOU ABSOLUTE CLOWNS"), ("WHERE IS MY SOFA", "YOU ABSOLUTE CLOWNS"),
        ("WHERE IS MY SOFA YOU", "ABSOLUTE CLOWNS"), ("WHERE IS MY SOFA YOU ABSOLUTE", "CLOWNS")]
    assert word_cuts("where is it") == []  # too short to cut
    assert word_cuts(" ".join(["word"] * 17)) == []  # too long for one small batch
    text = "please refund me, you clowns"
    head, rest = word_cuts(text)[0]
    assert (text[slice(*head)], text[slice(*rest)]) == ("please refund me", "you clowns")  # no comma kept


def test_a_sure_request_before_anger_leads_and_nothing_else_does():
    cuts = [((0, 11), (12, 36)), ((0, 16), (17, 36)), ((0, 20), (21, 36))]
    priorities = {"status": 3}
    found = demand_in_anger(cuts, [("status", 0.6), ("status", 0.9), ("status", 0.9)], [True, True, False], priorities)
    assert (found.intent, found.start, found.end) == ("status", 0, 16)
    # not sure enough, not a request, or nothing angry after it: no lead
    assert demand_in_anger(cuts, [("status", 0.7)] * 3, [True] * 3, priorities) is None
    assert demand_in_anger(cuts, [("thanks", 0.95)] * 3, [True] * 3, priorities) is None
    assert demand_in_anger(cuts, [("status", 0.95)] * 3, [False] * 3, priorities) is None


def keyword_predictor(net_class) -> Predictor:
    """A predictor over intents a, b (requests, b first) and c, with a keyword net standing in."""
    meta = tiny_metadata(intents=("a", "b", "c"))
    meta = replace(meta, labels=Labels(["a", "b", "c"], meta.labels.sentiments, ["O"], priorities={"a": 1, "b": 2}))
    loaded = tiny_model(meta)
    return Predictor(replace(loaded, net=net_class(loaded.tokenizer)), fallback_threshold=0.5)


class AngryKeywordNet(DecodingNet):
    """Intent "a" for refunds, sure unless insults drown it; sentiment negative on insults."""

    def scores(self, text):
        insult = "clowns" in text
        return ([(0.5 if insult else 5.0) if "refund" in text else 0.0, 0.0, 0.5 if insult else 0.0],
                [5.0, 0.0, 0.0] if insult else [0.0, 5.0, 0.0])


def test_a_demand_shouted_with_insults_is_read_as_the_demand():
    p = keyword_predictor(AngryKeywordNet)
    parsed = p.parse("GIVE ME MY REFUND NOW YOU CLOWNS")
    assert parsed["intent"]["name"] == "a" and parsed["intent"]["confidence"] >= 0.8
    assert parsed["sentiment"]["label"] == "negative"  # the anger still counts
    assert p.parse("you absolute clowns honestly")["intent"]["name"] == "nlu_fallback"  # no request in it


class KeywordNet:
    """Stands in for the network: intent "a" for refunds, "b" for parcels, else "c"."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, input_ids, attention_mask):
        rows = []
        for ids in input_ids:
            text = self.tokenizer.decode(ids, skip_special_tokens=True)
            rows.append([5.0 if "refund" in text else 0.0, 5.0 if "parcel" in text else 0.0, 1.0])
        i_logits = torch.tensor(rows)
        return i_logits, torch.zeros(len(rows), 3), torch.zeros(*input_ids.shape, 1)


def test_the_parse_puts_the_first_request_on_top_and_lists_them():
    p = keyword_predictor(KeywordNet)
    parsed = p.parse("please refund my broken kettle, and also where is my parcel now")
    assert parsed["intent"]["name"] == "b"  # the parcel: higher priority, though the whole reads as both
    assert [(r["intent"], r["text"]) for r in parsed["requests"]] == [
        ("b", "where is my parcel now"), ("a", "please refund my broken kettle")]
    assert parsed["intent_ranking"][0]["name"] == "b"
    assert p.parse("where is my parcel")["requests"] == []
    assert p.parse("please refund it. please refund it now")["requests"] == []  # one request, twice


def test_nonsense_is_distinct_and_avoids_the_projects_words():
    words = salad_words(["order", "refund", "giraffe", "##ing", "x", "telescope", "Banana"], ["Where is my order?"])
    assert words == ["giraffe", "refund", "telescope"]
    texts = generate(60, random.Random(1), words)
    assert len(texts) == len(set(texts)) == 60 and all(len(t) >= 3 for t in texts)
    assert "order" not in " ".join(texts)
    assert generate(60, random.Random(1), words) == texts


def write_project(tmp_path, body):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "nlu.yml").write_text(textwrap.dedent(body))
    return tmp_path


def test_priorities_come_from_intent_metadata(tmp_path):
    data = load_project(write_project(tmp_path, """
        nlu:
        - intent: late
          metadata: {sentiment: negative, priority: 6}
          examples: |
            - my parcel is late
        - intent: greet
          examples: |
            - hello
        """))
    assert data.priorities == {"late": 6}


def test_a_priority_must_be_a_whole_number(tmp_path):
    with pytest.raises(TrainingDataError, match="priority 'high'"):
        load_project(write_project(tmp_path, """
            nlu:
            - intent: late
              metadata: {priority: high}
              examples: |
                - my parcel is late
            """))


def test_salads_may_carry_one_word_distinctive_of_an_intent():
    own = distinctive_words([("recommend a dishwasher", "recs"), ("where is my order", "status"),
                             ("cancel my order", "cancel")])
    assert "dishwasher" in own and "order" not in own and "where" in own
    texts = generate(200, random.Random(2), ["giraffe", "telescope", "purple", "monkey"], ["dishwasher"])
    salads = [t for t in texts if "dishwasher" in t]
    assert salads and all(t.split().count("dishwasher") == 1 for t in salads)


def test_a_greeting_is_not_the_best_clause_of_a_message_that_says_more():
    # "hi | yeah um where is order two zero zero zero two": the rest unsure, the greeting sure
    assert best_clause([(0, 2), (3, 40)], [("greet", 0.95), ("inform", 0.24)], {"order_status": 3}, 0.4) is None
    assert best_clause([(0, 8), (9, 20)], [("greet", 0.95), ("thanks", 0.6)], {"order_status": 3}, 0.4).intent == "thanks"
    assert best_clause([(0, 2), (3, 40)], [("greet", 0.95), ("order_status", 0.6)], {"order_status": 3}, 0.4).intent \
        == "order_status"


class DamageRefundNet(DecodingNet):
    """Intents: item_damaged on "cracked", request_refund on "refund" (it misses "not a"), else deny."""

    def scores(self, text):
        return [5.0 if "cracked" in text else 0.0, 5.0 if "refund" in text else 0.0, 1.0], [0.0, 5.0, 0.0]


def test_a_refund_turned_down_beside_a_complaint_is_no_second_request():
    meta = tiny_metadata(intents=("item_damaged", "request_refund", "deny"))
    meta = replace(meta, labels=Labels(list(meta.labels.intents), meta.labels.sentiments, ["O"],
                                       priorities={"item_damaged": 3, "request_refund": 2}))
    loaded = tiny_model(meta)
    p = Predictor(replace(loaded, net=DamageRefundNet(loaded.tokenizer)), fallback_threshold=0.5, spelling=False)
    asked = [r["intent"] for r in p.parse("the lid came cracked. I want a refund please")["requests"]]
    assert asked == ["item_damaged", "request_refund"]
    declined = p.parse("the lid came cracked. I don't want a refund though")
    assert declined["intent"]["name"] == "item_damaged"
    assert "request_refund" not in [r["intent"] for r in declined.get("requests", [])]
