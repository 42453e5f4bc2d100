"""Relations between mentions: a trained classifier, a document-level alias model, a few rules.

Arguments are every mention the document has: entity mentions (gold NEREL types or our
PER/LOC/ORG), person roles and position phrases (PROFESSION), time expressions (DATE), event
triggers (EVENT), and on our own entities also ages (AGE), place adjectives ("российский", a
mention of Россия) and the NEREL tagger's spans (laws, works of art, diseases, positions, ...:
``Document.nerel``; position phrases from our profession heads where it tagged no position).
Each ordered pair of mentions in a sentence whose types are ever related, and a sentence naming
no person paired with the person named last before it, is scored by the numpy
classifier in ``model.py`` (on our own entities the one also trained on our predicted mentions,
``relations_predicted.npz``; on given NEREL-typed entities ``relations.npz``); the best type above its threshold wins, and types that take
one head (or tail) keep only the likeliest. ALTERNATIVE_NAME and ABBREVIATION come from their own
document-level model (``aliases.py``: a later mention that names an earlier one differently, in
any sentence), and the rule "X (Y)" of one type. A relation is reported once per (type, head,
tail), with the first evidence span covering both mentions. Relations reach
``Document.relations`` with entity, event, timex and value ids; the positions, ages and tagged
spans they name become ``Document.values`` (ids v1, v2, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from ..document import Document
from ..pipeline import Pipeline
from ..records import Fact, Relation, Span, Value
from ..resources import Resources, models_dir, shared_resources
from .aliases import AliasModel, find_alternative_names
from .features import Context, Embedder, candidate_pairs, dense_features, head_vectors, pair_features
from .mentions import Mention, TokenIndex, coarse_type, entity_mentions
from .model import RelationModel
from .occupation import occupations
from .professions import NOT_TITLE, find_positions, load_heads

PARSE_STAGES = ("segment", "morph", "syntax")
OUR_TYPES = frozenset({"PER", "LOC", "ORG"})
POSITION_REF = "position"  # ids of position phrases: position1, position2, ...
TAG_REF = "nerel"  # ids of the NEREL tagger's spans: nerel1, nerel2, ...
# "45 лет", "45-летний", "75-летие": an age (NEREL AGE)
AGE = re.compile(r"(?<![\w-])\d{1,3}(?:-| )?(?:лет(?:ний|няя|нее|ние|него|нему|нюю|ним|нем|ней|них|ними|ие|ия|ию|ием|ии)?\b|год(?:а|у)?\b)")
VALUE_TYPES = frozenset({"PROFESSION", "AGE"})  # mentions that are no entity but may be related
PLACE_STEM = 5  # letters (4 for short names) an adjective shares with the place it derives from
# a relation the model reads with a tagged span (``ner.nerel``: a law, a disease, ...; positions
# aside) needs this much confidence: under it, a fifth as many are right as above it (NEREL dev)
TAGGED_CONFIDENCE = 0.8
FORMER = "экс-"  # a prefix NEREL leaves out of a position
EVENT_EXTENTS = True  # also read an event at the phrase its trigger heads (``event_extents``)
# the dependents (right after the trigger) whose phrase may close an event's extent: a noun's
# nmod ("эвакуации детей", "нападение на синагогу"), a verb's object, oblique or later subject
# ("покинул территорию", "выехал на встречную", "родилась двойня")
VERB_COMPLEMENTS = ("obj", "obl", "nsubj")
EXTENT_WORDS = 4  # a complement longer than this is no part of an event's extent


@dataclass(frozen=True)
class Found:
    type: str
    head: Mention
    tail: Mention
    confidence: float
    rule: str = "model"


class RelationStage:
    name = "relations"
    requires = frozenset({"tokens", "sentences", "tokens.head", "tokens.rel", "tokens.lemma", "entities"})
    provides = frozenset({"relations", "values"})

    def __init__(self, resources: Resources | None = None, model: RelationModel | Path | str | None = None,
                 professions: frozenset[str] | None = None, aliases: AliasModel | Path | str | None = None,
                 event_arguments: bool = False, predicted_model: RelationModel | Path | str | None = None):
        """``event_arguments``: also classify (event, entity) pairs. Off in the default pipeline:
        the record stage's argument classifier owns AGENT, PARTICIPANT_IN, POINT_IN_TIME and
        TAKES_PLACE_IN (``events.merge``), and those pairs are a third of all candidates; on for
        measuring this model alone on every NEREL type (``benchmarks/relations.py``).

        ``predicted_model``: the classifier for our own entities (PER/LOC/ORG; trained on our
        predicted mentions of NEREL train too: ``relations_predicted.npz``); given entities of
        NEREL's types get ``model``. A ``model`` given alone serves both."""
        self.event_arguments = event_arguments
        self.event_extents = EVENT_EXTENTS
        self.resources = resources or shared_resources()
        self._model = model if isinstance(model, RelationModel) else None
        self._model_path = Path(model) if isinstance(model, (str, Path)) else None
        self._predicted = predicted_model if isinstance(predicted_model, RelationModel) else None
        self._predicted_path = Path(predicted_model) if isinstance(predicted_model, (str, Path)) else None
        self._given_model = model is not None
        self._aliases = aliases if isinstance(aliases, AliasModel) else None
        self._aliases_path = Path(aliases) if isinstance(aliases, (str, Path)) else None
        self._embedder: Embedder | None = None
        self._embedders: dict[int, Embedder] = {}
        self._allowed: dict[tuple[int, bool], set[tuple[str, str]]] = {}  # per model: the type pairs it reads
        self.professions = professions if professions is not None else load_heads()

    @property
    def model(self) -> RelationModel:
        if self._model is None:
            path = self._model_path or models_dir() / "relations" / "relations.npz"
            self._model = RelationModel.load(path)
        return self._model

    @property
    def predicted_model(self) -> RelationModel:
        """The classifier for our own entities: ``relations_predicted.npz`` where it is shipped
        (and no ``model`` alone was given), else ``model``."""
        if self._predicted is None:
            path = self._predicted_path
            if path is None and not self._given_model:
                path = models_dir() / "relations" / "relations_predicted.npz"
            self._predicted = RelationModel.load(path) if path is not None and path.exists() else self.model
        return self._predicted

    def model_for(self, predicted: bool) -> RelationModel:
        return self.predicted_model if predicted else self.model

    @property
    def aliases(self) -> AliasModel:
        if self._aliases is None:
            path = self._aliases_path or models_dir() / "relations" / "alternative_names.npz"
            self._aliases = AliasModel.load(path)
        return self._aliases

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = Embedder(self.resources.navec, self.model.projection)
        return self._embedder

    def process(self, docs: list[Document]) -> None:
        for doc in docs:
            mentions = self.mentions(doc) if doc.tokens else []
            found = self.find(doc, mentions)
            known = {entity.id: entity.id for entity in doc.entities}
            known.update({timex.id: timex.id for timex in doc.timexes})
            known.update({event.id: event.id for event in doc.events})
            # positions, ages and tagged spans (``ner.nerel``) a relation names become values (v1, v2, ...)
            doc.values = []
            value_spans: dict[str, tuple[int, int]] = {}
            for item in found:
                for mention in (item.head, item.tail):
                    if mention.ref not in known and (mention.type in VALUE_TYPES or mention.ref.startswith(TAG_REF)):
                        value_id = f"v{len(doc.values) + 1}"
                        known[mention.ref] = value_id
                        start, end = value_span(doc, mention)
                        value_spans[mention.ref] = (start, end)
                        doc.values.append(Value(id=value_id, type=mention.type, start=start, end=end,
                                                text=doc.text[start:end]))
            doc.relations = [to_relation(doc, item, known, value_spans) for item in found
                             if item.head.ref in known and item.tail.ref in known]
            # Occupation positions: the persons' roles where entity resolution found any, else the
            # position phrases (FactRuEval scores the roles' spans better)
            if any(entity.roles for entity in doc.entities):
                mentions = [mention for mention in mentions if not mention.ref.startswith(POSITION_REF)]
                refs = {mention.ref for mention in mentions}
                found = [item for item in found if item.head.ref in refs and item.tail.ref in refs]
            # other stages may have added facts (Meeting, Deal) already: keep theirs, replace ours
            doc.facts = [fact for fact in doc.facts if fact.type != "Occupation"] + [
                as_fact(doc, item) for item in occupations(doc, mentions, found)]

    # finding

    def mentions(self, doc: Document) -> list[Mention]:
        """Entity, timex, event and role mentions; on our own entities (PER/LOC/ORG) also what NEREL
        relates but entities do not cover: position phrases, ages, place adjectives."""
        index = TokenIndex(doc)
        mentions = entity_mentions(doc, index)
        if predicted_entities(doc):
            mentions += tagged_mentions(doc, index, mentions)
            mentions += self.position_mentions(doc, index, mentions)
            mentions += age_mentions(doc, index)
            mentions += place_adjectives(doc, index, mentions)
            mentions += places_in_names(doc, index, mentions)
            if self.event_extents:
                mentions += event_extents(doc, index, mentions)
            mentions = [without_former(doc, mention) for mention in mentions]
            mentions.sort(key=lambda mention: (mention.start, -mention.end))
        return mentions

    def position_mentions(self, doc: Document, index: TokenIndex, mentions: list[Mention]) -> list[Mention]:
        """Position phrases from the profession heads, unless a person role already spans the same
        or a tagged position (``ner.nerel``) overlaps it."""
        persons = {position for mention in mentions if coarse_type(mention.type) == "PER"
                   for position in range(mention.first, mention.last)}
        taken = {(mention.first, mention.last) for mention in mentions if mention.type == "PROFESSION"}
        tagged = {position for mention in mentions
                  if mention.type == "PROFESSION" and mention.ref.startswith(TAG_REF)
                  for position in range(mention.first, mention.last)}
        found = []
        for number, position in enumerate(_outermost(find_positions(doc, self.professions, persons))):
            if (position.first, position.last) in taken or tagged & set(range(position.first, position.last)):
                continue
            start, end = doc.tokens[position.first].start, doc.tokens[position.last - 1].end
            mention = index.mention(start, end, "PROFESSION", f"{POSITION_REF}{number + 1}")
            if mention is not None:
                found.append(mention)
        return found

    def find(self, doc: Document, mentions: list[Mention] | None = None) -> list[Found]:
        if not doc.tokens:
            return []
        mentions = self.mentions(doc) if mentions is None else mentions
        vectors = head_vectors(self.embedder, doc, mentions) if mentions else {}
        found = self.decode(mentions, self.scored(doc, mentions, vectors), predicted_entities(doc))
        for item in self.named_relations(doc, mentions, vectors):
            found.setdefault((item.type, item.head.ref, item.tail.ref), item)
        return sorted(found.values(), key=lambda item: (item.head.start, item.tail.start, item.type))

    def scored(self, doc: Document, mentions: list[Mention],
               vectors: dict[int, np.ndarray]) -> list[tuple[int, int, int, float]]:
        """The candidate pairs (head, tail: numbers in ``mentions``) with their likeliest relation
        type (an index into the model's labels) and its probability, before any threshold; by the
        classifier for the document's kind of entities (``model_for``). ``vectors``: the head
        words' vectors in the projection of ``model`` (``embedder``)."""
        model = self.model_for(predicted_entities(doc))
        if model is not self.model and not np.array_equal(model.projection, self.model.projection):
            embedder = self._embedders.get(id(model))
            if embedder is None:
                embedder = self._embedders[id(model)] = Embedder(self.resources.navec, model.projection)
            vectors = head_vectors(embedder, doc, mentions)
        allowed = self._allowed.get((id(model), self.event_arguments))
        if allowed is None:
            allowed = model.allowed
            if not self.event_arguments:  # event-event pairs stay (HAS_CAUSE, SUBEVENT_OF)
                allowed = {(head, tail) for head, tail in allowed if (head == "EVENT") == (tail == "EVENT")}
            self._allowed[(id(model), self.event_arguments)] = allowed
        pairs = candidate_pairs(mentions, allowed, model.priors, model.prior_floor)
        if not pairs:
            return []
        context = Context(doc, mentions)
        features = [pair_features(context, mentions[a], mentions[b], between, ranks)
                    for a, b, between, ranks in pairs]
        dense = np.vstack([dense_features(vectors, mentions[a], mentions[b])
                           for a, b, _between, _ranks in pairs])
        labels, probabilities = model.best(features, dense)
        return [(a, b, int(label), float(probability))
                for (a, b, _between, _ranks), label, probability in zip(pairs, labels, probabilities)]

    def decode(self, mentions: list[Mention], scored: list[tuple[int, int, int, float]], end_to_end: bool,
               limits: np.ndarray | None = None, tagged_confidence: float | None = None) -> dict[tuple, Found]:
        """The scored pairs above their type's threshold (``end_to_end``: the thresholds tuned on
        our predicted mentions; ``limits`` and ``tagged_confidence`` override the pack's), one per
        (type, head, tail), the model's one-head/one-tail constraints applied; ``end_to_end``:
        the pairs were scored by ``predicted_model``."""
        model = self.model_for(end_to_end)
        if limits is None:
            limits = model.limits(end_to_end)
        if tagged_confidence is None:
            tagged_confidence = model.tagged_confidence(TAGGED_CONFIDENCE) if end_to_end else TAGGED_CONFIDENCE
        tagged = {mention.ref for mention in mentions
                  if mention.ref.startswith(TAG_REF) and mention.type not in VALUE_TYPES}
        labels = model.labels
        found: dict[tuple[str, str, str], Found] = {}
        for a, b, number, probability in scored:
            label = labels[number]
            if number == 0 or probability < limits[number] or label in ("ALTERNATIVE_NAME", "ABBREVIATION"):
                continue  # other names are the alias model's (``named_relations``)
            if probability < tagged_confidence and (mentions[a].ref in tagged or mentions[b].ref in tagged):
                continue
            key = (label, mentions[a].ref, mentions[b].ref)
            if key not in found or found[key].confidence < probability:
                found[key] = Found(label, mentions[a], mentions[b], probability)
        if found:
            kept = model.constrain(list(found.values()),
                                   key=lambda item: (item.type, item.head.ref, item.tail.ref, item.confidence))
            found = {(item.type, item.head.ref, item.tail.ref): item for item in kept}
        return found

    def named_relations(self, doc: Document, mentions: list[Mention], vectors: dict[int, np.ndarray]) -> list[Found]:
        """ALTERNATIVE_NAME and ABBREVIATION: the alias model's, then the rule "X (Y)" where the
        model found neither for the pair."""
        tagged = {mention.ref for mention in mentions
                  if mention.ref.startswith(TAG_REF) and mention.type not in VALUE_TYPES}
        # other names are names: not an entity's descriptor ("the minister") or pronoun mentions
        unnamed = {(span.start, span.end) for entity in doc.entities for span in entity.mentions
                   if getattr(span, "kind", "name") in ("descriptor", "pronoun")}
        # nor the tagged values: other names among them are rare and mostly wrong (NEREL dev)
        # nor an event's extent (``event_extents``): its trigger stands for it
        triggers = {event.id: (event.trigger.start, event.trigger.end) for event in doc.events}
        unnamed |= {(mention.start, mention.end) for mention in mentions
                    if mention.ref in triggers and (mention.start, mention.end) != triggers[mention.ref]}
        named = [mention for mention in mentions
                 if (mention.start, mention.end) not in unnamed and mention.ref not in tagged]
        found: dict[tuple[str, str, str], Found] = {}
        for label, head, tail, probability in find_alternative_names(doc, named, self.aliases, self.embedder, vectors):
            key = (label, head.ref, tail.ref)
            if head.ref == tail.ref:  # two names of one entity: one relation per pair of names
                key = (label, f"{head.ref}@{head.start}", f"{tail.ref}@{tail.start}")
            if key not in found:
                found[key] = Found(label, head, tail, probability, rule="aliases")
        for item in alternative_names(doc, mentions):
            key = (item.type, item.head.ref, item.tail.ref)
            if not any((label, item.head.ref, item.tail.ref) in found for label in ("ALTERNATIVE_NAME", "ABBREVIATION")):
                found[key] = item
        return list(found.values())


