"""Rasa's own HTTP interpreter logs the message text when the NLU fails; our filter withholds it."""

import asyncio
import io
import json
import logging

import structlog

from bot import log_privacy

TEXT = "email me at jo.bloggs@example.com, card 4111 1111 1111 1111"


def test_scrub_json_and_key_value_lines():
    line = json.dumps({"event": "http.parse.text.exception", "text": TEXT, "level": "error"})
    out = log_privacy.scrub(line)
    assert json.loads(out) == {"event": "http.parse.text.exception", "text": "[withheld]", "level": "error"}
    assert "jo.bloggs" not in log_privacy.scrub(f"event=x text='{TEXT}' other=1")
    assert log_privacy.scrub(f"free text {TEXT}") == "free text email me at [EMAIL], card [CARD]"


def test_rasa_http_interpreter_failure_logs_no_text():
    from rasa.core.http_interpreter import RasaNLUHttpInterpreter
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    sink = io.StringIO()
    handler = logging.StreamHandler(sink)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        configure_structlog(logging.INFO)
        log_privacy.install()

        async def parse():
            interpreter = RasaNLUHttpInterpreter(EndpointConfig("http://127.0.0.1:9"))  # nothing listens there
            try:
                return await interpreter._rasa_http_parse(TEXT, "sender-1")
            finally:
                await interpreter.session.close()

        assert asyncio.run(parse()) is None
    finally:
        root.removeHandler(handler)
        structlog.reset_defaults()
    logged = sink.getvalue()
    assert "http.parse.text.exception" in logged  # the failure itself is still logged
    assert "jo.bloggs" not in logged and "4111" not in logged
