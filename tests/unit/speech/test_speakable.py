"""Replies as a voice reads them: the exact words for ids, money, dates and times, and no markup left."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from actions import replies
from actions.profiles import Customer, Order
from speech.speakable import sentences, speakable

DOMAIN = Path(__file__).resolve().parents[3] / "bot" / "domain.yml"
UNSPEAKABLE = re.compile(r"[|_*#<>`\[\]{}()~^=@&%£$€\\\"]|https?:|www\.")

SHIPPED = Order("ORD-10001", "shipped", "2026-11-25", ["running trainers"], "£89.99", "2026-11-30", "DPD",
                "https://track.example.com/DPD/1Z10001")
DELIVERED = Order("ORD-10002", "delivered", "2026-10-01", ["kettle"], "£34.50", "2026-10-04", "Royal Mail")
PROCESSING = Order("ORD-20001", "processing", "2026-11-28", ["phone case", "screen protector"], "£19.98", "2026-12-02")
ALICE = Customer("C1001", "Alice Martin", "platinum", "email", "alice.martin@example.com", [SHIPPED, DELIVERED])


def domain_responses() -> list[str]:
    responses = yaml.safe_load(DOMAIN.read_text())["responses"]
    return [variant["text"] for variants in responses.values() for variant in variants]


def generated_replies() -> list[str]:
    """The personalised replies, for each order state they describe."""
    orders = [SHIPPED, DELIVERED, PROCESSING]
    out = [replies.greeting(None), replies.greeting(ALICE), replies.handoff_reply(3, 4, ALICE),
           replies.handoff_unavailable(), replies.still_queued(2, 0), replies.offer_human(ALICE),
           replies.which_order("cancel_order", orders), replies.several_orders_reply(orders, ALICE),
           replies.anonymous_order_reply("ORD-10001"), replies.unknown_order_reply("ORD-99999", ALICE),
           replies.rating_question(), replies.rating_thanks(2), replies.rating_thanks(5), replies.no_order_number(True),
           replies.offer_other_request("request_refund", SHIPPED)]
    for topic in ("order_status", "track_delivery", "cancel_order", "request_refund"):
        out += [replies.order_reply(topic, order, ALICE) for order in orders]
    for intent in replies.COMPLAINTS:
        out.append(replies.complaint_reply(intent, ALICE, SHIPPED))
    return out


ALL_REPLIES = domain_responses() + generated_replies()


# --- real replies, word for word -----------------------------------------------------------------

def test_an_order_status_reply_spells_the_id_and_says_the_date_and_the_tracking_site():
    reply = replies.order_reply("track_delivery", SHIPPED, ALICE)
    assert speakable(reply) == (
        "Alice, your order O R D, one zero zero zero one, running trainers, is on its way with DPD, "
        "expected November thirtieth, twenty twenty-six. You can follow it live here: track dot example dot com.")


def test_a_queue_position_reply_says_minutes_not_min():
    assert speakable(replies.handoff_reply(3, 4, None)) == (
        "I've passed our conversation to a member of our customer care team. You're number 3 in the queue, "
        "about 4 minutes. They'll reply right here and can see what we've discussed, so you won't need to "
        "repeat yourself.")
    assert "about 1 minute." in speakable(replies.still_queued(1, 0))


def test_opening_hours_read_the_phone_number_digit_by_digit_and_the_hours_as_times():
    opening_hours = yaml.safe_load(DOMAIN.read_text())["responses"]["utter_opening_hours"][0]["text"]
    assert speakable(opening_hours) == (
        "I'm here twenty-four seven. Our team is available by phone on zero eight zero zero, zero zero zero, "
        "zero zero zero zero, eight a m to eight p m Monday to Saturday, and by email at help at example dot com.")


def test_a_refund_reply_reads_a_range_of_days_and_a_yes_no_question():
    assert "3 to 5 working days" in speakable(replies.order_reply("request_refund", DELIVERED, ALICE))
    assert speakable(replies.offer_human(ALICE)) == (
        "Would you like me to put you through to one of our team, Alice? yes or no.")


def test_the_order_number_prompt_spells_the_prefix():
    assert speakable("Your order number starts with ORD- and is in your confirmation email.") == (
        "Your order number starts with O R D and is in your confirmation email.")
    assert speakable("It looks like ORD-12345 and is in your confirmation email.") == (
        "It looks like O R D, one two three four five and is in your confirmation email.")


def test_a_rating_is_read_out_of_five():
    assert speakable(replies.rating_thanks(5)) == "Thank you for the 5 out of 5!"


# --- each rule -----------------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["ORD10001", "ORD-10001", "ord 10001", "Ord-10001"])
def test_order_ids_are_spelt_whatever_their_form(written):
    assert speakable(f"Order {written} is here.") == "Order O R D, one zero zero zero one is here."


@pytest.mark.parametrize("written, spoken", [
    ("£12.50", "twelve pounds fifty"), ("$3", "three dollars"),
    ("€1,299.00", "one thousand two hundred and ninety-nine euros"),
    ("12.50 GBP", "twelve pounds fifty"), ("USD 20", "twenty dollars"), ("£1", "one pound"), ("£0.50", "fifty pence"),
    ("$0.01", "one cent"), ("€2.5", "two euros fifty"), ("£649.00", "six hundred and forty-nine pounds"),
])
def test_money_is_words_with_its_currency(written, spoken):
    assert speakable(f"It costs {written} today.") == f"It costs {spoken} today."


@pytest.mark.parametrize("written, spoken", [
    ("2026-11-30", "November thirtieth, twenty twenty-six"), ("2026-01-01", "January first, twenty twenty-six"),
    ("2005-03-22", "March twenty-second, two thousand five"),
])
def test_iso_dates_are_us_english(written, spoken):
    assert speakable(f"Expected {written}.") == f"Expected {spoken}."


def test_ambiguous_or_impossible_dates_are_not_given_a_month():
    assert speakable("On 30/11/2026.") == "On 30/11/2026."
    assert "thirteenth" not in speakable("On 2026-13-01.") and "month" not in speakable("On 2026-13-01.")


@pytest.mark.parametrize("written, spoken", [
    ("9:00", "nine a m"), ("17:30", "five thirty p m"), ("12:00", "twelve p m"), ("00:15", "twelve fifteen a m"),
    ("9:05", "nine oh five a m"), ("8am", "eight a m"), ("8 PM", "eight p m"), ("9:30pm", "nine thirty p m"),
    ("8am–8pm", "eight a m to eight p m"), ("9:00-17:30", "nine a m to five thirty p m"),
])
def test_times_are_words(written, spoken):
    assert speakable(f"Open {written} daily.") == f"Open {spoken} daily."


def test_a_sentence_ending_in_a_m_keeps_its_full_stop():
    assert speakable("We open at 8 a.m. See you then.") == "We open at eight a m. See you then."
    assert speakable("From 8 a.m. to noon.") == "From eight a m to noon."


@pytest.mark.parametrize("written, spoken", [
    ("1234", "1234"), ("12345", "one two three four five"), ("30 days", "30 days"), ("3.5 kg", "3.5 kg"),
    ("0800 000 0000", "zero eight zero zero, zero zero zero, zero zero zero zero"),
    ("+44 20 7946 0000", "plus four four, two zero, seven nine four six, zero zero zero zero"),
    ("between 10 and 20", "between 10 and 20"),
])
def test_numbers_stay_digits_except_references_and_phone_numbers(written, spoken):
    assert speakable(f"See {written} here.") == f"See {spoken} here."


@pytest.mark.parametrize("written, spoken", [
    ("**Bold** and *italic* and __strong__ and _soft_ and `code`", "Bold and italic and strong and soft and code."),
    ("# Your orders\n- ORD-1\n* kettle\n1. sofa\n2) lamp", "Your orders. O R D, one. kettle. sofa. lamp."),
    ("See [your orders](https://shop.example.com/orders).", "See your orders."),
    ("Track it: https://track.example.com/DPD/1Z10001.", "Track it: track dot example dot com."),
    ("Visit www.example.com/help today", "Visit example dot com today."),
    ("Write to first_last@mail.example.co.uk", "Write to first underscore last at mail dot example dot co dot uk."),
    ("Thanks! 😊👍", "Thanks!"), ("Done ✅ next", "Done next."),
    ("Line one\nLine two!\n\nLine three", "Line one. Line two! Line three."),
    ("Fish & chips, 50% off", "Fish and chips, 50 percent off."),
    ("Pick one, e.g. the red one. I.e. not blue. Approx. 3 left",
     "Pick one, for example the red one. That is not blue. About 3 left."),
    ("Slow -- very slow", "Slow, very slow."),
    ("Say 'agent' or \"help\"", "Say agent or help."), ("I\u2019m here \u2014 just ask", "I'm here, just ask."),
    ("a | b <br> c > d ~x~ #1", "a b c d x 1."), ("   spaced\t\tout   ", "spaced out."),
])
def test_markup_links_and_symbols_become_plain_words(written, spoken):
    assert speakable(written) == spoken


def test_empty_and_blank_text_stay_empty():
    assert speakable("") == "" and speakable(" \n ") == ""


# --- over every reply ----------------------------------------------------------------------------

@pytest.mark.parametrize("reply", ALL_REPLIES)
def test_no_reply_keeps_anything_a_voice_would_spell_out(reply):
    spoken = speakable(reply)
    assert spoken and spoken == spoken.strip()
    assert not UNSPEAKABLE.search(spoken), spoken
    assert not re.search(r"\d{5,}|\bORD\b|\d{4}-\d{2}-\d{2}|\d:\d\d|\s{2}", spoken), spoken
    assert spoken[-1] in ".!?", spoken


@pytest.mark.parametrize("reply", ALL_REPLIES)
def test_speakable_is_idempotent(reply):
    once = speakable(reply)
    assert speakable(once) == once


@pytest.mark.parametrize("reply", ALL_REPLIES)
def test_sentences_cover_the_whole_reply(reply):
    spoken = speakable(reply)
    parts = sentences(spoken)
    assert " ".join(parts) == spoken
    assert all(len(p.split()) >= 3 for p in parts if len(parts) > 1), parts


# --- sentences -----------------------------------------------------------------------------------

def test_sentences_split_after_stops_and_keep_them():
    assert sentences("I can help with that. Which order is it? Tell me now!") == [
        "I can help with that.", "Which order is it?", "Tell me now!"]


def test_short_fragments_join_a_neighbour():
    assert sentences("Hi! I'm the virtual assistant. How can I help with your order today?") == [
        "Hi! I'm the virtual assistant.", "How can I help with your order today?"]
    assert sentences("No problem. Take care!") == ["No problem. Take care!"]
    assert sentences("I can check that for you. Sure.") == ["I can check that for you. Sure."]


def test_sentences_do_not_split_abbreviations_or_decimals():
    assert sentences("Pick one, e.g. the red one here. It costs 12.50 in total.") == [
        "Pick one, e.g. the red one here.", "It costs 12.50 in total."]


def test_sentences_of_nothing_is_no_sentences():
    assert sentences("") == [] and sentences("  \n ") == []


def test_a_long_first_sentence_is_cut_after_its_first_clause_for_a_quick_start():
    from speech.voice.session import pieces

    reply = ("I can help with ORD-10001, but for your security I can only share order details once you're "
             "signed in. Please sign in and ask me again.")
    spoken = pieces([reply])
    assert spoken[0] == "I can help with O R D, one zero zero zero one,"
    assert spoken[1].startswith("but for your security") and spoken[2].startswith("Please sign in")
    assert pieces(["Your order is on its way."]) == ["Your order is on its way."]
    # a name first: it plays while the rest is made; a long rest is cut once more
    named = pieces(["Alice, your order ORD-10001 (running trainers) is on its way with DPD, expected on "
                    "Thursday, and you can follow it live."])
    assert named[0] == "Alice,"
    assert named[1] == "your order O R D, one zero zero zero one,"
    assert named[2].startswith("running trainers") and named[-1].endswith("follow it live.")
    assert pieces(["Thanks, Ben."]) == ["Thanks, Ben."]  # short: one piece
