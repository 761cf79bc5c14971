"""Records of every shape, shown on their public page and read back by the importer,
give the same record: what makes pages of shapes not seen yet read right.

Each example makes one petition (text in one language, history, response, Members)
from the shapes real pages take, renders its page in that language, copies the page's
text as a reader would (tests/pagetext.py), imports it over the record, and compares
every row before and after.
"""

import datetime
from zoneinfo import ZoneInfo

from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from clerks import published_page
from clerks.importing import import_page
from petitions.choices import PartStyle
from petitions.models import Demand, Member, ParliamentSession, Petition, Subject, WhereasClause
from petitions.rules import SIGNING_PERIODS
from responses.models import GovernmentResponse
from tests.clerks.test_real_pages import record
from tests.pagetext import page_lines

OTTAWA = ZoneInfo("America/Toronto")


def _words(text):
    return text.split()


# Words that make up plain sentences: no marker, label or call upon anyone among them.
WORDS = {
    "en": _words(
        "the river community health rural clinics families wait months sharks fins oceans "
        "Canada’s 70-100 million 20% $600,000 C-251 (PRC) “architect” taxes jobs Canda "
        "to to undersigned,Citizens bill Act 2b) section residents workers farmers"
    ),
    "fr": _words(
        "la rivière communauté santé rurale cliniques familles attendent mois requins "
        "océans Canada 70-100 millions 20 % 600 000 $ C-251 (RPC) « architecte » impôts "
        "emplois l’alinéa 2b) article résidents travailleurs agriculteurs"
    ),
}
OPENINGS = {
    "en": ["Rural", "Families", "Distances", "Sharks", "After", "This", "One", "Canada"],
    "fr": ["Les", "Il", "Le", "En", "Cette", "Après", "Une", "Canada"],
}
INTROS = {
    "en": [
        "Whereas:",
        "WHEREAS:",
        "Whereas the Minister of National Defence, Hon. Harjit Singh Sajjan has:",
        "We, the undersigned citizens of Canada, draw the attention of the House of "
        "Commons to the following:",
    ],
    "fr": [
        "Attendu que :",
        "ATTENDU QUE :",
        "Nous, soussignés, citoyens du Canada, attirons l’attention de la Chambre des "
        "communes sur ce qui suit :",
    ],
}
PRAYERS = {
    "en": [
        "We, the undersigned, citizens of Canada, call upon the Government of Canada to",
        "Therefore, your petitioners call upon the Minister of Health to",
        "Therefore we, the undersigned, call on the Government to",
    ],
    "fr": [
        "Nous, soussignés, citoyens du Canada, prions le gouvernement du Canada de",
        "Nous soussignés, citoyens canadiens, demandons à la ministre de la Santé de",
    ],
}
THEREFORE = {"en": "THEREFORE:", "fr": "PAR CONSÉQUENT :"}
# Addressee lines as printed; the record's kind and name are what a reader takes from them.
ADDRESSEE_LINES = {
    "en": [
        "Petition to the House of Commons",
        "Petition to the Government of Canada",
        "Petition to the Minister of Fisheries, Oceans and the Canadian Coast Guard",
        "Petition to the Prime Minister",
        "Petition to the Minister of Foreign Affairs and to the Minister of Citizenship "
        "and Immigration",
        "Petition to Member of Parliament for Southern Okanagan-West, Richard Cannings",
        "PETITION TO THE HOUSE OF COMMONS IN PARLIAMENT ASSEMBLED",
        "Petition to the House of Commons in Parliament assembled",
    ],
    "fr": [
        "Pétition au gouvernement du Canada",
        "Pétition adressée au gouvernement du Canada",
        "Pétition à la Chambre des communes",
        "Pétition à la ministre de la Santé",
        "Pétition au ministre des Finances",
        "Pétition au premier ministre et au gouvernement du Canada",
        "PÉTITION À LA CHAMBRE DES COMMUNES RÉUNIE EN PARLEMENT",
    ],
}
OFFICES = {
    "en": ["Minister of Health", "President of the Queen's Privy Council for Canada"],
    "fr": ["la ministre de la Santé", "ministre des Finances"],
}
CAUCUSES = {
    "en": ["Liberal", "Conservative", "New Democratic Party", "Green Party", "Independent"],
    "fr": ["Libéral", "Conservateur", "NPD", "Parti vert", "Indépendant"],
}
PLACES = ["Nepean", "Battle River—Crowfoot", "Winnipeg-Centre", "Lanark—Frontenac—Kingston"]
PEOPLE = ["Jordan Example", "Camille Exemple", "Morgan Placeholder", "Sam Sample"]
SUBJECTS = ["Foreign affairs", "Harjit Sajjan", "Santé", "Health (mental)", "Justice"]
LANGUAGE_NAMES = {"en": ["English", "French"], "fr": ["Anglais", "Français", "English"]}


