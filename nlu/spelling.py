"""A second reading of a message with its typing slips corrected: "you chraged me twise" →
"you charged me twice".

The encoder reads a misspelt word as word pieces it never saw in training, and the character
model only partly makes up for it: one or two slips in the words that carry the request can
leave the message below the fallback threshold. The speller replaces each unknown word (in
neither the English frequency dictionary that symspellpy ships nor the words the project's
training data uses more than once) by the nearest known word: one edit away for words under
seven letters, two from seven (SymSpell, Damerau edits). Of equally near words one with the
same first letter wins ("adress" is address, not dress), then the one the training data uses
most ("arive" is arrive, not drive), then the commoner in English. The first half of a
contraction stays as typed ("wasn't"). An unknown word of eight letters or more with no known
word near it may be known words typed without spaces ("whereismyorder").

The predictor reads the corrected message only when its first reading is unsure and keeps
whichever reading is surer (nlu.predictor), so a slang word "corrected" into English costs
nothing when the message was understood as typed. A message in another language
(contracts.languages) is left as typed: its words are not English typos. Entities always come
from what the customer typed.
"""

from __future__ import annotations

import json
import re
import threading
from collections import Counter
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Iterable, Mapping

from contracts.languages import other_language

WORDS_FILE = "training_words.json"
MIN_LETTERS = 4  # shorter words have too many neighbours one edit away ("wat", "hw", "ur")
LONG_WORD = 7  # from this length two edits are allowed
RUN_TOGETHER = 8  # from this length an unknown word may be words typed without spaces ("trackmyorder")
MIN_PROJECT_COUNT = 2  # a project word used once may itself be one of the written typos
_WORD = re.compile(r"[A-Za-z]+")
# the first half of a contraction ("wasn't", "they'll"): not a word of its own to correct ("wasn" is not "was")
_CONTRACTED = re.compile(r"['’](?:t|ll|re|ve|m|d)\b", re.IGNORECASE)
# Text-speak a customer types on purpose, too short or too far from the word for the speller.
# Only unambiguous ones: "ya" (you? yeah?) and "y" (why? yes?) stay as typed.
CHAT_WORDS = {
    "u": "you", "ur": "your", "r": "are", "mi": "my", "pls": "please", "plz": "please", "thx": "thanks",
    "im": "I'm", "ive": "I've", "wat": "what", "wot": "what", "wen": "when", "hw": "how", "abt": "about",
    "b4": "before", "2day": "today", "2moro": "tomorrow", "tmrw": "tomorrow", "pkg": "package",
    "cos": "because", "coz": "because", "bc": "because", "ppl": "people", "smth": "something",
    "cn": "can", "cld": "could", "cud": "could", "wld": "would", "wud": "would", "shud": "should", "bk": "back", "bak": "back",
    "rly": "really", "tbh": "to be honest", "sum1": "someone", "ne1": "anyone", "msg": "message", "gd": "good",
    "sposed": "supposed", "spose": "suppose", "nvm": "never mind", "yh": "yeah",
    "iz": "is", "wnt": "want", "wnts": "wants", "chng": "change", "thnk": "think", "nt": "not", "nw": "now",
}
# Spoken English as typed, and slips into real words: "wheres me dress at" asks where my dress is (UK and Irish "me" for "my",
# the "at" that ends a US where-question), not for our opening hours
DIALECT = [
    # "wears my parcel", "were is my sofa": real words, so the speller leaves them, but at the start
    # of a sentence before "my" they can only be "where's"
    (re.compile(r"(^\W*|[.!?]\s+)(?:wears|weres|were's|wer's|were is|wer is)\s+(my|me|the|our)\b", re.IGNORECASE),
     r"\1where's \2"),
    # "were are my trainers": the same slip before a plural
    (re.compile(r"(^\W*|[.!?]\s+)(?:were|wer|wear) are\s+(my|me|the|our)\b", re.IGNORECASE), r"\1where are \2"),
    # "was sposed to be hear yesterday", "should of been hear by now": "here", after "be" or "been"
    (re.compile(r"\b(be|been)\s+hear\b", re.IGNORECASE), r"\1 here"),
    (re.compile(r"\b(where'?s|wheres|where is|where are|hows|how's|how is)\s+me\b", re.IGNORECASE), r"\1 my"),
    # "any chance me dress is turnin up today": "my" before a thing of theirs ("send me dress sizes" is me)
    (re.compile(r"(?<!\bsend )(?<!\bsent )(?<!\bgive )(?<!\bgave )(?<!\bget )(?<!\bgot )(?<!\bshow )(?<!\bbring )"
                r"(?<!\bfind )(?<!\bemail )(?<!\btext )(?<!\bsell )(?<!\bowe )(?<!\bowes )(?<!\bbuy )(?<!\bcost )"
                r"\bme\s+(orders?|parcels?|package|delivery|stuff|refund|money|account|password|items?|dress|sofa"
                r"|trainers|kettle|shoes|clothes|things|phone|case|fryer|air fryer|chairs?|jacket|coat|boots|bag)\b",
                re.IGNORECASE), r"my \1"),
    (re.compile(r"^(.*\bwhere(?:'?s|s)?\b.*?)\s+at\s*([?!.]*)\s*$", re.IGNORECASE), r"\1\2"),
    # "hw long 4 delivry", "still waiting 4 my refund", "talk 2 someone": text-speak "for" and "to"
    # after words that take them, never before a count ("waited 4 days", "ordered 2 chairs")
    (re.compile(r"\b(how long|thanks|thank you|cheers|waiting|wait|waited|looking|asking|ask|asked|ready|time)\s+4\s+"
                r"(?!\d|(?:days?|weeks?|wks?|hours?|hrs?|mins?|minutes?|months?|years?|times?|pm|am|of|or|and|x|more)\b)",
                re.IGNORECASE), r"\1 for "),
    (re.compile(r"\b(talk|speak|chat|back|reply|respond|due|supposed|meant|able|trying|tried|going|gonna|want|need|have"
                r"|has|had)\s+2\s+(?!\d|(?:days?|weeks?|wks?|hours?|hrs?|mins?|minutes?|months?|years?|times?|pm|am|of|or"
                r"|and|x|more|items?|orders?|parcels?|boxes|pairs?|things|charges|payments|refunds|emails|people|kids)\b)",
                re.IGNORECASE), r"\1 to "),
    # "i want some one to actually do something": the word split in two reads as "some" and "one"
    (re.compile(r"\b(some|any)\s+(one|body)\s+(to|who|that|there|here|at|from|in|please|pls)\b", re.IGNORECASE),
     r"\1\2 \3"),
    # "f***ing useless company where is ORD-55123": a masked swear word carries the anger (read from the
    # message as sent), not the request; to the model it is noise
    (re.compile(r"(?<![\w*])[A-Za-z]+\*+[A-Za-z*]*(?![\w*])\s*"), ""),
]
_CHAT_WORD = re.compile(r"(?<![\w'-])(" + "|".join(sorted(CHAT_WORDS, key=len, reverse=True)) + r")(?![\w'-])",
                        re.IGNORECASE)


