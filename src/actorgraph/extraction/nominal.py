"""Relations stated inside noun phrases: titles, appositions, possessives, "X-backed Y".

"Asaib Al-Haq leader Qais Khazali", "Abdul Reza Shahlai, director of the Al-Quds Force's
external operations branch", "Iran's supreme leader Ali Khamenei", "Iran's Al-Quds Force",
"an Iranian-backed militia, Kataib Hezbollah", "the Houthis in Yemen", "Iran's ties with
Hezbollah", "confrontations between Hezbollah and Israel", "He operates under the direct
control of the IRGC". Each function reads a `Context` and yields `Proposal`s.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .patterns import ROLE, SELF, Context, Proposal, RoleCue, lexicon, prefixed, through
from .referents import NAMING, PREDICATIVE_OBJECTS, Ref

QUALIFIERS = frozenset({"ADJ", "NOUN", "VERB"})
# How a role found the actor it is of; part of the construction's name ("of-role", "at-role").
OF = "of"  # after one of the role's own prepositions
AT = "at"  # after a membership preposition ("director of X at the Atlantic Council")
DEMONYM = "demonym"  # "Syrian President"


def _fw(key: str) -> frozenset[str]:
    """A function-word list of the lexicon (`function_words:` of roles.yaml / relations.yaml)."""
    return lexicon().function_words[key]


def roles(ctx: Context) -> Iterator[Proposal]:
    """A person holding an office, or an actor standing in a relation noun to another."""
    for cue in ctx.cues:
        if cue.label != ROLE:
            continue
        entry = ctx.lex.roles[cue.key]
        head = cue.head
        named = ctx.refs.at(head)
        if named is not None and (named.type != "person" or not entry.personal):
            continue  # part of a name ("Office of Foreign Assets Control", "Qods Force")
        bearers = ctx.np.bearers(head, (cue.span.start, cue.span.end), ("person",) if entry.personal else None)
        if not bearers:
            continue
        copula = _copula(head)
        role = _role_text(ctx, cue.span, head)
        for ref, how in _related(ctx, cue.span, head, entry, bearers):
            pred = _role_predicate(entry, how, ref, head)
            if pred is None:
                continue
            if pred == "leads" and _of_a_domain(ctx, cue.span, head):
                pred = "member_of"  # "the group's intelligence chief" heads a part of the group
            for bearer in bearers:
                subj, obj = (ref, bearer) if entry.reverse else (bearer, ref)
                yield Proposal(subj.actor, pred, obj.actor, cue=(cue.span.start, cue.span.end),
                               anchor=copula or head, construction=f"{how}-role", role=role,
                               nominal=copula is None)


def _of_a_domain(ctx: Context, span, head: Token) -> bool:
    """A noun of leading qualified by a common noun naming a domain ("intelligence chief", "finance
    director", "police chief"): the head of one part, not of the whole (not "party leader", a kind noun)."""
    lex = ctx.lex
    return any(c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN" and c.i < span.start and ctx.refs.at(c) is None
               and c.lemma_.lower() not in lex.kind_nouns | lex.metonyms and c.lower_ not in lex.roles
               and c.lower_ not in _fw("deputy_modifiers")
               for c in (*head.children, *(g for c in head.children if c.dep_ in ("compound", "nmod")
                                             for g in c.conjuncts)))


def _copula(head: Token) -> Token | None:
    node = head
    if node.dep_ == "pobj" and node.head.lower_ in _fw("partitive_preps") and node.head.head.dep_ in ("attr", "oprd"):
        node = node.head.head
    if node.dep_ in ("attr", "oprd", "acomp") and node.head.pos_ in ("VERB", "AUX"):
        return node.head
    if node.dep_ == "dobj" and node.head.lemma_ in PREDICATIVE_OBJECTS | NAMING:
        return node.head
    if node.dep_ == "pobj" and node.head.lower_ in _fw("predicative_preps") and node.head.head.pos_ in ("VERB", "AUX"):
        return node.head.head
    return None


def _related(ctx: Context, span, head: Token, entry: RoleCue, bearers: list[Ref]) -> list[tuple[Ref, str]]:
    """The actor a role is of: "of Y" / "at Y", "Y's", "Y leader", "Syrian President", "...: Y"."""
    np = ctx.np
    taken = {b.actor.id for b in bearers}
    out: list[tuple[Ref, str]] = []
    # "a Hezbollah commander in Syria", "the Quds Force's representative in Yemen": a place after "in"
    # is where the office is held; it is whose only when the role names no other owner
    placed: list[tuple[Ref, str]] = []
    heads = [head] + [t for t in span if t.i != head.i]
    for h in heads:
        for child in [*h.children, *(_shared_preps(head) if h.i == head.i else ())]:
            if child.dep_ != "prep" or span.start <= child.i < span.end and child.i != head.i:
                continue
            word = child.lower_
            if word not in entry.preps and word not in ctx.lex.function_words["membership_preps"]:
                continue
            how = OF if word in entry.preps else AT
            for pobj in (p for p in child.children if p.dep_ == "pobj"):
                if span.start <= pobj.i < span.end:
                    continue
                found = [r for r in np.of(pobj) if r.actor.id not in taken]
                if found and _possessor(ctx, pobj):  # "head of Hamas' military wing": of the wing, in Hamas
                    found = [Ref(r.actor, "unit", r.token) for r in found]
                if not found:
                    found = _named_after(ctx, pobj, taken)
                if word in _fw("located_preps"):
                    placed += [(r, how) for r in found if r.actor.type in ("location", "country")]
                    found = [r for r in found if r.actor.type not in ("location", "country")]
                out += [(r, how) for r in found]
    # "of which Soleimani's Quds Force formed the expeditionary wing"
    verb = _copula(head)
    if verb is not None and not out:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in entry.preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lower_ in ctx.lex.function_words["relative_objects"]:
                        ref = np.one(pobj)
                        if ref is not None and ref.actor.id not in taken:
                            out.append((ref, OF))
    if out:
        return out
    # "Asaib Al-Haq leader", "Hezbollah senior external operations commander", "Syrian President"
    # (before the possessive: in "Iran's Quds Force commander" the office is in the Quds Force)
    found = _modifier_actor(ctx, span, taken)
    if found:
        return found
    # "Iran's supreme leader", "the group's Secretary General", "his deputies"
    owners = [c for c in head.children if c.dep_ == "poss"]
    if head.dep_ == "compound":
        owners += [c for c in head.head.children if c.dep_ == "poss" and c.i < head.i]
    for p in owners:
        ref = np.one(p)
        if ref is not None and ref.actor.id not in taken:
            return [(ref, "poss")]
    return placed


def _shared_preps(head: Token) -> list[Token]:
    """The prepositional phrase coordinated nouns share: "the founder and leader of X", "an analyst and
    former director of X". A phrase after the last conjunct belongs to each, if the noun has none of its own."""
    group = [head, *head.conjuncts]
    if len(group) < 2 or any(t.pos_ != "NOUN" for t in group) or any(c.dep_ == "prep" for c in head.children):
        return []
    last = max(t.i for t in group)
    return [c for t in group if t.i != head.i for c in t.children if c.dep_ == "prep" and c.i > last]


def _modifier_actor(ctx: Context, span, taken: set[str]) -> list[tuple[Ref, str]]:
    """The organization or country named (or demonym) among the words before a role noun."""
    doc, refs = ctx.doc, ctx.refs
    j = span.start - 1
    while j >= 0 and j >= span.start - 6:
        t = doc[j]
        actor = refs.at(t)
        if actor is not None and j + 2 < span.start and doc[j + 1].text in ("-", "‐") \
                and doc[j + 2].lower_ in ctx.lex.hyphenated:
            return []  # "an Iran-backed militia leader": Iran backs the militia, the leader is not Iran's
        if actor is not None and actor.id not in taken:
            if actor.type in ("organization", "country"):
                return [(Ref(actor, SELF, t), "compound")]
            return []
        if actor is None and t.pos_ in ("ADJ", "PROPN", "NOUN") and not prefixed(ctx, t):
            country = refs.demonym(t)
            if country is not None and country.id not in taken and t.dep_ in ("amod", "compound", "nmod") and "-" not in (doc[j + 1].text,):
                return [(Ref(country, SELF, t), DEMONYM)]
        if t.tag_ == "POS" or t.text in ("’s", "'s", "’", "'") and (t.dep_ == "case" or j >= 1 and _possessor(ctx, doc[j - 1])):
            # "the group's Secretary General": the possessor, however the parse attached it
            ref = ctx.np.one(doc[j - 1]) if j >= 1 else None
            if ref is not None and ref.actor.id not in taken and ref.actor.type in ("organization", "country"):
                return [(ref, "poss")]
            break
        if t.pos_ not in QUALIFIERS and t.text not in ("-", "‐") or t.dep_ in ("det", "poss", "case"):
            break
        j -= 1
    return []


def _named_after(ctx: Context, pobj: Token, taken: set[str]) -> list[Ref]:
    """A name after a generic noun phrase and a colon or comma ("one of the deadliest ... groups in Iraq: Asaib Al-Haq")."""
    doc = ctx.doc
    if pobj.lemma_.lower() not in ctx.lex.kind_nouns and pobj.lemma_.lower() not in ctx.lex.partitives:
        if not any(c.lemma_.lower() in ctx.lex.kind_nouns for c in pobj.subtree):
            return []
    k = pobj.right_edge.i + 1
    if k + 1 < len(doc) and doc[k].text in (":", "—", "–"):
        actor = ctx.refs.at(doc[k + 1])
        if actor is not None and actor.id not in taken and actor.type == "organization":
            return [Ref(actor, SELF, doc[k + 1])]
    return []


def _role_predicate(entry: RoleCue, how: str, ref: Ref, head: Token) -> str | None:
    pred = entry.predicate
    if how == AT:
        return "member_of" if entry.personal else None
    if pred == "leads" and any(c.dep_ in ("compound", "amod", "nmod") and c.i < head.i and c.lower_ in _fw("deputy_modifiers")
                               for c in head.children):
        return "member_of" if ref.via in ("unit", "people") else "deputy_of"  # "al-Shabaab's deputy emir"
    if entry.definite_of and (how == OF or how == "compound" and _bare(head, ref)) and _definite(head):
        pred = entry.definite_of
    if entry.indefinite and _indefinite(head):
        pred = entry.indefinite
    if ref.via in ("unit", "people"):
        if pred in ("leads", "deputy_of", "member_of"):
            pred = "member_of"
        elif pred == "founded":
            return None
    return pred


def _definite(head: Token) -> bool:
    """"the commander", "Iran's Quds Force commander": one office, not one of several."""
    if head.tag_ in ("NNS", "NNPS"):
        return False
    holders = [head] + ([head.head] if head.dep_ == "compound" else [])
    predicative = head.dep_ in ("appos", "oprd", "attr") or head.dep_ == "pobj" and \
        head.head.lower_ in _fw("predicative_preps")
    if predicative and not any(c.dep_ in ("det", "poss", "nummod") for c in head.children):
        return True  # "was appointed commander of", "serves as commander of", "X, commander of Y": the office
    return any(c.dep_ == "det" and c.lower_ in _fw("definite_determiners") or c.dep_ == "poss"
               for h in holders for c in h.children
               if c.i < head.i)


def _bare(head: Token, ref: Ref) -> bool:
    """No qualifier between the organization and the role ("the Quds Force commander", not "the Hezbollah military commander")."""
    return all(c.i <= ref.token.i or c.dep_ not in ("amod", "compound", "nmod") or c.i >= head.i
               for c in head.children) and not any(
        c.dep_ == "amod" and c.i < head.i for c in head.children)


def _indefinite(head: Token) -> bool:
    if any(c.dep_ == "det" and c.lower_ in _fw("indefinite_determiners") for c in head.children):
        return True
    if head.dep_ == "pobj" and head.head.lower_ in _fw("partitive_preps") and \
            head.head.head.lower_ in _fw("indefinite_quantifiers"):
        return True
    return head.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "poss" for c in head.children)