@st.composite
def sentences(draw, language, end="."):
    words = draw(st.lists(st.sampled_from(WORDS[language]), min_size=2, max_size=12))
    return " ".join([draw(st.sampled_from(OPENINGS[language])), *words]) + end


@st.composite
def items(draw, language, style, sub_items=True):
    """The texts of a run of clauses or requests printed in ``style``."""
    count = draw(st.integers(1, 6))
    texts = []
    for _ in range(count):
        text = draw(sentences(language, end=draw(st.sampled_from([";", ".", "; and"]))))
        if style == PartStyle.MARKED:
            marker = draw(st.sampled_from(["(a)", "(i)", "(iv)", "(3)", "b)"]))
            text = f"{marker} {text}"
        elif sub_items and draw(st.booleans()):
            letters = "abcde"[: draw(st.integers(1, 3))]
            text += "".join(
                f"\n({letter}) {draw(sentences(language, end=';'))}" for letter in letters
            )
        if style == PartStyle.PARAGRAPHS:
            text = draw(st.sampled_from(["THAT ", "Whereas, ", ""])) + text
        texts.append(text)
    return texts


@st.composite
def shapes(draw):
    """One petition's values, as the House's pages show them in one language."""
    language = draw(st.sampled_from(["en", "fr"]))
    kind = draw(st.sampled_from(["electronic", "paper"]))
    shape = {"language": language, "kind": kind}
    shape["addressee_line"] = draw(st.sampled_from(ADDRESSEE_LINES[language]))
    clause_style = draw(st.sampled_from([None, *PartStyle.values]))
    shape["clause_style"] = clause_style or PartStyle.BULLETED
    shape["clauses"] = draw(items(language, clause_style)) if clause_style else []
    intro_needed = clause_style == PartStyle.PARAGRAPHS and draw(st.booleans())
    shape["grievance_intro"] = (
        draw(st.sampled_from(INTROS[language]))
        if shape["clauses"] and (intro_needed or draw(st.booleans()))
        else ""
    )
    demand_style = draw(st.sampled_from([None, *PartStyle.values]))
    if demand_style == PartStyle.PARAGRAPHS:
        demand_style = None  # requests as paragraphs read as closing paragraphs
    shape["demand_style"] = demand_style or PartStyle.NUMBERED
    shape["demands"] = draw(items(language, demand_style)) if demand_style else []
    opening = draw(st.sampled_from(PRAYERS[language]))
    if shape["demands"]:
        prayer = [opening + (" :" if language == "fr" else ":")]
    else:
        prayer = [opening + " " + draw(sentences(language)).lower()]
    if draw(st.booleans()):
        prayer.insert(0, THEREFORE[language])
    shape["lead_in"] = "\n\n".join(prayer)
    closing = draw(st.lists(sentences(language), max_size=2))
    shape["closing"] = "\n\n".join(closing)
    shape["subject"] = draw(st.sampled_from(SUBJECTS))
    shape["original_language"] = draw(st.sampled_from(["", "en", "fr"]))
    name = draw(st.sampled_from(LANGUAGE_NAMES[language]))
    standard = [published_page.standard_language_name(code, language) for code in ("en", "fr")]
    shape["original_language_label"] = ""
    if shape["original_language"] and name not in standard:
        shape["original_language"] = "en"
        shape["original_language_label"] = name

    day = draw(st.dates(datetime.date(2016, 1, 10), datetime.date(2024, 6, 1)))
    clock = datetime.time(draw(st.integers(8, 20)), draw(st.sampled_from([0, 5, 30, 38, 55])))
    opened = datetime.datetime.combine(day, clock, tzinfo=OTTAWA)
    period = draw(st.sampled_from(SIGNING_PERIODS))
    end = day + datetime.timedelta(days=period)
    scheduled = datetime.datetime.combine(end, clock, tzinfo=OTTAWA)
    progress = (
        "presented"
        if kind == "paper"
        else draw(st.sampled_from(["open", "closed", "early", "presented"]))
    )
    shape.update(opened_at=None, scheduled_close_at=None, closed_at=None, presented_on=None)
    shape.update(certified_on=None, response=None)
    if kind == "electronic":
        shape["opened_at"], shape["scheduled_close_at"] = opened, scheduled
        if progress in ("closed", "presented"):
            shape["closed_at"] = scheduled
        elif progress == "early":
            # Closed early (a dissolution), at another clock time than it opened.
            shape["closed_at"] = opened + datetime.timedelta(days=17, hours=1)
        initiator = draw(st.sampled_from(["", "name", "place", "province"]))
        shape["initiator"] = (
            "" if not initiator else draw(st.sampled_from(PEOPLE)),
            "" if initiator in ("", "name") else draw(st.sampled_from(["Rimouski", "Seattle"])),
            "QC" if initiator == "province" else "",
        )
    else:
        shape["initiator"] = ("", "", "")
    if progress == "presented":
        closed = shape["closed_at"].date() if shape["closed_at"] else day
        presented = closed + datetime.timedelta(days=draw(st.integers(5, 60)))
        shape["presented_on"] = presented
        if draw(st.booleans()):
            shape["certified_on"] = closed + datetime.timedelta(days=2)
        response = draw(st.sampled_from([None, "paper", "full", "both"]))
        if response:
            shape["response"] = {
                "tabled_on": presented + datetime.timedelta(days=draw(st.integers(10, 90))),
                "sessional_paper": "8545-421-179-01" if response in ("paper", "both") else "",
                "office": draw(st.sampled_from(OFFICES[language])) if response != "paper" else "",
                "signer_name": "The Honourable Sam Sample" if response != "paper" else "",
                "text": "\n\n".join(draw(st.lists(sentences(language), min_size=1, max_size=3)))
                if response != "paper"
                else "",
            }
    shape["sponsor"] = (
        None
        if progress != "presented" and draw(st.booleans())
        else {
            "name": draw(st.sampled_from(PEOPLE)),
            "riding": draw(st.sampled_from(["", *PLACES])),
            "caucus": draw(st.sampled_from(["", *CAUCUSES[language]])),
            "province": draw(st.sampled_from(["", "ON", "BC", "MB"])),
        }
    )
    shape["presenter"] = (
        {"name": "Pat Presenter", "riding": draw(st.sampled_from(["", *PLACES]))}
        if shape["presented_on"] and draw(st.booleans())
        else None
    )
    return shape


