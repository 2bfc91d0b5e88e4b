"""Issue 13, classes 1 and 4 for relations: cues of getting money or arms for someone, turning to
someone for support, time spent in a place, and the control formula of sanctions law. Invented
sentences only, each construction with sentences that must yield nothing."""
from __future__ import annotations

import pytest


# --- Getting money or arms for someone (FrameNet Getting / Commerce_buy / Fundraising) ------------

@pytest.mark.parametrize("sentence, backer, backed", [
    ("Ahmed Hassan laundered money for Hezbollah through front companies in Dubai.", "Ahmed Hassan", "Hezbollah"),
    ("Ahmed Hassan raised funds for Hezbollah in West Africa.", "Ahmed Hassan", "Hezbollah"),
    ("Ahmed Hassan procured weapons for the Houthis.", "Ahmed Hassan", "Houthis"),
])
def test_getting_money_or_arms_for_an_actor_is_support(extract, sentence, backer, backed):
    found = extract(sentence)
    found.relation(backer, "supports", backed)


@pytest.mark.parametrize("sentence", [
    "Ahmed Hassan raised money for the victims of the earthquake.",
    "Ahmed Hassan bought a house for his family in London.",
    "The bank raised funds for the deal by selling new shares.",
])
def test_getting_things_for_no_actor_is_nothing(extract, sentence):
    assert not any(p == "supports" for _, p, _ in extract(sentence).triples())


# --- Turning to someone for support (FrameNet Request / Reliance) ---------------------------------

def test_turning_to_an_actor_for_support_names_the_backer(extract):
    found = extract("Hamas turned to Iran for military support after 2012.")
    found.relation("Iran", "supports", "Hamas")


@pytest.mark.parametrize("sentence", [
    "Hamas turned to Iran after the talks failed.",
    "Hamas looked to Iran after the election.",
    "The company turned to Goldman Sachs for a new chief executive.",
])
def test_turning_to_an_actor_without_a_support_noun_is_nothing(extract, sentence):
    assert not any(p == "supports" for _, p, _ in extract(sentence).triples())


# --- Time spent in a place (WordNet spend.v.01 with a time_period.n.01 noun) ---------------------

def test_time_spent_in_a_country_is_presence_there(extract):
    found = extract("Ahmed Hassan also spends time in Turkey, officials said.")
    found.relation("Ahmed Hassan", "operates_in", "Turkey")


def test_time_spent_somewhere_that_is_not_a_place_is_nothing(extract):
    found = extract("Ahmed Hassan spent three years in prison before the war.")
    assert not any(p == "operates_in" for _, p, _ in found.triples())


def test_a_clause_whose_subject_the_parser_hung_on_the_place_before_keeps_it(extract):
    found = extract("Both men are based in Lebanon and Mr Haddad also spends months in Cyprus.")
    assert ("Haddad", "operates_in", "Cyprus") in found.triples()
    assert not any(o == "Cyprus" and s != "Haddad" for s, _, o in found.triples())


# --- The control formula of sanctions law (E.O. 13224 1(c), as amended by E.O. 13886) ----------------

@pytest.mark.parametrize("sentence, superior, designated", [
    ("Cedar Exchange is being designated pursuant to E.O. 13224 for being owned or controlled by Ahmed Hassan.",
     "Ahmed Hassan", "Cedar Exchange"),
    ("Cedar Exchange is being designated for being owned, controlled, or directed by, or for having acted or "
     "purported to act for or on behalf of, directly or indirectly, Hezbollah.", "Hezbollah", "Cedar Exchange"),
    ("Ahmed Hassan was designated for acting for or on behalf of the Quds Force.", "Quds Force", "Ahmed Hassan"),
    ("OFAC designated Ahmed Hassan for acting for or on behalf of Hezbollah.", "Hezbollah", "Ahmed Hassan"),
    ("The Treasury also designated Cedar Exchange, a company owned or controlled by Ahmed Hassan.",
     "Ahmed Hassan", "Cedar Exchange"),
])
def test_the_control_formula_makes_the_named_actor_the_superior(extract, sentence, superior, designated):
    found = extract(sentence)
    found.relation(superior, "commands", designated)
    assert not any(s == "Office of Foreign Assets Control" or s == "Treasury" for s, _, _ in found.triples())


def test_the_control_formula_without_an_actor_after_it_is_nothing(extract):
    found = extract("The minister said the bank is owned or controlled by the state.")
    assert not found.triples()


def test_the_support_formula_after_an_active_designation_is_the_designated_ones(extract):
    found = extract("Treasury designated Ahmed Hassan today for having materially assisted, sponsored, or "
                    "provided financial, material, or technological support for, or goods or services to or "
                    "in support of, Hezbollah.")
    found.relation("Ahmed Hassan", "supports", "Hezbollah")
    assert ("Treasury", "supports", "Hezbollah") not in found.triples()


