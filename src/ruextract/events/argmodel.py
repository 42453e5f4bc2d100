"""Event arguments from a trained classifier over (trigger, candidate mention) pairs.

Candidates of an event are the entity mentions (names, descriptors and the pronouns that stand
for their entity) and time expressions of the trigger's sentence, at most 30 tokens away (the
sentence before can be added with the pack's ``back``: on NEREL dev the model never linked a
mention there above its threshold, so the shipped pack leaves it out); coordinated mentions share
an argument's role (``with_conjuncts``). Each pair is described by sparse feature strings
(``pair_features``: the dependency path between the trigger and the mention, the trigger's lemma,
type, part of speech and voice, the mention's type, case, preposition and syntactic relation,
their order and distance, other triggers and candidates in between) and labelled NONE, AGENT, PARTICIPANT_IN, POINT_IN_TIME or TAKES_PLACE_IN by a
multinomial logistic regression run in numpy.

The pack ``models/events/arguments.npz`` (built by ``benchmarks/train_event_args.py`` from NEREL
train, its thresholds tuned on NEREL dev):

    meta      json: {"id", "protocol", "labels", "thresholds": {label: p}, "max_per_event": {label: n},
              "back": sentences before the trigger's searched, "reach": most tokens from the trigger}
    vocab     the feature strings, joined by newlines, UTF-8 bytes
    weights   (features, labels) float16
    bias      (labels,)

The same ``pair_features`` serves training (gold EVENT spans as triggers, gold entity mentions as
candidates) and inference (our triggers, our entities and timexes), so the two cannot drift.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..document import Document
from ..linear import bucket, read_pack, read_vocab, softmax, sparse_logits, write_pack
from ..relations.mentions import Mention, Paths, TokenIndex
from ..resources import models_dir
from .syntax import Tree

PROTOCOL = 1
LABELS = ("NONE", "AGENT", "PARTICIPANT_IN", "POINT_IN_TIME", "TAKES_PLACE_IN")
# relation types whose head is the event (the others point at the event)
EVENT_IS_HEAD = frozenset({"POINT_IN_TIME", "TAKES_PLACE_IN"})
# entity types (ours and NEREL's) -> the candidate classes the model knows; other types are no candidates
CLASSES = {
    "PER": "PER", "PERSON": "PER", "PROFESSION": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG",
    "LOC": "LOC", "COUNTRY": "LOC", "CITY": "LOC", "STATE_OR_PROVINCE": "LOC", "DISTRICT": "LOC",
    "LOCATION": "LOC", "FACILITY": "LOC",
    "DATE": "TIME", "TIME": "TIME",
}
# candidates come from the trigger's sentence and ``back`` sentences before it, at most ``reach``
# tokens from the trigger; the pack's meta may say otherwise (it was trained with its own)
BACK = 0
REACH = 30
DISTANCE_EDGES = (0, 1, 2, 3, 4, 6, 8, 12, 20)  # buckets of the trigger-to-candidate distance


@dataclass(frozen=True)
class Candidate:
    """A mention that may be an argument: its place in the tokens, its class and kind."""

    mention: Mention
    cls: str  # PER / ORG / LOC / TIME
    kind: str  # name / desc / time


@dataclass(frozen=True)
class Trigger:
    ref: str  # event id
    first: int
    last: int  # token range, end exclusive
    head: int
    sentence: int
    type: str  # our event type ("?" where unknown)


def candidates_of(doc: Document, index: TokenIndex, entities: list[tuple[str, str, list]],
                  timexes: list[tuple[str, int, int]],
                  pronoun_kept: Callable[[Mention], bool] | None = None) -> list[Candidate]:
    """``entities``: (id, type, [(start, end, kind)]); ``timexes``: (id, start, end).

    A pronoun mention is a candidate where ``pronoun_kept`` says it stands for its entity, and
    is scored as that entity's name ("его задержали": the person is the patient); NEREL, the
    training data, tags no pronouns. NEREL dev, contract arguments: F1 0.402 -> 0.410."""
    out = []
    for ref, type, spans in entities:
        cls = CLASSES.get(type)
        if cls is None:
            continue
        for start, end, kind in spans:
            mention = index.mention(start, end, type, ref)
            if mention is None or kind == "pronoun" and not (pronoun_kept and pronoun_kept(mention)):
                continue
            described = kind == "descriptor" or type == "PROFESSION"
            out.append(Candidate(mention, cls, "time" if cls == "TIME" else "desc" if described else "name"))
    for ref, start, end in timexes:
        mention = index.mention(start, end, "DATE", ref)
        if mention is not None:
            out.append(Candidate(mention, "TIME", "time"))
    out.sort(key=lambda candidate: (candidate.mention.start, -candidate.mention.end))
    return out


class _Lemmas:
    """Tokens' lemmas (lower case, ё as е), computed for the tokens asked about only."""

    def __init__(self, doc: Document):
        self.tokens = doc.tokens
        self.cache: dict[int, str] = {}

    def __getitem__(self, index: int) -> str:
        found = self.cache.get(index)
        if found is None:
            token = self.tokens[index]
            found = self.cache[index] = (token.lemma or token.text).lower().replace("ё", "е")
        return found


