"""The alias tables under ``models/entities/``, loaded once.

countries.tsv      canonical name, other names and abbreviations, adjectives, demonyms, capital
organisations.tsv  canonical name, abbreviations and other names
metonyms.tsv       seats of power and the country whose government they stand for
roles.tsv          role nouns (президент, министр) with a class and a gender
descriptors.tsv    role noun + dependent that change the class ("глава государства" is a leader)
actor_heads.tsv    nouns that with a country adjective stand for it ("американская сторона")
institutions.tsv   common nouns that are an organisation mention on their own ("полиция")
other_holder.tsv   adjectives that make a role phrase someone else's ("бывший президент")
named_after.tsv    nouns ending an organisation's name before a person's ("Комитет защиты ...")
common_nouns.tsv   words NER tags as names that are common nouns ("СМИ")

Names are stored as tuples of word stems (``keys.stem``), so any case form of a name finds them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..resources import models_dir
from .keys import fold, stem

NameKey = tuple[str, ...]


@dataclass(frozen=True)
class Referent:
    """An entry of a table: what a matched name refers to."""

    id: str  # "country:Россия", "org:Федеральное бюро расследований"
    name: str  # the canonical name
    type: str  # LOC or ORG


@dataclass
class Tables:
    names: dict[NameKey, Referent] = field(default_factory=dict)
    capitals: dict[NameKey, Referent] = field(default_factory=dict)  # capital -> its country
    seats: dict[NameKey, Referent] = field(default_factory=dict)  # Кремль -> Россия
    seat_names: dict[NameKey, str] = field(default_factory=dict)  # the seat's own name: Кремль
    adjectives: dict[str, Referent] = field(default_factory=dict)  # stem of lemma -> country
    demonyms: dict[str, Referent] = field(default_factory=dict)
    roles: dict[str, tuple[str, str]] = field(default_factory=dict)  # lemma -> (class, gender)
    role_phrases: dict[tuple[str, str], str] = field(default_factory=dict)  # (role, dep) -> class
    actor_heads: frozenset[str] = frozenset()
    institutions: frozenset[str] = frozenset()  # lemmas of nouns naming an institution
    other_holder: frozenset[str] = frozenset()  # "бывший": the role phrase is someone else's
    named_after: frozenset[str] = frozenset()  # "защиты": Комитет защиты <person's name>
    common_nouns: frozenset[NameKey] = frozenset()  # "СМИ": tagged as a name, none
    first_words: frozenset[str] = frozenset()  # first stems of every multi-word key, for scanning

    def lookup(self, key: NameKey) -> Referent | None:
        return self.names.get(key)


def name_key(name: str) -> NameKey:
    return tuple(stem(word) for word in name.split())


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def _cell(row: list[str], index: int) -> list[str]:
    if index >= len(row) or not row[index]:
        return []
    return [value.strip() for value in row[index].split("|") if value.strip()]


def tables_dir() -> Path:
    return models_dir() / "entities"


@lru_cache(maxsize=4)
def load_tables(path: Path | None = None) -> Tables:
    path = path or tables_dir()
    tables = Tables()
    for row in _rows(path / "countries.tsv"):
        country = Referent(f"country:{row[0]}", row[0], "LOC")
        for name in [row[0], *_cell(row, 1)]:
            tables.names[name_key(name)] = country
        for adjective in _cell(row, 2):
            tables.adjectives[stem(adjective)] = country
        for demonym in _cell(row, 3):
            tables.demonyms[stem(demonym)] = country
        for capital in _cell(row, 4):
            tables.capitals[name_key(capital)] = country
    for row in _rows(path / "organisations.tsv"):
        org = Referent(f"org:{row[0]}", row[0], "ORG")
        for name in [row[0], *_cell(row, 1)]:
            tables.names.setdefault(name_key(name), org)
    countries = {referent.name: referent for referent in tables.names.values()}
    for row in _rows(path / "metonyms.tsv"):
        tables.seats[name_key(row[0])] = countries[row[1]]
        tables.seat_names[name_key(row[0])] = row[0]
    for row in _rows(path / "roles.tsv"):
        tables.roles[fold(row[0])] = (row[1], row[2] if len(row) > 2 else "-")
    for row in _rows(path / "descriptors.tsv"):
        tables.role_phrases[(fold(row[0]), fold(row[1]))] = row[2]
    tables.actor_heads = frozenset(fold(row[0]) for row in _rows(path / "actor_heads.tsv"))
    tables.institutions = frozenset(fold(row[0]) for row in _rows(path / "institutions.tsv"))
    tables.other_holder = frozenset(fold(row[0]) for row in _rows(path / "other_holder.tsv"))
    tables.named_after = frozenset(fold(row[0]) for row in _rows(path / "named_after.tsv"))
    tables.common_nouns = frozenset(name_key(row[0]) for row in _rows(path / "common_nouns.tsv"))
    keys = [*tables.names, *tables.capitals, *tables.seats]
    tables.first_words = frozenset(key[0] for key in keys if key)
    return tables
