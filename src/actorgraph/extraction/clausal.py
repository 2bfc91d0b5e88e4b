"""Relations stated by clauses and by the nouns of attacks and activities.

Verbs come with their frames from the lexicon ("met with", "reported to" reversed, "takes his
orders from" reversed, "provided training to"); passives, relative clauses, control verbs and
coordination are handled once for all of them (`Referents.agents` / `patients`). Attacks named by
a noun find their attacker through the clause around them: "the mastermind of Aleppo's capture,
Qassem Soleimani", "Shahlai was likely the brains behind the 2011 failed plot to assassinate
...", "Al-Ka'abi's forces played an important role in spearheading the assault on Aleppo",
"a deadly strike ..., which Israel blamed on Hezbollah", "killed in an Israeli attack".
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .patterns import ATTACK, PATIENT, SELF, Context, Proposal, through
from .referents import Ref

VERBAL = ("VERB", "AUX")
PLACE = "place"  # `Ref.via` of a place the words name (an identifier, not a word of the text)
PLACED = ("operates_in", "based_in")  # the predicates whose object is where the subject is


def verbs(ctx: Context) -> Iterator[Proposal]:
    """Every verb of the lexicon with its logical subject and object."""
    np = ctx.np
    for v in ctx.doc:
        adjective = v.lemma_.lower() in ctx.lex.function_words["verbal_adjectives"]
        if v.pos_ not in VERBAL and not adjective:
            continue
        for frame in ctx.lex.frames(v.lemma_.lower()):
            noun = None
            if frame.noun:
                nouns = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass", "attr")
                         and c.lemma_.lower() in frame.noun]
                nouns += [p for c in v.children if c.dep_ == "prep" and c.lower_ in frame.noun_preps
                          for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in frame.noun]
                if not nouns:
                    continue
                noun = nouns[0]
            if frame.both_patients:
                agents = [r for t in np.patients(v) for r in np.of(t)]
            elif adjective:
                agents = [r for t in np.noun_agents(v) for r in np.of(t)]
            else:
                agents = [r for t in np.agents(v) for r in np.of(t)]
                if not agents and any(s.startswith("prep:") for s in frame.object) and np.passive(v):
                    # a passive without a by-agent whose relation lies in a preposition: its
                    # subject is the relation's subject ("Hamas is based in Gaza", "X is linked to Y")
                    agents = [r for t in np.patients(v) for r in np.of(t)]
            if not agents:
                continue
            objects: list[tuple[Ref, int]] = []
            for slot in frame.object:
                if slot == "dobj":
                    if noun is None or noun.dep_ == "pobj":  # "supplied the Houthis with drones"
                        objects += [(r, v.i) for t in np.patients(v) for r in np.of(t)]
                elif slot == "dative":
                    for c in (c for c in v.children if c.dep_ == "dative"):
                        # "gave Hezbollah money", or "supplies weapons to the Houthis" with "to" as the dative
                        heads = [p for p in c.children if p.dep_ == "pobj"] if c.pos_ == "ADP" else [c]
                        objects += [(r, c.i) for h in heads for r in np.of(h)]
                elif slot.startswith("prep:"):
                    word = slot[5:]
                    hosts = [v, noun] if noun is not None else [v]
                    if frame.predicate in PLACED and "dobj" not in frame.object:
                        # "forces held Daqduq in Iraq": the place the parser hung on the object is the clause's
                        hosts += [c for c in v.children if c.dep_ == "dobj" and ctx.refs.at(c) is not None]
                    for host in hosts:
                        for c in host.children:
                            if c.dep_ == "prep" and c.lower_ == word:
                                objects += [(r, c.i) for p in c.children if p.dep_ == "pobj" for r in np.of(p)]
            where = next((c for c in v.children if c.dep_ == "advmod"
                          and c.lower_ in ctx.lex.function_words["place_relatives"]), None)
            if where is not None and v.dep_ == "relcl" and frame.predicate in PLACED:
                # "targets in Iraq and Syria where Kataib Hezbollah was operating": the place is the antecedent's
                head = v.head
                found = _places_in(ctx, head) or [r for r in np.of(head) if r.actor.type in ("location", "country")
                                                  and r.via in (SELF, PLACE)]
                objects += [(r, where.i) for r in found]
            for obj, end in objects:
                if frame.object_types is not None and obj.actor.type not in frame.object_types:
                    continue
                for agent in agents:
                    subj, o = (obj, agent) if frame.reverse else (agent, obj)
                    pred = through(frame.predicate, subj.via, o.via)
                    if pred is None or subj.actor.id == o.actor.id:
                        continue
                    lo, hi = min(v.i, end), max(v.i, end) + 1
                    if hi - lo > 6:
                        lo, hi = v.i, v.i + 1
                    yield Proposal(subj.actor, pred, o.actor, cue=(lo, hi), anchor=v,
                                   construction=f"verb-{frame.name}")


def attacks(ctx: Context) -> Iterator[Proposal]:
    """Attacks named by a noun: who attacked (from the noun or its clause) and what (actors or places)."""
    lex, np, refs = ctx.lex, ctx.np, ctx.refs
    attack_verbs = next((f.lemmas for f in lex.verbs if f.name == "attack"), frozenset())
    for cue in ctx.cues:
        if cue.label not in (ATTACK, PATIENT):
            continue
        n = cue.head
        patient_noun = cue.label == PATIENT
        own: list[Ref] = []  # attackers named inside the noun phrase
        for c in (*n.children, *_inner_modifiers(n)):
            if c.dep_ == "poss" and not patient_noun or c.dep_ in ("compound", "nmod", "amod") and c.i < n.i:
                actor = refs.resolve(c)
                if actor is not None:
                    own.append(Ref(actor, SELF, c))
            if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ in lex.function_words["passive_agent_preps"]:
                own += [r for p in c.children if p.dep_ == "pobj" for r in np.of(p)]
        climbed, via_verb = _attackers(ctx, n, attack_verbs)
        targets: list[Ref] = []  # named inside the noun phrase
        hosts = [n]
        if n.dep_ == "dobj" and n.head.lemma_.lower() in lex.attacks["executing_verbs"]:
            hosts.append(n.head)  # "spearheading the assault on Aleppo" with "on" hung on the verb
        places: list[Ref] = []
        clause_targets: list[Ref] = []  # named by the clause around it
        clause_verb: Token | None = None
        for c in (c for h in hosts for c in h.children if h.i == n.i or c.dep_ == "prep" and c.i > n.i):
            if c.dep_ == "prep" and (c.lower_ in lex.attacks["target_preps"] or
                                     patient_noun and c.lower_ in lex.attacks["patient_preps"]):
                for p in (p for p in c.children if p.dep_ == "pobj"):
                    found = np.of(p)
                    targets += found
                    # where the target is: "attacks against Coalition Forces in Iraq", "an oil facility in Saudi Arabia"
                    places += _places_in(ctx, p)
            elif patient_noun and c.dep_ == "poss":
                targets += np.of(c)
            elif c.dep_ == "prep" and c.lower_ in lex.attacks["place_preps"]:
                places += [r for p in c.children if p.dep_ == "pobj" for r in np.of(p)
                           if r.actor.type in ("location", "country")]
            elif c.dep_ == "advmod" and c.lower_ in lex.function_words["place_adverbs"]:
                actor = refs.resolve(c)
                if actor is not None:
                    places.append(Ref(actor, PLACE, c))
            elif c.dep_ in ("acl", "relcl") and c.pos_ in VERBAL and (c.lemma_.lower() in attack_verbs):
                for t in np.patients(c):
                    found = np.of(t)
                    clause_targets += found
                    if not found:
                        places += _places_in(ctx, t)
                clause_verb = c
        if not clause_targets:  # "an Israeli strike in Beirut, Lebanon, on Tuesday that killed X" (parsed apart)
            verb = _relative_after(ctx, n, attack_verbs)
            if verb is not None:
                for t in np.patients(verb):
                    clause_targets += np.of(t)
                clause_verb = verb
        if not clause_targets and n.dep_ == "nsubj" and n.head.pos_ in VERBAL \
                and n.head.lemma_.lower() in attack_verbs and not np.passive(n.head):
            # the attack as the instrument subject of an attack verb (VerbNet's Instrument subject
            # alternation: "An Israeli strike killed X", "Russian shelling destroyed a school in Y")
            for t in np.patients(n.head):
                found = np.of(t)
                clause_targets += found
                if not found:
                    places += _places_in(ctx, t)
            places += [r for c in n.head.children if c.dep_ == "prep" and c.lower_ in lex.attacks["place_preps"]
                       for p in c.children if p.dep_ == "pobj" for r in np.of(p)
                       if r.actor.type in ("location", "country")]  # "killed five civilians in El Fasher"
            clause_verb = n.head
        gov = n.head if n.dep_ == "pobj" else None
        if gov is not None and gov.lower_ in lex.attacks["clause_preps"] and gov.head.pos_ in VERBAL \
                and gov.head.lemma_.lower() in attack_verbs and np.passive(gov.head):
            clause_targets += [r for t in np.patients(gov.head) for r in np.of(t)]
            clause_verb = gov.head  # "he had been killed in an Israeli attack"
        if gov is not None and gov.lower_ in lex.attacks["clause_noun_preps"] and gov.head.pos_ in ("NOUN",) \
                and any(c.label == PATIENT and c.head.i == gov.head.i for c in ctx.cues):
            for c in gov.head.children:  # "the killing of X in a U.S. strike"
                if c.dep_ == "prep" and c.lower_ in lex.attacks["patient_preps"]:
                    clause_targets += [r for p in c.children if p.dep_ == "pobj" for r in np.of(p)]
        cue_span = (cue.span.start, cue.span.end)
        for group, anchor_of in ((own, None), (climbed, via_verb)):
            for agent in group:
                for target, clausal in [(t, False) for t in targets] + [(t, True) for t in clause_targets]:
                    anchor = clause_verb if clausal else anchor_of
                    yield from _emit(agent, "targeted", target, cue_span, anchor or n, anchor is None,
                                     "attack-noun")
                has_actor_target = any(t.via == SELF for t in targets + clause_targets)
                for place in places:
                    pred = "operates_in" if has_actor_target and place.actor.type == "country" else "targeted"
                    yield from _emit(agent, pred, place, cue_span, anchor_of or n, anchor_of is None,
                                     "attack-place")


def _inner_modifiers(n: Token) -> list[Token]:
    """The modifiers before a compound noun modifier of an attack noun: "an RSF drone attack", "a Hezbollah
    missile strike" (the attacker modifies the weapon word that modifies the attack)."""
    return [g for c in n.children if c.dep_ == "compound" and c.i < n.i and c.pos_ == "NOUN"
            for g in c.children if g.dep_ in ("compound", "nmod", "amod") and g.i < c.i]


