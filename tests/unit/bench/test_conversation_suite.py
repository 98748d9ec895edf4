import re

import pytest

from bench.conversation_suite import (FALLBACK_RESPONSES, Conversation, SuiteError, Turn, find_leaks, half_of,
                                      judge_turn, load_file, load_suite, response_texts, static_response_texts,
                                      turns_from_events)
from stack.environments import REPO

STATIC = static_response_texts(REPO / "bot" / "domain.yml")
FALLBACKS = frozenset(response_texts(REPO / "bot" / "domain.yml", FALLBACK_RESPONSES))
REPHRASE = next(t for t in FALLBACKS if "rephrase" in t)


def test_the_suite_loads_with_unique_ids_and_both_halves():
    suite = load_suite()
    assert len(suite) >= 120
    halves = {half_of(c.id) for c in suite}
    assert halves == {"dev", "sealed"}
    dev = sum(half_of(c.id) == "dev" for c in suite)
    assert 0.35 < dev / len(suite) < 0.65  # a fair split
    assert all(c.turns and c.category for c in suite)


def test_the_split_is_fixed_per_id():
    assert half_of("typos-01") == half_of("typos-01")
    assert [half_of(f"x-{i}") for i in range(50)] == [half_of(f"x-{i}") for i in range(50)]


@pytest.mark.parametrize("text,message", [
    ("conversations:\n- id: a\n  category: c\n  turns: [{user: ''}]\n", "non-empty 'user'"),
    ("conversations:\n- id: a\n  category: c\n  turns: [{user: hi, reply_hass: x}]\n", "unknown keys"),
    ("conversations:\n- category: c\n  turns: [{user: hi}]\n", "needs 'id'"),
    ("nope: 1\n", "conversations:"),
])
def test_bad_files_say_where(tmp_path, text, message):
    path = tmp_path / "bad.yml"
    path.write_text(text)
    with pytest.raises(SuiteError, match=message):
        load_file(path)


def test_duplicate_ids_across_files_are_refused(tmp_path):
    for name in ("a.yml", "b.yml"):
        (tmp_path / name).write_text("conversations:\n- id: same\n  category: c\n  turns: [{user: hi}]\n")
    with pytest.raises(SuiteError, match="appears in a.yml and b.yml"):
        load_suite(tmp_path)


def test_tracker_events_become_turns():
    events = [
        {"event": "action", "name": "action_session_start"},
        {"event": "user", "parse_data": {"intent": {"name": "greet"}}},
        {"event": "action", "name": "action_greet"}, {"event": "bot", "text": "hi"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "parse_data": {"intent": {"name": "nlu_fallback"}}},
        {"event": "action", "name": "utter_please_rephrase"},
        {"event": "bot", "text": "rephrase?", "metadata": {"utter_action": "utter_please_rephrase"}},
        {"event": "user", "parse_data": {"intent": {"name": "out_of_scope"}}},
        {"event": "action", "name": "action_out_of_scope"},
        {"event": "bot", "text": "not something I do", "metadata": {"utter_action": "utter_out_of_scope"}},
    ]
    assert turns_from_events(events) == [("greet", ["action_greet"]), ("nlu_fallback", ["utter_please_rephrase"]),
                                         ("out_of_scope", ["action_out_of_scope", "utter_out_of_scope"])]


def test_judging_a_turn():
    turn = Turn("my sofa is late", intents=("delivery_late",), actions=("action_handle_complaint",),
                reply_has=("ORD-20002",), reply_has_any=("sofa", "XDP"), reply_lacks=("phone case",))
    good = judge_turn(turn, ["Sorry about ORD-20002, the sofa"], "delivery_late", ["action_handle_complaint"], True,
                      FALLBACKS)
    assert good.failures == []
    bad = judge_turn(turn, ["Your order ORD-20001 (phone case)"], "order_status", ["action_order_request"], True,
                     FALLBACKS)
    assert len(bad.failures) == 5
    fallback = judge_turn(Turn("???"), [REPHRASE], "nlu_fallback", ["action_rephrase"], True, FALLBACKS)
    assert fallback.fallback and fallback.failures == ["fallback reply"]
    assert judge_turn(Turn("???"), [REPHRASE], "nlu_fallback", ["action_rephrase"], False, FALLBACKS).failures == []
    # a message the NLU could not place but answered well (the queue position) is no fallback reply
    queued = judge_turn(Turn("how long?"), ["You're number 3 in the queue"], "nlu_fallback", ["action_while_queued"],
                        True, FALLBACKS)
    assert not queued.fallback and queued.failures == []


def test_leaks_are_other_customers_data_not_typed_by_the_customer():
    ben = Conversation("x", "c", (Turn("hi"),), customer="C1002")
    assert find_leaks(ben, ["hi"], ["Your order ORD-20002 (sofa) is late, Ben."], STATIC) == []
    assert find_leaks(ben, ["hi"], ["Alice, your order ORD-10001 (running trainers)"], STATIC)
    anonymous = Conversation("y", "c", (Turn("ORD-10001"),))
    assert find_leaks(anonymous, ["where is ORD-10001"], ["I can help about ORD-10001 once you sign in"], STATIC) == []
    # its digits given alone count as typed, after a spoken digit too
    assert find_leaks(anonymous, ["sorry, missed a zero: 30001"], ["I can help with ORD-30001 once you sign in"], STATIC) == []
    recommendation = next(t for t in STATIC if "QuietBoil kettle" in t)
    assert find_leaks(anonymous, ["gift ideas?"], [recommendation], STATIC) == []  # the shop's products, no one's order
    assert find_leaks(anonymous, ["hi"], ["welcome, dev team"], STATIC) == []  # "Dev" is a name only with its capital


# The customer sentences issue 8 quotes as flaws: they must be fixed by generalising, not learnt.
# (Its one-word replies, "no" or "cancel", are everyday vocabulary every assistant learns.)
ISSUE_8_MESSAGES = (
    "hey, where's my parcel?", "wher is my ordr", "my sofa is late, it was supposed to come last week",
    "I want to cancel an order", "this is the third time I have had to contact you and I am absolutely furious",
    "purple monkey dishwasher",
)


def test_no_suite_sentence_is_training_data():
    """The suite measures understanding of messages the model never saw."""
    from nlu import load_project

    def norm(text: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())

    trained = {norm(e.text) for e in load_project(REPO / "bot").examples} - {""}
    seen = [(c.id, t.user) for c in load_suite() for t in c.turns if norm(t.user) in trained]
    seen += [("issue 8", text) for text in ISSUE_8_MESSAGES if norm(text) in trained]
    assert seen == []


def test_an_order_id_the_customer_spelt_out_is_theirs_to_hear_back():
    anonymous = next(c for c in load_suite() if c.customer is None)
    reply = ["I can help about ORD-40001 once you're signed in"]
    assert find_leaks(anonymous, ["its o r d four zero zero zero one"], reply, STATIC) == []
    assert find_leaks(anonymous, ["its o r d four zero zero zero two"], reply, STATIC) != []
    # the digits alone, typed or spoken, when the form asked for the number
    assert find_leaks(anonymous, ["sorry its 40001"], reply, STATIC) == []
    assert find_leaks(anonymous, ["yeah its four zero zero zero one"], reply, STATIC) == []
    assert find_leaks(anonymous, ["sorry its 40002"], reply, STATIC) != []
    assert find_leaks(anonymous, ["sorry its 40001"], ["ORD-40001 (air fryer) was delivered"], STATIC) != []
