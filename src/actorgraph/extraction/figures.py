"""Figures: numbers about actors — people killed, wounded, captured, deployed, fighters, members,
money — with the qualifier the text puts on them, the side they count, the place and certainty.

"The Lebanese Hezbollah terror group is estimated to have lost around 1,500 fighters in Syria"
is 1,500 killed, about, counted for Hezbollah, in Syria, uncertain. The subject is the actor
whose people or money are counted — the side that suffered the casualties ("five U.S. soldiers"
-> the United States; "Over a dozen high-ranking Iranians" -> Iran), the side that has or sends
the fighters, the one who offers the reward. A counted group that is named but is not one of
the article's actors ("at least 90 Palestinians", "Iraqi Shiite militias deployed to Aleppo
numbered at least 2,000") becomes a group actor of its own, so that the figure has a subject.
Words and numbers are language data (`lang/en/figures.yaml`, `numbers.yaml`, `clauses.yaml`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..lang import lexicon as language_file, mapping, strings, words
from ..model import Actor, Article, Evidence, Figure, Span as Mention, content_id
from .arguments import Arguments, arguments
from .doctext import doc_text, span_text
from .events import lexicon as event_lexicon, parties, simultaneous
from .timex import date_of, dates_in

EXTRACTOR = "figures@1"
PLACES = ("location", "country")
EXACT = "exactly"  # the qualifier of a number the text gives without one (the model's scheme)
RANGE = "range"  # the qualifier of an unqualified range
MEMBERS = "members"  # the kind of a group's size ("a six-man council"; the model's scheme)
VICTIM_KINDS = ("killed", "wounded")  # kinds whose counted people may belong to no side (the model's scheme)
_DASHES = ("-", "–")  # punctuation that joins two numbers into a range


@dataclass(frozen=True)
class FigureLexicon:
    """The cue words of `lang/<code>/figures.yaml`, with the number words of `numbers.yaml` and the
    clause words of `clauses.yaml` that the rules read."""

    qualifiers: tuple[tuple[str, str], ...]  # (phrase, qualifier), longest phrase first
    numbers: dict[str, float]  # cardinals, articles and collectives
    multipliers: dict[str, float]
    vague: dict[str, float]
    people_nouns: frozenset[str]
    group_nouns: frozenset[str]
    kinds: dict[str, str]  # lemma -> kind
    money: dict[str, str]  # lemma -> kind of money
    range_openers: dict[str, str] = field(default_factory=dict)  # opener -> the word that closes the range
    range_joiners: frozenset[str] = frozenset()
    alternatives: frozenset[str] = frozenset()
    collectives: frozenset[str] = frozenset()  # "dozen", "score": multiply the number before them
    standalone: frozenset[str] = frozenset()  # collectives read as a number alone ("a dozen")
    ones: frozenset[str] = frozenset()  # words that count one ("a", "one")
    articles: frozenset[str] = frozenset()
    connectives: frozenset[str] = frozenset()
    genitive: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    group_adjectives: frozenset[str] = frozenset()
    strength_nouns: dict[str, str] = field(default_factory=dict)  # lemma -> kind
    total_verbs: frozenset[str] = frozenset()
    strength_verbs: frozenset[str] = frozenset()
    presence_verbs: frozenset[str] = frozenset()
    presence_preps: frozenset[str] = frozenset()
    object_only: frozenset[str] = frozenset()
    deployment_verbs: frozenset[str] = frozenset()
    owner_verbs: frozenset[str] = frozenset()
    place_preps: frozenset[str] = frozenset()
    currency_symbols: frozenset[str] = frozenset()
    currency_codes: frozenset[str] = frozenset()
    currency_nouns: frozenset[str] = frozenset()
    kin_nouns: frozenset[str] = frozenset()
    currency_qualifiers: frozenset[str] = frozenset()
    receive_verbs: frozenset[str] = frozenset()
    source_preps: frozenset[str] = frozenset()
    resultative_verbs: frozenset[str] = frozenset()
    size_words: frozenset[str] = frozenset()
    sized_nouns: frozenset[str] = frozenset()


@lru_cache(maxsize=None)
def lexicon(lang: str = "en") -> FigureLexicon:
    """Read `lang/<code>/figures.yaml` (and its numbers and clauses files) once."""
    where, nwhere, cwhere = (f"lang/{lang}/{name}.yaml" for name in ("figures", "numbers", "clauses"))
    data, numbers, clauses = (language_file(lang, name) for name in ("figures", "numbers", "clauses"))
    qualifiers = sorted(((p.lower(), q) for q, phrases in mapping(data, "qualifiers", where).items() for p in phrases),
                        key=lambda x: -len(x[0]))

    def table(source: dict, key: str, at: str) -> dict[str, float]:
        return {str(k).lower(): float(v) for k, v in mapping(source, key, at).items()}

    cardinals, articles = table(numbers, "cardinals", nwhere), table(numbers, "articles", nwhere)
    collectives = table(numbers, "collectives", nwhere)
    fs = frozenset
    return FigureLexicon(
        qualifiers=tuple(qualifiers), numbers=cardinals | articles | collectives,
        multipliers=table(numbers, "multipliers", nwhere), vague=table(numbers, "vague", nwhere),
        people_nouns=words(data, "people_nouns", where) | words(data, "kin_nouns", where),
        group_nouns=fs(strings(data, "group_nouns", where)),
        kinds={w: kind for kind, ws in mapping(data, "kinds", where).items() for w in ws},
        money={w: kind for kind, ws in mapping(data, "money", where).items() for w in ws},
        range_openers={str(k).lower(): str(v).lower() for k, v in mapping(data, "range_openers", where).items()},
        range_joiners=words(data, "range_joiners", where), alternatives=words(data, "alternatives", where),
        collectives=fs(collectives), standalone=words(numbers, "standalone_collectives", nwhere),
        ones=fs(w for w, v in (cardinals | articles).items() if v == 1), articles=fs(articles),
        connectives=words(numbers, "connectives", nwhere), genitive=words(clauses, "genitive", cwhere),
        auxiliaries=fs(strings(clauses, "auxiliary_verbs", cwhere)),
        group_adjectives=words(data, "group_adjectives", where),
        strength_nouns={str(k): str(v) for k, v in mapping(data, "strength_nouns", where).items()},
        total_verbs=fs(strings(data, "total_verbs", where)), strength_verbs=fs(strings(data, "strength_verbs", where)),
        presence_verbs=fs(strings(data, "presence_verbs", where)),
        presence_preps=words(data, "presence_prepositions", where), object_only=fs(strings(data, "object_only", where)),
        deployment_verbs=fs(strings(data, "deployment_verbs", where)), owner_verbs=fs(strings(data, "owner_verbs", where)),
        place_preps=words(data, "place_prepositions", where),
        currency_symbols=fs(strings(data, "currency_symbols", where)),
        currency_codes=words(data, "currency_codes", where), currency_nouns=words(data, "currency_nouns", where),
        kin_nouns=words(data, "kin_nouns", where), currency_qualifiers=words(data, "currency_qualifiers", where),
        receive_verbs=fs(strings(data, "receive_verbs", where)),
        source_preps=words(data, "source_prepositions", where),
        resultative_verbs=fs(strings(data, "resultative_verbs", where)),
        size_words=words(data, "size_words", where),
        sized_nouns=words(data, "sized_nouns", where) | fs(strings(data, "group_nouns", where)),
    )


@dataclass(frozen=True)
class Amount:
    """A number as the text gives it."""

    value: float
    qualifier: str
    value_max: float | None = None


def find_figures(doc: Doc, article: Article, actors: list[Actor], args: Arguments | None = None) -> list[Figure]:
    """The figures of a parsed article. Counted groups that are not yet actors are added to `actors`."""
    lex = lexicon()
    args = args or arguments(doc, actors)
    figures: list[Figure] = []
    groups: dict[str, Actor] = {}
    for sent in doc.sents:
        numbers = _numbers(sent, lex)
        if not numbers:
            continue
        dates = None
        for span in numbers:
            amount = parse_amount(span, lex)
            if amount is None:
                continue
            found = _figure(span, amount, args, lex, groups, article)
            if found is None:
                continue
            subject, kind, anchor = found
            if dates is None:
                dates = dates_in(sent, article.published)
            when = date_of(anchor, dates)
            figures.append(Figure(
                subject=subject.id if subject else None, value=amount.value, kind=kind,
                qualifier=amount.qualifier, value_max=amount.value_max,
                certainty=args.certainty(anchor, own_verb=True), place=_place(span.root, anchor, args, lex),
                date=when.value.iso if when else None, date_text=when.value.text if when else None,
                evidence=[Evidence(article=article.source, sentence=span_text(sent), start=sent.start_char,
                                   end=sent.end_char, cue_start=span.start_char, cue_end=span.end_char,
                                   extractor=f"{EXTRACTOR}:{kind}")]))
    for group in groups.values():
        if group not in actors:
            actors.append(group)
    return [f for f in figures if f.subject is not None]


# --- numbers ----------------------------------------------------------------------------------

def _numbers(sent: Span, lex: FigureLexicon) -> list[Span]:
    """The number expressions of a sentence: CARDINAL and MONEY entities, and vague counts ("dozens")."""
    out: list[Span] = []
    taken: set[int] = set()
    for ent in sent.ents:
        if ent.label_ in ("CARDINAL", "MONEY", "QUANTITY"):
            if ent.label_ != "MONEY":
                ent = _trimmed(ent, lex)  # "between 7,000 and 10,000 members" labelled with its noun
            out.append(ent)
            taken.update(range(ent.start, ent.end))
    currencies: list[Token] = []
    for t in sent:
        if _currency(t, lex):
            currencies.append(t)
        if t.i in taken:
            continue
        low = t.lower_
        if low in lex.vague or low in lex.standalone or t.like_num and t.ent_type_ == "" and t.pos_ == "NUM":
            start = t.i - 1 if low in lex.standalone and t.i > sent.start and t.doc[t.i - 1].lower_ in lex.ones else t.i
            end = _written_end(t, sent, lex) if low not in lex.vague else t.i + 1
            if low in lex.vague and end + 1 < sent.end and t.doc[end].lower_ in lex.connectives \
                    and t.doc[end + 1].lower_ in lex.currency_nouns:
                end += 1  # "millions of dollars"
            label = "MONEY" if end < sent.end and t.doc[end].lower_ in lex.currency_nouns else ""
            if label:  # "twenty-five million dollars": money the NER did not label
                end += 1
            out.append(Span(t.doc, start, end, label=label))
            taken.update(range(start, end))
    for span in _money_spans(sent, lex, currencies):  # "USD 5 million", "€3m": money the NER did not label
        if not any(i in taken for i in range(span.start, span.end)) or not any(
                o.label_ == "MONEY" for o in out if o.start < span.end and span.start < o.end):
            out = [o for o in out if not (o.start < span.end and span.start < o.end)]
            out.append(span)
            taken.update(range(span.start, span.end))
    out.sort(key=lambda s: s.start)
    merged: list[Span] = []
    for span in out:  # "14,000 to 15,000" read as two numbers: one range
        prev = merged[-1] if merged else None
        if prev is not None and span.start == prev.end + 1 and _joins_range(prev, span.doc[prev.end], lex):
            merged[-1] = span.doc[prev.start:span.end]
        else:
            merged.append(span)
    return merged


def _number_word(t: Token, lex: FigureLexicon) -> bool:
    low = t.lower_
    return t.like_num or low in lex.numbers or low.rstrip(".") in lex.multipliers or low in lex.vague


def _trimmed(ent: Span, lex: FigureLexicon) -> Span:
    """A number entity without the counted noun the NER took in at its end."""
    end = ent.end
    while end > ent.start + 1 and not _number_word(ent.doc[end - 1], lex):
        end -= 1
    if end == ent.end or not _number_word(ent.doc[end - 1], lex):
        return ent
    return Span(ent.doc, ent.start, end, label=ent.label_)


def _written_end(t: Token, sent: Span, lex: FigureLexicon) -> int:
    """Where a number the NER left unlabelled ends: its written words run on ("twenty-five million")."""
    doc, i = t.doc, t.i + 1
    while i < sent.end:
        w = doc[i]
        if w.text in _DASHES and i + 1 < sent.end and doc[i + 1].lower_ in lex.numbers and t.lower_ in lex.numbers:
            i += 2  # "twenty-five" (a dash between digits is a range, read elsewhere)
        elif w.lower_ in lex.numbers and w.lower_ not in lex.articles or w.lower_.rstrip(".") in lex.multipliers \
                and w.pos_ == "NUM":
            i += 1
        else:
            break
    return i


def _currency(t: Token, lex: FigureLexicon) -> bool:
    return t.text in lex.currency_symbols or t.lower_ in lex.currency_codes


def _money_spans(sent: Span, lex: FigureLexicon, currencies: list[Token]) -> list[Span]:
    """Amounts after a currency symbol or code, with their multiplier and currency noun: "USD 5
    million", "€3m", "$200 million dollars"."""
    out = []
    doc = sent.doc
    for t in currencies:
        if t.i + 1 >= sent.end:
            continue
        i = t.i + 1
        if not (doc[i].like_num or doc[i].lower_ in lex.numbers):
            continue
        while i < sent.end and (doc[i].like_num or doc[i].lower_ in lex.numbers
                                or doc[i].lower_.rstrip(".") in lex.multipliers):
            i += 1
        if i < sent.end and doc[i].lower_ in lex.currency_nouns:
            i += 1
        out.append(Span(doc, t.i, i, label="MONEY"))
    return out


