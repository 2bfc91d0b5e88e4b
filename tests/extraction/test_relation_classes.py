"""Relation recall by general class (issue 13): control and command nouns, "-run"/"-led",
administering, receiving money or supplies, withdrawing from and living in a place, rebellion,
allegiance, acting in concert, deputy offices, and personal relatives.

Every sentence is invented for these tests; each class has sentences that must yield nothing
(or not the wrong thing) where the same words are used in another sense or between non-actors.
"""
from __future__ import annotations

import pytest

POSITIVE = [
    # control and command nouns with "over" -> commands
    ("Omar Haddad maintains command responsibility over the Northern Guard.", "Omar Haddad", "commands", "Northern Guard"),
    ("The Quds Force has authority over Kataib Hezbollah.", "Quds Force", "commands", "Kataib Hezbollah"),
    ("The IRGC has tightened its control over the Badr Organization.", "IRGC", "commands", "Badr Organization"),
    # "-run", "-led", "-operated" after a name -> commands
    ("Russia says fighters of the Moscow-run Africa Corps arrived in Bamako.", "Russia", "commands", "Africa Corps"),
    ("The Iran-led Axis Council met in Beirut.", "Iran", "commands", "Axis Council"),
    # administering, managing -> commands
    ("The Martyrs Foundation, which is administered by the Quds Force, paid the families.",
     "Quds Force", "commands", "Martyrs Foundation"),
    # receiving money or supplies from -> the giver supports the receiver
    ("Hezbollah receives about $300 million a year from Iran.", "Iran", "supports", "Hezbollah"),
    ("The Rapid Support Forces received military supplies from the United Arab Emirates.",
     "United Arab Emirates", "supports", "Rapid Support Forces"),
    # withdrawing from a place -> was there
    ("France withdrew its troops from Mali in 2022.", "France", "operates_in", "Mali"),
    ("Russia withdrew from Kherson last November.", "Russia", "operates_in", "Kherson"),
    # living in a place -> based there
    ("Omar Haddad, a senior Hamas official who lives in Qatar, spoke to reporters.", "Omar Haddad", "based_in", "Qatar"),
    # a personal relative after an office names the person, not the office
    ("Omar Haddad, head of the Hamas political bureau, who lives in Turkey, declined to comment.",
     "Omar Haddad", "based_in", "Turkey"),
    # rebellion and uprising against -> opposes
    ("The Wagner Group staged a rebellion against Russia in 2023.", "Wagner Group", "opposes", "Russia"),
    # allegiance and loyalty to -> allied_with
    ("Omar Haddad pledged his allegiance to the Islamic State.", "Omar Haddad", "allied_with", "Islamic State"),
    # acting in concert / in league with -> associated_with
    ("Hezbollah acted in concert with the Quds Force.", "Hezbollah", "associated_with", "Quds Force"),
    # a deputy of an office of leading -> deputy_of
    ("Omar Haddad is al-Shabaab's deputy emir.", "Omar Haddad", "deputy_of", "al-Shabaab"),
    ("Hezbollah's deputy leader Naim Qassem spoke on Sunday.", "Naim Qassem", "deputy_of", "Hezbollah"),
]


@pytest.mark.parametrize("text,subject,predicate,obj", POSITIVE)
def test_relation_class(extract, text, subject, predicate, obj):
    found = extract(text)
    found.relation(subject, predicate, obj)


