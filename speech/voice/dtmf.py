"""Keypad presses (DTMF) to the words the dialogue understands.

A key in the table answers at once ("0" -> a person). Other keys are an entry: digits
collect until `#` ends it, and the entry goes to the dialogue as text (an order number keyed
in). `*` clears an entry in progress.
"""

from __future__ import annotations

from typing import Mapping, Optional

DEFAULT_TABLE: Mapping[str, str] = {"0": "I'd like to speak to a person"}
END, CLEAR = "#", "*"
MAX_ENTRY = 32


class Keypad:
    def __init__(self, table: Mapping[str, str] = DEFAULT_TABLE, entry_text: str = "{digits}") -> None:
        self.table = dict(table)
        self.entry_text = entry_text
        self._entry = ""

    def press(self, key: str) -> Optional[str]:
        """The text this press sends to the dialogue, or None while an entry is in progress."""
        if key == END:
            entry, self._entry = self._entry, ""
            return self.entry_text.format(digits=entry) if entry else None
        if key == CLEAR:
            self._entry = ""
            return None
        if not self._entry and key in self.table:
            return self.table[key]
        if key.isdigit() and len(self._entry) < MAX_ENTRY:
            self._entry += key
        return None