class PairContext(Paths):
    """Per-document lookups: lemmas, marks, head chains, trigger tokens, candidates by sentence."""

    def __init__(self, doc: Document, index: TokenIndex, triggers: list[Trigger], candidates: list[Candidate],
                 back: int = BACK, reach: int = REACH):
        super().__init__(doc)
        self.back, self.reach = back, reach
        self.sentence_of = index.sentence_of
        self.lemmas = _Lemmas(doc)
        self.trigger_heads = {trigger.head for trigger in triggers}
        self.heads_in: dict[int, list[int]] = {}  # sentence -> trigger heads
        for head in sorted(self.trigger_heads):
            self.heads_in.setdefault(self.sentence_of[head], []).append(head)
        self.children: dict[int, list[int]] = {}
        for position, token in enumerate(doc.tokens):
            if token.head is not None and token.head != position:
                self.children.setdefault(token.head, []).append(position)
        self.by_sentence: dict[int, list[Candidate]] = {}
        for candidate in candidates:
            self.by_sentence.setdefault(candidate.mention.sentence, []).append(candidate)

    def preposition(self, index: int) -> str:
        markers = [child for child in self.children.get(index, ()) if child < index
                   and self.doc.tokens[child].rel == "case"]
        return self.lemmas[max(markers)] if markers else "-"

    def pairs(self, trigger: Trigger) -> list[Candidate]:
        found = []
        for sentence in range(trigger.sentence - self.back, trigger.sentence + 1):
            found += self.by_sentence.get(sentence, ())
        return [candidate for candidate in found
                if not (candidate.mention.first <= trigger.head < candidate.mention.last)
                and (candidate.mention.sentence != trigger.sentence or abs(candidate.mention.head - trigger.head) <= self.reach)]


def pair_features(context: PairContext, trigger: Trigger, candidate: Candidate) -> list[str]:
    """The sparse feature strings of one (trigger, candidate) pair."""
    doc, lemmas = context.doc, context.lemmas
    tokens = doc.tokens
    mention = candidate.mention
    cls, kind = candidate.cls, candidate.kind
    ck = f"{cls}.{kind}"
    head = tokens[trigger.head]
    pos = "V" if head.pos in ("VERB", "AUX") else "N"
    form = head.feats.get("VerbForm", "-") if pos == "V" else "-"
    voice = "pass" if head.feats.get("Voice") == "Pass" or any(
        tokens[child].rel == "aux:pass" for child in context.children.get(trigger.head, ())) else "act"
    tview = f"{pos}.{form}.{voice}" if pos == "V" else "N"
    lemma = lemmas[trigger.head]
    mhead = tokens[mention.head]
    case = mhead.feats.get("Case", "-")
    prep = context.preposition(mention.head)
    order = "before" if mention.head < trigger.head else "after"
    features = ["bias", f"c:{ck}", f"ty:{trigger.type}:{cls}", f"tl:{lemma}:{cls}", f"tv:{tview}:{cls}",
                f"ml:{cls}:{lemmas[mention.head]}", f"pc:{cls}:{prep}:{case}",
                f"tlpc:{lemma}:{cls}:{prep}:{case}", f"typc:{trigger.type}:{cls}:{prep}:{case}"]
    if mention.sentence != trigger.sentence:
        same = sum(1 for other in context.by_sentence.get(trigger.sentence, ()) if other.cls == cls)
        later = sum(1 for other in context.by_sentence.get(mention.sentence, ())
                    if other.cls == cls and other.mention.start > mention.start)
        offset = trigger.head - doc.sentences[trigger.sentence].tokens[0]
        return features + [
            f"X:{ck}", f"Xr:{cls}:{mhead.rel}:{case}", f"Xtl:{lemma}:{cls}", f"Xty:{trigger.type}:{cls}",
            f"Xs:{cls}:{bucket(same, (0, 1, 2))}", f"Xl:{cls}:{bucket(later, (0, 1, 2))}",
            f"Xo:{cls}:{bucket(offset, (2, 5, 10))}", f"Xv:{tview}:{cls}:{mhead.rel}",
        ]
    path, inner = context.path(trigger.head, mention.head)
    steps = path.count("^") + path.count("_")
    up = path.count("^")
    distance = abs(mention.head - trigger.head)
    low, high = sorted((trigger.head, mention.head))
    between = range(low + 1, high)
    triggers_between = sum(1 for index in between if index in context.trigger_heads)
    on_path = any(index in context.trigger_heads for index in inner)
    key = (distance, mention.start)
    rank = sum(1 for other in context.by_sentence.get(mention.sentence, ())
               if other.cls == cls and (abs(other.mention.head - trigger.head), other.mention.start) < key)
    nearer = any(abs(index - mention.head) < distance for index in context.heads_in.get(trigger.sentence, ())
                 if index != trigger.head)
    commas = sum(1 for index in between if tokens[index].text in (",", "—", "(", ":"))
    if mention.first <= trigger.first and trigger.last <= mention.last:
        nest = "m_in"
    elif trigger.first <= mention.first and mention.last <= trigger.last:
        nest = "in_t"
    else:
        nest = order
    last_step = path[path.rfind("_"):] if "_" in path else path[path.rfind("^"):] if "^" in path else path
    features += [
        f"P:{cls}:{path}", f"Pv:{tview}:{cls}:{path}", f"Pt:{trigger.type}:{cls}:{path}",
        f"Pl:{lemma}:{cls}:{path}", f"Pk:{ck}:{path}",
        f"L:{cls}:{bucket(steps, (1, 2, 3, 4, 6))}:{bucket(up, (0, 1, 2))}", f"ls:{cls}:{last_step}:{prep}:{case}",
        f"r:{tview}:{cls}:{mhead.rel}:{case}", f"o:{tview}:{ck}:{order}", f"n:{cls}:{nest}",
        f"d:{cls}:{order}:{bucket(distance, DISTANCE_EDGES)}", f"k:{cls}:{min(rank, 3)}", f"kP:{cls}:{min(rank, 2)}:{path}",
        f"tb:{cls}:{bucket(triggers_between, (0, 1, 2))}", f"tp:{cls}:{on_path}", f"nr:{cls}:{nearer}:{order}",
        f"cm:{cls}:{bucket(commas, (0, 1, 2))}", f"vo:{tview}:{cls}:{order}:{case}",
    ]
    features += [f"pw:{cls}:{lemmas[index]}" for index in inner[:3]]
    if distance <= 4:
        features += [f"bw:{cls}:{order}:{lemmas[index]}" for index in between]
    return features


