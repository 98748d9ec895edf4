"""Long messages cut into windows the model can read at once: consecutive whole sentences,
packed up to the token limit.

A sentence boundary here is only where a window may end, so a boundary in the wrong place
(after "Mr.", say) costs nothing but a slightly earlier cut: a regular expression is enough.
"""

from __future__ import annotations

import re

# end punctuation followed by space, or a line break: where the customer ended a thought
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+|\s*\n\s*")

# how good a place to cut before a token is
_INSIDE_WORD, _WORD_START, _SENTENCE_START = 0, 1, 2


def sentence_starts(text: str) -> set[int]:
    """Character offsets where a sentence begins."""
    return {0} | {m.end() for m in _SENTENCE_BREAK.finditer(text) if m.end() < len(text)}


def window_spans(text: str, tokens: list[tuple[int, int]], budget: int) -> list[tuple[int, int]]:
    """Character spans of consecutive windows of at most `budget` tokens that cover every token.

    `tokens` are the character spans of the text's tokens (no special tokens), in order.
    A window ends before the last sentence start that fits; a sentence longer than the
    budget ends its window before the last word that fits; a word longer than the budget
    (a pasted link) is cut between tokens."""
    if not tokens:
        return [(0, len(text))]
    starts = sentence_starts(text)
    rank = [_SENTENCE_START if s in starts else _WORD_START if i == 0 or s > tokens[i - 1][1] else _INSIDE_WORD
            for i, (s, _) in enumerate(tokens)]
    spans = []
    first = 0
    while first < len(tokens):
        last = min(first + budget, len(tokens))  # exclusive
        if last < len(tokens):
            # the best kind of cut in reach, and the latest of that kind: windows as full as they can be
            last = max(range(first + 1, last + 1), key=lambda k: (rank[k], k))
        spans.append((tokens[first][0], tokens[last - 1][1]))
        first = last
    return spans