def _is_money(span: Span, lex: FigureLexicon) -> bool:
    return span.label_ == "MONEY" or any(_currency(t, lex) for t in span)


def _joins_range(first: Span, word: Token, lex: FigureLexicon) -> bool:
    """Whether `word` between two numbers makes them a range: "to", a dash, or "and" after "between"."""
    if word.lower_ in lex.range_joiners or word.lower_ in _DASHES:
        return True
    opener = first.doc[first.start - 1].lower_ if first.start > 0 else None
    return opener in lex.range_openers and word.lower_ == lex.range_openers[opener]


def parse_amount(span: Span, lex: FigureLexicon) -> Amount | None:
    """The value, qualifier and upper bound of a number expression ("around 1,500", "14,000 to 15,000")."""
    doc = span.doc
    words = [t.lower_ for t in span]
    before = " ".join(t.lower_ for t in doc[max(span.sent.start, span.start - 3):span.start])
    text = " ".join(words)
    qualifier = EXACT
    for phrase, q in lex.qualifiers:
        if text.startswith(phrase + " ") or before.endswith(" " + phrase) or before == phrase:
            qualifier = q
            if text.startswith(phrase + " "):
                text = text[len(phrase) + 1:]
            break
    text = " ".join(w for w in text.replace("us$", "").split() if w not in lex.currency_codes
                    and w not in lex.currency_nouns and w not in lex.currency_qualifiers)
    for symbol in lex.currency_symbols:
        text = text.replace(symbol, "")
    text = text.strip().rstrip(".")  # "€3m." ends the sentence
    parts = text.split()
    if len(parts) > 1 and parts[-1] in lex.connectives:
        text = " ".join(parts[:-1])  # "millions of (dollars)"
    text = _written_and(lex).sub(r"\1 ", text)  # "one hundred and twenty"
    closers = {*lex.range_openers.values(), *lex.range_joiners}
    for opener in lex.range_openers:  # "between 14,000 and 15,000", "from 10 to 20"
        if text.startswith(opener + " ") and re.search(rf"\s(?:{_alt(closers)})\s", text):
            text = text[len(opener) + 1:]
            break
    if re.fullmatch(r"(1[89]|20)\d\d", text) or not text:
        return None  # a year
    for phrase in sorted(lex.vague, key=len, reverse=True):
        if text == phrase or text.endswith(" " + phrase) and not re.search(r"\d", text):
            return Amount(lex.vague[phrase], phrase.replace(" ", "_") if qualifier == EXACT else qualifier)
    tens = "|".join(w for w, v in lex.numbers.items() if 20 <= v <= 90 and v % 10 == 0)
    text = re.sub(rf"\b({tens})\s*-\s*(?=[a-z])", r"\1 ", text)  # "twenty-five" is one number
    parts = re.split(rf"\s+(?:{_alt(closers | lex.alternatives | set(_DASHES))})\s+|(?<=\d)[-–](?=\d)", text)
    values = [v for v in (_value(p, lex) for p in parts) if v is not None]
    if not values:
        return None
    if len(values) > 1 and values[1] > values[0]:
        return Amount(values[0], qualifier if qualifier != EXACT else RANGE, values[1])
    return Amount(values[0], qualifier)


