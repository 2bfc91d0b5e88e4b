"""Finding an actor by what the analyst types: an id, a name or alias (folded), a surname, a spelling
that matches word by word and sounds alike (as resolution does), else fuzzy."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from ..errors import AmbiguousActorError, UnknownActorError
from ..store import Store
from ..store.database import in_list, literal

TYPO_CUTOFF = 90  # rapidfuzz ratio (edit distance), 0-100: from here a name is a typo of a stored one
FUZZY_CLEAR = 5  # the best typo match wins only when the next is this much lower
SUGGEST_CUTOFF = 70  # rapidfuzz WRatio, 0-100: names offered as "did you mean"


@dataclass(frozen=True)
class ActorRef:
    """A global actor, as the queries name it."""

    id: str
    name: str
    type: str
    registry_id: str | None = None
    wikidata: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def actor_by_id(store: Store, actor_id: str) -> ActorRef | None:
    rows = store.rows(f"SELECT id, name, type, registry_id, wikidata FROM actors WHERE id = {literal(actor_id)}")
    return ActorRef(*rows[0]) if rows else None


def _candidates(store: Store, ids: list[str]) -> list[tuple[str, str, str, int]]:
    return [tuple(r) for r in store.rows(
        """SELECT a.id, a.name, a.type, coalesce(st.articles, 0) AS n FROM actors a
           LEFT JOIN actor_stats st ON st.actor_id = a.id WHERE a.id IN (SELECT unnest(?))
           ORDER BY n DESC, a.name""", [ids])]


def _near_duplicates(store: Store, name: str, found: str) -> list[str]:
    """Other actors with a spelling close to `name` (word by word, as resolution compares).

    Resolution keeps such nodes apart when their types or registry ids differ, or a lone
    name could be several people; a query that names one of them must not hide the others.
    """
    from ..resolve import NameKey, name_similarity  # rigour: on use, not for `stats`
    key = NameKey.of(name, "organization")
    near = {actor_id for actor_id, spelling in store.rows(
        f"SELECT actor_id, name FROM actor_names WHERE block = {literal(key.block)} AND actor_id <> {literal(found)}")
            if name_similarity(name, spelling) is not None}
    return sorted(near)


def _spelled_alike(store: Store, name: str) -> ActorRef | None:
    """The actor with a name that matches word by word and sounds alike, as resolution matches
    ("Kata'ib Hizballah" -> Kataib Hezbollah); AmbiguousActorError when several do equally well."""
    from ..resolve import NameKey, name_similarity  # rigour: on use, not for `stats`
    key = NameKey.of(name, "organization")
    best: dict[str, float] = {}
    for actor_id, spelling in store.rows(f"SELECT actor_id, name FROM actor_names WHERE block = {literal(key.block)}"):
        score = name_similarity(name, spelling)
        if score is not None:
            best[actor_id] = max(best.get(actor_id, 0.0), score)
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] - ranked[1][1] > 1e-9:
        return actor_by_id(store, ranked[0][0])
    raise AmbiguousActorError(name, _candidates(store, [i for i, s in ranked if s == ranked[0][1]]))


def find_actor(store: Store, name: str) -> ActorRef:
    """The one actor `name` designates; UnknownActorError or AmbiguousActorError (with candidates) else."""
    from rapidfuzz import fuzz, process
    from ..names import fold
    store.require_articles()
    if (by_id := actor_by_id(store, name.strip())) is not None:
        return by_id
    folded = fold(name)
    ids = [i for (i,) in store.rows(f"SELECT DISTINCT actor_id FROM actor_names WHERE folded = {literal(folded)}")]
    if " " not in folded:  # a lone word also names every person with that surname
        ids += [i for (i,) in store.rows(f"SELECT DISTINCT actor_id FROM actor_names WHERE surname = {literal(folded)}")]
    # the names by index lookups of the few ids: a join would read every actor
    names = dict(store.rows(f"SELECT id, name FROM actors WHERE id IN {in_list(sorted(set(ids)))}")) if ids else {}
    rows = [(i, names[i]) for i in dict.fromkeys(ids) if i in names]
    if len(rows) > 1:
        named = [r for r in rows if fold(r[1]) == folded]
        if len(named) == 1:
            rows = named
    if len(rows) == 1:
        if near := _near_duplicates(store, name, rows[0][0]):
            raise AmbiguousActorError(name, _candidates(store, [rows[0][0], *near]), near=True)
        return actor_by_id(store, rows[0][0])
    if rows:
        raise AmbiguousActorError(name, _candidates(store, [r[0] for r in rows]))
    if (spelled := _spelled_alike(store, name)) is not None:
        return spelled
    names = store.rows("SELECT folded, actor_id FROM actor_names")
    choices = [n for n, _ in names]
    # A typo of a whole stored name is taken; a name that merely shares words with one
    # ("Kataib Sayyid al-Shuhada" and Kataib Hezbollah) is only offered as a suggestion.
    typos: dict[str, float] = {}
    for _, score, i in process.extract(folded, choices, scorer=fuzz.ratio, limit=20, score_cutoff=TYPO_CUTOFF):
        typos[names[i][1]] = max(typos.get(names[i][1], 0), score)
    close = sorted(typos.items(), key=lambda kv: -kv[1])
    if close and (len(close) == 1 or close[0][1] - close[1][1] >= FUZZY_CLEAR):
        return actor_by_id(store, close[0][0])
    if close:
        raise AmbiguousActorError(name, _candidates(store, [i for i, _ in close[:8]]))
    best: dict[str, float] = {}
    for _, score, i in process.extract(folded, choices, scorer=fuzz.WRatio, limit=20, score_cutoff=SUGGEST_CUTOFF):
        best[names[i][1]] = max(best.get(names[i][1], 0), score)
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    hint = _candidates(store, [i for i, _ in ranked[:5]])
    maybe = ("; did you mean " + ", ".join(repr(c[1]) for c in hint) + "?") if hint else ""
    raise UnknownActorError(f"no actor named {name!r} in {store.path}{maybe}")
