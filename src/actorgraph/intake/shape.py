"""The shape of one line of a page: is it running prose, or page furniture, and why.

Signals are about form, not about any one site: sentence shape (terminal punctuation,
lowercase function words, length), date and time density, link and URL share, glued
tokens left by scrapers, key/value fields, credit and caption shapes, copyright marks.
The cue words below are data; the functions only count and compare.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import DATE_WORDS, count_date_tokens

# Role words of a credit line: "(Reporting by X; Editing by Y)".
CREDIT_ROLES = ("reporting", "additional reporting", "writing", "written", "editing", "edited",
                "compiled", "produced", "production", "translated", "translation", "photos",
                "photo", "photography", "graphics", "video", "research", "illustration",
                "design", "fact-checking", "fact checking", "interviews", "text", "words",
                "images", "reported", "created", "curated", "contributing", "contributed")
# Labels that open or close a photo caption: "FILE PHOTO: ...", "... Photo: Agency".
CAPTION_LABELS = ("file photo", "photo", "photograph", "picture", "image", "caption",
                  "image caption", "image source", "photo credit", "credit", "source image",
                  "media caption", "video caption")
# Phrases of web page furniture (navigation, sharing, subscription, legal notices).
FURNITURE_PHRASES = ("all rights reserved", "cookie", "newsletter", "subscribe", "sign up",
                     "sign in", "log in", "privacy policy", "terms of use", "terms of service",
                     "terms and conditions", "click here", "read more", "read also",
                     "related articles", "related stories", "related posts", "related topics",
                     "most read", "most popular", "recommended for you", "you may also like",
                     "share this", "share on", "follow us", "skip to content", "back to top",
                     "advertisement", "sponsored content", "download the app", "continue reading",
                     "leave a comment", "comments are closed", "view comments", "print this",
                     "email this", "next article", "previous article", "tags:", "filed under",
                     "related:", "see also", "also read", "powered by", "more on this story",
                     "slideshow", "min read", "watch video", "play video", "listen to this article",
                     # skip links that open a page (WCAG 2.4.1 "bypass blocks", technique G1)
                     "skip to main content", "skip to main", "skip navigation", "skip to navigation",
                     "jump to content", "jump to navigation", "jump to main content")
# Sentences about the article rather than of it (status and provenance notes).
ARTICLE_NOTES = ("this story has been updated", "this article has been updated",
                 "this is a developing story", "this story is developing", "check back for updates",
                 "this article originally appeared", "this article was originally published",
                 "this story originally appeared", "was first published on", "originally published in")
# Labels that open a notice about the article rather than the article itself.
NOTICE_LABELS = ("disclaimer", "editor's note", "editor’s note", "source", "sources", "related",
                 "read more", "read also", "also read", "see also", "tags", "topics", "keywords")
# Words of share and follow buttons; a line made only of them is furniture.
SOCIAL_WORDS = frozenset("facebook twitter x whatsapp linkedin telegram email e-mail print share "
                         "tweet pinterest reddit copy link messenger comments comment save".split())

# Non-descriptive link text that a closing pointer line ends with ("View the full list here"):
# the examples of WCAG 2.4.4 (link purpose) and the W3C "click here" note.
LINK_POINTER_ENDS = ("here", "this link", "the link", "the link below", "link below", "below",
                     "more", "in full", "full text", "full statement", "full list")
# Verbs that open such a pointer line: imperative verbs of perception and retrieval that link
# text uses (VerbNet see-30.1 / get-13.5.1 / learn-14 classes, plus the web's "click"/"tap").
LINK_POINTER_VERBS = frozenset("view read see click tap find download watch listen visit get learn "
                               "access browse check consult open".split())
# Forum software chrome (phpBB, SMF, vBulletin, Discourse default templates): post headers and
# quote labels that stand before a post's text.
FORUM_CHROME = (r"posted\s+by\s+\S+.*?(?:»|on|at|\|)", r"reply\s+#\s*\d+", r"quote\s+from\s*:",
                r"quote\s*\(\s*\S+", r"originally\s+posted\s+by", r"re\s*:\s", r"\S+\s+wrote\s*:",
                r"#\d+\s+(?:posted|reply)", r"(?:post|message)\s+#?\d+\s+(?:of|on)")
# Closed-class words a sentence cannot end with (English grammar's articles, prepositions,
# conjunctions, complementisers and auxiliaries): a line ending in one was cut off mid-sentence.
CUT_ENDINGS = frozenset("a an the and but or nor so yet of in on at to by as from with into onto over "
                        "via per than for that which who whose whom when where while because if though "
                        "although whether is are was were be been has have had will would shall should "
                        "can could may might must its their his her our your my this these those "
                        "about after against among before between during under until without".split())

# Breadcrumb trails ("Home > News > Arab & International"): the separators of the WAI-ARIA
# breadcrumb pattern and common CMS themes, and the labels that may open a trail.
BREADCRUMB_SEPARATORS = "»›>→/|"
BREADCRUMB_LABELS = ("you are here", "current location", "current", "location", "path", "home")
BREADCRUMB_MAX_WORDS = 6  # words in one step of the trail

# Words that stay lowercase in a Title Case Headline; other lowercase words mean a sentence.
TITLE_SMALL_WORDS = frozenset("a an the and but or nor for so yet of in on at to by up as from with into "
                              "onto over via per vs than off out amid after".split())

TERMINAL = ".!?…:;。！？؟۔"
CLOSERS = "\"'”’»)]›*_"
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_URL = re.compile(r"\b(?:https?://|www\.|pic\.twitter\.com/)\S+?(?=[.,;:!?)\]\"'”’]*(?:\s|$))",
                  re.IGNORECASE)
_NOTICE = re.compile(r"^\W*(?:%s)\s*:" % "|".join(re.escape(l) for l in NOTICE_LABELS), re.IGNORECASE)
FORUM_MAX_WORDS = 20  # a forum header or quote label, not a paragraph that opens with "Re:"
POINTER_MAX_WORDS = 12
_FORUM = re.compile(r"^\W*(?:%s)" % "|".join(FORUM_CHROME), re.IGNORECASE)
_BREADCRUMB_LABEL = re.compile(r"^\W*(?:%s)\s*(?::|(?=\s*[%s]))\s*" % (
    "|".join(re.escape(l) for l in BREADCRUMB_LABELS), re.escape(BREADCRUMB_SEPARATORS)), re.IGNORECASE)
_BREADCRUMB_STEP = re.compile(r"\s*[%s]\s*" % re.escape(BREADCRUMB_SEPARATORS.replace("/", "")) + r"|\s+/\s+")
_ONLY_URL = re.compile(r"^\W*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
# A full stop, '!' or '?' glued to the next sentence: "in Baghdad.The group". The word before the
# stop has two lowercase letters ("U.S.The", "e.g.In" and "J.R.R.Smith" do not match), and the next
# word is capitalised ("3.5", "No.5", "example.com" do not match).
_GLUED_SENTENCE = re.compile(r"(?<=[a-z]{2}[.!?])([\"”’')]?)(?=[A-Z][a-z]|(?:A|I)\s)")
# Emphasis markers left in plain text or glued to their neighbours: "designated**Omar Said**for".
_GLUED_STRONG = re.compile(r"(\w?)(\*\*|__)(?=(?<=\*\*)[^\W\d_]|(?<=__)[A-Z])([^*_\n]*?[\w.:)!?'’])\2(\w?)")
_GLUED_EMPHASIS = re.compile(r"(\w)\*(?=[A-Z])([^*\n]*?\w)\*(\w?)|(\w?)\*(?=[A-Z])([^*\n]*?\w)\*(\w)")
# Where a prose line may end and an identifier block begin: after a sentence stop, spaced or not.
_SENTENCE_STOP = re.compile(r"[.!?][\"”’)]?(?=\s*[A-Z])")
_IDENTIFIER_SEGMENT = re.compile(r"\d|^[^\W\d_][\w .#/-]{0,25}:\s*\S")
_HANDLE = re.compile(r"\b(?:twitter|x|instagram|telegram|threads|bluesky)\s*:?\s*@\w{2,}\W*$", re.IGNORECASE)
_GLUED = re.compile(r"[a-z]{2}[A-Z]{2,}|[a-z]{3}[A-Z][a-z]{2}|\d[A-Z]{2,}\b")
_UNGLUE = re.compile(r"([a-z]{2})(?=[A-Z]{2,}\b)|([a-z]{3})(?=[A-Z][a-z]{2})")
_CLOCK = re.compile(r"(?<![\d:])\d{1,2}:\d\d(?![\d])")
_FIELD = re.compile(r"[^\W\d_][\w.]*(?: No\.? ?\d+)?\s?:\s")
_COPYRIGHT = re.compile(r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b\s*(?:©|\(c\)|(?:19|20)\d\d)"
                        r"|\ball rights reserved\b", re.IGNORECASE)
_CREDIT_SEGMENT = re.compile(r"^(?:(?:%s)\s+)?by\s+\S" % "|".join(
    re.escape(r) for r in sorted(CREDIT_ROLES, key=len, reverse=True)), re.IGNORECASE)
_CAPTION_OPEN = re.compile(r"^\(?(?:%s)\s*:" % "|".join(CAPTION_LABELS), re.IGNORECASE)
_CAPTION_INNER = re.compile(r"\b(?:PHOTO|Photo|Image|IMAGE|Picture|Photograph|Credit)\s*:\s*\S")
# An agency credit at the end of a caption: "REUTERS/Stringer/Name", "(AP Photo/Name)".
_AGENCY_CREDIT = re.compile(r"\b[A-Z]{2,}[A-Za-z]*(?: Photo)?/[^\W\d_][^/.:;,?!\"“”]{0,40}(?:/[^/.:;,?!\"“”]{1,40})*\)?\s*$")
# A bare agency credit after a caption's last sentence: "Murals of ... in Sanaa, Yemen. EPA",
# "... on Monday. AFP via Getty Images".
_BARE_CREDIT = re.compile(r"[.!?]\s+(?:[A-Z]{2,6}|Reuters|Getty Images)(?: via Getty Images)?\s*$")


@dataclass(frozen=True, slots=True)
class Shape:
    """What a line looks like: counts the furniture and prose tests are made from."""

    chars: int
    words: int
    tokens: int
    cased: int  # words that start with a cased letter
    lower: int  # words that start with a lowercase letter
    open_lower: int  # lowercase words that a Title Case headline would capitalise
    terminal: bool  # ends with sentence punctuation (closing quotes allowed)
    date_tokens: int
    clock: bool  # holds a clock time (14:24)
    glued: int  # distinct glued tokens ("IranGMT"); brand names like "WorldCom" are one
    fields: int

    @property
    def lower_ratio(self) -> float:
        """The share of cased words that start lowercase (1.0 for caseless scripts)."""
        return self.lower / self.cased if self.cased else 1.0


def measure(text: str) -> Shape:
    """Count the shape features of one line."""
    tokens = text.split()
    words = _WORD.findall(text)
    cased = [w for w in words if w[0].lower() != w[0].upper()]
    lower = [w for w in cased if w[0].islower()]
    return Shape(
        chars=len(text),
        words=len(words),
        tokens=len(tokens),
        cased=len(cased),
        lower=len(lower),
        open_lower=sum(w.lower() not in TITLE_SMALL_WORDS for w in lower),
        terminal=ends_sentence(text),
        date_tokens=count_date_tokens(_UNGLUE.sub(lambda m: m.group(0) + " ", text)),
        clock=bool(_CLOCK.search(text)),
        glued=len(set(_GLUED.findall(text))),
        fields=len(_FIELD.findall(text)) if text.count(":") >= 3 else 0,
    )


def ends_sentence(text: str) -> bool:
    """Whether the line ends with sentence punctuation, closing quotes and brackets allowed."""
    end = text.rstrip(CLOSERS + " ")
    return bool(end) and end[-1] in TERMINAL


def is_prose(shape: Shape) -> bool:
    """Running text: a sentence with lowercase words, or a long paragraph missing its stop."""
    if shape.words == 0 or (shape.tokens < 3 and shape.chars < 20):
        return False  # (unspaced scripts such as Chinese pass on length)
    if shape.terminal:  # names-heavy sentences still have a few lowercase content words
        return shape.lower_ratio >= 0.3 or shape.open_lower >= 3
    return shape.words >= 16 and shape.lower_ratio >= 0.5  # a lede without its full stop


def furniture(text: str, shape: Shape, link_chars: int = 0) -> str | None:
    """Why the line is page furniture (removed wherever it stands), or None."""
    if shape.words == 0:
        return "no words"
    if _COPYRIGHT.search(text):
        return "copyright notice"
    if link_chars and link_chars >= 0.6 * len(text.strip()):
        return "link"
    if urls := _URL.findall(text):
        bare = _URL.sub("", text).strip()
        if len(bare) < 0.5 * len(text.strip()) or (text.rstrip().endswith(urls[-1]) and not ends_sentence(bare)):
            return "bare URL"
    # Timestamps: a date with a clock time, or a line that is mostly date ("Friday, 25 February").
    dated = shape.date_tokens / shape.tokens if shape.tokens else 0
    if shape.date_tokens >= 2 and not is_prose(shape) and (dated >= 0.6 or (shape.clock and dated >= 0.3)):
        return "dates"
    if (shape.fields >= 3 and shape.fields * 12 >= shape.words) or is_field_list(text):
        return "key/value fields"
    if shape.glued >= 2 and not is_prose(shape):
        return "glued tokens"
    if is_credit(text):
        return "credit line"
    if is_caption(text, shape):
        return "photo caption"
    if _NOTICE.match(text) or _HANDLE.search(text) or (shape.words <= 30 and has_phrase(text, ARTICLE_NOTES)):
        return "notice"
    if shape.words <= FORUM_MAX_WORDS and _FORUM.match(text):
        return "forum chrome"
    if is_link_pointer(text, shape):
        return "link pointer"
    if _ONLY_URL.match(text):
        return "bare URL"
    if shape.words <= 8 and all(w.lower() in SOCIAL_WORDS for w in _WORD.findall(text)):
        return "share buttons"
    if is_breadcrumb(text):
        return "breadcrumb"
    if not is_prose(shape) and has_phrase(text, FURNITURE_PHRASES):
        return "page furniture"
    return None


def is_breadcrumb(text: str) -> bool:
    """A trail of short steps ("Current:Home > My News > Arab & International", "Home | World | Video").

    A labelled trail needs one separator; an unlabelled one two chevrons or three bars, so that a
    headline with its site name ("Talks resume | Example News") stays.
    """
    labelled = _BREADCRUMB_LABEL.match(text)
    rest = text[labelled.end():] if labelled and ":" in labelled.group(0) else text
    steps = [s for s in _BREADCRUMB_STEP.split(rest) if s.strip()]
    separators = len(_BREADCRUMB_STEP.findall(rest))
    if len(steps) < 2 or any(len(_WORD.findall(s)) > BREADCRUMB_MAX_WORDS or ends_sentence(s) for s in steps):
        return False
    if labelled:
        return separators >= 1
    bars = rest.count("|")
    return separators - bars >= 2 or bars >= 3


def is_link_pointer(text: str, shape: Shape) -> bool:
    """A short closing line that points to a link: 'View the full list here', 'Read the designation here.'"""
    if shape.words > POINTER_MAX_WORDS:
        return False
    words = re.findall(r"[^\W\d_]+", text.lower())
    tail = " ".join(words[-3:])
    return bool(words) and words[0] in LINK_POINTER_VERBS and any(
        tail == e or tail.endswith(" " + e) for e in LINK_POINTER_ENDS)


def only_url(text: str) -> bool:
    """Whether the line is a URL and nothing else."""
    return bool(_ONLY_URL.match(text))


def mend(text: str) -> str:
    """A scraped line with its glued seams opened: emphasis markers removed with a space kept
    between the emphasised words and their neighbours, and a space after a glued sentence stop."""
    if "*" in text or "__" in text:
        text = _GLUED_STRONG.sub(_unglue_strong, text)
        text = _GLUED_EMPHASIS.sub(_unglue_emphasis, text)
    if "." in text or "!" in text or "?" in text:
        text = _GLUED_SENTENCE.sub(_space_sentence, text)
    return text


def _unglue_strong(m: re.Match) -> str:
    token = m.string[:m.start(2)].rsplit(" ", 1)[-1]
    if m[2] == "__" and m[1] and "_" in token:  # an identifier (snake_case__Name__x), not emphasis
        return m[0]
    return (m[1] + " " if m[1] else "") + m[3] + (" " + m[4] if m[4] else "")


def _unglue_emphasis(m: re.Match) -> str:
    before, inner, after = (m[1], m[2], m[3]) if m[1] is not None else (m[4], m[5], m[6])
    return (before + " " if before else "") + inner + (" " + after if after else "")


def _space_sentence(m: re.Match) -> str:
    start = m.string.rfind(" ", 0, m.start()) + 1
    end = m.string.find(" ", m.end())
    before, after = m.string[start:m.start() - 1], m.string[m.end():end if end >= 0 else None]
    word = before.rstrip(".!?")
    if any(c in before for c in "/@") or "." in word or re.search(r"\.[^\W\d_]", after):
        return m[1]  # a URL, an address or a domain name: "Halo.Bungie.Org", "example.com/News.Today"
    if word[:1].isupper() and len(word) < 4:
        return m[1]  # a short brand such as "One.Tel"
    return m[1] + " "


def split_identifier_tail(text: str) -> tuple[str, str] | None:
    """A prose sentence with an identifier block glued to its end, as (prose, block), or None.

    The block is a run of short ';' or '|' separated fields that hold numbers or 'Label: value'
    pairs: 'Individual: ABC; DOB 01 Jan 1970; nationality Lebanon; Passport 12345', 'ID: 99342 | Ref 2024/11'.
    """
    if ";" not in text and "|" not in text and ":" not in text:
        return None
    for stop in _SENTENCE_STOP.finditer(text):
        head, tail = text[:stop.end()].strip(), text[stop.end():].strip()
        if is_identifier_block(tail) and is_prose(measure(head)):
            return head, tail
    return None


def is_identifier_block(text: str) -> bool:
    """Short fields separated by ';' or '|', nearly all holding a number or a 'Label: value'."""
    segments = [s.strip() for s in re.split(r"[;|]", text) if s.strip()]
    if len(segments) < 2 or not any(c.isdigit() for c in text):
        return False
    if any(len(_WORD.findall(s)) > 6 for s in segments):
        return False
    return sum(bool(_IDENTIFIER_SEGMENT.search(s)) for s in segments) >= 0.75 * len(segments)


def is_field_list(text: str) -> bool:
    """A ';'-separated record such as a sanctions entry: 'DOB 01 Jan 1970; POB Beirut, Lebanon; ...'.

    Prose lists ('weaken institutions; degrade the rule of law; ...') have lowercase segments;
    fields are short and hold numbers or capitalised values.
    """
    segments = [s.strip() for s in text.split(";") if s.strip()]
    if len(segments) < 4:
        return False
    fieldlike = 0
    for segment in segments:
        words = _WORD.findall(segment)
        capitalised = sum(w[0].isupper() for w in words)
        fieldlike += any(c.isdigit() for c in segment) or (len(words) <= 5 and capitalised * 2 >= len(words))
    return fieldlike >= 0.6 * len(segments)


def is_credit(text: str) -> bool:
    """A line of 'Role by Name' segments: bylines and wire-service credit lines."""
    line = text.strip().strip("()[]").strip().rstrip(".").strip()
    if not line or len(line) > 300 or line[-1] in "!?:":
        return False
    segments = [s.strip() for s in line.split(";") if s.strip()]
    if not all(_CREDIT_SEGMENT.match(s) for s in segments):
        return False
    # A byline is short and names people; a sentence starting "By 2020, ..." is neither.
    names = _WORD.findall(re.sub(r"(?i)^.*?\bby\b", "", segments[0]))
    return bool(names) and sum(w[0].isupper() for w in names) >= 0.6 * len(names) and len(names) <= 12 * len(segments)


def is_caption(text: str, shape: Shape) -> bool:
    """A photo caption: opened by a caption label, or ending in an agency photo credit."""
    line = text.strip()
    if _CAPTION_OPEN.match(line) or _AGENCY_CREDIT.search(line):
        return True
    if shape.words <= 40 and _BARE_CREDIT.search(line):
        return True
    return shape.words <= 40 and bool(_CAPTION_INNER.search(line))


def has_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether the line holds one of the phrases (case-insensitive)."""
    lowered = text.lower()
    return any(p in lowered for p in phrases)


def glued_parts(text: str) -> list[str]:
    """The pieces of a line that a scraper glued together ("...in SyriaMaintained by ...")."""
    return _UNGLUE.sub(lambda m: m.group(0) + "\n", text).split("\n")


def near_key(text: str) -> str:
    """The line folded for near-duplicate tests: lowercase words, dates and numbers dropped."""
    tokens = re.findall(r"[^\W\d_]+", text.lower())
    return " ".join(t for t in tokens if t not in DATE_WORDS)