_WRITTEN_AND: dict[int, tuple[FigureLexicon, re.Pattern]] = {}


def _written_and(lex: FigureLexicon) -> re.Pattern:
    """The connective inside a written number ("hundred and twenty"), not between two numbers."""
    held = _WRITTEN_AND.get(id(lex))
    if held is not None and held[0] is lex:
        return held[1]
    mults = "|".join(w for w, v in lex.multipliers.items() if v >= 100 and w.isalpha() and len(w) > 2)
    smalls = "|".join(w for w, v in lex.numbers.items() if v < 100 and w not in lex.articles)
    joins = "|".join(re.escape(w) for w in lex.connectives)
    pattern = re.compile(rf"\b({mults})\s+(?:{joins})\s+(?=(?:{smalls})\b)")
    _WRITTEN_AND[id(lex)] = (lex, pattern)
    return pattern


def _alt(phrases) -> str:
    """A regular-expression alternation of literal phrases, the longest first."""
    return "|".join(re.escape(p) for p in sorted(phrases, key=lambda p: (-len(p), p)))


def _value(text: str, lex: FigureLexicon) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for word in re.findall(r"[\d.,]+|[a-z]+", text.replace("-", " ")):
        if re.fullmatch(r"[\d.,]+", word):
            try:
                current += float(word.replace(",", ""))
            except ValueError:
                return None
            seen = True
        elif word in lex.articles:
            current, seen = 1.0, True  # "a dozen", "a hundred"
        elif word in lex.collectives and seen:
            current *= lex.numbers[word]
        elif word in lex.numbers:
            current += lex.numbers[word]
            seen = True
        elif word in lex.multipliers and seen:
            current = (current or 1.0) * lex.multipliers[word]
            if lex.multipliers[word] >= 1000:
                total, current = total + current, 0.0
        elif word in lex.connectives:
            continue
        else:
            return None
    return total + current if seen else None


