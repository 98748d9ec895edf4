"""Rasa's check of each action server response, without re-checking its own schema every time.

Rasa 3.6 validates every response of the action server (each custom action, and each form's
`validate_<form>` call) with `jsonschema.validate(response, schema)`. That function first
checks the *schema* against JSON Schema's 2020-12 meta-schema, on every call, and with
jsonschema 4.17 (the release Rasa 3.6 pins) that meta-check is slow: profiled with py-spy over
voice turns, it was about 60% of the Rasa process's busy time (a turn often runs two or three
remote actions). The schema never changes, so we check it once and keep the validator.

Same outcome as Rasa's own method: a valid response passes; an invalid one (rare: a broken
action server) is handed to Rasa's own method, which raises its usual error with its hint.
Installed by `bot.channels`, which Rasa imports at start-up.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Text

from jsonschema import validators
from rasa.core.actions.action import RemoteAction

RASA_CHECK = RemoteAction._validate_action_result  # Rasa's own, kept for the responses that fail


@lru_cache(maxsize=1)
def response_validator() -> Any:
    """The validator for action server responses, its schema checked once."""
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    if response_validator().is_valid(result):
        return True
    return RASA_CHECK(self, result)  # raises Rasa's own ValidationError, hint included


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result
