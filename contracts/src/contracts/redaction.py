"""Find and redact personal data before text is stored, summarised or analysed.

What is found, in this order (an earlier kind wins where two overlap):
- `[EMAIL]` email addresses;
- `[IBAN]` IBANs, written with or without spaces, when their mod-97 checksum holds;
- `[CARD]` card numbers of 12–19 digits (Maestro has 12), with spaces or dashes, when their Luhn check holds;
- digits spoken or spaced by speech recognition ("four one one one …", "oh seven seven …",
  "double one", "0 7 7 0 0, 9 0 0, 1 2 3"): a run of 7 or more with a digit word in it, or with
  7 or more single numerals, becomes `[CARD]` when it is a valid card number, else `[PHONE]`;
- `[PHONE]` any run of 9 or more digits in groups with at most one space, dash, dot or slash
  between them (brackets allowed round a group) that nothing above claimed: phone numbers in
  formats `phonenumbers` does not read as GB numbers ("1-877-893-2879", "8 916 123 45 67",
  "(351) 918 100 339"), numbers said as single numerals, two numbers side by side. A
  long reference number goes too: safer than a phone number kept;
- `[PHONE]` phone numbers as the `phonenumbers` library segments them, when they have at
  least 7 digits and are not shaped like a date;
- `[NAME]` names the caller passes (a customer's own name, from their profile).

Order ids, amounts and dates stay: they are what analysts and agents need to read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, List

import phonenumbers

DEFAULT_REGION = "GB"  # how a number without a country code is read
MIN_PHONE_DIGITS = 7
MIN_RUN_DIGITS = 9

EMAIL_PATTERN = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_CARD = re.compile(r"(?<!\d)(?:\d[ -]?){11,18}\d(?!\d)")
_IBAN_CANDIDATE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,32}", re.IGNORECASE)
_DATE_SHAPED = re.compile(r"\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
# How digits are said aloud; the NLU reads spoken order numbers with the same words (nlu/spoken.py).
SPOKEN_DIGITS = {"zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
                 "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
REPEATS = {"double": 2, "triple": 3}
_WORD_OR_NUMBER = re.compile(r"[A-Za-z]+|\d+")
RUN_GAP = re.compile(r"[\s,.-]*")


@dataclass(frozen=True)
class PiiSpan:
    kind: str  # EMAIL | IBAN | CARD | PHONE | NAME
    start: int
    end: int


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def iban_ok(compact: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters to 10..35, mod 97 is 1."""
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def _is_card(digits: str) -> bool:
    return 12 <= len(digits) <= 19 and luhn_ok(digits)


def find_emails(text: str) -> List[PiiSpan]:
    return [PiiSpan("EMAIL", m.start(), m.end()) for m in EMAIL_PATTERN.finditer(text)]


def find_ibans(text: str) -> List[PiiSpan]:
    found: List[PiiSpan] = []
    pos = 0
    while True:
        m = _IBAN_CANDIDATE.search(text, pos)
        if m is None:
            return found
        end = _iban_end(m.group())
        if end is None:
            pos = m.start() + 1
            continue
        found.append(PiiSpan("IBAN", m.start(), m.start() + end))
        pos = m.start() + end  # a second IBAN after this one is looked at too


def _iban_end(candidate: str) -> "int | None":
    """Where the IBAN at the start of `candidate` ends; None when there is none.

    The candidate runs on into the words after it ("GB82WEST12345698765432 to my account"):
    a later space-separated group belongs to the IBAN only when it is written in the same case
    as the country code (IBANs are written in one case) and at most four characters long, and
    an IBAN ends where a group ends, except in its first group (an IBAN written without spaces)."""
    upper = candidate[:2].isupper()
    groups = [(g.start(), g.end()) for g in re.finditer(r"\S+", candidate)]
    ends = list(range(min(groups[0][1], 34), 14, -1))  # within the first group, longest first
    for start, stop in groups[1:]:
        group = candidate[start:stop]
        letters = [c for c in group if c.isalpha()]
        if len(group) > 4 or any(c.isupper() != upper for c in letters):
            break
        ends.insert(0, stop)
    for end in sorted(set(ends), reverse=True):
        compact = candidate[:end].replace(" ", "").upper()
        if 15 <= len(compact) <= 34 and iban_ok(compact):
            return end
    return None