def _emit(agent: Ref, pred: str, target: Ref, cue: tuple[int, int], anchor: Token, nominal: bool,
          construction: str) -> Iterator[Proposal]:
    pred = through(pred, agent.via, target.via)
    if pred is None or agent.actor.id == target.actor.id:
        return
    yield Proposal(agent.actor, pred, target.actor, cue=cue, anchor=anchor, construction=construction,
                   nominal=nominal)


def _places_in(ctx: Context, tok: Token, depth: int = 0) -> list[Ref]:
    """The places a non-actor target lies in ("an oil facility in Saudi Arabia", "shipping in the Red Sea")."""
    out: list[Ref] = []
    if depth > 3:  # a participle whose patient is the noun it modifies would lead back to it
        return out
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ctx.lex.function_words["target_place_preps"]:
            for p in c.children:
                if p.dep_ == "pobj":
                    out += [Ref(r.actor, PLACE, r.token) for r in ctx.np.of(p)
                            if r.actor.type in ("location", "country")]
        if c.dep_ in ("acl",) and c.pos_ in VERBAL:
            for t in ctx.np.patients(c):
                if t.i != tok.i:
                    out += _places_in(ctx, t, depth + 1)
    return out


def _attackers(ctx: Context, n: Token, attack_verbs: frozenset[str]) -> tuple[list[Ref], Token | None]:
    """Who carried out an attack named by noun `n`, found through the clause around it, and the word that says so."""
    lex, np = ctx.lex, ctx.np
    a = lex.attacks
    node = n
    for _ in range(4):
        dep, head = node.dep_, node.head
        if dep == "conj" and head.i != node.i:
            node = head
            continue
        if dep in ("dobj", "nsubjpass") and head.pos_ in VERBAL:
            lemma = head.lemma_.lower()
            if lemma in a["executing_verbs"]:
                return [r for t in np.agents(head) for r in np.of(t)], head
            if lemma in a["blame_verbs"]:  # "blamed the attack on X"
                return _blamed_on(ctx, head), head
        if dep == "pobj" and head.dep_ == "prep":
            gov, prep = head.head, head.lower_
            lemma = gov.lemma_.lower()
            if lemma in a["instigator_nouns"] and prep in a["instigator_preps"]:
                return np.bearers(gov), gov
            if prep in a.get("agent_preps", ()):  # "X was behind the attack", "the group behind it"
                found = [r for t in np.agents(gov) for r in np.of(t)] if gov.pos_ in VERBAL else np.of(gov)
                if found:
                    return found, gov
            if lemma in a["share_nouns"] or lemma in a["share_adjectives"] or gov.lower_ in a["share_adjectives"]:
                if gov.pos_ in VERBAL and np.passive(gov):  # "X was involved in the attack", "X was engaged in ..."
                    return [r for t in np.patients(gov) for r in np.of(t)], gov
                owners = [r for c in gov.children if c.dep_ == "poss" for r in np.of(c)]
                return owners or [r for t in np.noun_agents(gov) for r in np.of(t)], gov
            if gov.pos_ in VERBAL and lemma in a["blame_verbs"] and prep in a["blame_preps"]:
                if np.passive(gov):
                    return [r for t in np.patients(gov) for r in np.of(t)], gov
                return [r for c in gov.children if c.dep_ == "dobj" for r in np.of(c)], gov
            if gov.pos_ in VERBAL and prep in a["share_preps"] and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in a["share_nouns"] for c in gov.children):
                return [r for t in np.agents(gov) for r in np.of(t)], gov  # "had leading roles" + "in the attack"
            if gov.pos_ in VERBAL and lemma in attack_verbs and prep in a["means_preps"] \
                    and not np.passive(gov):
                return [r for t in np.agents(gov) for r in np.of(t)], gov  # "killed Deif in a strike"
        break
    for t in n.subtree:  # "a deadly strike ... on Saturday, which Israel blamed on Hezbollah"
        if t.dep_ == "relcl" and t.lemma_.lower() in a["blame_verbs"] and \
                any(c.dep_ == "dobj" and c.lower_ in a["relative_pronouns"] for c in t.children):
            return _blamed_on(ctx, t), t
    return [], None


