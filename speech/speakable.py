"""The assistant's chat replies rewritten as text a voice (Piper, en_US) reads out naturally.

Replies are written for a screen: markdown, links, "ORD-10001", "£12.50", "2026-11-30", "8am–8pm".
Read as written, a voice spells symbols, says "ord ten thousand and one" and reads dates as sums.
`speakable` rewrites those forms as words; `sentences` cuts the result for sentence-by-sentence
synthesis, so the first audio of a long reply starts sooner.

Choices, for a listener who cannot see the text:
- an order id is spelt: capital letters, then each digit as a word, "O R D, one zero zero zero one",
  the way an agent reads one out and a caller reads it back (nlu/spoken.py understands that form);
- a URL becomes its domain, spoken ("track dot example dot com"): a path is no use on the phone;
- dates are US English, as the voice is ("November thirtieth, twenty twenty-six"); only ISO dates
  change, as "03/04/2026" is ambiguous;
- other numbers stay digits (Piper reads them well), except runs of 5+ digits and phone numbers,
  which are references and are read digit by digit.
Pure (no I/O) and idempotent for the assistant's replies: speakable(speakable(x)) == speakable(x).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from num2words import num2words

DIGITS = "zero one two three four five six seven eight nine".split()
MONTHS = "January February March April May June July August September October November December".split()
AM, PM = "a m", "p m"  # spaced letters: "am" alone is read as the verb
MIN_SENTENCE_WORDS = 3
# units: one, many, one hundredth, many hundredths
CURRENCIES = {"£": ("pound", "pounds", "penny", "pence"), "$": ("dollar", "dollars", "cent", "cents"),
              "€": ("euro", "euros", "cent", "cents")}
CURRENCY_CODES = {"GBP": "£", "USD": "$", "EUR": "€"}

_AMOUNT = r"(?P<major>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<minor>\d{1,2}))?(?!\d)(?!,\d)"
_MONEY_BEFORE = re.compile(rf"(?:(?P<cur>[£$€])|\b(?P<code>GBP|USD|EUR)\s?)\s?{_AMOUNT}", re.I)
_MONEY_AFTER = re.compile(rf"(?<![\w.,]){_AMOUNT}\s?(?P<code>GBP|USD|EUR)\b", re.I)
_ORDER_ID = re.compile(r"\bORD(?:-?\s?(\d+))?-?(?!\w)", re.I)  # ORD-10001, ORD10001, ord 10001; "ORD-"
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_CLOCK = re.compile(r"(?<![\d:.])(\d{1,2}):([0-5]\d)(?:\s?([ap])\.?m\b(?:\.(?=\s+(?-i:[a-z])))?)?(?![\d:])", re.I)
_HOUR = re.compile(r"(?<![\d:.])(\d{1,2})\s?([ap])\.?m\b(?:\.(?=\s+(?-i:[a-z])))?", re.I)
_PHONE = re.compile(r"(?<![\w+])(\+?)(\d{2,}(?:[ -]\d{2,})+)(?![\w])")
_LONG_NUMBER = re.compile(r"(?<![\d.,])\d{5,}(?![\d]|[.,]\d)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMAIL = re.compile(r"\b([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)\b")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]\"']+?(?=[.,;:!?]*(?:\s|$))", re.I)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+")
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2190-\u21FF\u2300-\u23FF\u2600-\u27BF\u2B00-\u2BFF"
                    "\uFE0E\uFE0F\u200D\u20E3]")
_Rewrites = list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]]
_MARKUP: _Rewrites = [
    (re.compile(r"</?[a-z][^>]*>", re.I), " "),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"(\*\*|__|~~)(.+?)\1"), r"\2"),
    (re.compile(r"(?<!\w)([*_])(?!\s)(.+?)(?<!\s)\1(?!\w)"), r"\2"),
    (re.compile(r"[\u201c\u201d\u201e\"]"), ""),
    (re.compile(r"(?<!\w)'([^'\n]+?)'(?!\w)"), r"\1"),  # quoted words; apostrophes stay
    (re.compile(r"\b(e\.g|i\.e)\.?(?!\w)|\bapprox\b\.?", re.I), lambda m: _capitalised_like(m.group(), {
        "e.g": "for example", "i.e": "that is", "approx": "about"}[m.group().rstrip(".").lower()])),
]
# before clock times are words: "8am–8pm" and "3-5" are ranges, "ORD-" and dates are gone by then
_RANGES: _Rewrites = [
    (re.compile(r"(?<=[\dmM])\s?–\s?(?=\d)"), " to "),  # 8am–8pm, 3–5 days
    (re.compile(r"(?<![\d-])(\d+)-(\d+)(?![\d-])"), r"\1 to \2"),
]
_SYMBOLS: _Rewrites = [
    (re.compile(r"\s*[—–]\s*|\s+-+\s+"), ", "),
    (re.compile(r"\b24/7\b"), "twenty-four seven"),
    (re.compile(r"(?<![\d/])(\d+)/(\d+)(?![\d/])"), r"\1 out of \2"),  # a rating, "4/5"
    (re.compile(r"\b([A-Za-z]+)/([A-Za-z]+)\b"), r"\1 or \2"),  # yes/no
    (re.compile(r"(\d)\s?%"), r"\1 percent"),
    (re.compile(r"%"), " percent "),
    (re.compile(r"&"), " and "),
    (re.compile(r"@"), " at "),
    (re.compile(r"\+"), " plus "),
    (re.compile(r"\b1 mins?\b"), "1 minute"),
    (re.compile(r"(\d) mins?\b"), r"\1 minutes"),
    (re.compile(r"\s*\(\s*([^()]*?)\s*\)"), r", \1,"),  # an aside is a pause, not a bracket to voice
    (re.compile(r"[^\w\s.,!?;:'/-]|_"), " "),  # whatever is left that a voice would spell out
]
_TIDY: _Rewrites = [
    (re.compile(r"\s+"), " "),
    (re.compile(r"\s+([.,!?;:])"), r"\1"),
    (re.compile(r"([.!?])[.!?,;:]+"), r"\1"),  # the strongest stop wins
    (re.compile(r"[,;:]+(?=[.!?])"), ""),
    (re.compile(r"([,;:])[,;:]+"), r"\1"),
    (re.compile(r"^[\s.,!?;:]+"), ""),
]
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
_ABBREVIATION_END = re.compile(r"\b(?:e\.g|i\.e|approx|vs|Mr|Mrs|Ms|Dr)\.$", re.I)


def speakable(text: str) -> str:
    """The reply as words a TTS voice reads naturally: no markup, symbols, or digit soup."""
    text = _LINK.sub(r"\1", text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2026", "..."))
    text = _EMAIL.sub(_spoken_email, text)
    text = _URL.sub(lambda m: _spoken_domain(m.group()), text)
    text = " ".join(_as_sentence(line) for line in text.splitlines())
    text = _EMOJI.sub(" ", text)
    text = _ORDER_ID.sub(_spoken_order_id, text)
    text = _MONEY_BEFORE.sub(_spoken_money, text)
    text = _MONEY_AFTER.sub(_spoken_money, text)
    text = _ISO_DATE.sub(_spoken_date, text)
    text = _PHONE.sub(_spoken_phone, text)
    text = _LONG_NUMBER.sub(lambda m: _digit_words(m.group()), text)
    text = _rewrite(text, _MARKUP + _RANGES)
    text = _HOUR.sub(_spoken_time, _CLOCK.sub(_spoken_time, text))
    return _rewrite(text, _SYMBOLS + _TIDY).strip()


def sentences(text: str) -> list[str]:
    """Speakable text cut into sentences to synthesise one by one; fragments join a neighbour."""
    out: list[str] = []
    for piece in _SENTENCE_BREAK.split(text.strip()):
        if not piece:
            continue
        # "Hi!" alone is too short to voice well, and "e.g." does not end a sentence
        if out and (_words(out[-1]) < MIN_SENTENCE_WORDS or _words(piece) < MIN_SENTENCE_WORDS
                    or _ABBREVIATION_END.search(out[-1])):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _rewrite(text: str, rewrites: _Rewrites) -> str:
    for pattern, replacement in rewrites:
        text = pattern.sub(replacement, text)
    return text


def _words(text: str) -> int:
    return len(text.split())


def _number(n: int) -> str:
    return num2words(n).replace(",", "")  # "one thousand, two hundred": the comma is a false pause


def _digit_words(digits: str) -> str:
    return " ".join(DIGITS[int(d)] for d in digits if d.isdigit())


def _capitalised_like(original: str, words: str) -> str:
    return words[0].upper() + words[1:] if original[:1].isupper() else words


def _as_sentence(line: str) -> str:
    # a line break on screen is a pause to the ear: each line ends as a sentence
    line = _BULLET.sub("", _HEADING.sub("", line)).strip()
    return line if not line or line[-1] in ".!?:;," else line + "."


def _spoken_email(m: re.Match[str]) -> str:
    local = re.sub(r"[._+-]", lambda s: {".": " dot ", "_": " underscore ", "+": " plus ", "-": " dash "}[s.group()],
                   m.group(1))
    return f"{local} at {m.group(2).replace('.', ' dot ')}"


def _spoken_domain(url: str) -> str:
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.I)
    return re.split(r"[/:?#]", host, maxsplit=1)[0].replace(".", " dot ")


def _spoken_order_id(m: re.Match[str]) -> str:
    return "O R D" + (f", {_digit_words(m.group(1))}" if m.group(1) else "")


def _spoken_money(m: re.Match[str]) -> str:
    symbol = m.groupdict().get("cur") or CURRENCY_CODES[m.group("code").upper()]
    one, many, hundredth, hundredths = CURRENCIES[symbol]
    major = int(m.group("major").replace(",", ""))
    minor = int((m.group("minor") or "0").ljust(2, "0"))
    if major == 0 and minor:
        return f"{_number(minor)} {hundredth if minor == 1 else hundredths}"
    spoken = f"{_number(major)} {one if major == 1 else many}"
    return f"{spoken} {_number(minor)}" if minor else spoken


def _spoken_date(m: re.Match[str]) -> str:
    try:
        date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return m.group()
    year = num2words(date.year, to="year").replace(" and", "")  # US: "two thousand five"
    return f"{MONTHS[date.month - 1]} {num2words(date.day, to='ordinal')}, {year}"


def _spoken_time(m: re.Match[str]) -> str:
    hour = int(m.group(1))
    minute = int(m.group(2)) if m.re is _CLOCK else 0
    suffix = (m.group(3) if m.re is _CLOCK else m.group(2)) or ""
    if hour > (12 if suffix else 23):
        return m.group()
    if not suffix:
        suffix = "a" if hour < 12 else "p"
    spoken = num2words(hour % 12 or 12)
    if minute:
        spoken += f" oh {num2words(minute)}" if minute < 10 else f" {num2words(minute)}"
    return f"{spoken} {AM if suffix.lower() == 'a' else PM}"


def _spoken_phone(m: re.Match[str]) -> str:
    groups = re.split(r"[ -]", m.group(2))
    if sum(len(g) for g in groups) < 7:  # "between 10 and 20" is not a phone number
        return m.group()
    return ("plus " if m.group(1) else "") + ", ".join(_digit_words(g) for g in groups)
