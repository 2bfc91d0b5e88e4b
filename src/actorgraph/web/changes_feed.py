"""The changes as an Atom feed (RFC 4287): one entry per change, linking to the page of its evidence."""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from xml.etree import ElementTree as ET

from .. import __version__

ATOM = "http://www.w3.org/2005/Atom"
TITLES = {"new_actor": "New actor", "new_edge": "New edge", "confirmed": "First independent confirmation",
          "contradicted": "New contradiction", "new_event": "New event"}


def atom_feed(answer: dict, base_url: str, updated: datetime | None, store_path: str) -> bytes:
    """An Atom document of `query.changes` output; links are absolute on `base_url` (the app's own address)."""
    ET.register_namespace("", ATOM)
    stamp = _stamp(updated)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "title", "actorgraph: what's new for watched actors")
    _text(feed, "id", f"urn:actorgraph:changes:{hashlib.sha1(store_path.encode()).hexdigest()[:16]}")
    _text(feed, "updated", stamp)
    _text(feed, "subtitle", f"changes since {answer['since']}")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "actorgraph")
    gen = _text(feed, "generator", "actorgraph")
    gen.set("version", __version__)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=f"{base_url}/changes.atom")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=f"{base_url}/changes?watched=1")
    for kind, title in TITLES.items():
        for item in answer[kind]:
            ev = item.get("evidence") or {}
            key = "|".join([kind, item.get("relation") or "", *(a["id"] for a in item.get("actors", [])),
                            ev.get("article") or "", str(ev.get("sent_start"))])
            entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
            _text(entry, "id", f"urn:actorgraph:change:{hashlib.sha1(key.encode()).hexdigest()}")
            _text(entry, "title", f"{title}: {item['what'].split(': ', 1)[-1]}")
            _text(entry, "updated", stamp)
            if ev.get("page"):
                ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=base_url + ev["page"])
            summary = " ".join((ev.get("sentence") or "").split())
            _text(entry, "summary", f"“{summary}” — {ev.get('title') or ev.get('source') or ''}" if summary
                  else item["what"])
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    node.text = text
    return node


def _stamp(when: datetime | None) -> str:
    when = (when or datetime.now(timezone.utc)).replace(tzinfo=timezone.utc, microsecond=0)
    return when.isoformat().replace("+00:00", "Z")
