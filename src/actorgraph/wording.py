"""How counts read in what actorgraph prints: "1 relation", "2 relations", "1 country"."""
from __future__ import annotations

# The nouns the commands count whose plural is not the noun plus "s".
IRREGULAR = {"country": "countries", "entity": "entities", "person": "people"}


def counted(n: int, noun: str) -> str:
    """`n` and the noun, singular for one: counted(1, "relation") == "1 relation"."""
    return f"{n} {noun if n == 1 else IRREGULAR.get(noun, noun + 's')}"