@dataclass
class ArgumentModel:
    labels: list[str]
    vocab: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    thresholds: dict[str, float]
    max_per_event: dict[str, int]
    meta: dict

    @classmethod
    def load(cls, path: Path | str | None = None) -> ArgumentModel:
        path = Path(path) if path is not None else models_dir() / "events" / "arguments.npz"
        meta, pack = read_pack(path, "the event argument model pack", PROTOCOL)
        return cls(labels=list(meta["labels"]), vocab=read_vocab(pack),
                   weights=pack["weights"].astype(np.float32), bias=pack["bias"].astype(np.float32),
                   thresholds=dict(meta.get("thresholds", {})),
                   max_per_event=dict(meta.get("max_per_event", {})), meta=meta)

    def save(self, path: Path | str, **meta) -> None:
        """Write the pack (``meta`` adds to the pack's meta: provenance, dev scores)."""
        info = {**self.meta, **meta, "protocol": PROTOCOL, "labels": list(self.labels),
                "thresholds": self.thresholds, "max_per_event": self.max_per_event}
        write_pack(path, info, self.vocab, weights=self.weights.astype(np.float16), bias=self.bias.astype(np.float32))

    def probabilities(self, features: list[list[str]]) -> np.ndarray:
        """(pairs, labels) softmax probabilities."""
        if not features:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        return softmax(sparse_logits(self.vocab, self.weights, self.bias, features))


@lru_cache(maxsize=1)
def default_model() -> ArgumentModel:
    return ArgumentModel.load()


@dataclass(frozen=True)
class Argument:
    type: str  # AGENT, PARTICIPANT_IN, POINT_IN_TIME, TAKES_PLACE_IN
    event: str  # event id
    ref: str  # entity or timex id
    confidence: float
    mention: Mention


def triggers_of(doc: Document, index: TokenIndex, events: list[tuple[str, str, int, int]]) -> list[Trigger]:
    """``events``: (id, type, start, end)."""
    out = []
    for ref, type, start, end in events:
        mention = index.mention(start, end, "EVENT", ref)
        if mention is not None:
            out.append(Trigger(ref, mention.first, mention.last, mention.head, mention.sentence, type))
    return out