def predicted_entities(doc: Document) -> bool:
    """Whether the entities are our own NER's (PER/LOC/ORG), not given ones of NEREL's types."""
    return all(entity.type in OUR_TYPES for entity in doc.entities)


def parse_pipeline() -> Pipeline:
    """Only the default pipeline's segment, morph and syntax stages: what the relation stage needs
    besides entities, for running it on given (e.g. gold) entities."""
    import ruextract

    full = ruextract.load()
    return Pipeline([stage for stage in full.stages if stage.name in PARSE_STAGES])


def _outermost(positions: list) -> list:
    return [position for position in positions
            if not any(other is not position and other.first <= position.head < other.last
                       and (other.last - other.first) > (position.last - position.first)
                       for other in positions)]


def alternative_names(doc: Document, mentions: list[Mention]) -> list[Found]:
    """"X (Y)" with X and Y of one coarse type: Y is another name of X."""
    found = []
    ordered = sorted(mentions, key=lambda mention: mention.start)
    for left, right in zip(ordered, ordered[1:]):
        if left.ref == right.ref or coarse_type(left.type) != coarse_type(right.type):
            continue
        if coarse_type(left.type) not in ("PER", "ORG", "LOC"):
            continue
        between = doc.text[left.end:right.start].strip()
        after = doc.text[right.end:right.end + 2].lstrip()
        if between == "(" and after.startswith(")"):
            found.append(Found("ALTERNATIVE_NAME", left, right, 0.9, rule="parenthesis"))
    return found