def find_cards(text: str) -> List[PiiSpan]:
    return [PiiSpan("CARD", m.start(), m.end()) for m in _CARD.finditer(text)
            if _is_card(re.sub(r"\D", "", m.group()))]


def find_spoken_digits(text: str) -> List[PiiSpan]:
    """Runs of digits as speech recognition writes them: words, single numerals, 'double one'.

    A run counts when a digit is said as a word, or when MIN_PHONE_DIGITS of its digits are single
    numerals: ASR writes a number read digit by digit that way, often with commas between the
    groups ("0 7 7 0 0, 9 0 0, 1 2 3"), which the written-number finders do not join up."""
    found: List[PiiSpan] = []
    tokens = list(_WORD_OR_NUMBER.finditer(text))
    i = 0
    while i < len(tokens):
        digits, spoken, singles, j, end = "", False, 0, i, tokens[i].start()
        while j < len(tokens):
            tok = tokens[j]
            if j > i and not RUN_GAP.fullmatch(text[end:tok.start()]):
                break
            word = tok.group().lower()
            nxt = tokens[j + 1].group().lower() if j + 1 < len(tokens) else ""
            if word in REPEATS and nxt in SPOKEN_DIGITS and RUN_GAP.fullmatch(text[tok.end():tokens[j + 1].start()]):
                digits += SPOKEN_DIGITS[nxt] * REPEATS[word]
                spoken, end, j = True, tokens[j + 1].end(), j + 2
            elif word in SPOKEN_DIGITS:
                digits += SPOKEN_DIGITS[word]
                spoken, end, j = True, tok.end(), j + 1
            elif word.isdigit() and len(word) <= 4:
                digits += word
                singles += len(word) == 1
                end, j = tok.end(), j + 1
            else:
                break
        if (spoken or singles >= MIN_PHONE_DIGITS) and len(digits) >= MIN_PHONE_DIGITS:
            found.append(PiiSpan("CARD" if _is_card(digits) else "PHONE", tokens[i].start(), end))
            i = j
        else:
            i += 1
    return found


_DIGIT_RUN = re.compile(r"\+?(?:\(\d+\)|\d)(?:[ .\-/]?(?:\(\d+\)|\d))*")


def find_long_numbers(text: str) -> List[PiiSpan]:
    """Runs of MIN_RUN_DIGITS or more digits, in groups with single separators between them."""
    return [PiiSpan("PHONE", m.start(), m.end()) for m in _DIGIT_RUN.finditer(text)
            if len(_DIGIT.findall(m.group())) >= MIN_RUN_DIGITS]


def find_phone_numbers(text: str, region: str = DEFAULT_REGION) -> List[PiiSpan]:
    found = []
    for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE):
        raw = m.raw_string
        if sum(c.isdigit() for c in raw) >= MIN_PHONE_DIGITS and not _DATE_SHAPED.fullmatch(raw.strip()):
            found.append(PiiSpan("PHONE", m.start, m.end))
    return found


def _casefolded(text: str) -> "tuple[str, List[int]]":
    """The text casefolded, and for each of its characters the index of the one it came from:
    casefolding may change the length ("Weiß" -> "weiss"), which re.IGNORECASE cannot match."""
    folded, origin = [], []
    for i, ch in enumerate(text):
        for f in ch.casefold():
            folded.append(f)
            origin.append(i)
    return "".join(folded), origin


