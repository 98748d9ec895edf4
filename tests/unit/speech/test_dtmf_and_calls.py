from speech.calls import CallRegistry
from speech.voice.dtmf import Keypad


def test_a_table_key_answers_at_once():
    keypad = Keypad({"0": "I'd like to speak to a person"})
    assert keypad.press("0") == "I'd like to speak to a person"


def test_digits_collect_until_hash():
    keypad = Keypad({"0": "a person"}, entry_text="order {digits}")
    assert [keypad.press(k) for k in "45712"] == [None] * 5
    assert keypad.press("#") == "order 45712"
    # inside an entry a table key is a digit like any other
    assert [keypad.press(k) for k in "100"] == [None] * 3 and keypad.press("#") == "order 100"


def test_star_clears_and_an_empty_entry_sends_nothing():
    keypad = Keypad()
    keypad.press("1"), keypad.press("2"), keypad.press("*")
    assert keypad.press("#") is None
    assert keypad.press("A") is None and keypad.press("#") is None  # not a digit: ignored


def test_calls_over_the_limit_are_refused_and_finished_ones_are_remembered():
    calls = CallRegistry(max_calls=2, parts=lambda: None)
    a, b = calls.open("CA1", "twilio"), calls.open("CA2", "twilio")
    assert a and b and calls.full and calls.open("CA3", "twilio") is None
    assert calls.open("CA1", "twilio") is None  # the same call twice
    a.handed_off = True
    calls.finish(a)
    assert not calls.full and calls.active == 1
    assert calls.get("CA1").disposition == "transfer" and calls.get("CA2").disposition == "hangup"
    assert calls.get("CA9") is None