def test_a_bare_boolean_word_in_the_formula_file_is_a_clear_error(tmp_path):
    from actorgraph.errors import ConfigError
    from actorgraph.extraction import formulas
    from actorgraph.lang import lexicon
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "formulas.yaml").write_text(
        "formulas:\n  control:\n    predicate: commands\n    openings: [[acting, on, behalf, of]]\n"
        "    closings: [[of]]\n")
    data = lexicon("en", "formulas", tmp_path)
    with pytest.raises(ConfigError, match="quote on/off"):
        formulas.read_formulas(data, "en", "formulas.yaml")


# --- Violence and crimes by general class (WordNet violence.n.01, hostility.n.03, atrocity.n.01) ------

def test_hostilities_against_an_actor_target_it(extract):
    found = extract("Hezbollah has been engaged in hostilities against Israel since October.")
    found.relation("Hezbollah", "targeted", "Israel")


def test_violence_against_no_actor_is_nothing(extract):
    found = extract("Ahmed Hassan condemned violence against women in a sermon.")
    assert not any(p in ("targeted", "opposes") for _, p, _ in found.triples())


@pytest.mark.parametrize("sentence", [
    "The report details war crimes committed by the Rapid Support Forces in Darfur.",
    "The Rapid Support Forces committed atrocities in Darfur, the panel said.",
])
def test_crimes_committed_in_a_place_are_presence_there(extract, sentence):
    extract(sentence).relation("Rapid Support Forces", "operates_in", "Darfur")


def test_crime_in_a_place_without_a_holder_is_nothing(extract):
    found = extract("Crime in Darfur rose sharply last year, the report said.")
    assert not any(p == "operates_in" for _, p, _ in found.triples())


# --- Prefixes of attitude: "anti-X", "pro-X" (WordNet anti.a.01, pro.a.01) ----------------------------

@pytest.mark.parametrize("text, triple", [
    ("The United States has troops in Iraq. Ahmed Hassan is a staunchly anti-American cleric.",
     ("Ahmed Hassan", "opposes", "United States")),
    ("Israel struck Gaza. Kataib Hezbollah, an anti-Israel militia, fired rockets.",
     ("Kataib Hezbollah", "opposes", "Israel")),
    ("Iran backs many groups. Kataib Hezbollah is a pro-Iranian militia.",
     ("Kataib Hezbollah", "allied_with", "Iran")),
])
def test_a_prefix_of_attitude_relates_the_described_actor(extract, text, triple):
    assert triple in extract(text).triples()


def test_a_demonym_behind_a_prefix_is_not_nationality(extract):
    triples = extract("The United States has troops in Iraq. Ahmed Hassan is a staunchly anti-American cleric. "
                      "Iran backs many groups. Kataib Hezbollah is a pro-Iranian militia.").triples()
    assert ("Ahmed Hassan", "member_of", "United States") not in triples
    assert ("Kataib Hezbollah", "based_in", "Iran") not in triples


@pytest.mark.parametrize("text", [
    "The United States has troops in Iraq. Anti-American sentiment grew in Iraq after the invasion.",
    "The United States has troops in Iraq. Anti-government protesters marched in Baghdad.",
])
def test_a_prefix_on_no_actor_is_nothing(extract, text):
    assert not any(p in ("opposes", "allied_with") for _, p, _ in extract(text).triples())


@pytest.mark.parametrize("sentence", [
    "Hezbollah was involved in attacks against Israel.",
    "Hezbollah has been engaged in attacks against Israel since October.",
])
def test_the_subject_of_a_passive_share_verb_is_the_attacker(extract, sentence):
    extract(sentence).relation("Hezbollah", "targeted", "Israel")


def test_a_passive_share_verb_without_an_attack_is_nothing(extract):
    found = extract("Hezbollah was involved in talks with Israel's neighbours.")
    assert not any(p == "targeted" for _, p, _ in found.triples())


# --- A place after a role's "in" is where the office is held when the role names its owner ------------

@pytest.mark.parametrize("sentence, owner, place", [
    ("Hamid Saleh acts as the Quds Force's representative in Yemen.", "Quds Force", "Yemen"),
    ("Hamid Saleh, a Hezbollah commander in Syria, was killed.", "Hezbollah", "Syria"),
])
def test_a_place_after_an_owned_role_is_not_its_owner(extract, sentence, owner, place):
    found = extract(sentence)
    found.relation("Hamid Saleh", "member_of", owner)
    assert ("Hamid Saleh", "member_of", place) not in found.triples()


def test_an_official_in_an_organization_is_its_member(extract):
    extract("Hamid Saleh is a senior official in Hezbollah.").relation("Hamid Saleh", "member_of", "Hezbollah")
