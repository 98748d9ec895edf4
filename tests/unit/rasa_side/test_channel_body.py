import json

import pytest

from bot.channels import BadRequest, parse_body


def test_good_body():
    body = parse_body(json.dumps({"sender": "a", "message": "hi", "metadata": {"customer_token": "t"}}).encode())
    assert body == {"sender": "a", "message": "hi", "metadata": {"customer_token": "t"}}


@pytest.mark.parametrize("raw,status,words", [
    (b"\xff\xfe not utf8", 400, "UTF-8"),
    (b'{"sender": "a", "message": ', 400, "not valid JSON"),
    (b"[1, 2]", 400, "JSON object"),
    (b'{"message": "hi"}', 400, "sender"),
    (b'{"sender": "a", "message": "   "}', 400, "empty"),
    (b'{"sender": "a", "message": 5}', 400, "string"),
    (b'{"sender": "a", "message": "hi", "metadata": "x"}', 400, "metadata"),
    (json.dumps({"sender": "a", "message": "x" * 100_000}).encode(), 413, "limit"),
])
def test_bad_bodies_say_what_is_wrong(raw, status, words):
    with pytest.raises(BadRequest) as err:
        parse_body(raw, max_chars=5000)
    assert err.value.status == status and words in str(err.value)