def _role_text(ctx: Context, span, head: Token) -> str:
    """The role words with their qualifiers: "senior external operations commander"."""
    start = span.start
    while start - 1 >= 0:
        t = ctx.doc[start - 1]
        if ctx.refs.at(t) is not None or t.dep_ in ("det", "poss", "case", "punct") or t.pos_ not in QUALIFIERS:
            break
        if t.head.i >= span.end or t.head.i < start - 1 and t.head.i != head.i:
            if not (span.start <= t.head.i < span.end or t.head.i in range(start, span.start)):
                break
        start -= 1
    return ctx.doc[start:span.end].text.lower()


def possessives(ctx: Context) -> Iterator[Proposal]:
    """"Iran's Al-Quds Force" -> part_of; "CNN's Ben Wedeman" -> member_of."""
    doc, refs, np = ctx.doc, ctx.refs, ctx.np
    for start, end, actor in refs.mentions_in(0, len(doc)):
        if actor.type not in ("organization", "person"):
            continue
        root = doc[start:end].root
        owners = [c for c in root.children if c.dep_ == "poss" and c.i < start]
        head = root.head
        if not owners and root.dep_ in ("compound", "nmod") and head.i >= end and _of_people(ctx, head):
            # "Iran's Quds Force commander": the possessive opens the whole phrase (not "its LSE bid")
            owners = [c for c in head.children if c.dep_ == "poss" and c.i < start]
        for p in owners:
            ref = np.one(p)
            if ref is not None and ref.actor.type == "person" and actor.type == "organization" \
                    and ref.via == SELF and ref.actor.id != actor.id and root.lemma_.lower() in ctx.lex.kind_nouns:
                # "Nabih Berri, whose Amal movement ...", "Mr Lula's Workers' Party": a person's party or
                # movement (not "his Millennium Challenge Corporation", a policy of his; BBC check)
                yield Proposal(ref.actor, "member_of", actor, cue=(p.left_edge.i, end), anchor=root,
                               construction="possessive-person", nominal=True)
                continue
            if ref is None or ref.actor.id == actor.id or ref.actor.type not in ("organization", "country"):
                continue
            if actor.type == "person" and any(ctx.lex.roles.get(t.lower_) for t in doc[p.i + 1:end]):
                continue  # a title between or in the name: the role construction says more
            pred = "part_of" if actor.type == "organization" else "member_of"
            yield Proposal(actor, pred, ref.actor, cue=(p.left_edge.i, end), anchor=root,
                           construction="possessive", nominal=True)