# --- what is counted, for whom ------------------------------------------------------------------

def _figure(span: Span, amount: Amount, args: Arguments, lex: FigureLexicon, groups: dict[str, Actor],
            article: Article) -> tuple[Actor | None, str, Token] | None:
    root = _root(span)
    if _is_money(span, lex):
        return _money(span, args, lex)
    found = _left_harmed(root, args, lex) or _sized(root, args, lex)
    if found is not None:
        return found
    noun = _counted(span, lex)
    if noun is None or amount.value < 1 or amount.value < 2 and not (root.dep_ == "nummod" and root.head.i == noun.i):
        return None  # "one of ...", "the one America dealt": not a count; "one soldier" is
    anchor, kind = _kind(noun, root, lex)
    if root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in lex.kinds and root.head.i != noun.head.i:
        anchor, kind = root.head, lex.kinds[root.head.lemma_.lower()]  # "... and wounded three"
    if kind is None:
        return None
    lemma = noun.lemma_.lower()
    if lemma not in lex.people_nouns | lex.group_nouns and lex.kinds.get(lemma) != "captured" \
            and noun.tag_ != "NNPS" and not _named_group(noun, args) and args.demonym(noun) is None:
        return None  # "100,000 rockets", "40 villages": things, not people
    subject = _side(noun, anchor, kind, args, lex, groups, article)
    return subject, kind, anchor


