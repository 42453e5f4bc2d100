"""Memory of a long-lived pipeline: 10,000 short, varied documents through one ``Pipeline``,
one call each (as a service makes them), RSS after warm-up, at every 1,000 calls, and the fill
of every cache the stages keep.

    python benchmarks/memory.py [--calls 10000] [--every 1000] [--seed 0] [--distinct N]

The documents are generated here (invented names, numbers and made-up words, so the word caches
see ever new keys, as a service does over months of news); no corpus text is used. RSS should
level off once the bounded caches are full: compare the 1k and 10k lines.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from collections.abc import Iterator
from typing import Any

import ruextract

SYLLABLES = "ба ве ги до ку ла ми но пе ра си то фу ха це ша ю ян ки ло ре ст ин ов ев ск".split()
FIRST = "Иван Сергей Анна Мария Олег Ольга Дмитрий Елена Павел Наталья Артём Юлия".split()
PLACES = "Москве Казани Самаре Томске Орле Твери Перми Уфе Сочи Калуге Туле Омске".split()
MONTHS = ("января февраля марта апреля мая июня июля августа сентября октября ноября "
          "декабря").split()
TEMPLATES = [
    "{first} {last}, {role} компании «{org}», заявил {day} {month}: «{quote}».",
    "Вчера в {place} {first} {last} встретился с главой {org}. {quote}, — сказал он.",
    "По словам {role}а {first}а {last}а, через {n} года {org} откроет завод в {place}.",
    "{day} {month} {year} года суд в {place} арестовал {role}а {last}а. Он {word}л {n} раз.",
    "Как сообщила {first} {last}, в {year} году {org} {word}ла {n} млн рублей.",
    "В понедельник {role} {org} {first} {last} {word}ет, что {quote}.",
]
ROLES = "директор министр губернатор председатель глава мэр".split()


def word(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def documents(count: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        sentences = []
        for _ in range(rng.randint(1, 3)):
            sentences.append(rng.choice(TEMPLATES).format(
                first=rng.choice(FIRST), last=word(rng).capitalize() + rng.choice(["ов", "ин", "ский"]),
                role=rng.choice(ROLES), org=word(rng, 2).upper() if rng.random() < 0.3
                else word(rng).capitalize(), place=rng.choice(PLACES), day=rng.randint(1, 28),
                month=rng.choice(MONTHS), year=rng.randint(1990, 2030), n=rng.randint(2, 99),
                word=word(rng, 2), quote=" ".join(word(rng, rng.randint(1, 3)) for _ in range(5)),
            ))
        yield " ".join(sentences)


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def caches(nlp: ruextract.Pipeline) -> dict[str, str]:
    """Every cache the stages keep, its fill and its bound."""
    from ruextract.entities import build, keys
    from natasha.morph.vocab import MorphVocab  # its parse() lru; ruextract's subclass calls it
    from ruextract.quotes import lexicon as quote_lexicon
    from ruextract.resources import shared_resources
    from ruextract.time import lexicon as time_lexicon
    from ruextract.time import tense

    def lru(function: Any) -> str:
        if not hasattr(function, "cache_info"):
            return "no cache found"
        info = function.cache_info()
        return f"{info.currsize:,} / {info.maxsize:,}" if info.maxsize else f"{info.currsize:,} / unbounded"

    found = {
        "morph.vocab.Lemmatizer (lru)": lru(shared_resources().lemmatizer._lemma),
        "natasha MorphVocab.parse (lru, class-wide)": lru(MorphVocab.parse),
        "entities.keys.stem (lru)": lru(keys.stem),
        "entities.keys.word_keys (lru)": lru(keys.word_keys),
        "entities.keys.is_abbreviation (lru)": lru(keys.is_abbreviation),
        "entities.build._normal (lru)": lru(build._normal),
        "quotes.lexicon.load_lexicon (lru)": lru(quote_lexicon.load_lexicon),
        "time.lexicon._cache (per folder)": f"{len(time_lexicon._cache)} folder(s)",
    }
    if "time" in nlp:
        reader = nlp["time"].extract.tense  # type: ignore[attr-defined]
        found["time.tense.TenseReader._cache (cleared when full)"] = (
            f"{len(reader._cache):,} / {tense.CACHE_SIZE:,}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=10_000)
    parser.add_argument("--every", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--distinct", type=int, metavar="N",
                        help="cycle over N distinct documents (default: every one new): once the "
                             "caches have seen them, growth is what is not a cache")
    args = parser.parse_args(argv)

    nlp = ruextract.load()
    nlp("Президент России Владимир Путин 25 октября 2020 года заявил: «Мы ответим».")
    gc.collect()
    base = rss_mb()
    print(f"after warm-up: RSS {base:.0f} MB", flush=True)
    started = time.perf_counter()
    errors = 0
    marks: dict[int, float] = {}
    texts = documents(args.calls, args.seed)
    if args.distinct:
        pool = list(documents(args.distinct, args.seed))
        texts = (pool[index % len(pool)] for index in range(args.calls))
    for count, text in enumerate(texts, start=1):
        doc = nlp(text, published="2020-10-26", id=str(count))
        errors += doc.error is not None
        if count % args.every == 0 or count == args.calls:
            gc.collect()
            marks[count] = rss_mb()
            elapsed = time.perf_counter() - started
            print(f"{count:>6} calls: RSS {marks[count]:.0f} MB ({marks[count] - base:+.0f} MB since "
                  f"warm-up), {count / elapsed:.0f} calls/s, {errors} errors", flush=True)
    first = min(marks)
    last = max(marks)
    print(f"RSS at {first:,} calls {marks[first]:.0f} MB, at {last:,} calls {marks[last]:.0f} MB "
          f"({(marks[last] - marks[first]) / marks[first]:+.1%})")
    print("caches (filled / bound):")
    for name, fill in caches(nlp).items():
        print(f"  {name}: {fill}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