def _of_people(ctx: Context, noun: Token) -> bool:
    """A noun for an actor's people, units or offices ("commander", "fighters", "wing"), not a thing or an act."""
    lemma, lex = noun.lemma_.lower(), ctx.lex
    return lemma in lex.roles or noun.lower_ in lex.roles or lemma in lex.people_nouns | lex.unit_nouns | lex.kind_nouns


def _of_office(ctx: Context, noun: Token) -> bool:
    """A noun of office or role a person holds ("leader", "commander"), from roles.yaml."""
    entry = ctx.lex.roles.get(noun.lower_) or ctx.lex.roles.get(noun.lemma_.lower())
    return entry is not None and entry.personal


def hyphenated(ctx: Context) -> Iterator[Proposal]:
    """"Iran-backed militias", "the U.N.-backed Special Tribunal", "Houthi-aligned", "Beirut-based"."""
    doc, refs, np = ctx.doc, ctx.refs, ctx.np
    for t in doc:
        entry = ctx.lex.hyphenated.get(t.lower_)
        if entry is not None and t.i >= 2 and doc[t.i - 1].text in ("-", "‐", "‑"):
            rng = refs.mention(doc[t.i - 2])
            inner = refs.at(t)
            if rng is not None and rng[0] <= t.i < rng[1]:  # "axis of Iran-backed fighters" is one name
                modifier = refs.named(doc[t.i - 2].text) or refs.demonym(doc[t.i - 2])
                cue_start = t.i - 2
            else:
                modifier = refs.resolve(doc[t.i - 2])
                cue_start = rng[0] if rng else t.i - 2
        elif "-" in t.text and ctx.lex.hyphenated.get(t.lower_.rsplit("-", 1)[1]):
            # one token: "U.N.-backed", "Houthi-aligned"
            entry = ctx.lex.hyphenated[t.lower_.rsplit("-", 1)[1]]
            prefix = t.text.rsplit("-", 1)[0]
            modifier = refs.at(t) or refs.named(prefix) or refs.demonym_of(prefix)
            cue_start, inner = t.i, None
        else:
            continue
        if modifier is None:
            continue
        pred, subject_side = entry
        targets = [Ref(inner, SELF, t)] if inner is not None and inner.id != modifier.id else []
        n = t.head if t.dep_ in ("amod", "compound", "nmod", "npadvmod") else t
        while n.dep_ in ("compound", "nmod") and n.head.i > n.i:
            n = n.head
        named = [Ref(a, SELF, x) for x in doc[t.i + 1:n.i] for a in (refs.at(x),)
                 if a is not None and refs.mention(x)[1] - 1 == x.i] if n.i > t.i + 1 and _of_office(ctx, n) else []
        # "the Iran-backed Hezbollah commander X": the named organization is backed, not its officer
        # (an unnamed one, "an Iran-backed militia leader", leaves the leader as the one backed)
        targets += named or np.of(n)
        for ref in targets:
            if ref.actor.id == modifier.id:
                continue
            subj, obj = (modifier, ref.actor) if subject_side == "modifier" else (ref.actor, modifier)
            yield Proposal(subj, pred, obj, cue=(cue_start, t.i + 1), anchor=t,
                           construction=f"hyphenated-{t.lower_}", nominal=True)