def tagged_mentions(doc: Document, index: TokenIndex, mentions: list[Mention]) -> list[Mention]:
    """The NEREL tagger's spans (``Document.nerel``) under their NEREL type, ids nerel1, nerel2, ...;
    not where an entity, timex, event or role mention has the same span."""
    taken = {(mention.start, mention.end) for mention in mentions}
    found = []
    for number, span in enumerate(doc.nerel):
        if (span.start, span.end) in taken:
            continue
        mention = index.mention(span.start, span.end, span.type, f"{TAG_REF}{number + 1}")
        if mention is not None:
            found.append(mention)
    return found


def age_mentions(doc: Document, index: TokenIndex) -> list[Mention]:
    found = []
    for number, match in enumerate(AGE.finditer(doc.text)):
        mention = index.mention(match.start(), match.end(), "AGE", f"age{number + 1}")
        if mention is not None:
            found.append(mention)
    return found


def place_adjectives(doc: Document, index: TokenIndex, mentions: list[Mention]) -> list[Mention]:
    """Adjectives made from a place the document names ("российский" with "Россия" named): more
    mentions of that place's entity."""
    stems: dict[str, str] = {}
    for mention in mentions:
        if mention.type == "LOC":
            text = doc.text[mention.start:mention.end].lower()
            if len(text) > PLACE_STEM - 1 and " " not in text:  # "нарвы" -> "нарв", "россия" -> "росси"
                stems.setdefault(text[:min(PLACE_STEM, len(text) - 1)], mention.ref)
            elif doc.tokens[mention.first].pos == "ADJ" and len(doc.tokens[mention.first].text) > PLACE_STEM:
                # an alias the entity layer made of an adjective and an actor ("американские власти")
                stems.setdefault(doc.tokens[mention.first].text.lower()[:PLACE_STEM], mention.ref)
    if not stems:
        return []
    names = {(span.start, span.end) for entity in doc.entities for span in entity.mentions
             if getattr(span, "kind", "name") == "name"}
    taken = {index for mention in mentions if (mention.start, mention.end) in names
             for index in range(mention.first, mention.last)}
    found = []
    for position, token in enumerate(doc.tokens):
        if token.pos != "ADJ" or position in taken or len(token.text) < PLACE_STEM + 2:
            continue
        word = token.text.lower()
        ref = stems.get(word[:PLACE_STEM]) or stems.get(word[:PLACE_STEM - 1])
        if ref is not None:
            mention = index.mention(token.start, token.end, "LOC", ref)
            if mention is not None:
                found.append(mention)
    return found