def member(values, language):
    found = Member(name=values["name"], slug=values["name"].lower().replace(" ", "-"))
    setattr(found, f"riding_{language}", values["riding"] or None)
    setattr(found, f"caucus_{language}", values.get("caucus") or None)
    found.province = values.get("province", "")
    found.save()
    return found


def make_record(shape):
    """The petition and its parts, in the shape's language, saved as the admin would."""
    language = shape["language"]
    other = "fr" if language == "en" else "en"

    def text(value):
        return {f"_{language}": value or None, f"_{other}": None}

    rest = published_page.ADDRESSEE_RE[language].match(shape["addressee_line"])["rest"]
    addressee_kind, addressee_name = published_page.addressee(rest, language)
    standard = published_page.addressee_line(addressee_kind, addressee_name, language)
    line = shape["addressee_line"] if shape["addressee_line"] != standard else ""
    when = shape["presented_on"] or shape["opened_at"].date()
    session = ParliamentSession.objects.in_force_on(when)
    sponsor = member(shape["sponsor"], language) if shape["sponsor"] else None
    presenter = member(shape["presenter"], language) if shape["presenter"] else sponsor
    subject = Subject(slug="subject")
    setattr(subject, f"name_{language}", shape["subject"])
    subject.save()
    petition = Petition(
        kind=shape["kind"],
        e_number=2829 if shape["kind"] == "electronic" else None,
        petition_no=f"{session.code}-00158" if shape["presented_on"] else None,
        session=session,
        subject=subject,
        initiator_name=shape["initiator"][0],
        initiator_city=shape["initiator"][1],
        initiator_province=shape["initiator"][2],
        original_language=shape["original_language"],
        addressee_kind=addressee_kind,
        clause_style=shape["clause_style"],
        demand_style=shape["demand_style"],
        opened_at=shape["opened_at"],
        scheduled_close_at=shape["scheduled_close_at"],
        closed_at=shape["closed_at"],
        certified_on=shape["certified_on"],
        presented_on=shape["presented_on"],
        sponsor=sponsor,
        presenter=presenter if shape["presented_on"] else None,
    )
    for field, value in [
        ("addressee_name", addressee_name),
        ("addressee_line", line),
        ("original_language_label", shape["original_language_label"]),
        ("grievance_intro", shape["grievance_intro"]),
        ("lead_in", shape["lead_in"]),
        ("closing", shape["closing"]),
    ]:
        for suffix, translated in text(value).items():
            setattr(petition, field + suffix, translated)
    petition.status = petition.expected_statuses(has_response=bool(shape["response"]))[0]
    petition.full_clean()
    petition.save()
    for model, texts in [(WhereasClause, shape["clauses"]), (Demand, shape["demands"])]:
        for position, value in enumerate(texts, start=1):
            part = model(petition=petition, position=position)
            setattr(part, f"text_{language}", value)
            part.full_clean()
            part.save()
    if shape["response"]:
        values = shape["response"]
        response = GovernmentResponse(
            petition=petition,
            tabled_on=values["tabled_on"],
            sessional_paper=values["sessional_paper"],
            signer_name=values["signer_name"],
        )
        setattr(response, f"office_{language}", values["office"] or None)
        setattr(response, f"text_{language}", values["text"] or None)
        response.full_clean()
        response.save()
    return petition


class PageRoundTripTests(TestCase):
    @settings(
        max_examples=120,
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(shape=shapes())
    def test_a_record_shown_and_read_back_is_the_same_record(self, shape):
        petition = make_record(shape)
        before = record()
        url = f"/{shape['language']}/petitions/{petition.number}/"
        response = Client().get(url)
        assert response.status_code == 200
        text = "\n".join(page_lines(response.content.decode(), "petition"))
        result = import_page(text)
        assert not result.created
        after = record()
        assert after == before, f"{changes(before, after)}\n---\n{text}"


def changes(before, after):
    """What the import changed, field by field."""
    lines = []
    for model, rows in before.items():
        if len(rows) != len(after[model]):
            lines.append(f"{model}: {len(rows)} rows, then {len(after[model])}")
            continue
        for old, new in zip(rows, after[model], strict=True):
            lines += [
                f"{model}.{key}: {old[key]!r} -> {new.get(key)!r}"
                for key in old
                if old[key] != new.get(key)
            ]
    return "\n".join(lines)
