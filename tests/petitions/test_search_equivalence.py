"""The fast search finds exactly what the plain query over every text finds.

The database's full-text search (PostgreSQL's vectors, SQLite's FTS5 index, both
kept in step by petitions.indexing) replaces a plain ORM query that looks for each
word in every text of a petition (PetitionQuerySet.matching_words). Over generated
records and queries of whole words, "phrases" and -exclusions, both give the same
petitions. (The plain query reads no "or", and matches inside words; queries here
use whole words, so the two must agree.)
"""

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from petitions.models import (
    Demand,
    Member,
    ParliamentSession,
    Petition,
    Subject,
    WhereasClause,
)
from responses.models import GovernmentResponse

# Made-up words no stemmer shortens or merges (no English or French ending in them).
WORDS = ["bagtuk", "zormop", "kvadrum", "flombat", "tobruk", "gumdrap", "pakotz", "vurbag"]
# Ends every text, so that no phrase of the words above spans two texts.
STOP = "stop"


@st.composite
def texts(draw, min_size=0, max_size=3):
    return [
        " ".join([*draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5)), STOP])
        for _ in range(draw(st.integers(min_size, max_size)))
    ]


@st.composite
def records(draw):
    return [
        {
            "language": draw(st.sampled_from(["en", "fr"])),
            "clauses": draw(texts()),
            "lead_in": draw(texts(1, 1))[0],
            "demands": draw(texts()),
            "closing": draw(texts(0, 1)),
            "response": draw(texts(0, 1)),
        }
        for _ in range(draw(st.integers(2, 6)))
    ]


@st.composite
def queries(draw, petitions):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=2, unique=True))
    terms = list(words)
    every_text = [t for p in petitions for t in (*p["clauses"], p["lead_in"], *p["demands"])]
    if draw(st.booleans()):
        text = draw(st.sampled_from(every_text)).split()[:-1]
        if len(text) >= 2:
            start = draw(st.integers(0, len(text) - 2))
            terms.append(f'"{text[start]} {text[start + 1]}"')
    if draw(st.booleans()):
        terms.append("-" + draw(st.sampled_from([w for w in WORDS if w not in words])))
    return " ".join(terms)


def save(records):
    session = ParliamentSession.objects.get_by_code("432")
    subject = Subject.objects.create(slug="justice", name_en="Justice", name_fr="Justice")
    member = Member.objects.create(name="Sam Sample", slug="sam-sample")
    for number, record in enumerate(records, start=1):
        lang = record["language"]
        petition = Petition.objects.create(
            kind="paper",
            petition_no=f"432-{number:05d}",
            session=session,
            subject=subject,
            status="responded" if record["response"] else "presented",
            presented_on=datetime.date(2021, 2, number),
            sponsor=member,
            presenter=member,
            **{f"lead_in_{lang}": record["lead_in"]},
            **{f"closing_{lang}": "\n\n".join(record["closing"]) or None},
        )
        for model, parts in ((WhereasClause, record["clauses"]), (Demand, record["demands"])):
            for position, text in enumerate(parts, start=1):
                model.objects.create(petition=petition, position=position, **{f"text_{lang}": text})
        if record["response"]:
            GovernmentResponse.objects.create(
                petition=petition,
                tabled_on=datetime.date(2021, 3, 1),
                signer_name="The Honourable Sam Sample",
                **{f"office_{lang}": "Minister of Justice", f"text_{lang}": record["response"][0]},
            )


class SearchEquivalenceTests(TestCase):
    @settings(
        max_examples=60,
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(data=st.data())
    def test_the_full_text_search_finds_what_the_plain_query_finds(self, data):
        petitions = data.draw(records())
        save(petitions)
        for _ in range(4):
            query = data.draw(queries(petitions))
            fast = set(Petition.objects.search(query).values_list("petition_no", flat=True))
            plain = set(
                Petition.objects.matching_words(query).values_list("petition_no", flat=True)
            )
            assert fast == plain, query