def prefixes(ctx: Context) -> Iterator[Proposal]:
    """"an anti-Houthi coalition", "a staunchly anti-American cleric", "pro-Russian separatists": the
    described noun's actor (or the one a predicate noun is said of) stands to the prefixed actor."""
    doc, refs, np = ctx.doc, ctx.refs, ctx.np
    prefixes = ctx.lex.hyphen_prefixes
    for t in doc:
        if t.lower_ in prefixes and t.i + 2 < len(doc) and doc[t.i + 1].text in ("-", "‐", "‑"):
            name, pred = doc[t.i + 2], prefixes[t.lower_]
        elif "-" in t.text and t.lower_.split("-", 1)[0] in prefixes:
            name, pred = t, prefixes[t.lower_.split("-", 1)[0]]
        else:
            continue
        other = refs.resolve(name) or refs.demonym(name) if name.i != t.i else \
            refs.named(t.text.split("-", 1)[1]) or refs.demonym_of(t.text.split("-", 1)[1])
        if other is None:
            continue
        n = name
        while n.dep_ in ("amod", "compound", "nmod") and n.head.i > n.i and n.head.pos_ in ("NOUN", "PROPN", "ADJ"):
            n = n.head
        if n.i == name.i:
            continue  # "anti-Houthi" alone, describing nothing
        holders = np.of(n)
        if not holders and n.dep_ in ("attr", "oprd") and n.head.pos_ in ("VERB", "AUX"):
            holders = [r for c in n.head.children if c.dep_ in ("nsubj", "nsubjpass") for r in np.of(c)]
        for ref in holders:
            if ref.actor.id != other.id:
                yield Proposal(ref.actor, pred, other, cue=(t.i, name.i + 1), anchor=t,
                               construction=f"prefixed-{t.lower_.split('-', 1)[0]}", nominal=True)


