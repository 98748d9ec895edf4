import os
from unittest import mock

# actions.actions checks its secrets on import; dev mode for that import only (other tests
# check what happens without it)
with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
    from actions.calls import silences_in_a_row


def user(intent):
    return {"event": "user", "parse_data": {"intent": {"name": intent}}}


def bot():
    return {"event": "bot", "text": "Are you still there?"}


def test_counts_the_latest_silences_in_a_row():
    assert silences_in_a_row([]) == 0
    assert silences_in_a_row([user("call_connected"), bot(), user("no_input"), bot()]) == 1
    assert silences_in_a_row([user("no_input"), bot(), user("no_input"), bot(), user("no_input")]) == 3


def test_words_in_between_start_the_count_again():
    events = [user("no_input"), bot(), user("no_input"), bot(), user("order_status"), bot(), user("no_input")]
    assert silences_in_a_row(events) == 1