def find_names(text: str, names: Iterable[str]) -> List[PiiSpan]:
    found = []
    folded, origin = _casefolded(text)
    # longest first, so "Alice Martin" is claimed whole before "Alice"
    for name in sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", folded):
            found.append(PiiSpan("NAME", origin[m.start()], origin[m.end() - 1] + 1))
    return found


_DIGIT = re.compile(r"\d")  # any script's digits, as str.isdigit and phonenumbers read them
_SPOKEN_WORD = re.compile(r"\b(?:" + "|".join(SPOKEN_DIGITS) + r")\b", re.IGNORECASE)


def _may_hold_number(text: str, written: int) -> bool:
    """Whether the text (holding `written` digits) has digits enough, written or spoken, for a
    phone or card number: most messages have not, and the number finders are the slow part."""
    return written >= MIN_PHONE_DIGITS or written + 3 * len(_SPOKEN_WORD.findall(text)) >= MIN_PHONE_DIGITS


_AMOUNT = re.compile(r"[£$€¥]\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:GBP|USD|EUR|pounds|dollars|euros)\b",
                     re.IGNORECASE)
# a date standing alone, one separator throughout: "12.03.2024", "2024-03-12" (not "06-66/048");
# a full stop after it ends the sentence ("on 2028-07-04. one more thing"), a digit after it would not
_DATE = re.compile(r"(?<![\d./-])(?:\d{4}([/.-])\d{1,2}\1\d{1,2}|\d{1,2}([/.-])\d{1,2}\2\d{2,4})(?![\d/-]|\.\d)")
MASK = "\x00"  # neither a digit, a word nor a gap: a masked span breaks every run of digits


def _masked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = MASK * (end - start)
    return "".join(chars)


def find_pii(text: str, names: Iterable[str] = (), region: str = DEFAULT_REGION) -> List[PiiSpan]:
    """Every piece of personal data in the text, without overlaps, in text order.

    Phone numbers and spoken digits are looked for in the text with what was found before
    (emails, IBANs, cards) and what is surely no phone number (dates, amounts) masked out, so
    a number right after a card is still found and "12.03.2024, one arrived" stays a date."""
    digits = len(_DIGIT.findall(text))  # most messages hold too few for an IBAN, a card or a phone
    first = [*(find_emails(text) if "@" in text else ()), *(find_ibans(text) if digits >= 2 else ()),
             *(find_cards(text) if digits >= 12 else ())]
    later: List[PiiSpan] = []
    if _may_hold_number(text, digits):
        rest = _masked(text, [(s.start, s.end) for s in first]
                       + [m.span() for m in _DATE.finditer(text)] + [m.span() for m in _AMOUNT.finditer(text)])
        later = [*find_spoken_digits(rest), *find_long_numbers(rest), *find_phone_numbers(rest, region)]
    candidates = [*first, *later, *find_names(text, names)]  # by priority: the first claim wins
    return sorted(_without_overlaps(candidates), key=lambda s: s.start)


def _without_overlaps(spans: List[PiiSpan]) -> List[PiiSpan]:
    kept: List[PiiSpan] = []
    for span in spans:
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return kept


def _replaced(text: str, spans: List[PiiSpan]) -> str:
    """The text with each span (in text order, none overlapping) replaced by its kind."""
    out, cursor = [], 0
    for span in spans:
        out += [text[cursor:span.start], f"[{span.kind}]"]
        cursor = span.end
    out.append(text[cursor:])
    return "".join(out)


def redact(text: str, names: Iterable[str] = (), region: str = DEFAULT_REGION) -> str:
    """The text with every piece of personal data replaced by its kind, e.g. `[CARD]`."""
    return _replaced(text, find_pii(text, names, region))


def redact_names(text: str, names: Iterable[str]) -> str:
    """Only the names: for text whose other personal data was redacted before."""
    return _replaced(text, sorted(_without_overlaps(find_names(text, names)), key=lambda s: s.start))
