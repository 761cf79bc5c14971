"""A listed petition's line of facts, built in Python, reads as template markup would.

``listing_facts(petition)`` writes in Python what four ``{% blocktranslate %}`` once
wrote in each row of a list page. Over generated petitions (presented or only opened,
with or without a Member, signatures or a response, late or not, in every status), in
English and in French, it gives the text the markup below gives, and escapes what it
shows.
"""

import datetime

from django.template import Context, Template
from django.utils import timezone, translation
from hypothesis import given
from hypothesis import strategies as st

from petitions.choices import Status
from petitions.models import Member, Petition
from public.templating.petitions import listing_facts, long_date
from responses.models import GovernmentResponse

# The markup it replaced, word for word, with the dates written beforehand.
REFERENCE = Template(
    """{% load i18n %}
      {% if petition.presented_on %}{% blocktranslate trimmed with date=presented_on %}Presented {{ date }}{% endblocktranslate %}{% elif petition.opened_at %}{% blocktranslate trimmed with date=opened_at %}Opened {{ date }}{% endblocktranslate %}{% endif %}
      {% if petition.sponsor %}· {{ petition.sponsor.name }}{% endif %}
      {% if petition.signatures is not None %}· {% blocktranslate trimmed count counter=petition.signatures %}{{ counter }} signature{% plural %}{{ counter }} signatures{% endblocktranslate %}{% endif %}
      {% if petition.has_response %}· {% blocktranslate trimmed with date=tabled_on %}Response tabled {{ date }}{% endblocktranslate %}{% if petition.response_late %} <span class="late">{% translate "late" %}</span>{% endif %}
      {% elif petition.status == "presented" %}· {% blocktranslate trimmed with date=response_due_on %}Response due {{ date }}{% endblocktranslate %}{% endif %}
"""  # noqa: E501
)

DATES = st.one_of(st.none(), st.dates(datetime.date(2015, 1, 1), datetime.date(2026, 12, 31)))
MOMENTS = st.one_of(
    st.none(),
    st.datetimes(datetime.datetime(2015, 1, 1), datetime.datetime(2026, 12, 31)).map(
        lambda moment: timezone.make_aware(moment, datetime.UTC)
    ),
)


@st.composite
def petitions(draw):
    petition = Petition(
        kind="electronic",
        e_number=2829,
        status=draw(st.sampled_from(Status.values)),
        presented_on=draw(DATES),
        opened_at=draw(MOMENTS),
        signatures=draw(st.one_of(st.none(), st.sampled_from([0, 1, 2, 1234, 1_000_000]))),
        response_late=draw(st.booleans()),
    )
    if draw(st.booleans()):
        petition.sponsor = Member(name=draw(st.sampled_from(["Élizabeth May", "A <b> & 'C'"])))
    if tabled_on := draw(DATES):
        GovernmentResponse(petition=petition, tabled_on=tabled_on)
    return petition


def words(rendered):
    return " ".join(rendered.split())


@given(petition=petitions(), language=st.sampled_from(["en", "fr"]))
def test_the_line_of_facts_reads_as_the_template_did(petition, language):
    with translation.override(language):
        dates = {
            "presented_on": long_date(petition.presented_on),
            "opened_at": long_date(petition.opened_at),
            "tabled_on": long_date(petition.response.tabled_on) if petition.has_response else "",
            "response_due_on": long_date(petition.response_due_on),
        }
        context = Context({"petition": petition, **dates})
        assert words(listing_facts(petition)) == words(REFERENCE.render(context))


def test_the_line_of_facts_in_french_escapes_the_members_name():
    petition = Petition(
        status=Status.PRESENTED,
        presented_on=datetime.date(2020, 10, 1),
        signatures=1,
        sponsor=Member(name="A <b> & 'C'"),
    )
    with translation.override("fr"):
        rendered = listing_facts(petition)
        petition.status = Status.RESPONDED
        petition.response_late = True
        GovernmentResponse(petition=petition, tabled_on=datetime.date(2020, 12, 1))
        answered = listing_facts(petition)
    assert rendered == (
        "Présentée le 1er octobre 2020 · A &lt;b&gt; &amp; &#x27;C&#x27; · 1 signature · "
        "Réponse attendue le 15 novembre 2020"
    )
    assert answered.endswith(
        '· Réponse déposée le 1er décembre 2020 <span class="late">en retard</span>'
    )