def _left_harmed(number: Token, args: Arguments, lex: FigureLexicon) -> tuple[Actor | None, str, Token] | None:
    """A number of a state that a resultative verb leaves ("the attack on X left 85 dead and 229
    wounded"): counted for the attack's target, else for whom the attack is by, else its place."""
    state = number.head
    after = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else number
    if number.dep_ in ("conj", "dobj") and after.dep_ in ("conj", "oprd", "acomp") and after.head.i == number.head.i:
        state = after  # "left 85 dead and 229 wounded": the parser hangs both the count and its state on "left"
    elif number.dep_ not in ("nummod", "nsubj", "npadvmod"):
        return None
    if state.lemma_.lower() not in lex.kinds or lex.kinds[state.lemma_.lower()] not in VICTIM_KINDS:
        return None
    verb = state.head
    if state.dep_ not in ("oprd", "acomp", "xcomp", "dobj", "ccomp", "conj") or verb.lemma_.lower() not in lex.resultative_verbs:
        return None
    kind = lex.kinds[state.lemma_.lower()]
    subjects = args.subjects(verb)
    ev = event_lexicon()
    if verb.dep_ == "relcl" and (not subjects or all(args.referent(s) is None for s in subjects)):
        # "the attack against X, the center in Y, that left 85 dead": the relative's event noun, which
        # the parser may hang far off; the nearest one before
        subjects = [verb.head] if verb.head.lemma_.lower() in ev.nouns else \
            [t for t in reversed(verb.doc[verb.sent.start:verb.i]) if t.lemma_.lower() in ev.nouns][:1]
    for s in subjects:
        actor = args.referent(s)
        if actor is not None and actor.type in PLACES:
            return actor, kind, verb
        if s.lemma_.lower() not in ev.nouns:
            continue
        # the event's parties: its target that is no place, else its agent ("the bombing of X's
        # headquarters", "X's raid on a village"), else the place it struck
        places: list[Actor] = []
        for cls in ("target", "agent"):
            for c in s.children:
                if c.dep_ == "prep" and c.lower_ in ev.roles[cls]:
                    actors = [a for p in c.children if p.dep_ == "pobj" for a in args.refers_to(p)]
                    places += [a for a in actors if a.type in PLACES]
                    actors = [a for a in actors if a.type not in PLACES]
                    if actors:
                        return actors[0], kind, verb
        roles, _ = parties(s, args, ev)
        by_id = {a.id: a for a in args.actors}
        for wanted in ("target", "agent"):
            found = [by_id[aid] for aid, r in roles.items() if r == wanted and aid in by_id
                     and by_id[aid].type not in PLACES]
            if found:
                return found[0], kind, verb
        if places:
            return places[0], kind, verb
        place = _place(s, s, args, lex)
        if place is not None:
            return next(a for a in args.actors if a.id == place), kind, verb
    return None