def find_arguments(doc: Document, model: ArgumentModel | None = None, skip_types: frozenset[str] = frozenset(),
                   values: list[tuple[str, str, int, int]] = ()) -> list[Argument]:
    """Every argument the model finds for the document's events (above the label's threshold, at
    most ``max_per_event`` of a label per event, one per entity, value or timex and event).
    ``values``: (id, type, start, end) of typed spans that are no entity but may be arguments (a
    position: "президент Перу застрелился"), candidates like an entity's mention of that type."""
    events = [event for event in doc.events if event.type not in skip_types]
    if not events or not doc.tokens:
        return []
    model = model or default_model()
    index = TokenIndex(doc)
    entities = [(entity.id, entity.type, [(m.start, m.end, getattr(m, "kind", "name")) for m in entity.mentions])
                for entity in doc.entities]
    timexes = [(timex.id, timex.start, timex.end) for timex in doc.timexes if timex.type in ("DATE", "TIME")]
    triggers = triggers_of(doc, index, [(e.id, e.type, e.trigger.start, e.trigger.end) for e in events])
    tree = Tree(doc)
    named = {position for _ref, _type, spans in entities for start, end, _kind in spans
             for position in range(*index.tokens(start, end))}
    entities += [(ref, type, [(start, end, "descriptor")]) for ref, type, start, end in values]
    candidates = candidates_of(doc, index, entities, timexes,
                               lambda mention: tree.stands_for_entity(mention.head, named))
    context = PairContext(doc, index, triggers, candidates, model.meta.get("back", BACK), model.meta.get("reach", REACH))
    return decode(model, triggers, context)


def decode(model: ArgumentModel, triggers: list[Trigger], context: PairContext) -> list[Argument]:
    pairs = [(trigger, candidate) for trigger in triggers for candidate in context.pairs(trigger)]
    if not pairs:
        return []
    probabilities = model.probabilities([pair_features(context, trigger, candidate) for trigger, candidate in pairs])
    return with_conjuncts(select(model, pairs, probabilities), pairs, context.doc)


SHARED = frozenset({"AGENT", "PARTICIPANT_IN", "TAKES_PLACE_IN"})  # roles coordinated mentions share


def with_conjuncts(found: list[Argument], pairs: list[tuple[Trigger, Candidate]], doc: Document) -> list[Argument]:
    """Coordinated mentions share an argument's role ("поздравили королева и премьер-министр",
    "во Флориде, Иллинойсе и Аризоне"), beyond the per-event caps: a candidate of the same event
    joined to an argument by ``conj`` (either way) takes its label. NEREL dev, contract arguments:
    +4 true, +2 false (F1 0.411 -> 0.415)."""
    tokens = doc.tokens
    linked = {(argument.event, argument.ref) for argument in found}
    added: list[Argument] = []
    queue = [argument for argument in found if argument.type in SHARED]
    while queue:
        argument = queue.pop()
        head = argument.mention.head
        for trigger, candidate in pairs:
            other = candidate.mention.head
            if trigger.ref != argument.event or (trigger.ref, candidate.mention.ref) in linked or candidate.cls == "TIME":
                continue
            if tokens[other].rel == "conj" and tokens[other].head == head or \
                    tokens[head].rel == "conj" and tokens[head].head == other:
                shared = Argument(argument.type, argument.event, candidate.mention.ref, argument.confidence * 0.9,
                                  candidate.mention)
                linked.add((trigger.ref, candidate.mention.ref))
                added.append(shared)
                queue.append(shared)
    return sorted(found + added, key=lambda item: (item.event, item.mention.start)) if added else found


def select(model: ArgumentModel, pairs: list[tuple[Trigger, Candidate]], probabilities: np.ndarray) -> list[Argument]:
    """The arguments above their label's threshold: per event and entity the likeliest label, per
    event and label at most ``max_per_event`` of the likeliest."""
    best: dict[tuple[str, str], Argument] = {}
    for (trigger, candidate), row in zip(pairs, probabilities):
        for number, label in enumerate(model.labels):
            if label == "NONE" or row[number] < model.thresholds.get(label, 0.5):
                continue
            key = (trigger.ref, candidate.mention.ref)
            if key not in best or best[key].confidence < row[number]:
                best[key] = Argument(label, trigger.ref, candidate.mention.ref, float(row[number]), candidate.mention)
    kept: list[Argument] = []
    counts: dict[tuple[str, str], int] = {}
    for argument in sorted(best.values(), key=lambda item: -item.confidence):
        key = (argument.event, argument.type)
        if counts.get(key, 0) >= model.max_per_event.get(argument.type, 99):
            continue
        counts[key] = counts.get(key, 0) + 1
        kept.append(argument)
    kept.sort(key=lambda item: (item.event, item.mention.start))
    return kept