def _relative_after(ctx: Context, n: Token, verbs: frozenset[str]) -> Token | None:
    """An attack verb whose relative "that"/"which" follows the noun after its modifiers only."""
    doc = ctx.doc
    for k in range(n.i + 1, min(n.i + 12, n.sent.end)):
        t = doc[k]
        if t.lower_ in ctx.lex.attacks["relative_pronouns"] and t.dep_ in ("nsubj", "nsubjpass") \
                and t.head.lemma_.lower() in verbs:
            return t.head
        if t.pos_ in ("VERB", "AUX") or t.text in (".", ";", ":"):
            return None
    return None


def _blamed_on(ctx: Context, verb: Token) -> list[Ref]:
    return [r for c in verb.children if c.dep_ == "prep" and c.lower_ in ctx.lex.attacks["blame_target_preps"]
            for p in c.children if p.dep_ == "pobj" for r in ctx.np.of(p)]


def activities(ctx: Context) -> Iterator[Proposal]:
    """Activity in a place: "Hezbollah's military operations in Syria", "a key role in fighting in Syria and Iraq"."""
    lex, np, refs = ctx.lex, ctx.np, ctx.refs
    nouns = lex.activities.get("nouns", frozenset())
    place_preps = lex.activities.get("place_preps", frozenset())
    target_preps = lex.activities.get("target_preps", frozenset())
    attack_verbs = next((f.lemmas for f in lex.verbs if f.name == "attack"), frozenset())
    for n in ctx.doc:
        if n.pos_ not in ("NOUN", "VERB") or (n.lower_ not in nouns and n.lemma_.lower() not in nouns):
            continue
        if n.pos_ == "VERB" and n.dep_ not in ("pcomp", "pobj"):
            continue  # a finite verb is the verb frames' business; a gerund after a preposition is an activity
        # "masterminded operations against Israel from Lebanon": the place the parser hung on the verb
        hung = [c for c in n.head.children if c.i > n.i] if n.dep_ == "dobj" and n.head.pos_ in VERBAL and \
            n.head.lemma_.lower() in lex.activities.get("holders", frozenset()) | lex.attacks["executing_verbs"] else []
        places = [r for c in (*n.children, *hung) if c.dep_ == "prep" and c.lower_ in place_preps
                  for p in c.children if p.dep_ == "pobj" for r in np.of(p)
                  if r.actor.type in ("location", "country")]
        targets = [r for c in n.children if c.dep_ == "prep" and c.lower_ in target_preps
                   for p in c.children if p.dep_ == "pobj" for r in np.of(p)]
        if not places and not targets:
            continue
        own = [Ref(a, SELF, c) for c in n.children
               if (c.dep_ == "poss" or c.dep_ in ("compound", "nmod") and c.i < n.i)
               for a in (refs.resolve(c),) if a is not None]
        climbed, via = _attackers(ctx, n, attack_verbs)
        if not climbed and n.dep_ in ("dobj",) and n.head.lemma_.lower() in lex.activities.get("holders", ()):
            climbed, via = [r for t in np.agents(n.head) for r in np.of(t)], n.head
        for group, anchor in ((own, None), (climbed, via)):
            for agent in group:
                for place in places:
                    yield from _emit(agent, "operates_in", place, (n.i, n.i + 1), anchor or n, anchor is None,
                                     "activity-in")
                for target in targets:
                    yield from _emit(agent, "targeted", target, (n.i, n.i + 1), anchor or n, anchor is None,
                                     "activity-against")
