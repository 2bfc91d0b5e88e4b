"""Quotes: direct quotations with the actor who said them, when, to whom, and how sure the text is.

A quotation is a stretch between quotation marks (curly or straight; one quote may run over
several sentences or paragraphs, and the last one of a cut excerpt may lack its closing mark) or, in press releases that lost their marks, a sentence that
ends ", said <speaker>.". Its speaker is the subject of the speech verb next to it ("X said",
"said X", "X, a spokesman for Y, told Reuters", "He boasted in 2015: ..."); a quote with no
speech verb of its own continues the previous quote of its paragraph. Verbless fragments of a
few words ("new phase", "severe consequences") are scare quotes, not quotations, and a quote
whose speaker cannot be named is left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..errors import ConfigError
from ..lang import DEFAULT, lexicon as language_file, where as file_name, words
from ..model import Actor, Article, Evidence, Quote
from .arguments import Arguments, arguments
from .doctext import doc_text, span_text
from .timex import date_of, dates_in

EXTRACTOR = "quotes@1"
SPEAKERS = ("person", "organization", "country")
_PAIRS = re.compile(r"“([^“”]*?)(?:”|(?=\n\s*\n\s*“)|(?=\s*\Z))|(?<![\w\"])\"([^\"\n]+)\"", re.S)


@dataclass(frozen=True)
class QuoteLexicon:
    speech_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    media_nouns: frozenset[str]
    min_verbless_words: int
    addressee_verbs: frozenset[str]  # "told Reuters": the object is the medium
    medium_preps: frozenset[str]  # "in a statement", "at a press conference"
    medium_inner_preps: frozenset[str]  # "in an interview with CNN"
    attribution_phrases: tuple[str, ...]  # "according to": the quote takes its verb's certainty
    release_verbs: frozenset[str] = frozenset()  # "<statement>, said X." without quotation marks
    voices: frozenset[str] = frozenset()  # "a spokesman for X", "X's Telegram channel": X speaks
    voice_preps: frozenset[str] = frozenset()  # "spokesman for", "statement from"
    outlet_links: frozenset[str] = frozenset()  # "an account affiliated with X"


@lru_cache(maxsize=None)
def lexicon(lang: str = DEFAULT, root: str | None = None) -> QuoteLexicon:
    """Read `lang/<lang>/speech.yaml` (and the quote cues of `certainty.yaml`) once; `root` as for
    `actorgraph.lang.lexicon`."""
    data, where = language_file(lang, "speech", root), file_name(lang, "speech", root)
    certainty = language_file(lang, "certainty", root)
    if not isinstance(data.get("min_verbless_words"), int):
        raise ConfigError(f"{where}: key 'min_verbless_words' must be a whole number")
    release = words(data, "release_verbs", where)
    if not release <= words(data, "speech_verbs", where):
        raise ConfigError(f"{where}: key 'release_verbs' must list speech verbs only, not "
                          f"{', '.join(sorted(release - words(data, 'speech_verbs', where)))}")
    return QuoteLexicon(words(data, "speech_verbs", where), words(data, "statement_nouns", where),
                        words(data, "media_nouns", where), data["min_verbless_words"],
                        words(data, "addressee_verbs", where), words(data, "medium_preps", where),
                        words(data, "medium_inner_preps", where),
                        tuple(sorted(words(certainty, "quote_attribution_phrases", file_name(lang, "certainty", root)))),
                        release, words(data, "representatives", where) | words(data, "outlets", where)
                        | words(data, "statement_nouns", where),
                        words(data, "representative_preps", where), words(data, "outlet_links", where))


@dataclass
class _Marked:
    """A quoted stretch of the text: character offsets of its words, without the marks."""

    start: int
    end: int
    speaker: Actor | None = None
    verb: Token | None = None


def find_quotes(doc: Doc, article: Article, actors: list[Actor], args: Arguments | None = None) -> list[Quote]:
    """The direct quotations of a parsed article whose speaker is one of its actors."""
    args = args or arguments(doc, actors)
    lex = lexicon()
    text = doc_text(doc)
    marked = [_Marked(m.start(1) if m.group(1) is not None else m.start(2),
                      m.end(1) if m.group(1) is not None else m.end(2)) for m in _PAIRS.finditer(text)]
    marked = [m for m in marked if text[m.start:m.end].strip()]
    inside = _inside(doc, marked)
    quotes: list[Quote] = []
    previous: _Marked | None = None
    for m in marked:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if not span or not _is_quotation(span, lex):
            continue
        m.verb = _speech_verb(doc, m, inside, lex)
        if m.verb is not None:
            m.speaker = _speaker(m.verb, args, inside)
            if m.speaker is None and previous is not None and _described_speaker(m.verb, args, inside) \
                    and previous.speaker is not None and previous.speaker.type == "person" \
                    and _same_stretch(text, previous, m, paragraphs=2):
                m.speaker = previous.speaker  # "“...,” the militia commander added": the last speaker
        elif _colon_intro(doc, m):
            m.speaker = _colon_speaker(doc, m, args)
        if m.speaker is None and m.verb is None:
            m.speaker = _signature(doc, m, args)
        if m.speaker is None and m.verb is None:
            m.speaker = _according_to(doc, m, args, inside, lex)
        if m.speaker is None and m.verb is None and previous is not None and previous.speaker is not None \
                and _same_stretch(text, previous, m):
            m.speaker, m.verb = previous.speaker, previous.verb
        if m.speaker is None and m.verb is None and (previous is None or previous.end < m.start):
            m.verb = _reported_before(doc, m, inside, lex)
            m.speaker = _speaker(m.verb, args, inside) if m.verb is not None else None
        if m.speaker is not None:
            quotes.append(_quote(doc, m, article, args))
            previous = m
    quotes += _unmarked(doc, article, args, lex, inside)
    return quotes


def _inside(doc: Doc, marked: list[_Marked]) -> set[int]:
    """Token indices that lie inside quotation marks."""
    out: set[int] = set()
    for m in marked:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _is_quotation(span: Span, lex: QuoteLexicon) -> bool:
    """A quotation has a clause verb, or is long enough to be more than a scare-quoted phrase."""
    words = [t for t in span if not t.is_punct]
    clause_verb = any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound", "nmod")
                      for t in words)
    n = len(span_text(span).split())
    return bool(words) and (clause_verb and n >= 2 or n >= lex.min_verbless_words)


def _frame(doc: Doc, m: _Marked) -> list[Span]:
    """The sentences a quote touches: where its speech verb and speaker are looked for."""
    first = doc.char_span(m.start, m.start + 1, alignment_mode="expand")
    last = doc.char_span(max(m.start, m.end - 1), m.end, alignment_mode="expand")
    if not first or not last:  # None, or empty where the stretch is only whitespace
        return []
    sents = []
    sent = first[0].sent
    while True:
        sents.append(sent)
        if sent.end >= last[-1].i + 1 or sent.end >= len(doc):
            break
        sent = doc[sent.end].sent
    end = last[-1].i + 1
    if end < len(doc) and doc[end].is_punct and doc[end].sent.start != sents[-1].start:
        sents.append(doc[end].sent)  # the attribution sentence right after the closing mark
    return sents


def _speech_verb(doc: Doc, m: _Marked, inside: set[int], lex: QuoteLexicon) -> Token | None:
    """The speech verb outside the quotation marks nearest to the quote and tied to it: the quote is
    its object or clause, or nothing but a few words stand between them."""
    quote = doc.char_span(m.start, m.end, alignment_mode="expand")
    best, distance = None, None
    for sent in _frame(doc, m):
        for t in sent:
            if t.i in inside or t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in lex.speech_verbs:
                continue
            d = m.start - t.idx if t.idx < m.start else t.idx - m.end
            gap = doc_text(doc)[t.idx + len(t.text):m.start] if t.idx < m.start else doc_text(doc)[m.end:t.idx]
            if _paragraph_break(doc_text(doc), min(t.idx, m.start), max(t.idx, m.end)):
                continue
            governs = any(t.i == a.i for q in quote for a in q.ancestors) or any(q.i == a.i for a in t.ancestors for q in quote)
            if not governs and (d > _NEAR or re.search(r"[.!?]\s", gap)):
                continue
            if distance is None or d < distance:
                best, distance = t, d
    return best


_NEAR = 80  # characters between a quote and a speech verb that does not govern it


def _paragraph_break(text: str, a: int, b: int) -> bool:
    return "\n\n" in text[a:b] or "\n" in text[a:b].strip("\n ")


def _speaker(verb: Token, args: Arguments, inside: set[int]) -> Actor | None:
    """Who a speech verb attributes the words to: its subject (not a passive's), else the name just before it."""
    passive = args.passive(verb, reduced=False)
    subjects = args.passive_agents(verb) if passive else [s for s in args.subjects(verb) if s.i not in inside]
    # "Reporting from Beirut, X said": a participle clause the parser took for the subject names no one
    subjects = [s for s in subjects if s.pos_ != "VERB"]
    for s in subjects:
        actor = _speaker_of(s, args)
        if actor is None and s.lemma_.lower() in lexicon().statement_nouns and s.head.pos_ == "VERB":
            # "X issued a statement calling Soleimani “...”": the statement's issuer speaks
            actor = next((a for h in args.subjects(s.head) for a in (_speaker_of(h, args),) if a), None)
        if actor is not None:
            return actor
    if passive or subjects:
        return None
    actor = _inverted_speaker(verb, args, inside)
    if actor is not None:
        return actor
    # "... to kill” Americans, Mark Milley, the chairman of the Joint Chiefs, said": a misparse
    # leaves "said" without a subject; the name right before it speaks.
    for i in range(verb.i - 1, max(verb.sent.start, verb.i - 25) - 1, -1):
        if i in inside:
            break
        actor = args.at(verb.doc[i])
        if actor is not None and actor.type == "person":
            return actor
    return None


def _inverted_speaker(verb: Token, args: Arguments, inside: set[int]) -> Actor | None:
    """The person named after a subjectless speech verb, past the title that runs into the name:
    "said Under Secretary for Terrorism and Financial Intelligence Brian Nelson"."""
    for t in verb.doc[verb.i + 1:min(verb.sent.end, verb.i + 1 + _TITLE_WORDS)]:
        if t.i in inside or t.pos_ not in _TITLE_TAGS or t.dep_ == "mark" or t.is_punct and t.i > verb.i + 1:
            return None  # the title ends at a clause, a comma or a quotation
        actor = args.at(t)
        if actor is not None and actor.type == "person":
            return actor
    return None


_TITLE_TAGS = ("PROPN", "NOUN", "ADJ", "ADP", "CCONJ", "DET", "PUNCT")  # the parts of speech of a title and name
_TITLE_WORDS = 16  # words a title before a name may run to ("Under Secretary for ... Intelligence")


def _described_speaker(verb: Token, args: Arguments, inside: set[int]) -> bool:
    """Whether a speech verb's subject is a definite office noun that names nobody ("the militia
    commander added"): a description of a speaker already quoted."""
    for s in args.subjects(verb):
        if s.i in inside or s.lemma_.lower() not in args.lex["office_nouns"] or s.tag_ in ("NNS", "NNPS"):
            continue
        if any(args.at(t) is not None for t in s.subtree):
            continue
        if any(c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in s.children):
            return True
    return False


def _signature(doc: Doc, m: _Marked, args: Arguments) -> Actor | None:
    """A quotation signed after a dash on its own line: "“...” — Maria Lopez, Senior Fellow"."""
    text = doc_text(doc)
    after = re.match(r"[”\"]?[ \t]*(?:—|–|--?)[ \t]*", text[m.end:m.end + 8])
    if after is None:
        return None
    start = m.end + after.end()
    end = text.find("\n", start)
    line = doc.char_span(start, len(text) if end < 0 else end, alignment_mode="expand")
    found = [a for t in line or () for a in (args.at(t),) if a is not None and a.type in SPEAKERS]
    return next((a for a in found if a.type == "person"), found[0] if found else None)


def _reported_before(doc: Doc, m: _Marked, inside: set[int], lex: QuoteLexicon) -> Token | None:
    """The speech verb of the sentence just before a quotation that opens its own sentence and has no
    attribution: "X said that the minister had softened his tone.¶“The minister used ...”" is X's."""
    first = doc.char_span(m.start, m.start + 1, alignment_mode="expand")
    if not first:
        return None
    sent = first[0].sent
    if any(not (t.is_punct or t.is_space) for t in doc[sent.start:first[0].i]):
        return None  # the quotation is inside a sentence of its own
    i = sent.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0:
        return None
    before = doc[i].sent
    if any(t.i in inside for t in before):
        return None
    verbs = [t for t in before if t.pos_ == "VERB" and t.lemma_.lower() in lex.speech_verbs]
    return next((v for v in verbs if v.dep_ == "ROOT"), verbs[0] if verbs else None)


def _speaker_of(tok: Token, args: Arguments) -> Actor | None:
    """The actor a subject phrase names, a person before the group it speaks for."""
    actor = args.referent(tok)
    if actor is None and tok.lemma_.lower() in args.lex["office_nouns"]:
        actor = args.bearer(tok)  # "said Director of OFAC Andrea M. Gacki"
        if actor is None:
            inner = {a.id: a for t in tok.subtree for a in (args.at(t),) if a is not None and a.type == "person"}
            actor = next(iter(inner.values())) if len(inner) == 1 else None
    if actor is None:
        actor = _voice_of(tok, args)
    if actor is not None and actor.type in SPEAKERS:
        if actor.type != "person":
            person = next((a for c in tok.children if c.dep_ == "appos" for a in (args.referent(c),)
                           if a is not None and a.type == "person"), None)
            return person or actor
        return actor
    return None


def _voice_of(tok: Token, args: Arguments) -> Actor | None:
    """The group an unnamed representative or outlet speaks for: "a spokesman for the RSF", "a senior
    Hezbollah official", "Wagner's Telegram channel", "an account affiliated with Wagner"; no one
    when the phrase names a person ("the group's spokesman, Yahya Saree") or no group."""
    lex = lexicon()
    if tok.lemma_.lower() not in lex.voices or tok.tag_ in ("NNS", "NNPS"):
        return None
    if any((a := args.at(t)) is not None and a.type == "person" for t in tok.subtree):
        return None
    modifiers = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    # whose it is: a possessor (also one the parser hung on a modifier: "Wagner's Telegram channel"),
    # the object of "for"/"from", of a linking participle; before a mere modifier (the service "Telegram")
    owners = [c for t in (tok, *modifiers) for c in t.children if c.dep_ == "poss"]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in lex.voice_preps:
            owners += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ in ("acl", "amod") and c.lemma_.lower() in lex.outlet_links:
            owners += [p for prep in c.children if prep.dep_ in ("prep", "agent") for p in prep.children if p.dep_ == "pobj"]
    for near in (owners, modifiers):
        groups = {a.id: a for t in near for a in (args.refers_to(t) or [args.at(t)]) if a is not None
                  and a.type in ("organization", "country")}
        if groups:
            return next(iter(groups.values())) if len(groups) == 1 else None
    return None


def _according_to(doc: Doc, m: _Marked, args: Arguments, inside: set[int], lex: QuoteLexicon) -> Actor | None:
    """The source an attribution phrase of the quote's sentence names: "According to X, “...”"."""
    sents = _frame(doc, m)
    for t in (t for sent in sents[:1] for t in sent):
        if t.i in inside or t.dep_ != "prep":
            continue
        for phrase in lex.attribution_phrases:
            n = len(phrase.split())
            if t.i - n + 1 >= 0 and doc[t.i - n + 1:t.i + 1].text.lower() == phrase:
                found = next((a for p in t.children if p.dep_ == "pobj" for a in (_speaker_of(p, args),) if a), None)
                if found is not None:
                    return found
    return None


def _colon_intro(doc: Doc, m: _Marked) -> bool:
    """Whether a quote follows a colon that introduces it ("He boasted in 2015: “...”")."""
    before = doc_text(doc)[max(0, m.start - 4):m.start]
    return ":" in before


def _colon_speaker(doc: Doc, m: _Marked, args: Arguments) -> Actor | None:
    """The subject of the clause before the colon speaks."""
    colon = doc.char_span(max(0, m.start - 4), m.start, alignment_mode="expand")
    if not colon:
        return None
    sent = colon[0].sent
    root = sent.root
    for s in args.subjects(root):
        actor = _speaker_of(s, args)
        if actor is not None:
            m.verb = root
            return actor
    return None


def _same_stretch(text: str, previous: _Marked, m: _Marked, paragraphs: int = 1) -> bool:
    """Whether a quote continues the previous one: same paragraph, or the next paragraph opening with it
    (with `paragraphs` 2, any place in the next paragraph)."""
    between = text[previous.end:m.start]
    if "\n" not in between.strip():
        return True
    if paragraphs > 1 and len([p for p in re.split(r"\n\s*\n|\n", between.strip()) if p.strip()]) <= 2:
        return True
    return between.count("\n") <= 2 and between.strip() in ("”", "", "\"") and text[m.start - 1] in "“\""


def _quote(doc: Doc, m: _Marked, article: Article, args: Arguments) -> Quote:
    verb = m.verb
    sents = _frame(doc, m)
    start = min(s.start_char for s in sents) if sents else m.start
    end = max(s.end_char for s in sents) if sents else m.end
    dates = dates_in(verb.sent, article.published) if verb is not None else []
    when = date_of(verb, dates) if verb is not None else None
    evidence = Evidence(article=article.source, sentence=doc_text(doc)[start:end], start=start, end=end,
                        cue_start=verb.idx if verb is not None else None,
                        cue_end=verb.idx + len(verb.text) if verb is not None else None, extractor=EXTRACTOR)
    # the comma before a closing mark belongs to the attribution ("“...,” X said"), not to the words
    words = " ".join(doc_text(doc)[m.start:m.end].split()).rstrip(",")
    return Quote(speaker=m.speaker.id, text=words, evidence=[evidence],
                 date=when.value.iso if when else None, date_text=when.value.text if when else None,
                 certainty=_attribution(verb, args), medium=_medium(verb, args) if verb is not None else None)


def _attribution(verb: Token | None, args: Arguments) -> str:
    """How sure the text is that the words were said: "reportedly told" is reported; a quote is
    otherwise asserted, also under another speech verb ("said he believed")."""
    if verb is None:
        return "asserted"
    hedges = {c.lower_ for c in verb.children if c.dep_ in ("advmod", "aux", "neg")}
    sentence = span_text(verb.sent).lower()
    if not hedges and not any(phrase in sentence for phrase in lexicon().attribution_phrases):
        return "asserted"
    return args.certainty(verb)


def _medium(verb: Token, args: Arguments) -> str | None:
    """Where or to whom it was said: "told Iranian media", "in an interview with CNN", "in a statement"."""
    lex = lexicon()
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and verb.lemma_ in lex.addressee_verbs and c.pos_ != "PRON":
            return _phrase(c)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in lex.medium_preps:
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                inner = [q for w in p.children if w.dep_ == "prep" and w.lower_ in lex.medium_inner_preps
                         for q in w.children if q.dep_ == "pobj"]
                if inner:
                    return _phrase(inner[0])
                if p.lemma_.lower() in lex.media_nouns or args.at(p) is not None:
                    return _phrase(p)
    return None


def _phrase(tok: Token) -> str:
    words = [t for t in tok.subtree if t.dep_ not in ("det", "punct") and t.i <= tok.i or t.i == tok.i]
    return " ".join(t.text for t in words if t.dep_ != "case")


_CLAUSE_ARGS = ("ccomp", "xcomp", "dobj", "advcl")  # what a speech verb's own reported clause hangs by
_TAIL = 18  # words at a sentence's end that may hold ", said <title> <name>."


def _colon_statement(sent: Span, words: list[Token], article: Article, args: Arguments,
                     lex: QuoteLexicon) -> list[Quote]:
    """A release's statement after a colon, without marks: "Secretary X said: The United States will ..."."""
    colon = next((t for t in words[1:8] if t.text == ":"), None)
    if colon is None or colon.i + 1 >= sent.end:
        return []
    verb = sent.doc[colon.i - 1]
    if verb.lemma_.lower() not in lex.release_verbs or verb.pos_ != "VERB":
        return []
    said = [t for t in words if t.i > colon.i]
    if len(said) < lex.min_verbless_words or not said[0].is_title or not any(t.pos_ in ("VERB", "AUX") for t in said):
        return []
    speaker = next((a for s in args.subjects(verb) for a in (_speaker_of(s, args),) if a is not None), None)
    if speaker is None:
        return []
    doc = sent.doc
    evidence = Evidence(article=article.source, sentence=span_text(sent), start=sent.start_char, end=sent.end_char,
                        cue_start=verb.idx, cue_end=verb.idx + len(verb.text), extractor=f"{EXTRACTOR}:unmarked")
    when = date_of(verb, dates_in(sent, article.published))
    return [Quote(speaker=speaker.id, text=doc_text(doc)[said[0].idx:sent.end_char].strip(), evidence=[evidence],
                  date=when.value.iso if when else None, date_text=when.value.text if when else None,
                  certainty=_attribution(verb, args))]


def _unmarked(doc: Doc, article: Article, args: Arguments, lex: QuoteLexicon, inside: set[int]) -> list[Quote]:
    """Press-release quotes that lost their marks: "<statement>, said Under Secretary X.", "X said: <statement>"."""
    out: list[Quote] = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if len(words) < 8 or words[-1].text not in (".", "!") or any(t.i in inside for t in words):
            continue
        verb = next((t for t in reversed(words[-_TAIL:]) if t.lemma_.lower() in lex.release_verbs
                     and t.i > sent.start and doc[t.i - 1].text == ","), None)
        if verb is None:
            out += _colon_statement(sent, words, article, args, lex)
            continue
        if any(c.dep_ in _CLAUSE_ARGS and c.i > verb.i or c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i
               for c in verb.children):
            continue  # "X, said was impressed ...", "X, says it is ...": the verb has its own clause
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]
        speaker = next((a for s in subjects for a in (_speaker_of(s, args),) if a is not None), None)
        if speaker is None:
            speaker = next((args.at(t) for t in words if t.i > verb.i and args.at(t) is not None
                            and args.at(t).type == "person"), None)
        if speaker is None:
            continue
        body = doc_text(doc)[sent.start_char:doc[verb.i - 1].idx].strip()
        evidence = Evidence(article=article.source, sentence=span_text(sent), start=sent.start_char, end=sent.end_char,
                            cue_start=verb.idx, cue_end=verb.idx + len(verb.text), extractor=f"{EXTRACTOR}:unmarked")
        when = date_of(verb, dates_in(sent, article.published))
        out.append(Quote(speaker=speaker.id, text=body, evidence=[evidence],
                         date=when.value.iso if when else None, date_text=when.value.text if when else None,
                         certainty=_attribution(verb, args)))
    return out
