"""Small hand-made extractions for the store, resolve and query tests (real dataclasses)."""
from __future__ import annotations

from actorgraph.model import Actor, Article, Evidence, Extraction, Relation, Span


class Hand:
    """Builds one article's extraction by hand: actors by name, relations by sentence."""

    def __init__(self, source: str, text: str, published: str | None = None):
        self.article = Article(text=text, source=source, published=published)
        self.actors: list[Actor] = []
        self.relations: list[Relation] = []

    def actor(self, name: str, type_: str, *aliases: str, registry_id: str | None = None,
              wikidata: str | None = None) -> str:
        local = f"e{len(self.actors) + 1}"
        start = max(self.article.text.find(name), 0)
        self.actors.append(Actor(local, name, type_, list(aliases), [Span(start, start + len(name), name)],
                                 registry_id, wikidata))
        return local

    def relation(self, subject: str, predicate: str, object_: str, sentence: str,
                 certainty: str = "asserted", date: str | None = None) -> None:
        start = self.article.text.index(sentence)
        ev = Evidence(self.article.source, sentence, start, start + len(sentence), extractor="hand@1")
        self.relations.append(Relation(subject, predicate, object_, certainty, [ev], date=date))

    def extraction(self) -> Extraction:
        return Extraction(self.article, self.actors, self.relations, extractor="hand@1")


def chain_articles() -> list[Extraction]:
    """Three articles that chain Ali Khamenei down to Asaib Ahl al-Haq, with one denial."""
    a = Hand("hand/khamenei.txt",
             "Supreme Leader Ali Khamenei commands the Islamic Revolutionary Guard Corps. "
             "The Quds Force is the foreign wing of the IRGC.", "2019-05-01")
    kh = a.actor("Ali Khamenei", "person", "Khamenei", registry_id="ali_khamenei", wikidata="Q57336")
    irgc = a.actor("Islamic Revolutionary Guard Corps", "organization", "IRGC", registry_id="irgc")
    qf = a.actor("Quds Force", "organization", registry_id="quds_force")
    a.relation(kh, "commands", irgc, "Supreme Leader Ali Khamenei commands the Islamic Revolutionary Guard Corps.")
    a.relation(qf, "part_of", irgc, "The Quds Force is the foreign wing of the IRGC.")

    b = Hand("hand/aah.txt",
             "Qassem Soleimani led the IRGC-Qods Force until 2020. "
             "Asaib Ahl al-Haq, led by Qais al-Khazali, takes orders from the Qods Force. "
             "Hizballah trained Asaib Ahl al-Haq fighters.", "2020-01-05")
    qs = b.actor("Qassem Soleimani", "person", "Soleimani")
    qf2 = b.actor("IRGC-Qods Force", "organization", "Qods Force", registry_id="quds_force")
    aah = b.actor("Asaib Ahl al-Haq", "organization", "Asa'ib Ahl al-Haq", registry_id="asaib_ahl_al_haq")
    qk = b.actor("Qais al-Khazali", "person", registry_id="qais_al_khazali")
    hz = b.actor("Hizballah", "organization")
    b.relation(qs, "leads", qf2, "Qassem Soleimani led the IRGC-Qods Force until 2020.", date="2020")
    b.relation(qf2, "commands", aah, "Asaib Ahl al-Haq, led by Qais al-Khazali, takes orders from the Qods Force.")
    b.relation(qk, "leads", aah, "Asaib Ahl al-Haq, led by Qais al-Khazali, takes orders from the Qods Force.")
    b.relation(hz, "supports", aah, "Hizballah trained Asaib Ahl al-Haq fighters.")

    c = Hand("hand/denial.txt",
             "Qasem Soleimani was killed near Baghdad airport. Hezbollah denied that it trained "
             "Asa'ib Ahl al-Haq. Soleimani had met Hassan Nasrallah in Beirut.", "2020-01-10")
    qs3 = c.actor("Qasem Soleimani", "person", registry_id="qasem_soleimani")
    hz3 = c.actor("Hezbollah", "organization", registry_id="hezbollah")
    aah3 = c.actor("Asa'ib Ahl al-Haq", "organization")
    hn = c.actor("Hassan Nasrallah", "person", "Nasrallah", registry_id="hassan_nasrallah")
    beirut = c.actor("Beirut", "location", registry_id="beirut")
    c.relation(hz3, "supports", aah3, "Hezbollah denied that it trained Asa'ib Ahl al-Haq.", certainty="negated")
    c.relation(qs3, "met_with", hn, "Soleimani had met Hassan Nasrallah in Beirut.")
    c.relation(hn, "based_in", beirut, "Soleimani had met Hassan Nasrallah in Beirut.")
    return [a.extraction(), b.extraction(), c.extraction()]