def places_in_names(doc: Document, index: TokenIndex, mentions: list[Mention]) -> list[Mention]:
    """An organisation's name that ends in a place the document names ("Следственный комитет
    России", "УВД Томской области"): NEREL marks the organisation without the place, and the
    place as a mention of its own. Both become mentions beside the whole name: the name without
    the place (of the organisation) and the place (of the place's entity). Replacing the whole
    name instead cost most of HEADQUARTERED_IN on NEREL dev (the model reads a place inside a
    name better); beside it, contract relations 0.362 -> 0.363."""
    lemmas = [(token.lemma or token.text).lower() for token in doc.tokens]
    places: dict[tuple[str, ...], str] = {}
    for mention in mentions:
        if mention.type == "LOC":
            places.setdefault(tuple(lemmas[mention.first:mention.last]), mention.ref)
    found = []
    for mention in mentions:
        if mention.type != "ORG" or mention.last - mention.first < 2:
            continue
        for size in range(min(3, mention.last - mention.first - 1), 0, -1):
            first = mention.last - size
            ref = places.get(tuple(lemmas[first:mention.last]))
            if ref is None or doc.tokens[first].feats.get("Case") != "Gen" or not doc.tokens[first - 1].text[-1:].isalnum():
                continue
            place = index.mention(doc.tokens[first].start, doc.tokens[mention.last - 1].end, "LOC", ref)
            name = index.mention(doc.tokens[mention.first].start, doc.tokens[first - 1].end, "ORG", mention.ref)
            found += [item for item in (place, name) if item is not None]
            break
    return found


