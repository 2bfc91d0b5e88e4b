"""A user's extraction component, named in settings as `raising_component:Raises`: it fails
(IndexError) on any article that mentions the word "Zanzibar", and otherwise counts what it saw."""
from __future__ import annotations


class Raises:
    name = "raises"
    requires = ("ag_actors",)
    assigns = ("ag_seen",)

    def __init__(self, ctx):
        self.language = ctx.language

    def __call__(self, doc):
        if "Zanzibar" in doc.text:
            return [][1]  # a rule's bug, as it would happen: an index out of range
        doc._.ag_seen = len(doc._.ag_actors)
        return doc