def located(ctx: Context) -> Iterator[Proposal]:
    """"the Houthis in Yemen", "Hezbollah targets inside Syria", "the ... AAH militia in Iraq"."""
    doc, refs, np = ctx.doc, ctx.refs, ctx.np
    for start, end, actor in refs.mentions_in(0, len(doc)):
        if actor.type != "organization":
            continue
        root = doc[start:end].root
        heads = [root]
        if root.dep_ in ("compound", "nmod", "poss") and root.head.i >= end:
            lemma = root.head.lemma_.lower()
            if lemma in ctx.lex.kind_nouns or lemma in ctx.lex.people_nouns:
                heads.append(root.head)
        if root.pos_ not in ("PROPN", "NOUN", "VERB"):  # a one-word name the tagger read as a verb ("ISIS in Iraq")
            continue
        for h in heads:
            for child in h.children:
                if child.dep_ != "prep" or child.lower_ not in ctx.lex.function_words["located_preps"]:
                    continue
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    for ref in np.of(pobj):
                        if ref.actor.type in ("location", "country") and ref.actor.id != actor.id:
                            yield Proposal(actor, "operates_in", ref.actor, cue=(child.i, child.i + 1),
                                           anchor=h, construction="located-in", nominal=True)
        # nationality: "the Lebanese Hezbollah" (a short name after a demonym)
        if start > 0 and doc[start - 1].dep_ in ("amod", "compound"):
            if start < 2 or doc[start - 2].text not in ("-", "‐"):
                country = refs.demonym(doc[start - 1])
                if country is not None and country.id != actor.id and doc[start].text not in ("-",):
                    yield Proposal(actor, "based_in", country, cue=(start - 1, end), anchor=root,
                                   construction="nationality", nominal=True)


