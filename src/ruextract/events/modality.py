"""An event's modality from the words that govern its trigger.

The rules run in order; the first verdict wins:
  negated    a negation particle on the trigger or its light verb ("не задержали");
  prevented  the trigger (or its light verb) is the object or complement of a preventing verb
             ("предотвратить теракт", "помешать совершить");
  planned    a planning governor of the trigger or of its light verb ("планировали атаковать",
             "должны были совершить теракты"; not "пытается опротестовать экстрадицию") or a
             planning modifier on a nominal trigger ("готовящийся теракт");
  reported   the trigger sits in a speech verb's clausal complement or inside a quote;
  happened   otherwise.
"""

from __future__ import annotations

from ..document import Document
from ..records import Modality
from .lexicon import Lexicon
from .syntax import Tree

GOVERNING = {"xcomp", "obj", "ccomp", "csubj", "nsubj", "obl", "advcl", "conj"}


def governors(tree: Tree, index: int, lexicon: Lexicon, depth: int = 4) -> list[int]:
    """The trigger, then each token governing it, while the link is a complement or object."""
    chain = [index]
    current = index
    for _step in range(depth):
        head = tree.head(current)
        if head is None or tree.tokens[current].rel not in GOVERNING:
            break
        # a conjoined verb shares its first conjunct's governors, not its meaning
        chain.append(head)
        current = head
    return chain


def modality_of(tree: Tree, index: int, lexicon: Lexicon, doc: Document) -> Modality:
    chain = governors(tree, index, lexicon)
    near = chain[:2] if len(chain) > 1 and tree.lemma(chain[1]) in lexicon.light else chain[:1]
    for member in near:
        if any(tree.lemma(child) in lexicon.negation and tree.tokens[child].rel in ("advmod", "dep", "discourse")
               for child in tree.children[member]):
            return "negated"
    for position, member in enumerate(chain[1:], start=1):
        link = tree.tokens[chain[position - 1]].rel
        if link == "conj":
            continue
        if tree.lemma(member) in lexicon.prevented and link in ("obj", "xcomp", "ccomp"):
            return "prevented"
    for position, member in enumerate(chain[1:], start=1):
        link = tree.tokens[chain[position - 1]].rel
        if tree.lemma(member) in lexicon.planned and link in ("xcomp", "obj", "nsubj", "csubj"):
            return "planned"
        if tree.lemma(member) not in lexicon.light:
            # "пытается опротестовать экстрадицию": the plan is the protest, not the extradition
            break
    for child in tree.children[index]:
        if tree.tokens[child].rel in ("amod", "acl") and tree.lemma(child) in lexicon.planned:
            return "planned"
    if tree.tokens[index].pos in ("VERB", "AUX") and tree.tokens[index].feats.get("Tense") == "Fut":
        return "planned"
    for position, member in enumerate(chain[1:], start=1):
        link = tree.tokens[chain[position - 1]].rel
        if link == "ccomp" and tree.lemma(member) in lexicon.reported:
            return "reported"
    start = tree.tokens[index].start
    if any(quote.content.start <= start < quote.content.end for quote in doc.quotes):
        return "reported"
    return "happened"