def without_former(doc: Document, mention: Mention) -> Mention:
    """A position without the prefix "экс-" that makes it a former one ("экс-президент"): NEREL
    marks the position alone (always, on NEREL train), as it leaves out "бывший"."""
    if mention.type != "PROFESSION" or doc.text[mention.start:mention.start + len(FORMER)].lower() != FORMER:
        return mention
    if mention.end - mention.start <= len(FORMER):
        return mention
    return replace(mention, start=mention.start + len(FORMER))


def event_extents(doc: Document, index: TokenIndex, mentions: list[Mention]) -> list[Mention]:
    """An event named by a phrase its trigger heads, as NEREL marks it: a noun with the adjectives
    right before it ("несогласованным митингом") and with the noun phrase right after it that
    depends on it ("эвакуации детей", "нападение на синагогу"), a verb with its object, oblique
    or subject right after it (``VERB_COMPLEMENTS``: "покинул территорию", "выехал на
    встречную", "родилась двойня"). Each is another mention of the trigger's event (the same
    id), so the pairs read from it and from the trigger yield one relation."""
    tokens = doc.tokens
    found = []
    for mention in mentions:
        if mention.type != "EVENT" or mention.last - mention.first != 1:
            continue
        head = mention.head
        first, last = mention.first, mention.last
        sentence_first, sentence_last = doc.sentences[mention.sentence].tokens
        ranges = []
        if tokens[head].pos == "NOUN":
            start = first
            while start - 1 >= sentence_first and tokens[start - 1].pos == "ADJ" and tokens[start - 1].head == head:
                start -= 1
            if start < first:
                ranges.append((start, last))
            end = _complement_end(doc, head, last, sentence_last, "nmod", None)
            if end is not None:
                ranges.append((first, end))
                if start < first:
                    ranges.append((start, end))
        elif tokens[head].pos == "VERB":
            for rel in VERB_COMPLEMENTS:
                end = _complement_end(doc, head, last, sentence_last, rel, None)
                if end is not None:
                    ranges.append((first, end))
        for start, end in ranges:
            extent = index.mention(tokens[start].start, tokens[end - 1].end, "EVENT", mention.ref)
            if extent is not None:
                found.append(extent)
    return found


