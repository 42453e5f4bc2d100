"""The event taxonomy and modality cues, loaded from ``models/events/`` (data, not code).

``types.json`` maps each event type to its trigger lemmas (verbs, nouns, nouns that are events
only in the plural, multi-word phrases) and
says which role a genitive noun after a nominal trigger plays; ``modality.json`` lists the cue
lemmas for planned, prevented, negated and reported events and the light verbs whose object
noun is the event. ``rates.json`` (built from NEREL train by ``benchmarks/build_event_lexicon.py``)
says how often a lemma is an event at all and which dependents belong to an event's span; its
thresholds are ``types.json``'s ``_gate``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..resources import models_dir


@dataclass(frozen=True)
class EventType:
    name: str
    genitive: str = "patient"  # role of a genitive noun after a nominal trigger
    object: str = "patient"  # role of a verb's direct object
    subject: str = "agent"  # role of an active verb's subject ("умер X": X is the patient)
    nerel: bool = True  # NEREL annotates events of this type (their triggers are gated by rates)
    clause: str = "participant"  # role of the subject of the verb a nominal trigger complements


@dataclass(frozen=True)
class Phrase:
    type: str
    lemmas: frozenset[str]  # every lemma must be the trigger's or one of its dependents'


@dataclass
class Lexicon:
    types: dict[str, EventType]
    verbs: dict[str, str]  # lemma -> type
    nouns: dict[str, str]
    plural: dict[str, str]  # singular lemma -> type, for nouns that are events only in the plural
    phrases: dict[str, list[Phrase]]  # any lemma of the phrase -> phrases holding it
    planned: frozenset[str] = field(default_factory=frozenset)
    prevented: frozenset[str] = field(default_factory=frozenset)
    negation: frozenset[str] = field(default_factory=frozenset)
    reported: frozenset[str] = field(default_factory=frozenset)
    light: frozenset[str] = field(default_factory=frozenset)
    rates: dict[str, tuple[int, int]] = field(default_factory=dict)  # "lemma/V|N" -> (events, seen)
    extend: dict[str, tuple[int, int]] = field(default_factory=dict)  # "[key] rel lemma" -> (inside, seen)
    gate: dict[str, float] = field(default_factory=dict)

    def event_rate(self, key: str) -> float | None:
        """How often the lemma was an event in NEREL train; None when seen too rarely to say."""
        events, seen = self.rates.get(key, (0, 0))
        if seen < self.gate.get("min_seen", 5):
            return None
        return events / seen

    def inside_rate(self, head_key: str, rel: str, lemma: str) -> float | None:
        """How often a dependent (by relation and lemma) lies inside its event's span."""
        least = self.gate.get("extend_seen", 3)
        for key in (f"{head_key} {rel} {lemma}", f"{rel} {lemma}"):
            inside, seen = self.extend.get(key, (0, 0))
            if seen >= least:
                return inside / seen
        return None

    @classmethod
    def load(cls, folder: Path | str | None = None) -> Lexicon:
        folder = Path(folder) if folder is not None else models_dir() / "events"
        table = json.loads((folder / "types.json").read_text(encoding="utf-8"))
        cues = json.loads((folder / "modality.json").read_text(encoding="utf-8"))
        rates_path = folder / "rates.json"
        rates = json.loads(rates_path.read_text(encoding="utf-8")) if rates_path.exists() else {}
        return cls.build(table, cues, rates)

    @classmethod
    def build(cls, table: dict, cues: dict, rates: dict | None = None) -> Lexicon:
        rates = rates or {}
        types, verbs, nouns, plural, phrases = {}, {}, {}, {}, {}
        for name, entry in table.items():
            if name.startswith("_"):
                continue
            types[name] = EventType(name, entry.get("genitive", "patient"), entry.get("object", "patient"),
                                    entry.get("subject", "agent"), entry.get("nerel", True),
                                    entry.get("clause", "participant"))
            multi = list(entry.get("phrases", []))
            for lemma in entry.get("plural", []):
                plural.setdefault(lemma, name)
            for key, target in (("verbs", verbs), ("nouns", nouns)):
                for lemma in entry.get(key, []):
                    if " " in lemma:
                        multi.append(lemma)
                    else:
                        target.setdefault(lemma, name)
            for text in multi:
                lemmas = frozenset(part.strip() for part in text.replace("+", " ").split()
                                   if len(part.strip()) > 3 or part.strip() in ("дтп",))
                phrase = Phrase(name, lemmas)
                for lemma in lemmas:
                    phrases.setdefault(lemma, []).append(phrase)
        return cls(
            types=types, verbs=verbs, nouns=nouns, plural=plural, phrases=phrases,
            rates={key: tuple(value) for key, value in rates.get("lemmas", {}).items()},
            extend={key: tuple(value) for key, value in rates.get("extend", {}).items()},
            gate=dict(table.get("_gate", {})),
            **{key: frozenset(cues.get(key, [])) for key in
               ("planned", "prevented", "negation", "reported", "light")},
        )
