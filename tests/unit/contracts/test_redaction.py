import random

import pytest

from contracts.redaction import find_pii, iban_ok, luhn_ok, redact

CARDS = ["4111111111111111", "5500005555555559", "378282246310005", "6011000990139424"]
DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def test_cards_emails_phones_are_redacted():
    text = "card 4111 1111 1111 1111, mail jo.b@example.com, call +44 7700 900123 or (555) 010-2234"
    assert redact(text) == "card [CARD], mail [EMAIL], call [PHONE] or [PHONE]"


def test_order_ids_amounts_dates_and_small_numbers_stay():
    for text in ("order ORD-48213 for £24.99 on 2024-05-12", "on 12/05/2024 at 10:30, 3 items",
                 "I bought one two three things", "order 10001 placed 2 days ago", "£1,299.00 for 2 sofas",
                 "about ORD-10000 on 2028-07-04. one more thing"):  # found by the VoC property tests
        assert redact(text) == text


@pytest.mark.parametrize("card", CARDS)
def test_every_way_of_writing_a_valid_card_is_redacted(card):
    rng = random.Random(card)
    spaced = " ".join(card)
    grouped = " ".join(card[i:i + 4] for i in range(0, len(card), 4))
    dashed = "-".join(card[i:i + 4] for i in range(0, len(card), 4))
    spoken = " ".join(DIGIT_WORDS[int(d)] for d in card)
    mixed = " ".join(DIGIT_WORDS[int(d)] if rng.random() < 0.5 else d for d in card)
    for form in (card, spaced, grouped, dashed, spoken, mixed):
        out = redact(f"my card is {form} thanks")
        assert out == "my card is [CARD] thanks", (form, out)


def test_a_long_number_failing_luhn_is_not_called_a_card():
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert "[CARD]" not in redact("reference 4111 1111 1111 1112")


def test_spoken_phone_numbers_with_double_and_oh():
    assert redact("call me on oh seven seven double oh nine oh oh one two three please") == "call me on [PHONE] please"
    assert redact("it's 0 7 7 0 0 9 0 0 1 2 3") == "it's [PHONE]"


def test_ibans_with_a_valid_checksum_in_any_spacing_or_case():
    assert iban_ok("GB82WEST12345698765432") and not iban_ok("GB83WEST12345698765432")
    assert redact("IBAN GB82 WEST 1234 5698 7654 32 please") == "IBAN [IBAN] please"
    assert redact("iban gb82west12345698765432, thanks") == "iban [IBAN], thanks"
    assert redact("DE89370400440532013000 ok") == "[IBAN] ok"
    assert "[IBAN]" not in redact("GB83 WEST 1234 5698 7654 32")


def test_names_given_by_the_caller_longest_first():
    assert redact("Alice Martin here, alice again", names=["Alice", "Alice Martin"]) == "[NAME] here, [NAME] again"
    assert redact("Malice is not a name", names=["Alice"]) == "Malice is not a name"


def test_random_texts_never_keep_a_planted_card_or_email():
    rng = random.Random(7)
    filler = "my order arrived late and I want a refund for it please".split()
    for _ in range(200):
        card = rng.choice(CARDS)
        words = rng.sample(filler, 6)
        words.insert(rng.randrange(len(words) + 1), " ".join(card[i:i + 4] for i in range(0, len(card), 4)))
        words.insert(rng.randrange(len(words) + 1), f"user{rng.randrange(999)}@mail.example.org")
        out = redact(" ".join(words))
        assert card[:4] not in out.replace("[CARD]", "") and "@" not in out, out
        assert {s.kind for s in find_pii(" ".join(words))} == {"CARD", "EMAIL"}


def test_a_twelve_digit_maestro_number_is_a_card():
    # found by the VoC pipeline test: Faker's Maestro numbers have 12 digits
    assert redact("my card number is 501878105128 please check it") == "my card number is [CARD] please check it"
    # Luhn fails: not a card; a run of 12 digits all the same, which could be a phone number
    assert redact("order total 501878105129") == "order total [PHONE]"
