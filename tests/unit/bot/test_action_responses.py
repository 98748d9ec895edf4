"""Our check of action server responses decides exactly as Rasa's own (jsonschema.validate)."""

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

import bot.channels  # noqa: F401  (installs the check, as Rasa's start-up does)
from bot.action_responses import RASA_CHECK, validate_action_result

# what Rasa appends to the schema's own message
HINT = (". Failed to validate Action server response from API, make sure your response from the "
        f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions")

GOOD = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "order_id", "value": "ORD-10001"}],
     "responses": [{"text": "Alice, your order is on its way.", "buttons": []}]},
    {"events": [{"event": "active_loop", "name": None}, {"event": "followup", "name": "action_listen"}]},
    {},
]
BAD = [
    {"events": [{"event": "slot"}]},  # a slot event without a name
    {"events": "not a list"},
    {"responses": ["a string, not an object"]},
    {"events": [{"event": "no_such_event"}]},
    [],
]


def rasa_decides(result) -> str | None:
    try:
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
        return None
    except jsonschema.ValidationError as e:
        return e.message


@pytest.mark.parametrize("result", GOOD)
def test_a_valid_response_passes(result):
    assert rasa_decides(result) is None
    assert validate_action_result(RemoteAction("action_x", None), result) is True


@pytest.mark.parametrize("result", BAD)
def test_an_invalid_response_raises_the_error_rasa_would_with_its_hint(result):
    expected = rasa_decides(result)
    assert expected is not None
    with pytest.raises(jsonschema.ValidationError) as raised:
        validate_action_result(RemoteAction("action_x", None), result)
    assert raised.value.message == expected + HINT


def test_rasa_uses_our_check_once_the_channels_are_loaded():
    assert RemoteAction._validate_action_result is validate_action_result
    assert RASA_CHECK is not validate_action_result  # the original stays reachable for failures