def _sized(number: Token, args: Arguments, lex: FigureLexicon) -> tuple[Actor | None, str, Token] | None:
    """A group's size in a compound adjective: "a six-man council", "a 3,000-strong force". Counted for
    the group's own actor, for whom it runs ("X is run by a six-man council"), or for who has or
    sends it ("the Houthis deployed a 3,000-strong force")."""
    size = number.head
    doc = number.doc
    if size.lower_ not in lex.size_words or size.i != number.i + 2 or doc[number.i + 1].text not in _DASHES:
        return None
    group = size.head
    if size.dep_ not in ("compound", "amod", "nmod") or group.lemma_.lower() not in lex.sized_nouns:
        return None
    actor = args.referent(group) or args.carrier(group)
    if actor is not None and actor.type in ("organization", "country"):
        return actor, MEMBERS, group
    verb = group.head.head if group.dep_ == "pobj" and group.head.dep_ == "agent" else group.head
    if group.dep_ == "pobj" and group.head.dep_ == "agent" or group.dep_ in ("dobj", "attr"):
        kind = lex.kinds.get(verb.lemma_.lower(), MEMBERS) if group.dep_ == "dobj" else MEMBERS
        for s in args.subjects(verb):
            actor = args.referent(s)
            if actor is not None and actor.type in ("organization", "country"):
                return actor, kind if kind in ("deployed", "fighters") else MEMBERS, verb
    return None