def relation_nouns(ctx: Context) -> Iterator[Proposal]:
    """"Iran's ties with Hezbollah", "Israel's war with Hamas", "confrontations between X and Y", "support for Y"."""
    doc, np = ctx.doc, ctx.np
    for n in doc:
        if n.pos_ not in ("NOUN", "PROPN"):
            continue
        frame = ctx.lex.relation_nouns.get(n.lower_) or ctx.lex.relation_nouns.get(n.lemma_.lower())
        if frame is None:
            continue
        sides: list[Ref] = []
        for child in n.children:
            if child.dep_ == "poss" or child.dep_ in ("amod", "compound", "nmod") and child.i < n.i:
                ref = np.one(child)
                if ref is not None:
                    sides.append(ref)
        others: list[Ref] = []
        pairs: list[tuple[Ref, Ref]] = []
        for child in [*n.children, *_hung_on_verb(n, frame.preps)]:
            if child.dep_ != "prep":
                continue
            pobjs = [p for p in child.children if p.dep_ == "pobj"]
            if child.lower_ in ctx.lex.function_words["pair_preps"] and pobjs:
                found = np.of(pobjs[0])
                pairs += [(a, b) for i, a in enumerate(found) for b in found[i + 1:]]
            elif child.lower_ in frame.preps:
                for p in pobjs:
                    others += np.of(p)
        if not sides and others:
            sides = [r for t in _clause_agents(ctx, n) for r in np.of(t)]
        pairs += [(a, b) for a in sides for b in others]
        for a, b in pairs:
            if a.actor.id == b.actor.id:
                continue
            subj, obj = (b, a) if frame.reverse else (a, b)
            pred = through(frame.predicate, subj.via, obj.via)
            if pred is None:
                continue  # "control over their operations" is not control over them
            yield Proposal(subj.actor, pred, obj.actor, cue=(n.i, n.i + 1), anchor=n,
                           construction="relation-noun", nominal=False)