NOTHING = [
    # a hotel managed by a company is a contract, not command; control over a thing; a tax
    "Fairmont Hotels will manage the Savoy Hotel.",
    "The deal gives Inbev near-total control over the brewer.",
    "The tax would be administered by the local council.",
    # "-run", "-led" before things
    "Workers at the state-run oil company went on strike.",
    "He criticised the judge-led inquiry.",
    # receiving a letter, a phone call
    "Hezbollah received a letter from the United Nations.",
    # withdrawing a bid, an offer, money
    "Vodafone withdrew its offer from the market.",
    "Sumitomo withdrew its takeover offer for UFJ.",
    # living in fear, in a house
    "Omar Haddad lives in fear of arrest.",
    # an uprising with no actor against another
    "Unemployment rose after the uprising against the occupation.",
    # loyalty to things
    "Blind allegiance to a balanced budget will have to be abandoned.",
    # working in tandem between non-actors
    "The bank is working in tandem with the statistics office.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_relation(extract, text):
    found = extract(text)
    assert not found.ex.relations, sorted(found.triples())


def test_deputy_office_is_not_leadership(extract):
    """"the deputy emir" is second to the leader: no leads."""
    found = extract("Omar Haddad is al-Shabaab's deputy emir.")
    assert ("Omar Haddad", "leads", "al-Shabaab") not in found.triples(), sorted(found.triples())


def test_impersonal_relative_keeps_the_thing(extract):
    """"which" after an office stays with the office: the bureau, not the person, is the subject."""
    found = extract("Omar Haddad leads the Hamas political bureau, which is based in Qatar.")
    assert ("Omar Haddad", "based_in", "Qatar") not in found.triples(), sorted(found.triples())


def test_living_abroad_is_not_operating_against(extract):
    """Living in a country says where someone is based, nothing more."""
    found = extract("Omar Haddad lives in Turkey.")
    assert {t[1] for t in found.triples()} == {"based_in"}, sorted(found.triples())


# --- noun-phrase variants: descriptions of a name (extraction/descriptions.py) ---------------------

DESCRIBED = [
    # a demonym on the kind noun beside the name, or on a describing noun -> based_in
    ("Russia denies it, but the Russian paramilitary group Wagner has left Mali.", "Wagner", "based_in", "Russia"),
    ("Lebanon is small. Hezbollah, a Lebanese Shia movement, fired rockets.", "Hezbollah", "based_in", "Lebanon"),
    ("Lebanon is small. Hezbollah is a Lebanese group.", "Hezbollah", "based_in", "Lebanon"),
    # a demonym before a long name -> based_in
    ("Iraq and Syria. The Iraqi Popular Mobilization Forces took part.", "Popular Mobilization Forces", "based_in", "Iraq"),
    # a possessor on a describing kind noun -> part_of
    ("Wagner, Russia's best-known mercenary group, was disbanded.", "Wagner", "part_of", "Russia"),
    # a place on a describing noun -> operates_in
    ("The Houthis are Iran's closest proxy group in Yemen.", "Houthis", "operates_in", "Yemen"),
    ("Al-Shabaab is al-Qaeda's principal affiliate in East Africa.", "Al-Shabaab", "operates_in", "East Africa"),
    # a person's organization after "of" -> member_of
    ("Reporting from Beirut, Zeina Khodr of Al Jazeera said the talks had failed.", "Zeina Khodr", "member_of", "Al Jazeera"),
    # a kind noun with the name parsed apart still names it
    ("Iran denies it. The Iranian-backed group Kataib Hezbollah claimed the attack.", "Iran", "supports", "Kataib Hezbollah"),
]


@pytest.mark.parametrize("text,subject,predicate,obj", DESCRIBED)
def test_described_name(extract, text, subject, predicate, obj):
    extract(text).relation(subject, predicate, obj)


@pytest.mark.parametrize("text,forbidden", [
    # "-backed" before the kind noun is backing, not nationality
    ("Iran denies it. The Iranian-backed group Kataib Hezbollah claimed the attack.", ("Kataib Hezbollah", "based_in", "Iran")),
    # a relational noun on the kind noun says more than the possessive: no part_of
    ("Hezbollah, Iran's proxy group, fired rockets at Israel.", ("Hezbollah", "part_of", "Iran")),
    # "of" after a person names a country, not an organization of which they are a member
    ("Mohammed bin Salman of Saudi Arabia met Joe Biden.", ("Mohammed bin Salman", "member_of", "Saudi Arabia")),
])
def test_described_name_negative(extract, text, forbidden):
    found = extract(text)
    assert forbidden not in found.triples(), sorted(found.triples())


def test_control_over_their_units_is_not_over_them(extract):
    """Control over an actor's operations (a unit noun) is not command of the actor."""
    found = extract("LSE and Euronext do not have control over their clearing and settlement operations.")
    assert not [t for t in found.triples() if t[1] == "commands"], sorted(found.triples())


# --- noun-phrase variants of roles and possessives --------------------------------------------------

ROLE_VARIANTS = [
    # a fronted apposition the parser made a second subject; coordinated role nouns share the bearer
    ("A founder of Hamas in the 1980s and a disciple of its spiritual leader Ahmed Yassin, Omar Haddad studied in Cairo.",
     "Omar Haddad", "founded", "Hamas"),
    ("A founder of Hamas in the 1980s and a disciple of its spiritual leader Ahmed Yassin, Omar Haddad studied in Cairo.",
     "Omar Haddad", "associated_with", "Ahmed Yassin"),
    # a noun of leading qualified by a domain noun heads a part: member_of the whole
    ("Hamas said Omar Haddad, the group's intelligence and financial chief, was killed.", "Omar Haddad", "member_of", "Hamas"),
    # a person's organization, by a possessive or by "whose"
    ("The deal was backed by Nabih Berri, whose Amal movement is an ally of Hezbollah.", "Nabih Berri", "member_of", "Amal Movement"),
    ("The reform was opposed by Ali Hassan's Dawa Party.", "Ali Hassan", "member_of", "Dawa Party"),
    # a possessive parsed nmod + case ("on Omar's orders")
    ("Kataib Hezbollah attacked the base on Qassem Soleimani’s orders.", "Qassem Soleimani", "commands", "Kataib Hezbollah"),
    # a gerund after a preposition is an activity in a place
    ("Omar Haddad has had a key role in fighting in Syria and Iraq.", "Omar Haddad", "operates_in", "Syria"),
]


@pytest.mark.parametrize("text,subject,predicate,obj", ROLE_VARIANTS)
def test_role_variant(extract, text, subject, predicate, obj):
    extract(text).relation(subject, predicate, obj)


@pytest.mark.parametrize("text,forbidden", [
    # the fronted apposition is not the subject of the clause: the commander lives there, not the Force
    ("A former commander of the Quds Force, Omar Haddad now lives in Tehran.", ("IRGC Quds Force", "based_in", "Tehran")),
    # "the group's intelligence chief" does not lead the group
    ("Hamas said Omar Haddad, the group's intelligence and financial chief, was killed.", ("Omar Haddad", "leads", "Hamas")),
])
def test_role_variant_negative(extract, text, forbidden):
    found = extract(text)
    assert forbidden not in found.triples(), sorted(found.triples())


@pytest.mark.parametrize("text,subject,obj", [
    ("Hezbollah party leader Hassan Nasrallah spoke.", "Hassan Nasrallah", "Hezbollah"),
    ("Hamas political leader Ismail Haniyeh spoke.", "Ismail Haniyeh", "Hamas"),
])
def test_kind_and_adjective_keep_leadership(extract, text, subject, obj):
    extract(text).relation(subject, "leads", obj)


# --- reference: a counted group; a place hung on the object ----------------------------------------

@pytest.mark.parametrize("text,subject,predicate,obj", [
    ("The leaders are Omar Haddad, Ali Nasser and Karim Mansour. All three are based in Qatar.",
     "Karim Mansour", "based_in", "Qatar"),
    ("Omar Haddad and Ali Nasser fled. Both now live in Turkey.", "Ali Nasser", "based_in", "Türkiye"),
    # "in Iraq" hung on the object of a verb of holding still says where the holder was
    ("From 2009 until 2011, the Mahdi Army held Omar Haddad in Iraq.", "Mahdi Army", "operates_in", "Iraq"),
])
def test_group_and_place(extract, text, subject, predicate, obj):
    extract(text).relation(subject, predicate, obj)


@pytest.mark.parametrize("text", [
    # a number that matches no group named before stands for nobody
    "Omar Haddad and Ali Nasser fled. All three now live in Turkey.",
    # a policy fund of a politician is not an organization he is a member of
    "Mr Haddad wants to give more through his Millennium Challenge Corporation.",
])
def test_group_and_possessive_negative(extract, text):
    found = extract(text)
    assert not [t for t in found.triples() if t[1] in ("based_in", "member_of")], sorted(found.triples())


# --- predicate nouns with a relation, activities hung on the verb, plans ---------------------------

@pytest.mark.parametrize("text,subject,predicate,obj", [
    # a noun "with" a relation noun: the noun's actor holds the relation
    ("The Africa Corps is another paramilitary group with links to the Kremlin.", "Africa Corps", "associated_with", "Kremlin"),
    ("Kataib Hezbollah, a militia with close ties to Iran, denied it.", "Kataib Hezbollah", "associated_with", "Iran"),
    # the place of an activity hung on the verb that runs it
    ("For years, Omar Haddad masterminded military operations against Israel from Lebanon.", "Omar Haddad", "operates_in", "Lebanon"),
    # a one-word name the tagger read as a verb still stands in its place
    ("Now that ISIS in Iraq is defeated, the militias have turned on the government.", "Islamic State", "operates_in", "Iraq"),
    # whoever develops or hatches a plan does what it plans; "American diplomats" are the state's people
    ("Omar Haddad was actively developing plans to attack American diplomats in Iraq, the United States said.",
     "Omar Haddad", "targeted", "United States"),
    ("Hezbollah hatched a plot to kill Omar Haddad.", "Hezbollah", "targeted", "Omar Haddad"),
])
def test_predicate_noun_and_plans(extract, text, subject, predicate, obj):
    extract(text).relation(subject, predicate, obj)


def test_condemning_a_plan_is_not_making_it(extract):
    """The subject of a verb that stands against a plan does not do what the plan says."""
    found = extract("Egypt condemned a plot to kill Omar Haddad.")
    assert ("Egypt", "targeted", "Omar Haddad") not in found.triples(), sorted(found.triples())


def test_attacked_forces_in_a_place_are_not_the_attackers(extract):
    """A place after the object of an attack verb stays with the object, not the verb's subject."""
    found = extract("The Fars agency said American forces attacked the militia's fighters in the region of Anbar.")
    assert not [t for t in found.triples() if t[0] == "Fars News Agency" and t[1] == "operates_in"], sorted(found.triples())
