"""The irritant taxonomy analysts edit (voc/taxonomy.yml, or VOC_TAXONOMY): which category a message is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import yaml

DEFAULT_PATH = Path(__file__).with_name("taxonomy.yml")
UNCATEGORISED = "uncategorised"


class TaxonomyError(ValueError):
    """The taxonomy file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Category:
    name: str
    subcategory: str


@dataclass(frozen=True)
class Taxonomy:
    by_intent: dict[str, Category]
    keywords: tuple[tuple[re.Pattern, Category], ...]  # in file order: the first match wins
    descriptions: dict[str, str]
    # catch-all sub-categories (`broad: true`): a keyword takes their messages elsewhere, and
    # their negative messages feed the emerging-irritant clustering too
    broad: frozenset[Category] = frozenset()

    def categorise(self, intent: str, text: str) -> Optional[Category]:
        """The category of a message: by its intent, else by a keyword in its (redacted) text;
        an intent of a broad sub-category only when no keyword says more."""
        found = self.by_intent.get(intent)
        if found is not None and found not in self.broad:
            return found
        return next((category for pattern, category in self.keywords if pattern.search(text)), found)

    @property
    def categories(self) -> list[str]:
        return list(self.descriptions)


def keyword_pattern(keyword: str) -> re.Pattern:
    # whole words, any case, any spacing: "charged  twice" is "charged twice"
    words = [re.escape(w) for w in keyword.lower().split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def load(path: Path = DEFAULT_PATH) -> Taxonomy:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise TaxonomyError(f"{path}: cannot read the taxonomy ({exc})") from None
    return parse(text, source=str(path))


def parse(text: str, source: str = "taxonomy") -> Taxonomy:
    """The taxonomy in `text` (YAML); a TaxonomyError naming `source` says what is wrong."""
    path = source
    try:
        doc = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(doc, dict):
        raise TaxonomyError(f"{path}: needs a mapping with 'categories'")
    categories = doc.get("categories")
    if not isinstance(categories, dict) or not categories:
        raise TaxonomyError(f"{path}: needs a non-empty 'categories' mapping")
    by_intent: dict[str, Category] = {}
    keywords: list[tuple[re.Pattern, Category]] = []
    descriptions: dict[str, str] = {}
    broad: set[Category] = set()
    for name, body in categories.items():
        if name == UNCATEGORISED:
            raise TaxonomyError(f"{path}: '{UNCATEGORISED}' is reserved for negative messages that fit nothing")
        body = body or {}
        if not isinstance(body, dict) or not isinstance(body.get("subcategories") or {}, dict):
            raise TaxonomyError(f"{path}: category {name!r} needs 'description' and a 'subcategories' mapping")
        descriptions[name] = str(body.get("description") or "")
        for sub, spec in (body.get("subcategories") or {}).items():
            category = Category(name, sub)
            if not isinstance(spec or {}, dict):
                raise TaxonomyError(f"{path}: {name}.{sub} needs 'intents' and/or 'keywords' lists")
            for intent in (spec or {}).get("intents") or []:
                if intent in by_intent:
                    raise TaxonomyError(f"{path}: intent {intent!r} is in both {by_intent[intent]} and {category}")
                by_intent[intent] = category
            keywords += [(keyword_pattern(str(k)), category) for k in (spec or {}).get("keywords") or []]
            if (spec or {}).get("broad") not in (None, False, True):
                raise TaxonomyError(f"{path}: {name}.{sub}: 'broad' is true or false")
            if (spec or {}).get("broad"):
                broad.add(category)
    return Taxonomy(by_intent, tuple(keywords), descriptions, frozenset(broad))
