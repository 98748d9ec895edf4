"""Read NLU training data from any Rasa 3.x project.

Supports what Rasa's own reader accepts in `nlu:` sections: examples as a
`- ` bullet string or as a list of `{text, metadata}`, inline entity annotations
(`[text](entity)`, `[text](entity:value)`, `[text]{"entity": .., "role": ..,
"group": .., "value": ..}` and lists of such dicts), plus `synonym:`, `regex:`
and `lookup:` blocks, spread over any number of files under the project.

Request priorities (our addition too) live in an intent's metadata: `metadata: {priority: 5}`
marks the intent as a request a customer may make beside another in one message, and says
which of two is handled first (higher first). Rasa ignores the key as well.

Intent families (ours too): `metadata: {family: order_whereabouts}` on intents the dialogue
handles alike ("where is it", "tracking", "it's late"). The fallback decision reads the
family's summed probability (nlu.families), so a message split between near-synonyms is not
turned away as if nothing fitted it.

Sentiment labels (our addition) live in Rasa's own example metadata:
`metadata: {sentiment: negative}` on an intent sets the default for its
examples, the same key on an example overrides it; unlabelled examples are
`neutral`. Rasa ignores the key, so the project still trains with stock Rasa.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

SENTIMENTS = ("negative", "neutral", "positive")
DEFAULT_SENTIMENT = "neutral"

# Rasa 3's annotation grammar: [text](entity[:value]) | [text]{json} | [text][{json}, ...]
_ANNOTATION = re.compile(
    r"\[(?P<text>[^\]]+?)\]"
    r"(?:\((?P<entity>[^:)]+?)(?::(?P<value>[^)]+))?\)"
    r"|\{(?P<dict>[^}]+?)\}"
    r"|\[(?P<list>\{.*?\}(?:\s*,\s*\{.*?\})*)\])"
)


class _Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 booleans, as Rasa reads its files: `- intent: yes` is the string 'yes', not True."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def read_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)


class TrainingDataError(ValueError):
    """The project's NLU YAML cannot be used; the message says where and why."""


@dataclass(frozen=True)
class EntitySpan:
    start: int
    end: int
    value: str
    entity: str
    role: str | None = None
    group: str | None = None

    def as_rasa(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "entity": self.entity,
        }
        if self.role:
            out["role"] = self.role
        if self.group:
            out["group"] = self.group
        return out


@dataclass(frozen=True)
class Example:
    text: str
    intent: str
    sentiment: str = DEFAULT_SENTIMENT
    entities: tuple[EntitySpan, ...] = ()
    source: str = ""


@dataclass
class TrainingData:
    examples: list[Example] = field(default_factory=list)
    synonyms: dict[str, str] = field(default_factory=dict)  # lower-cased surface -> value
    regexes: dict[str, list[str]] = field(default_factory=dict)
    lookups: dict[str, list[str]] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    # intent -> priority, from `metadata: {priority: N}` on an intent: which intents are requests
    # and which of two in one message comes first (nlu.requests)
    priorities: dict[str, int] = field(default_factory=dict)
    # intent -> family, from `metadata: {family: name}` on an intent (nlu.families)
    families: dict[str, str] = field(default_factory=dict)

    @property
    def intents(self) -> list[str]:
        return sorted({e.intent for e in self.examples})

    @property
    def entity_types(self) -> list[str]:
        return sorted({s.entity for e in self.examples for s in e.entities})

    def file_hashes(self) -> dict[str, str]:
        """sha256 of each file, keyed by its path below the files' common folder."""
        if not self.files:
            return {}
        root = Path(os.path.commonpath([p.parent for p in self.files]))
        return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in self.files}

    def fingerprint(self) -> str:
        """Hash of everything training reads, so a model can say what it was trained on."""
        h = hashlib.sha256()
        for name, digest in self.file_hashes().items():
            h.update(f"{name}\t{digest}\n".encode())
        if not self.files:  # built in memory (benchmark data sets): hash the examples themselves
            for e in self.examples:
                h.update(f"{e.intent}\t{e.sentiment}\t{e.text}\n".encode())
        return h.hexdigest()


def parse_annotated(text: str) -> tuple[str, tuple[EntitySpan, ...]]:
    """Strip Rasa's inline annotations; return the plain text and its entity spans."""
    plain: list[str] = []
    spans: list[EntitySpan] = []
    cursor = 0
    length = 0
    for m in _ANNOTATION.finditer(text):
        before = text[cursor : m.start()]
        plain.append(before)
        length += len(before)
        surface = m.group("text")
        start, end = length, length + len(surface)
        plain.append(surface)
        length = end
        cursor = m.end()
        for d in _annotation_dicts(m, text):
            spans.append(
                EntitySpan(
                    start=start,
                    end=end,
                    value=str(d.get("value", surface)),
                    entity=str(d["entity"]).strip(),
                    role=d.get("role"),
                    group=None if d.get("group") is None else str(d["group"]),
                )
            )
    plain.append(text[cursor:])
    return "".join(plain), tuple(spans)