def _complement_end(doc: Document, head: int, after: int, sentence_last: int, rel: str, case: str | None) -> int | None:
    """The end of the phrase starting right at ``after`` that a dependent of ``head`` (by ``rel``,
    in ``case``) heads, if its words are contiguous and at most EXTENT_WORDS."""
    tokens = doc.tokens
    window = range(after, min(sentence_last, after + EXTENT_WORDS))
    dependent = next((position for position in window if tokens[position].head == head), None)
    if dependent is None or tokens[dependent].rel != rel:
        return None
    if case is not None and tokens[dependent].feats.get("Case") != case:
        return None

    def under(position: int) -> bool:
        for _step in range(EXTENT_WORDS + 1):
            if position == dependent:
                return True
            position = tokens[position].head
            if position is None or not after <= position < sentence_last:
                return False
        return False

    end = after
    while end < sentence_last and under(end):
        end += 1
    if end <= dependent or end - after > EXTENT_WORDS:
        return None
    return end


def value_span(doc: Document, mention: Mention) -> tuple[int, int]:
    """A position as NEREL marks a PROFESSION: without the words before it that describe the
    person (бывший, нынешний) and without a verb or punctuation a role span ran into ("директором
    Facebook был"). The named organisation after it stays ("министр энергетики РФ"): NEREL keeps
    it more often than not (cutting it cost 12 points of WORKS_AS F1 on NEREL dev)."""
    if mention.type != "PROFESSION" or mention.ref.startswith(TAG_REF):  # the tagger's spans are NEREL's
        return mention.start, mention.end
    first, last = mention.first, mention.last
    while first < last - 1 and (doc.tokens[first].lemma or "") in NOT_TITLE:
        first += 1
    for index in range(first + 1, last):
        if doc.tokens[index].pos in ("VERB", "AUX", "PUNCT"):
            last = index
            break
    start = doc.tokens[first].start if first > mention.first else mention.start  # "экс-" stays out
    return start, doc.tokens[last - 1].end


