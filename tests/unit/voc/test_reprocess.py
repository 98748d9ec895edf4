"""`python -m voc reprocess` decides as the worker does (voc.irritants), on a real throwaway Redis."""

import time

from contracts.redis_keys import VOC_IRRITANTS, voc_day_counts, voc_day_customers
from voc.reprocess import reprocess
from voc.settings import VocSettings
from voc.store import utc_day


def record(customer: str, sentiment: str, at: float) -> dict[str, str]:
    # filed under a keyword an analyst has since removed from the taxonomy; its intent, give_feedback,
    # is the broad `complaint` sub-category's: an irritant only when negative
    return {"at": str(at), "conversation": f"c-{customer}", "customer": customer, "channel": "chat",
            "intent": "give_feedback", "category": "packaging", "subcategory": "wet", "sentiment": sentiment,
            "sentiment_score": "0.9", "severity": "2.0", "quote": "the checkout page was slow", "model": "m"}


def test_a_record_left_only_a_broad_sub_category_is_kept_when_negative_and_dropped_otherwise(redis_client,
                                                                                              redis_server):
    at = time.time()
    day = utc_day(at)
    for customer, sentiment in (("u-calm", "neutral"), ("u-cross", "negative")):
        redis_client.xadd(VOC_IRRITANTS, record(customer, sentiment, at))
        redis_client.hincrby(voc_day_counts(day), "packaging|chat", 1)
        redis_client.sadd(voc_day_customers(day, "packaging"), customer)
    report = reprocess(redis_client, VocSettings(REDIS_URL=redis_server.url))
    assert (report.records, report.changed, report.dropped) == (2, 1, 1)
    kept = [fields for _, fields in redis_client.xrange(VOC_IRRITANTS)]
    assert [(f["customer"], f["category"], f["subcategory"]) for f in kept] == [("u-cross", "service", "complaint")]
    assert redis_client.hgetall(voc_day_counts(day)) == {"packaging|chat": "0", "service|chat": "1",
                                                              "packaging|chat|severity": "-4",
                                                              "service|chat|severity": "2"}
    assert redis_client.smembers(voc_day_customers(day, "service")) == {"u-cross"}
    assert not redis_client.smembers(voc_day_customers(day, "packaging"))