def training_words(texts: Iterable[str]) -> dict[str, int]:
    """How often each word occurs in the training texts (lower case, letters only)."""
    return dict(Counter(w.lower() for text in texts for w in _WORD.findall(text)))


def save_words(folder: Path, words: Mapping[str, int]) -> None:
    (folder / WORDS_FILE).write_text(json.dumps(dict(sorted(words.items())), ensure_ascii=False))


def load(folder: Path) -> "Speller | None":
    """The speller for a saved model; None for models saved without their training words."""
    path = folder / WORDS_FILE
    if not path.exists():
        return None
    return Speller(json.loads(path.read_text()))


@lru_cache(maxsize=1)
def _english_path() -> str:
    return str(files("symspellpy") / "frequency_dictionary_en_82_765.txt")


class Speller:
    def __init__(self, project_words: Mapping[str, int]) -> None:
        self._project_words = {w: n for w, n in project_words.items() if n >= MIN_PROJECT_COUNT}
        self._symspell = None  # built on first use: loading the dictionary takes about two seconds
        self._building = threading.Lock()

    @property
    def _dictionary(self):
        with self._building:
            if self._symspell is None:
                self._symspell = self._build()
        return self._symspell

    def _build(self):
        from symspellpy import SymSpell

        symspell = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        symspell.load_dictionary(_english_path(), term_index=0, count_index=1)
        for word, count in self._project_words.items():
            symspell.create_dictionary_entry(word, count)
        return symspell

    def warm(self) -> None:
        """Build the dictionary now rather than during a customer's message."""
        self._dictionary

    def known(self, word: str) -> bool:
        return word.lower() in self._dictionary.words

    def correct(self, text: str) -> str:
        """The text with text-speak written out ("mi" → "my") and each unknown word of four
        letters or more replaced by its nearest known word; words with no known word near
        enough stay as typed, and so does a message in another language."""
        return text if other_language(text) else self.correct_english(text)

    def correct_english(self, text: str) -> str:
        """`correct` for a message already known not to be in another language (the predictor
        checks every message once)."""
        text = _CHAT_WORD.sub(lambda m: CHAT_WORDS[m.group().lower()], text)
        for pattern, written in DIALECT:
            text = pattern.sub(written, text)
        return _WORD.sub(self._correct_word, text)

    def _correct_word(self, match: re.Match) -> str:
        from symspellpy import Verbosity

        word = match.group()
        lower = word.lower()
        if len(lower) < MIN_LETTERS or lower in self._dictionary.words or _CONTRACTED.match(match.string, match.end()):
            return word
        found = self._dictionary.lookup(lower, Verbosity.CLOSEST,
                                        max_edit_distance=2 if len(lower) >= LONG_WORD else 1)
        if not found:
            return self._split(lower) or word
        # of the nearest words: one with the same first letter (slips rarely hit it: "adress" is
        # address, not dress), then the one customers of this project use most ("arive": arrive,
        # not drive), then the commoner in English
        return max(found, key=lambda s: (s.term[0] == lower[0], self._project_words.get(s.term, 0), s.count)).term

    def _split(self, lower: str) -> str | None:
        """"whereismyorder" → "where is my order": a long unknown word that is known words typed
        without spaces, each as spelt; None when it is not."""
        if len(lower) < RUN_TOGETHER:
            return None
        parts = self._dictionary.word_segmentation(lower, max_edit_distance=0).corrected_string.split()
        known = all(p in self._dictionary.words and (len(p) > 1 or p in "ai") for p in parts)
        return " ".join(parts) if len(parts) > 1 and known else None
