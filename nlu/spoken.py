"""Spoken forms of shaped values, written out: "o r d four zero zero zero one" → "ord40001".

Speech recognisers (and some typists) spell an order number letter by letter and say its
digits as words. The project's regexes are written for the typed form, so entity rules also
run on this written form of the message, and what they find there is mapped back onto the
words the customer said. Only runs of at least two spelt letters or spoken digits change:
"a" or "one" alone stay words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contracts.redaction import REPEATS, RUN_GAP, SPOKEN_DIGITS

# "o" is a digit only inside a run of digits ("four o one"); alone it is a letter ("o r d")
DIGIT_WORDS = {**SPOKEN_DIGITS, "o": "0"}
_TOKEN = re.compile(r"[A-Za-z]+|\d")


@dataclass(frozen=True)
class WrittenForm:
    text: str
    # for each character of `text`, the span of the message it was written from
    sources: tuple[tuple[int, int], ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.sources[start][0], self.sources[end - 1][1]


def _kind(word: str) -> str | None:
    w = word.lower()
    if w in REPEATS:
        return "repeat"
    if w in DIGIT_WORDS and w != "o" or w.isdigit():
        return "digit"
    if len(w) == 1 and w.isalpha():
        return "letter"  # "o" is a letter here; a run of digits claims it below
    return None


def written_form(text: str) -> WrittenForm | None:
    """The message with spelt letters and spoken digits written out; None when nothing changes."""
    tokens = list(_TOKEN.finditer(text))
    out: list[str] = []
    sources: list[tuple[int, int]] = []
    cursor, i, changed = 0, 0, False
    previous: str | None = None  # the kind of the run written just before, when nothing else came between
    while i < len(tokens):
        run, kind, j = [], None, i
        # a run: same-kind tokens (digits may take "o" and "double x") with only spaces between
        while j < len(tokens):
            tok = tokens[j]
            k = _kind(tok.group())
            if k == "repeat" or (kind == "digit" and tok.group().lower() == "o"):
                k = "digit"
            if k is None or (kind is not None and k != kind):
                break
            if run and not RUN_GAP.fullmatch(text[run[-1].end():tok.start()]):
                break
            kind = kind or k
            run.append(tok)
            j += 1
        # typed numbers stay as typed ("£24.99"): only runs with a spoken or spelt part change
        if len(run) >= 2 and (any(tok.group().isalpha() for tok in run) or _spelt_numerals(text, run)):
            gap = text[cursor:run[0].start()]
            # "O, R, D, one, zero, ..." is one id: spelt letters then spoken digits join up
            if not (previous == "letter" and kind == "digit" and RUN_GAP.fullmatch(gap)):
                out.append(gap)
                sources += [(p, p + 1) for p in range(cursor, run[0].start())]
            previous = kind
            written = _write(run, kind)
            out.append(written.text)
            sources += written.sources
            cursor, i, changed = run[-1].end(), j, True
        else:
            previous = None
            i += 1
    if not changed:
        return None
    out.append(text[cursor:])
    sources += [(p, p + 1) for p in range(cursor, len(text))]
    written = "".join(out)
    return WrittenForm(written, tuple(sources)) if written != text else None


def _spelt_numerals(text: str, run: list[re.Match[str]]) -> bool:
    """Numerals said one by one, as a recogniser writes a spelt id: "1-0-0-0-1", "4, 5, 7"; a
    typed number ("10001", "£24.99") has nothing between its digits."""
    return all(text[a.end():b.start()] for a, b in zip(run, run[1:]))


def _write(run: list[re.Match[str]], kind: str) -> WrittenForm:
    chars: list[str] = []
    sources: list[tuple[int, int]] = []
    times = 1
    for tok in run:
        word = tok.group().lower()
        if word in REPEATS:
            times = REPEATS[word]
            continue
        c = word if kind == "letter" else DIGIT_WORDS.get(word, word)
        chars += [c] * times
        sources += [(tok.start(), tok.end())] * (len(c) * times)
        times = 1
    return WrittenForm("".join(chars), tuple(sources))