def _hung_on_verb(n: Token, preps: frozenset[str]) -> list[Token]:
    """A relation noun's phrase the parser hung on the verb instead: "staged a rebellion against Y",
    "acted in concert with Y" (only when the noun has no such phrase of its own, and only after it)."""
    if any(c.dep_ == "prep" and c.lower_ in preps for c in n.children):
        return []
    verb = n.head if n.dep_ == "dobj" else n.head.head if n.dep_ == "pobj" and n.head.dep_ == "prep" else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return []
    return [c for c in verb.children if c.dep_ == "prep" and c.i > n.i and c.lower_ in preps]


def _clause_agents(ctx: Context, n: Token) -> list[Token]:
    """Who stands on the near side of a relation noun that has no possessor: the clause's agent."""
    if n.dep_ in ("dobj", "nsubjpass", "attr") and n.head.pos_ in ("VERB", "AUX"):
        return ctx.np.agents(n.head)
    if n.dep_ == "pobj" and n.head.lower_ in _fw("comitative_preps") and n.head.head.pos_ in ("NOUN", "PROPN"):
        return [n.head.head]  # "another paramilitary group with links to the Kremlin": the group's
    if n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.head.pos_ in ("VERB", "AUX"):
        verb = n.head.head
        out = list(ctx.np.agents(verb))
        if verb.lemma_ in ctx.lex.function_words["joining_verbs"]:
            out += [c for c in verb.children if c.dep_ == "dobj"]
        return out
    return []


def under_control(ctx: Context) -> Iterator[Proposal]:
    """"X operates under the direct control of Y", "Iraq, under the leadership of Saddam Hussein", "on Y's orders"."""
    doc, lex = ctx.doc, ctx.lex
    for prep in doc:
        if prep.dep_ != "prep":
            continue
        word = prep.lower_
        if word not in lex.under_preps and word not in lex.orders_preps:
            continue
        for noun in (p for p in prep.children if p.dep_ == "pobj"):
            lemma = noun.lower_ if noun.lower_ in lex.under_nouns else noun.lemma_.lower()
            if word in lex.under_preps and lemma in lex.under_nouns:
                pred = lex.under_nouns[lemma]
            elif word in lex.orders_preps and (noun.lower_ in lex.orders_nouns or lemma in lex.orders_nouns) \
                    and word not in lex.under_preps:
                if lemma in lex.function_words["representation_nouns"] \
                        and prep.head.lemma_.lower() in lex.function_words["representing_verbs"]:
                    continue  # "speaking on behalf of X": a spokesman, not a subordinate
                pred = "commands"
            else:
                continue
            subordinates = _governed(ctx, prep)  # "Iraq, under the leadership of Saddam Hussein, invaded"
            for sup in _holders(ctx, noun, lex.function_words["superior_preps"]):
                for sub in subordinates:
                    if sup.actor.id != sub.actor.id and sub.via == SELF:
                        yield Proposal(sup.actor, pred, sub.actor, cue=(prep.i, noun.i + 1), anchor=prep.head,
                                       construction=f"{word}-{lemma}", nominal=False)


def with_support(ctx: Context) -> Iterator[Proposal]:
    """"the Houthis, with the support of the Iranian regime, have waged ..." -> the regime supports the Houthis."""
    doc, lex = ctx.doc, ctx.lex
    for prep in doc:
        if prep.dep_ != "prep" or prep.lower_ not in lex.support_preps:
            continue
        for noun in (p for p in prep.children if p.dep_ == "pobj"):
            if noun.lemma_.lower() not in lex.support_nouns:
                continue
            backed = _governed(ctx, prep)  # "the Houthis, with the support of the Iranian regime, have waged"
            for b in _holders(ctx, noun, lex.function_words["backer_preps"]):
                for x in backed:
                    if b.actor.id != x.actor.id:
                        yield Proposal(b.actor, "supports", x.actor, cue=(prep.i, noun.i + 1), anchor=prep.head,
                                       construction="with-support", nominal=False)