def to_relation(doc: Document, item: Found, ids: dict[str, str],
                value_spans: dict[str, tuple[int, int]] | None = None) -> Relation:
    """The contract's relation: ids, the two mentions it was read from (a value's own span for
    a value) and the evidence span covering both."""
    spans = []
    for mention in (item.head, item.tail):
        start, end = (value_spans or {}).get(mention.ref, (mention.start, mention.end))
        spans.append(Span(start=start, end=end, text=doc.text[start:end]))
    start = min(item.head.start, item.tail.start)
    end = max(item.head.end, item.tail.end)
    return Relation(type=item.type, head=ids[item.head.ref], tail=ids[item.tail.ref],
                    head_mention=spans[0], tail_mention=spans[1],
                    evidence=Span(start=start, end=end, text=doc.text[start:end]))


def as_fact(doc: Document, item: dict) -> Fact:
    """An Occupation from ``occupations()``: Position is the role words without the place."""
    position = item["position"]
    position_start = item.get("position_start", position.start)
    position_end = position_start + len(item.get("position_text") or position.text)
    slots = {"Who": item["who_span"],
             "Position": Span(start=position_start, end=position_end,
                              text=doc.text[position_start:position_end])}
    args = {"Who": item["who"]}
    if item.get("where_span") is not None:
        slots["Where"] = item["where_span"]
    if item.get("where") is not None:
        args["Where"] = item["where"]
    return Fact(type="Occupation", slots=slots, args=args, confidence=item.get("confidence", 0.7))