def _annotation_dicts(m: re.Match[str], text: str) -> list[dict[str, Any]]:
    if m.group("entity"):
        d: dict[str, Any] = {"entity": m.group("entity")}
        if m.group("value"):
            d["value"] = m.group("value")
        return [d]
    raw = "{" + m.group("dict") + "}" if m.group("dict") else "[" + m.group("list") + "]"
    try:
        parsed = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise TrainingDataError(f"bad entity annotation {raw!r} in {text!r}: {exc}") from exc
    items = parsed if isinstance(parsed, list) else [parsed]
    for item in items:
        if not isinstance(item, dict) or "entity" not in item:
            raise TrainingDataError(f"entity annotation without 'entity' key in {text!r}")
    return items


def _bullets(block: Any, where: str) -> list[tuple[str, dict[str, Any]]]:
    """Examples of a block as (text, metadata) pairs, from either Rasa layout."""
    if isinstance(block, str):
        out = []
        for line in block.splitlines():
            line = line.strip()
            if not line:
                continue
            if not line.startswith("- "):
                raise TrainingDataError(f"{where}: example line must start with '- ': {line!r}")
            out.append((line[2:].strip(), {}))
        return out
    if isinstance(block, list):
        out = []
        for item in block:
            if isinstance(item, dict) and "text" in item:
                out.append((str(item["text"]).strip(), item.get("metadata") or {}))
            elif isinstance(item, str):
                out.append((item.strip(), {}))
            else:
                raise TrainingDataError(f"{where}: cannot read example {item!r}")
        return out
    raise TrainingDataError(f"{where}: 'examples' must be a string or a list")


def _sentiment(meta: dict[str, Any], default: str, where: str) -> str:
    label = str(meta.get("sentiment", default)).lower()
    if label not in SENTIMENTS:
        raise TrainingDataError(f"{where}: sentiment {label!r} is not one of {SENTIMENTS}")
    return label


def nlu_files(project: Path) -> list[Path]:
    """Every YAML file under the project's data/ that holds an `nlu:` section."""
    data_dir = project / "data"
    if not data_dir.is_dir():
        raise TrainingDataError(f"{project} has no data/ directory (is BOT_DIR a Rasa project?)")
    files = []
    for path in sorted([*data_dir.rglob("*.yml"), *data_dir.rglob("*.yaml")]):
        doc = read_yaml(path) or {}
        if isinstance(doc, dict) and doc.get("nlu"):
            files.append(path)
    if not files:
        raise TrainingDataError(f"no file under {data_dir} has an 'nlu:' section")
    return files


def load_project(project: Path | str) -> TrainingData:
    project = Path(project)
    return load_files(nlu_files(project))


def load_files(paths: Iterable[Path]) -> TrainingData:
    data = TrainingData()
    for path in paths:
        data.files.append(path)
        doc = read_yaml(path) or {}
        for i, block in enumerate(doc.get("nlu") or []):
            _read_block(data, block, f"{path.name} nlu[{i}]", path.name)
    for ex in data.examples:
        for span in ex.entities:
            if span.value != ex.text[span.start : span.end]:
                data.synonyms.setdefault(ex.text[span.start : span.end].lower(), span.value)
    if not data.examples:
        raise TrainingDataError("the project's NLU data has no intent examples")
    return data


def _read_block(data: TrainingData, block: dict[str, Any], where: str, source: str) -> None:
    if not isinstance(block, dict):
        raise TrainingDataError(f"{where}: expected a mapping, got {type(block).__name__}")
    examples = block.get("examples")
    if "intent" in block:
        intent = str(block["intent"])
        default = _sentiment(block.get("metadata") or {}, DEFAULT_SENTIMENT, where)
        priority = (block.get("metadata") or {}).get("priority")
        if priority is not None:
            if not isinstance(priority, int) or isinstance(priority, bool):
                raise TrainingDataError(f"{where}: priority {priority!r} is not a whole number")
            if data.priorities.get(intent, priority) != priority:
                raise TrainingDataError(f"{where}: intent {intent!r} already has priority {data.priorities[intent]}")
            data.priorities[intent] = priority
        family = (block.get("metadata") or {}).get("family")
        if family is not None:
            if not isinstance(family, str) or not family.strip():
                raise TrainingDataError(f"{where}: family {family!r} is not a name")
            if data.families.get(intent, family) != family:
                raise TrainingDataError(f"{where}: intent {intent!r} is already in family {data.families[intent]!r}")
            data.families[intent] = family
        for raw, meta in _bullets(examples, where):
            text, spans = parse_annotated(raw)
            if not text.strip():
                continue
            data.examples.append(
                Example(text, intent, _sentiment(meta, default, where), spans, source)
            )
    elif "synonym" in block:
        for raw, _ in _bullets(examples, where):
            data.synonyms[raw.lower()] = str(block["synonym"])
    elif "regex" in block:
        data.regexes.setdefault(str(block["regex"]), []).extend(
            raw for raw, _ in _bullets(examples, where)
        )
    elif "lookup" in block:
        data.lookups.setdefault(str(block["lookup"]), []).extend(
            raw for raw, _ in _bullets(examples, where)
        )
    else:
        raise TrainingDataError(f"{where}: block has none of intent/synonym/regex/lookup")
