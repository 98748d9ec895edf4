"""Drill-down (quotes, CSV) finds the records the day counts count: by the message's UTC day."""

from datetime import date, datetime

from contracts.redis_keys import VOC_IRRITANTS
from voc import queries


def seconds(day: str, clock: str) -> float:
    return datetime.fromisoformat(f"{day}T{clock}+00:00").timestamp()


def test_a_record_is_found_on_its_message_s_day_however_late_it_was_written(redis_client):
    written = [  # (message time, when the worker wrote the record), in the order written
        (seconds("2026-03-01", "23:59:58"), seconds("2026-03-02", "00:00:03")),  # a backlog after midnight
        (seconds("2026-03-02", "00:00:01"), seconds("2026-03-02", "00:00:04")),
        (seconds("2026-03-01", "12:00:00"), seconds("2026-03-03", "09:00:00")),  # a worker down for a day
    ]
    for n, (at, write) in enumerate(written):
        redis_client.xadd(VOC_IRRITANTS, {"at": str(at), "quote": f"q{n}", "channel": "chat", "category": "delivery"},
                          id=f"{int(write * 1000)}-0")
    day = lambda d: queries.Period(date.fromisoformat(d), date.fromisoformat(d))  # noqa: E731
    quotes = lambda d: [r["quote"] for r in queries.records(redis_client, day(d))]  # noqa: E731
    assert quotes("2026-03-01") == ["q2", "q0"]  # newest written first
    assert quotes("2026-03-02") == ["q1"]
    assert quotes("2026-03-03") == []
