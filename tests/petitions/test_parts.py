"""A petition's parts read in one query are what prefetch_related reads in four.

petitions.parts.load_parts replaces prefetch_related("clauses", "demands",
"signature_counts", "keywords") on the petition page and in the API. Over generated
petitions (parts in any order of entry, texts in one language or both, keywords named
in one language or both, petitions with no parts at all), in English and in French,
both give the same parts with the same fields in the same order. (Where the ORM leaves
an order undefined, two keywords without a name in the page's language, the one query
puts the older keyword first; the prefetch here is told to do the same.)
"""

import datetime

from django.db.models import Prefetch
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from petitions.choices import Province
from petitions.models import (
    Demand,
    Keyword,
    Member,
    ParliamentSession,
    Petition,
    SignatureCount,
    Subject,
    WhereasClause,
)
from petitions.parts import PARTS, load_parts

NAMES = ["Agriculture", "Zoning", "Arts", "Énergie", "eau", "Budget"]
TEXT = st.one_of(st.none(), st.sampled_from(["", "Whereas…", "Attendu que…", "B", "a"]))


@st.composite
def texts(draw):
    """A part's text in English, in French, or both (never neither: clean() refuses it)."""
    english, french = draw(TEXT), draw(TEXT)
    if not (english or french):
        english = "Whereas…"
    return {"en": english, "fr": french}


@st.composite
def petitions(draw):
    return [
        {
            "clauses": draw(st.lists(texts(), max_size=4)),
            "demands": draw(st.lists(texts(), max_size=4)),
            "provinces": draw(
                st.lists(st.sampled_from(Province.values), unique=True, max_size=5).map(
                    lambda values: {value: draw(st.integers(0, 10**6)) for value in values}
                )
            ),
            "keywords": draw(st.lists(st.integers(0, len(NAMES) - 1), unique=True, max_size=4)),
        }
        for _ in range(draw(st.integers(1, 3)))
    ]


def save(records):
    session = ParliamentSession.objects.get_by_code("432")
    subject = Subject.objects.create(slug="justice", name_en="Justice", name_fr="Justice")
    member = Member.objects.create(name="Sam Sample", slug="sam-sample")
    # Keywords named in one language or both, so that some sort as NULL in the other.
    keywords = [
        Keyword.objects.create(
            slug=f"keyword-{index}",
            name_en=name if index % 3 != 1 else None,
            name_fr=name.upper() if index % 3 != 2 else None,
        )
        for index, name in enumerate(NAMES)
    ]
    for number, record in enumerate(records, start=1):
        petition = Petition.objects.create(
            kind="paper",
            petition_no=f"432-{number:05d}",
            session=session,
            subject=subject,
            status="presented",
            presented_on=datetime.date(2021, 2, number),
            sponsor=member,
            presenter=member,
            lead_in_en="We, the undersigned, call upon the Government of Canada to:",
        )
        for model, parts in ((WhereasClause, record["clauses"]), (Demand, record["demands"])):
            # Entered last position first, so that the order of ids is not the order read.
            for position, text in reversed(list(enumerate(parts, start=1))):
                model.objects.create(
                    petition=petition, position=position, text_en=text["en"], text_fr=text["fr"]
                )
        for province, count in record["provinces"].items():
            SignatureCount.objects.create(petition=petition, province=province, count=count)
        petition.keywords.set([keywords[index] for index in record["keywords"]])


def as_read(petitions):
    """Every part of every petition, with every field's value and all else the instance
    holds (its database, whether it is saved, the relations it caches), in the order
    given."""
    return [
        [
            [
                {
                    **{
                        field.attname: getattr(part, field.attname)
                        for field in part._meta.concrete_fields
                    },
                    # The prefetch's own mark on a many-to-many row is not the part's.
                    **{
                        key: value
                        for key, value in vars(part).items()
                        if key != "_state" and not key.startswith("_prefetch_related_val")
                    },
                    "state": (part._state.db, part._state.adding, part._state.fields_cache),
                }
                for part in getattr(petition, name).all()
            ]
            for name in PARTS
        ]
        for petition in petitions
    ]


class LoadPartsTests(TestCase):
    @settings(
        max_examples=25,
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(records=petitions())
    def test_parts_read_in_one_query_equal_the_four_prefetched(self, records):
        save(records)
        for language in ("en", "fr"):
            with translation.override(language):
                prefetched = list(
                    Petition.objects.order_by("pk").prefetch_related(
                        "clauses",
                        "demands",
                        "signature_counts",
                        Prefetch("keywords", Keyword.objects.order_by("name", "pk")),
                    )
                )
                loaded = list(Petition.objects.order_by("pk"))
                with self.assertNumQueries(1):
                    load_parts(loaded)
                with self.assertNumQueries(0):
                    assert as_read(loaded) == as_read(prefetched)
                    # A part knows its petition, as a prefetched one does.
                    for petition in loaded:
                        for part in petition.clauses.all():
                            assert part.petition is petition
                # A queryset made from the loaded parts queries this petition's alone.
                for petition, fresh in zip(loaded, Petition.objects.order_by("pk"), strict=True):
                    for name, chained in (
                        ("clauses", lambda parts: parts.filter(position__gte=2)),
                        ("demands", lambda parts: parts.order_by("-position")),
                        ("keywords", lambda parts: parts.exclude(slug="keyword-0").order_by("pk")),
                    ):
                        expected = list(chained(getattr(fresh, name).all()))
                        assert list(chained(getattr(petition, name).all())) == expected