def bases(ctx: Context) -> Iterator[Proposal]:
    """"a neighborhood that is also the Iran-backed group's stronghold", "Hezbollah's headquarters in Beirut"."""
    np, words = ctx.np, ctx.lex.base_nouns
    for n in ctx.doc:
        if n.pos_ != "NOUN" or n.lemma_.lower() not in words:
            continue
        owners = [r for c in n.children if c.dep_ == "poss" or c.dep_ in ("compound", "nmod") and c.i < n.i
                  for r in np.of(c) if r.actor.type in ("organization", "person")]
        owners += [r for c in n.children if c.dep_ == "prep" and c.lower_ in ctx.lex.function_words["base_owner_preps"]
                   for p in c.children if p.dep_ == "pobj" for r in np.of(p) if r.actor.type == "organization"]
        if not owners:
            continue
        places = [r for c in n.children if c.dep_ == "prep" and c.lower_ in ctx.lex.function_words["base_place_preps"]
                  for p in c.children if p.dep_ == "pobj" for r in np.of(p)]
        places += np.bearers(n, types=("location", "country"))
        copula = _copula(n)
        for owner in owners:
            for place in places:
                if place.actor.type in ("location", "country") and place.actor.id != owner.actor.id:
                    yield Proposal(owner.actor, "based_in", place.actor, cue=(n.i, n.i + 1), anchor=copula or n,
                                   construction="base-noun", nominal=copula is None)


def _holders(ctx: Context, noun: Token, preps: frozenset[str]) -> list[Ref]:
    """Who holds a noun of control or support: its owner ("Y's control") and the object of its `preps` ("of Y")."""
    np = ctx.np
    return [r for c in _owners(noun) for r in np.of(c)] + [
        r for c in noun.children if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children if p.dep_ == "pobj" for r in np.of(p)]


def _governed(ctx: Context, prep: Token) -> list[Ref]:
    """Who is under the control or support a phrase names: the name it interrupts, the verb's agents, or its noun."""
    host = _parenthetical_host(ctx, prep)
    if host is not None:
        return [host]
    gov = prep.head
    return [r for t in ctx.np.agents(gov) for r in ctx.np.of(t)] if gov.pos_ in ("VERB", "AUX") else ctx.np.of(gov)


def _owners(noun: Token) -> list[Token]:
    """The possessors of a noun: "poss", or a name the parser labelled nmod or compound with its own
    possessive marker ("on Trump’s orders" parsed Trump -nmod-> orders, ’s -case-> Trump)."""
    return [c for c in noun.children if c.dep_ == "poss" or c.dep_ in ("nmod", "compound") and c.i < noun.i
            and any(g.tag_ == "POS" for g in c.children)]


def _parenthetical_host(ctx: Context, prep: Token) -> Ref | None:
    """The name a comma-enclosed phrase follows ("Iraq, under the leadership of Saddam Hussein, ...")."""
    doc = ctx.doc
    if prep.i < 2 or doc[prep.i - 1].text != ",":
        return None
    actor = ctx.refs.at(doc[prep.i - 2])
    close = next((t for t in doc[prep.i:min(prep.i + 15, prep.sent.end)] if t.text == ","), None)
    if actor is None or close is None:
        return None
    return Ref(actor, SELF, doc[prep.i - 2])


def _possessor(ctx: Context, tok: Token) -> bool:
    """Whether a name is followed by a possessive marker ("Hamas’ military wing")."""
    rng = ctx.refs.mention(tok)
    end = rng[1] if rng else tok.i + 1
    if end >= len(ctx.doc):
        return False
    nxt = ctx.doc[end]
    return nxt.tag_ == "POS" or nxt.text in ("’s", "'s", "’", "'") and end + 1 < len(ctx.doc) and \
        ctx.doc[end + 1].pos_ in ("NOUN", "ADJ", "PROPN")
