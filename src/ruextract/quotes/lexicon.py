"""The cue lexicon (``models/quotes/cues.tsv``): speech-act lemmas and phrases with their frames.

A *frame* says where the speaker of a cue is (``subject``, ``object``, ``genitive`` after a phrase,
``locative`` after "в <документе>", ``none``) and which contents the cue takes (``что``,
``direct``, ``colon``, ``postposed``, ``как``, ``inf``, ``clause``, ``anaphor``). The file's
header documents every column; it is read once per process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import ModelNotFound
from ..resources import models_dir

CUES_FILE = "quotes/cues.tsv"
WORDS_FILE = "quotes/words.tsv"
ANY = "*"  # in a phrase: up to two adjectives or possessive pronouns


def fold(word: str) -> str:
    """Lower case, ё as е: how the lexicon and the tokens are compared."""
    return word.lower().replace("ё", "е")


@dataclass(frozen=True)
class Frame:
    cue: str
    kind: str  # verb | adjective | noun | collocation | phrase | passive
    speaker: str  # subject | object | genitive | locative | none
    content: frozenset[str]
    mental: bool = False

    def takes(self, content: str) -> bool:
        return content in self.content


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, Frame] = field(default_factory=dict)  # lemma -> frame
    collocations: dict[str, dict[str, Frame]] = field(default_factory=dict)  # verb -> noun -> frame
    phrases: dict[str, list[tuple[tuple[str, ...], Frame]]] = field(default_factory=dict)

    def __len__(self) -> int:
        return (
            len(self.words)
            + sum(len(nouns) for nouns in self.collocations.values())
            + sum(len(patterns) for patterns in self.phrases.values())
        )


def parse_lexicon(lines: list[str]) -> Lexicon:
    lexicon = Lexicon()
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) not in (4, 5):
            raise ValueError(f"cues line {number}: expected 4 or 5 tab-separated columns: {line!r}")
        cue, kind, speaker, content = (fold(column.strip()) for column in columns[:4])
        frame = Frame(
            cue=cue,
            kind=kind,
            speaker=speaker,
            content=frozenset(part.strip() for part in content.split(",")),
            mental=len(columns) == 5 and columns[4].strip() == "mental",
        )
        if kind == "phrase":
            words = tuple(cue.split())
            lexicon.phrases.setdefault(words[0], []).append((words, frame))
        elif kind == "collocation":
            verb, noun = cue.split()
            lexicon.collocations.setdefault(verb, {})[noun] = frame
        else:
            lexicon.words[cue] = frame
    return lexicon


def cues_path() -> Path:
    return models_dir() / CUES_FILE


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The lexicon at ``path`` (default: the packaged ``models/quotes/cues.tsv``), read once."""
    file = Path(path) if path is not None else cues_path()
    if not file.exists():
        raise ModelNotFound("the quote cue lexicon", str(file))
    return parse_lexicon(file.read_text(encoding="utf-8").splitlines())


@lru_cache(maxsize=1)
def word_classes() -> dict[str, frozenset[str]]:
    """The word classes of ``models/quotes/words.tsv`` (document nouns, organisation nouns, ...)."""
    file = models_dir() / WORDS_FILE
    if not file.exists():
        raise ModelNotFound("the quote word classes", str(file))
    classes: dict[str, set[str]] = {}
    for line in file.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, lemma = line.split("\t")
            classes.setdefault(name.strip(), set()).add(fold(lemma.strip()))
    return {name: frozenset(lemmas) for name, lemmas in classes.items()}


def word_class(name: str) -> frozenset[str]:
    """One word class of ``models/quotes/words.tsv``."""
    return word_classes()[name]
