"""Training-time variants of an example: the message as customers actually send it.

Written training examples are tidy; real messages are typed in a hurry on a phone or arrive
from a speech recogniser. Each epoch the trainer swaps a share of the examples for one of
these variants (fresh ones every epoch), so the model learns that "wher is my ordr" and
"where is my order" ask the same thing. Entity spans are kept: edits never touch an
entity's characters, and the spans after an edit are shifted to match.
"""

from __future__ import annotations

import random
from dataclasses import replace

from nlu.training_data import EntitySpan, Example

# Keys next to each other on a QWERTY keyboard, diagonals included: the slips a thumb makes.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours() -> dict[str, str]:
    where = {c: (r, i) for r, row in enumerate(_ROWS) for i, c in enumerate(row)}
    out: dict[str, str] = {}
    for c, (r, i) in where.items():
        near = []
        for dr in (-1, 0, 1):
            if not 0 <= r + dr < len(_ROWS):
                continue
            row = _ROWS[r + dr]
            # each row sits about half a key to the right of the one above it
            for j in ((i - 1, i, i + 1) if dr == 0 else (i + (0 if dr < 0 else -1), i + (1 if dr < 0 else 0))):
                if 0 <= j < len(row) and row[j] != c:
                    near.append(row[j])
        out[c] = "".join(near)
    return out


NEIGHBOURS = _neighbours()
EDITS = ("neighbour", "drop", "double", "swap", "join", "apostrophe")


def speech_like(ex: Example) -> Example:
    """Lower case, no closing punctuation: what a speech recogniser or a hurried typist sends."""
    text = ex.text.lower()
    if len(text) != len(ex.text):  # a few Unicode letters change length when lowered
        return ex
    end = len(text.rstrip(" ?!.,"))
    if end == 0 or any(span.end > end for span in ex.entities):
        end = len(text)
    return replace(ex, text=text[:end])


def typo_like(ex: Example, rng: random.Random, max_edits: int = 2) -> Example:
    """1 to `max_edits` slips of the fingers outside entity spans: a neighbouring key, a
    dropped, doubled or swapped letter, two words run together, a missing apostrophe."""
    text, spans = ex.text, list(ex.entities)
    for _ in range(rng.randint(1, max_edits)):
        edited = _one_edit(text, spans, rng)
        if edited is None:
            break
        text, spans = edited
    return replace(ex, text=text, entities=tuple(spans))


# What an exasperated customer wraps around a request. Anger changes the tone, not the
# request: "where is my sofa, you are hopeless" still asks where the sofa is. Only words that
# carry no request of their own ("it's been ages" would teach a late delivery).
VENT_BEFORE = ("ugh", "seriously", "honestly", "for goodness sake", "oh come on", "unbelievable", "right")
VENT_AFTER = ("you are hopeless", "this is ridiculous", "absolute joke", "what a shambles", "useless",
              "pathetic", "you muppets", "unbelievable", "ridiculous")


def vented(ex: Example, rng: random.Random) -> Example:
    """The request with a burst of anger before or after it, its sentiment negative."""
    if rng.random() < 0.5:
        lead = rng.choice(VENT_BEFORE) + rng.choice((", ", ". ", "! ", " "))
        spans = tuple(replace(s, start=s.start + len(lead), end=s.end + len(lead)) for s in ex.entities)
        return replace(ex, text=lead + ex.text, entities=spans, sentiment="negative")
    tail = rng.choice((" ", ", ", ". ", "!! ")) + rng.choice(VENT_AFTER)
    return replace(ex, text=ex.text.rstrip() + tail, sentiment="negative")


def augmented(ex: Example, rng: random.Random, speech_prob: float, typo_prob: float,
              vent_prob: float = 0.0, requests: frozenset[str] = frozenset()) -> Example:
    """The example itself, or a variant: a request vented with `vent_prob`, speech-like with
    `speech_prob`, typo'd with `typo_prob` (these can combine, as in "wher is my ordr")."""
    if vent_prob and ex.intent in requests and rng.random() < vent_prob:  # off: no draw, same stream as before
        ex = vented(ex, rng)
    if rng.random() < speech_prob:
        ex = speech_like(ex)
    if rng.random() < typo_prob:
        ex = typo_like(ex, rng)
    return ex


def _free(i: int, spans: list[EntitySpan]) -> bool:
    return not any(s.start <= i < s.end for s in spans)


def _one_edit(text: str, spans: list[EntitySpan], rng: random.Random) -> tuple[str, list[EntitySpan]] | None:
    op = rng.choice(EDITS)
    if op == "apostrophe":
        places = [i for i, c in enumerate(text) if c in "'’" and _free(i, spans)]
        if places:
            return _delete(text, spans, rng.choice(places))
        op = "drop"
    if op == "join":
        places = [i for i in range(1, len(text) - 1)
                  if text[i] == " " and text[i - 1].isalpha() and text[i + 1].isalpha() and _free(i, spans)]
        if places:
            return _delete(text, spans, rng.choice(places))
        op = "swap"
    # letters inside words, never a word's only letter: "a" → "" would change the meaning
    letters = [i for i, c in enumerate(text) if c.isalpha() and _free(i, spans)
               and ((i > 0 and text[i - 1].isalpha()) or (i + 1 < len(text) and text[i + 1].isalpha()))]
    if not letters:
        return None
    i = rng.choice(letters)
    if op == "neighbour":
        near = NEIGHBOURS.get(text[i].lower())
        if not near:
            return None
        c = rng.choice(near)
        return text[:i] + (c.upper() if text[i].isupper() else c) + text[i + 1:], spans
    if op == "drop":
        return _delete(text, spans, i)
    if op == "double":
        return _insert(text, spans, i, text[i])
    # swap with the next letter when both are free letters
    if i + 1 < len(text) and text[i + 1].isalpha() and _free(i + 1, spans) and text[i] != text[i + 1]:
        return text[:i] + text[i + 1] + text[i] + text[i + 2:], spans
    return _delete(text, spans, i)


def _delete(text: str, spans: list[EntitySpan], i: int) -> tuple[str, list[EntitySpan]]:
    return text[:i] + text[i + 1:], [_shift(s, i, -1) for s in spans]


def _insert(text: str, spans: list[EntitySpan], i: int, c: str) -> tuple[str, list[EntitySpan]]:
    return text[:i] + c + text[i:], [_shift(s, i, +1) for s in spans]


def _shift(span: EntitySpan, at: int, by: int) -> EntitySpan:
    """Spans starting after the edit move with it; edits never fall inside a span."""
    if span.start > at or (by > 0 and span.start == at):
        return replace(span, start=span.start + by, end=span.end + by)
    return span
