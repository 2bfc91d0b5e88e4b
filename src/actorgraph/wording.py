"""How counts read in what actorgraph prints: "1 relation", "2 relations", "1 country"."""
from __future__ import annotations

# The nouns the commands count whose plural is not the noun plus "s".
IRREGULAR = {"country": "countries", "entity": "entities", "person": "people"}


def counted(n: int, noun: str) -> str:
    """`n` and the noun, singular for one: counted(1, "relation") == "1 relation"."""
    return f"{n} {noun if n == 1 else IRREGULAR.get(noun, noun + 's')}"


def skipped_text(kinds: dict[str, int]) -> str:
    """The records passed over, by kind, most first: "9 records skipped (5 request, 2 http-status, ...)"."""
    total = sum(kinds.values())
    parts = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{counted(total, 'record')} skipped ({parts})" if total else "0 records skipped"