def _counted(span: Span, lex: FigureLexicon) -> Token | None:
    """The noun a number counts: "1,500 fighters", "hundreds of those fighters", "Over a dozen
    high-ranking Iranians", "numbered at least 2,000" (the subject), "wounded three" (the parallel object)."""
    root = _root(span)
    doc = span.doc
    if root.dep_ in ("nummod", "quantmod", "compound") and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ in lex.genitive:
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if objs:
                return objs[0]
    nxt = span.end  # "Over a dozen high-ranking Iranians": the noun right after the number
    while nxt < min(len(doc), span.end + 4) and ((doc[nxt].pos_ in ("ADJ", "ADV", "VERB") or doc[nxt].text == "-")
                                                 and doc[nxt].dep_ in ("amod", "advmod", "punct", "compound")
                                                 or doc[nxt].dep_ == "compound" and doc[nxt].head.i > nxt):
        # skip modifiers and names before the noun: "Over a dozen high-ranking Iranians", "a dozen IRGC officers"
        nxt += 1
    if nxt < len(doc) and doc[nxt].pos_ in ("NOUN", "PROPN") and doc[nxt].i > root.i and root.head.i != doc[nxt].i \
            and doc[nxt].dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        if doc[nxt].lemma_.lower() in lex.people_nouns or doc[nxt].tag_ in ("NNS", "NNPS"):
            return doc[nxt]
    if root.dep_ in ("dobj", "attr") and root.head.lemma_ in lex.total_verbs:
        subjects = [c for c in root.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        verb = root.head
        while not subjects and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head  # "militias deployed to Aleppo numbered ..." parsed as a clause of "deployed"
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return subjects[0] if subjects else None
    if root.dep_ == "dobj" and root.head.dep_ == "conj":  # "killed five U.S. soldiers and wounded three"
        objs = [c for c in root.head.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        return objs[0] if objs else None
    return None


def _root(span: Span) -> Token:
    """The number word of a number expression: its root, or, when the root is a range's opener ("between
    2,000 and 3,000 people"), its first number that attaches outside it."""
    root = span.root
    if root.like_num or root.pos_ == "NUM":
        return root
    for t in span:
        if (t.like_num or t.pos_ == "NUM") and not (span.start <= t.head.i < span.end):
            return t
    return root


def _kind(noun: Token, number: Token, lex: FigureLexicon) -> tuple[Token, str | None]:
    """What the count is of, from the words that govern the counted noun; the anchor is that word."""
    lemma = noun.lemma_.lower()
    if lemma in lex.kinds and lex.kinds[lemma] in ("captured",):
        return noun, lex.kinds[lemma]  # "200 prisoners"
    node = noun
    for _ in range(4):
        head = node.head
        word = head.lemma_.lower()
        if head.i == node.i:
            break
        if node.dep_ == "pobj" and word in lex.genitive and head.head.lemma_.lower() in lex.kinds:
            return head.head, lex.kinds[head.head.lemma_.lower()]  # "the deaths of five soldiers"
        if head.pos_ in ("VERB", "AUX") and word not in lex.kinds and node.dep_ in ("nsubj", "nsubjpass"):
            raised = [c for c in head.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in lex.kinds]
            if raised:  # "1,200 fighters are estimated to have been killed"
                return raised[0], lex.kinds[raised[0].lemma_.lower()]
        if head.pos_ == "VERB" and word in lex.resultative_verbs and node.dep_ == "dobj":
            states = [c for c in head.children if c.dep_ in ("oprd", "acomp", "xcomp") and c.lemma_.lower() in lex.kinds]
            if states:  # "left 5,000 civilians dead"
                return head, lex.kinds[states[0].lemma_.lower()]
        if head.pos_ in ("VERB", "AUX") and word in lex.kinds:
            kind = lex.kinds[word]
            if word in lex.presence_verbs and not any(c.dep_ == "prep" and c.lower_ in lex.presence_preps
                                                      for c in head.children):
                kind = None
            if word in lex.strength_verbs and lemma in lex.group_nouns:
                kind = "deployed" if _deployed(noun, lex) else "fighters"
            if word in lex.object_only and node.dep_ != "dobj":
                kind = None
            if kind == "fighters" and lemma in lex.strength_nouns:
                kind = lex.strength_nouns[lemma]  # "has some 5,000 members"
            if kind:
                return head, kind
        if node.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") or head.pos_ in ("VERB", "AUX") and node.dep_ != "conj":
            if head.pos_ in ("VERB", "AUX") and word not in lex.kinds:
                break
        node = head
    for c in noun.children:  # "1,500 fighters killed", "the five members indicted by"
        if c.dep_ in ("acl", "amod") and c.lemma_.lower() in lex.kinds and c.lemma_.lower() not in lex.auxiliaries:
            return c, lex.kinds[c.lemma_.lower()]
    if lemma in lex.group_nouns and _deployed(noun, lex):
        return noun.head if noun.head.pos_ == "VERB" else noun, "deployed"
    if lemma in lex.strength_nouns:
        verb = noun.head if noun.head.pos_ in ("VERB", "AUX") else noun
        return verb, lex.strength_nouns[lemma]
    return noun, None


def _deployed(noun: Token, lex: FigureLexicon) -> bool:
    return any(c.dep_ in ("acl", "relcl") and c.lemma_ in lex.deployment_verbs for c in noun.children) \
        or noun.head.lemma_ in lex.deployment_verbs and noun.head.pos_ == "VERB"


def _side(noun: Token, anchor: Token, kind: str, args: Arguments, lex: FigureLexicon,
          groups: dict[str, Actor], article: Article) -> Actor | None:
    """The actor whose people a count counts: the noun's own group, else the one who lost or has them."""
    actor = args.at(noun)
    if actor is not None and actor.type in ("organization", "country"):
        return actor
    specific = _named_unit(noun, args, lex)
    if specific is not None:  # "five Iraqi Kataib Sayyid al-Shuhada fighters", "soldiers of the Golden Division"
        return specific
    if noun.lemma_.lower() in lex.group_nouns or noun.tag_ in ("NNS", "NNPS") and _named_group(noun, args):
        group = _group(noun, args, groups, article, lex)
        if group is not None:
            return group
    for c in noun.children:  # "five members of Iraqi paramilitary groups"
        if c.dep_ == "prep" and c.lower_ in lex.genitive:
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in lex.group_nouns and args.at(p) is None:
                    group = _group(p, args, groups, article, lex)
                    if group is not None:
                        return group
    actor = args.carrier(noun) if noun.lemma_.lower() in lex.people_nouns or noun.tag_ == "NNPS" else None
    if actor is None and noun.tag_ in ("NNS", "NNPS"):
        actor = args.demonym(noun)
    if actor is not None:
        return actor
    for c in noun.children:  # "30 of his relatives", "Haddad's relatives": the possessor's losses
        if c.dep_ == "poss" and noun.lemma_.lower() in lex.kin_nouns:
            actor = args.referent(c)
            if actor is not None:
                return actor
    if anchor.pos_ in ("VERB", "AUX") and anchor.lemma_.lower() in lex.owner_verbs:
        for s in args.subjects(anchor):  # "Hezbollah ... lost around 1,500 fighters"
            actor = args.referent(s)
            if actor is None and s.lemma_.lower() in lex.group_nouns:
                actor = _group(s, args, groups, article, lex)
            if actor is not None:
                return actor
    if kind in VICTIM_KINDS and noun.lemma_.lower() in lex.people_nouns and anchor.pos_ == "VERB":
        # people of no named side ("2,000 people were killed by X"): counted for who harmed them,
        # as the evaluation contract attaches unnamed victims; else for the place they were in
        for a in args.agents(anchor):
            actor = args.referent(a)
            if actor is not None and actor.type in ("organization", "country", "person"):
                return actor
        actor = _circumstance(anchor, args)
        if actor is not None:
            return actor
        for head in (noun, anchor):
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in lex.place_preps:
                    for a in (a for p in c.children if p.dep_ == "pobj" for a in args.refers_to(p)):
                        if a.type in PLACES:
                            return a
    return None


def _circumstance(anchor: Token, args: Arguments) -> Actor | None:
    """Who unnamed victims belong to when a time clause tells the attack that harmed them ("1,200 people
    were killed when X attacked Y"): the attack's target, else its agent, as `_left_harmed` counts them."""
    ev = event_lexicon()
    means = {m for t in ev.types.values() for m in t.means}
    for c in anchor.children:
        if c.dep_ != "advcl" or not simultaneous(c, ev) or c.pos_ != "VERB":
            continue
        if not any(kind in means for kind, _ in ev.verbs.get(c.lemma_.lower(), ())):
            continue
        targets = [a for o in c.children if o.dep_ == "dobj" for a in args.refers_to(o)]
        agents = [a for s in args.agents(c) for a in args.refers_to(s)]
        for actor in (*targets, *agents):
            return actor
    return None


def _named_unit(noun: Token, args: Arguments, lex: FigureLexicon) -> Actor | None:
    """An organization named with the counted noun, more specific than a demonym beside it: a name
    before the noun ("Kataib Sayyid al-Shuhada fighters") or in its "of" phrase ("soldiers of the
    Golden Division")."""
    for c in noun.children:
        if c.dep_ in ("compound", "nmod", "amod") and c.i < noun.i:
            actor = args.at(c)
            if actor is not None and actor.type == "organization":
                return actor
        if c.dep_ == "prep" and c.lower_ in lex.genitive:
            for p in c.children:
                actor = args.at(p) if p.dep_ == "pobj" else None
                if actor is not None and actor.type == "organization":
                    return actor
    return None


def _named_group(noun: Token, args: Arguments) -> bool:
    """A plural noun named by a demonym or name ("Palestinians", "Iraqi Shiite militias") that is not an actor."""
    if args.at(noun) is not None:
        return False
    if noun.ent_type_ == "NORP" and noun.tag_ in ("NNPS", "NNS") and args.demonym(noun) is None:
        return True
    return any(c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" and c.i < noun.i for c in noun.children)


def _group(noun: Token, args: Arguments, groups: dict[str, Actor], article: Article,
           lex: FigureLexicon) -> Actor | None:
    """The group a phrase names ("Iraqi paramilitary groups"), as an actor: the article's, or a new one."""
    words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ in ("amod", "compound", "nmod") or t.i == noun.i]
    words = [t for t in words if t.pos_ in ("ADJ", "PROPN", "NOUN") and (t.i == noun.i or t.ent_type_ == "NORP"
                                                                         or t.pos_ in ("ADJ", "NOUN"))]
    if not words or not any(t.ent_type_ == "NORP" for t in words):
        return None
    adjectives = lex.group_adjectives
    if any(t.pos_ == "ADJ" and t.ent_type_ != "NORP" and t.lower_ not in adjectives for t in words):
        words = [t for t in words if t.ent_type_ == "NORP" or t.i == noun.i or t.lower_ in adjectives]
    name = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    existing = args.named(name)
    if existing is not None:
        return existing
    if len(words) == 1 and args.demonym(noun) is not None:
        return args.demonym(noun)
    key = name.lower()
    if key not in groups:
        doc = noun.doc
        start, end = min(t.idx for t in words), max(t.idx + len(t.text) for t in words)
        groups[key] = Actor(id=content_id(article.source, name, prefix="e", length=10), name=name,
                            type="organization", source="figure")
        groups[key].mentions.append(Mention(start, end, doc_text(doc)[start:end]))
    return groups[key]


def _money(span: Span, args: Arguments, lex: FigureLexicon) -> tuple[Actor | None, str, Token] | None:
    """A sum of money: a reward, a funding, or money; counted for the one who gives or has it."""
    node = span.root
    kind, anchor = "money", node
    for _ in range(4):
        head = node.head
        word = head.lemma_.lower()
        if word in lex.money:
            kind, anchor = lex.money[word], head
            break
        if head.i == node.i:
            break
        node = head
    verb = anchor
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.lemma_.lower() in lex.receive_verbs:  # "receives $700 million from Iran": Iran gives it
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in lex.source_preps:
                for p in c.children:
                    actor = args.referent(p) if p.dep_ == "pobj" else None
                    if actor is not None and actor.type in ("organization", "country", "person"):
                        return actor, "funding", verb
    for s in args.subjects(verb) if verb.pos_ in ("VERB", "AUX") else ():
        actor = args.referent(s)
        if actor is not None and actor.type in ("organization", "country", "person"):
            return actor, kind, anchor
    return None


def _place(number: Token, anchor: Token, args: Arguments, lex: FigureLexicon) -> str | None:
    """Where the counted people were: an "in/inside/across" place of the counted noun or its verb."""
    for head in (number.head, anchor):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in lex.place_preps:
                for p in c.children:
                    if p.dep_ == "pobj":
                        for a in args.refers_to(p):
                            if a.type in PLACES:
                                return a.id
    return None
