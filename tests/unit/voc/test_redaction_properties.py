"""Property-based tests for contracts.redaction, the PII redactor every VoC key and transcript goes through.

The personal data is planted from Faker's generators in many locales (seeded by hypothesis, so a failure
shrinks and replays), never from the redactor's own patterns; spoken forms are written by `speak` below.
tests/unit/contracts/test_redaction.py holds the worked examples; these are the properties around them.

Formats the redactor is known to miss are kept out of the generators (KNOWN_PHONE_GAPS, KNOWN_SPACED_GAPS
and the places marked "KNOWN GAP"), each with the missed format and an example string, so that fixing the
redactor means deleting the exclusion and watching the property hold.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import pytest
from faker import Faker
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from contracts.redaction import redact

# No example database: nothing under .hypothesis/ in the repo, and every run explores afresh.
SETTINGS = dict(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

EN = ["en_GB", "en_US", "en_IE", "en_AU", "en_NZ", "en_CA", "en_IN"]
PHONE_LOCALES = EN + ["de_DE", "de_AT", "de_CH", "fr_FR", "fr_CH", "fr_BE", "es_ES", "es_MX", "it_IT", "nl_NL",
                      "nl_BE", "pl_PL", "pt_PT", "pt_BR", "sv_SE", "da_DK", "no_NO", "fi_FI", "cs_CZ", "sk_SK",
                      "hu_HU", "ro_RO", "el_GR", "tr_TR", "ru_RU", "uk_UA"]
# locales with their own bank provider (the others fall back to a GB IBAN)
IBAN_LOCALES = ["en_GB", "en_IE", "de_DE", "de_AT", "de_CH", "fr_FR", "fr_CH", "es_ES", "it_IT", "nl_NL", "nl_BE",
                "pl_PL", "pt_PT", "pt_BR", "da_DK", "no_NO", "fi_FI", "cs_CZ", "sk_SK", "el_GR", "ro_RO", "tr_TR",
                "ru_RU", "uk_UA"]
# en_US has the generic card types (maestro, visa13/16/19, amex, diners, jcb15/16...); these have their own
CARD_LOCALES = ["en_US", "pt_PT", "ru_RU", "uk_UA"]
NAME_LOCALES = ["en_GB", "en_US", "en_IE", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_PT", "sv_SE",
                "da_DK", "cs_CZ", "hu_HU", "ro_RO", "tr_TR"]
SEEDS = st.integers(min_value=0, max_value=2**32 - 1)

# Phone formats Faker writes that the redactor leaves in place (KNOWN GAP): (locales, the Faker string
# matching this pattern, what is missed). Fix the redactor, then delete the line.
KNOWN_PHONE_GAPS: list = [
    # The formats phonenumbers does not read without a '+' ("1-877-893-2879", "(351) 918 100 339",
    # "8 916 123 45 67", "34712345678", "+41(5)1393794977", "(00673) 29838") are no gap any more: runs of
    # 9 or more digits, which the redactor takes whole (contracts.redaction.find_long_numbers). Left:
    # Faker artefact, not a real number: a trunk 0 followed by an area code that itself starts with 0 (or a
    # subscriber part starting 00) reads as the international prefix 00 and an unassigned country code, so
    # phonenumbers finds nothing; with fewer than 9 digits the run rule does not take it either:
    # "0035 4060" (da_DK), "00 36 82 16" (da_DK). Real numbers dialled with 00 ("00420 607 500 080" in
    # cs_CZ, "001-507-843-9150" in en_US) are kept in.
    (set(PHONE_LOCALES), re.compile(r"^(?=(?:\D*\d){0,8}\D*$).*?(?<![\w+])\(?00(?!1-\d{3}-\d{3}-|420 )"),
     "a digit group starting 00, under 9 digits"),
]
# The same numbers said as single numerals ("0 7 7 0 0 9 0 0 1 2 3": no digit word, so it is left to
# phonenumbers, which reads digits without a '+' as a GB number). KNOWN GAP, on top of the above:
KNOWN_SPACED_GAPS: list = [
    # none left: "plus 6 1 8 0 4 8 7 6 4 7 5", "1 9 2 6 0 1 8 1 5 9 0" and 13-digit Austrian numbers said
    # as single numerals are runs of 9 or more digits (contracts.redaction.find_long_numbers)
]


def known_phone_gap(locale: str, number: str) -> bool:
    return any(locale in locales and pattern.search(number) for locales, pattern, _ in KNOWN_PHONE_GAPS)


def known_spaced_gap(locale: str, number: str) -> bool:
    return any(locale in locales and pattern.search(number) for locales, pattern, _ in KNOWN_SPACED_GAPS)


@lru_cache(maxsize=None)
def _faker(locale: str) -> Faker:
    return Faker(locale)


def faker(locale: str, seed: int) -> Faker:
    fake = _faker(locale)
    fake.seed_instance(seed)
    return fake


def digits_of(text: str) -> str:
    return re.sub(r"\D", "", text)


# --- spoken digits, as speech recognition writes them -------------------------------------------------

DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
ZERO_WORDS = ["oh", "oh", "oh", "zero", "nought"]
REPEAT_WORDS = {2: "double", 3: "triple"}


def speak(digits: str, rnd: random.Random, style: str) -> str:
    """`digits` said aloud: style "words" (all words), "mixed" (words and single numerals) or "spaced"
    (single numerals). Groups of 2-4 digits may be split by commas; a pair or a triple of the same digit
    said as words may come out as "double seven" / "triple oh"."""
    groups, i = [], 0
    while i < len(digits):
        n = rnd.randint(2, 4)
        groups.append(digits[i:i + n])
        i += n
    sep = ", " if rnd.random() < 0.3 else " "
    said = []
    for group in groups:
        tokens, j = [], 0
        while j < len(group):
            run = 1
            while j + run < len(group) and group[j + run] == group[j] and run < 3:
                run += 1
            as_word = style == "words" or (style == "mixed" and rnd.random() < 0.6)
            word = rnd.choice(ZERO_WORDS) if group[j] == "0" else DIGIT_WORDS[int(group[j])]
            if as_word and run > 1 and rnd.random() < 0.7:
                tokens.append(f"{REPEAT_WORDS[run]} {word}")
                j += run
                continue
            tokens.append(word if as_word else group[j])
            j += 1
        said.append(" ".join(tokens))
    if style == "mixed" and not any(t[0].isalpha() for t in " ".join(said).split()):
        return speak(digits, rnd, "words")  # "mixed" says at least one digit as a word
    return sep.join(said)


def spoken_digits_of(text: str) -> str:
    """Every digit a reader could still get back from `text`: numerals, digit words, "double"/"triple"."""
    words = {w: str(d) for d, w in enumerate(DIGIT_WORDS)} | {"oh": "0", "nought": "0"}
    tokens = re.findall(r"[^\W\d_]+|\d", text.lower())
    out, i = [], 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in ("double", "triple") and i + 1 < len(tokens) and tokens[i + 1] in words:
            out.append(words[tokens[i + 1]] * (2 if tok == "double" else 3))
            i += 2
            continue
        out.append(words.get(tok, tok if tok.isdigit() else ""))
        i += 1
    return "".join(out)


# --- planted PII --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Planted:
    kind: str      # card | iban | phone | email | spoken card | spoken phone
    written: str   # as it appears in the text
    secret: str    # what must not survive: digits (card, phone, spoken), compact IBAN, or the email

    def survives_in(self, out: str) -> bool:
        if self.kind == "email":
            return self.secret.lower() in out.lower()
        if self.kind == "iban":
            return self.secret in re.sub(r"\s", "", out).upper() or digits_of(self.secret) in digits_of(out)
        return self.secret in spoken_digits_of(out)


def _card(locale: str, seed: int, card_type: int, layout: int) -> Planted:
    fake = faker(locale, seed)
    types = sorted(fake.provider("faker.providers.credit_card").credit_card_types)
    number = fake.credit_card_number(card_type=types[card_type % len(types)])
    if layout == 1:
        number = " ".join(number[i:i + 4] for i in range(0, len(number), 4))
    elif layout == 2:
        number = "-".join(number[i:i + 4] for i in range(0, len(number), 4))
    elif layout == 3 and len(number) == 15:  # the amex way, 4-6-5
        number = f"{number[:4]} {number[4:10]} {number[10:]}"
    return Planted("card", number, digits_of(number))


def _iban(locale: str, seed: int, layout: int) -> Planted:
    compact = faker(locale, seed).iban()
    written = compact
    if layout == 1:  # the printed form
        written = " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))
    elif layout == 2:
        written = compact.lower()
    return Planted("iban", written, compact.upper())


def _phone_number(locale: str, seed: int) -> str:
    fake = faker(locale, seed)
    for _ in range(100):
        number = fake.phone_number()
        # the redactor's stated scope is 7 or more digits
        if len(digits_of(number)) >= 7 and not known_phone_gap(locale, number):
            return number
    raise AssertionError(f"no usable phone number from Faker({locale!r}) with seed {seed}")


def _phone(locale: str, seed: int) -> Planted:
    number = _phone_number(locale, seed)
    return Planted("phone", number, digits_of(number))


def _email(locale: str, seed: int) -> Planted:
    email = faker(locale, seed).email()
    return Planted("email", email, email)


def _spoken_phone(locale: str, seed: int, style: str, rnd: random.Random) -> Planted:
    number = re.split(r"x|ext", _phone_number(locale, seed))[0]  # an extension is said separately
    digits = digits_of(number)
    if style == "spaced" and known_spaced_gap(locale, number):
        style = "mixed"  # at least one digit said as a word: then it is found whatever the number
    said = speak(digits, rnd, style)
    if number.lstrip().startswith("+") and rnd.random() < 0.5:
        said = "plus " + said
    return Planted("spoken phone", said, digits)


def _spoken_card(locale: str, seed: int, card_type: int, style: str, rnd: random.Random) -> Planted:
    digits = _card(locale, seed, card_type, 0).secret
    return Planted("spoken card", speak(digits, rnd, style), digits)


STYLES = st.sampled_from(["words", "mixed", "spaced"])
CARD_TYPES = st.integers(0, 11)  # an index into the locale's card types
RANDOMS = st.randoms(use_true_random=False)
PII = {
    "card": st.builds(_card, st.sampled_from(CARD_LOCALES), SEEDS, CARD_TYPES, st.integers(0, 3)),
    "iban": st.builds(_iban, st.sampled_from(IBAN_LOCALES), SEEDS, st.integers(0, 2)),
    "phone": st.builds(_phone, st.sampled_from(PHONE_LOCALES), SEEDS),
    "email": st.builds(_email, st.sampled_from(PHONE_LOCALES), SEEDS),
    "spoken card": st.builds(_spoken_card, st.sampled_from(CARD_LOCALES), SEEDS, CARD_TYPES, STYLES, RANDOMS),
    "spoken phone": st.builds(_spoken_phone, st.sampled_from(PHONE_LOCALES), SEEDS, STYLES, RANDOMS),
}
ANY_PII = st.one_of(*PII.values())

# --- carrier sentences --------------------------------------------------------------------------------
# No digits and no words the spoken-digit reader knows ("one", "oh", "double", ...) in any carrier text.

OPENERS = ["", "Hi,", "Hello there,", "Sorry to bother you but", "Right, so", "Good morning,", "hey",
           "I've been waiting all week and", "As I said to your colleague,"]
LEADS = {
    "card": ["my card number is", "you charged my card", "the payment went on", "please refund the card",
             "card:"],
    "iban": ["please refund it to", "my IBAN is", "send the money back to account", "bank details:",
             "the refund should go to"],
    "phone": ["call me back on", "my mobile is", "you can reach me at", "my number is", "ring me on",
              "text me at"],
    "email": ["email me at", "my email address is", "send the receipt to", "contact:", "my login is"],
}
LEADS["spoken card"], LEADS["spoken phone"] = LEADS["card"], LEADS["phone"]
CLOSERS = ["thanks", "thank you very much", "the parcel never arrived", "I need this sorted today", "cheers",
           "and the kettle is still broken", "is that right", "can you check please", "bye for now",
           "I want a refund", "my order is late again"]
SEPARATORS = [" ", ", ", ". ", "! ", "? ", " - "]


@st.composite
def planted_in_sentence(draw, kind: str):
    """(prefix, planted, suffix): the PII between carrier words written here."""
    planted = draw(PII[kind])
    opener = draw(st.sampled_from(OPENERS))
    prefix = " ".join(filter(None, [opener, draw(st.sampled_from(LEADS[kind]))])) + " "
    separators = SEPARATORS  # an IBAN followed by words, too (the redactor once ate into them)
    suffix = draw(st.one_of(st.just(""), st.sampled_from(".!?"),
                            st.builds(str.__add__, st.sampled_from(separators), st.sampled_from(CLOSERS))))
    return prefix, planted, suffix


KINDS = sorted(PII)


# 1. planted PII never survives, 2. the words around it do --------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=60, **SETTINGS)
@given(data=st.data())
def test_planted_pii_never_survives(kind, data):
    prefix, planted, suffix = data.draw(planted_in_sentence(kind))
    out = redact(prefix + planted.written + suffix)
    assert not planted.survives_in(out), (planted, out)


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=40, **SETTINGS)
@given(data=st.data())
def test_the_words_around_planted_pii_survive(kind, data):
    prefix, planted, suffix = data.draw(planted_in_sentence(kind))
    out = redact(prefix + planted.written + suffix)
    assert out.startswith(prefix) and out.endswith(suffix), (prefix + planted.written + suffix, out)
    assert "[" in out[len(prefix):len(out) - len(suffix)], out  # and something in between was redacted


# 3. idempotence ---------------------------------------------------------------------------------------

# Once a gap: the phone matcher reads digit groups separated by single spaces as one candidate and finds
# only a part of it when the whole is no possible number ("call 07700 900123 020 7946 0018" lost its first
# number to a second pass). Runs of 9 or more digits are now taken whole, so the free text may hold digits.
NOISE_WITH_DIGITS = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=30),
    st.text(alphabet="0123456789 -+().,/@:#£€abcdefghijklmnopqrstuvwxyzABCXYZ", max_size=30))


@settings(max_examples=150, **SETTINGS)
@given(pieces=st.lists(st.one_of(NOISE_WITH_DIGITS, ANY_PII.map(lambda p: p.written)), min_size=1, max_size=6),
       glue=st.sampled_from([", and ", "; then ", ".\nAlso ", " - or - "]))
def test_redacting_twice_changes_nothing_more(pieces, glue):
    once = redact(glue.join(pieces))
    assert redact(once) == once


# 4. never raises --------------------------------------------------------------------------------------

# arbitrary unicode, and short strings dense in what the number finders look at
NOISE = st.one_of(st.text(max_size=30),
                  st.text(alphabet="0123456789 -+().,/@:#£€abcdefghijklmnopqrstuvwxyzABCXYZ", max_size=30))


@settings(max_examples=300, **SETTINGS)
@given(text=st.one_of(st.text(), NOISE, st.text(min_size=50, max_size=300)))
def test_any_text_is_redacted_without_error(text):
    out = redact(text)
    assert isinstance(out, str)
    if not re.search(r"(?i)[@\d]|zero|oh|nought|one|two|three|four|five|six|seven|eight|nine", text):
        assert out == text  # no digit, no digit word and no '@': nothing to redact


# 5. order ids, amounts and dates stay -----------------------------------------------------------------

FILLER = ["my", "order", "arrived", "late", "and", "the", "box", "was", "damaged", "please", "refund", "it",
          "I", "was", "charged", "twice", "for", "where", "is", "parcel", "thanks", "still", "waiting", "on",
          "delivery", "cancel", "wrong", "size", "again", "today", "broken", "kettle", "sofa", "missing"]
# digit words too: "ordered on 12.03.2024, one arrived broken" once became "[PHONE] arrived broken"
FILLER += ["one", "two", "oh", "three"]

DATE_FORMATS = ["%d/%m/%Y", "%m/%d/%Y", "%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%y", "%Y/%m/%d"]


def _order_id(n: int, form: int) -> str:
    return ["ORD-{}", "ord{}", "ORD{}", "order {}", "order number ORD-{}", "#ORD-{}"][form].format(n)


def _amount(locale: str, seed: int, symbol: str, whole: int, pence: int, own: bool) -> str:
    if own:
        if whole >= 1000 and seed % 2:  # "£10000.00" and "£10,000.00" alike
            return f"{symbol}{whole:,}.{pence:02d}"
        return f"{symbol}{whole}.{pence:02d}"
    return faker(locale, seed).pricetag()  # "$8,776.31", "8.776,31\xa0€", "€29,14", "29,14\xa0zł"


def _date(locale: str, seed: int, fmt: str) -> str:
    day = faker(locale, seed).date_between(start_date=date(2015, 1, 1), end_date=date(2030, 12, 31))
    return day.strftime(fmt)


KEEPERS = st.one_of(
    st.builds(lambda n, f: "about " + _order_id(n, f), st.integers(10000, 99999), st.integers(0, 5)),
    st.builds(lambda *a: "paid " + _amount(*a), st.sampled_from(EN + ["de_DE", "fr_FR", "nl_NL", "pl_PL"]),
              SEEDS, st.sampled_from("£$€"), st.integers(0, 99999), st.integers(0, 99), st.booleans()),
    st.builds(lambda *a: "on " + _date(*a), st.sampled_from(EN + ["de_DE", "fr_FR"]), SEEDS,
              st.sampled_from(DATE_FORMATS)),
)


@settings(max_examples=200, **SETTINGS)
@given(segments=st.lists(st.one_of(KEEPERS, st.lists(st.sampled_from(FILLER), min_size=1, max_size=5)
                                   .map(" ".join)), min_size=1, max_size=7),
       glue=st.lists(st.sampled_from([" ", ", ", ". ", "; ", " - "]), min_size=7, max_size=7))
def test_order_ids_amounts_and_dates_stay(segments, glue):
    text = segments[0] + "".join(g + s for g, s in zip(glue, segments[1:]))
    assert redact(text) == text


# 6. the caller's names go, whole words only, whatever the case ---------------------------------------

@st.composite
def named_sentence(draw):
    fake = faker(draw(st.sampled_from(NAME_LOCALES)), draw(SEEDS))
    first, last = fake.first_name(), fake.last_name()
    casings = [str, str.lower, str.upper, str.title, str.capitalize]
    def said(name):  # "WEISS" and "weiss" for "Weiß" too: names are matched casefolded
        return draw(st.sampled_from(casings))(name)
    pieces, fillers = [], []
    for _ in range(draw(st.integers(1, 4))):
        fillers.append(draw(st.sampled_from(FILLER)))
        pieces.append(fillers[-1])
        pieces.append(draw(st.sampled_from([
            lambda: said(first), lambda: said(last), lambda: f"{said(first)} {said(last)}",
            lambda: f"{said(last)},", lambda: f"({said(first)})", lambda: f"{said(first)}'s"]))())
    decoy = f"{last}s" if last[-1:].isalpha() else None  # a longer word containing the name stays
    if decoy:
        pieces.append(decoy)
    return " ".join(pieces), [first, last], decoy, fillers


@settings(max_examples=150, **SETTINGS)
@given(sentence=named_sentence())
def test_names_passed_by_the_caller_are_removed_as_whole_words(sentence):
    text, names, decoy, fillers = sentence
    filler = {w.casefold() for w in FILLER}
    assume(not any(n.casefold() in filler for n in names))
    out = redact(text, names)
    if decoy:
        assert out.endswith(" " + decoy), (text, names, out)
        out = out[: -len(decoy)]
    for name in names:
        whole_word = rf"(?<!\w){re.escape(name.casefold())}(?!\w)"
        assert not re.search(whole_word, out.casefold()), (text, names, out)
    assert [w for w in re.findall(r"\w+", out.casefold()) if w in filler] == [w.casefold() for w in fillers], \
        (text, out)


# the gaps found by the properties above, fixed: examples kept as plain regression tests
def test_ibans_stop_where_they_end_and_a_second_one_is_found():
    assert redact("please refund GB17CGKQ95254814542124 to my account thanks") == "please refund [IBAN] to my account thanks"
    assert redact("GB82WEST12345698765432 and DE89370400440532013000") == "[IBAN] and [IBAN]"


def test_single_numerals_with_commas_between_groups_and_a_name_whose_case_changes_its_length():
    assert redact("call me on 0 7 7 0 0, 9 0 0, 1 2 3 thanks") == "call me on [PHONE] thanks"
    assert redact("WEISS hier, weiss da", ["Weiß"]) == "[NAME] hier, [NAME] da"


def test_a_number_right_after_a_card_and_digit_words_after_dates_and_amounts():
    assert redact("my card is 4111 1111 1111 1111, oh seven seven double oh nine oh oh one two three") \
        == "my card is [CARD], [PHONE]"
    assert redact("4111111111111111. 020.7946.0018") == "[CARD]. [PHONE]"
    for kept in ("ordered on 12.03.2024, one arrived broken", "I paid £1,299.00, one leg is broken", "paid £10000.00"):
        assert redact(kept) == kept
