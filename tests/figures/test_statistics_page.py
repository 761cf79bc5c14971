"""A journalist reads the petitions in figures, in English and French, and takes the data away.

The statistics page is built from a few aggregate queries, whatever the size of the
record, kept per record version: a second reader costs one query (the record's
version), and a change to the record gives the next reader new figures.
"""

import csv
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from figures import statistics
from pagecache.models import bump
from petitions.models import Petition
from responses.models import GovernmentResponse
from tests.conftest import page_text

FIGURES = [
    "sessions-by-kind",
    "sessions-by-outcome",
    "response-times",
    "responding-offices",
    "most-signed",
]


def read_csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_statistics_page_draws_every_figure_with_title_summary_chart_and_table(client, samples):
    response = client.get("/en/statistics/")
    assert response.status_code == 200
    body = response.content.decode()
    text = page_text(response)
    assert "Petitions in figures" in text
    for slug in FIGURES:
        section = body[body.index(f'<section class="figure" id="{slug}"') :]
        section = section[: section.index("</section>")]
        # A title, a text summary, the chart named and described, its table, its CSV.
        assert re.search(r"<h2 [^>]*>[^<]+</h2>", section)
        assert 'class="figure-summary"' in section
        assert re.search(
            r'<svg [^>]*role="img" [^>]*aria-labelledby="[^"]+-title [^"]+-desc"', section
        )
        assert "<title " in section and "<desc " in section
        assert f'<table class="data-table" data-figure="{slug}">' in section
        assert f'href="/en/statistics/{slug}.csv"' in section
    assert "1,234" in text  # e-90003's signatures, grouped as English writes them
    assert "45-day limit" in body


def test_statistics_page_is_linked_from_every_page(client, samples):
    for address in ["/en/", "/en/petitions/", "/en/petitions/e-2829/"]:
        assert 'href="/en/statistics/"' in client.get(address).content.decode()


def test_statistics_page_query_count_is_pinned_and_cached_per_record_version(
    client, samples, django_assert_num_queries
):
    """Built: the version, the petitions per session, kind and status, their sessions,
    the responses per office and days waited, the most signed. Then one query: the version."""
    with django_assert_num_queries(5):
        first = client.get("/en/statistics/")
    with django_assert_num_queries(1):
        again = client.get("/en/statistics/")
    with django_assert_num_queries(1):
        french = client.get("/fr/statistics/")
    with django_assert_num_queries(1):
        client.get("/en/statistics/most-signed.csv")
    assert first.content == again.content
    assert french.status_code == 200

    # A change to the record: the next reader gets figures built afresh.
    Petition.objects.filter(e_number=90003).update(signatures=5_000_000)
    bump()
    with django_assert_num_queries(5):
        changed = client.get("/en/statistics/")
    assert "5,000,000" in page_text(changed)


# seed_demo commits batch by batch: not within a test's transaction.
@pytest.mark.django_db(transaction=True)
def test_statistics_build_costs_the_same_queries_at_any_size(django_assert_num_queries, samples):
    with django_assert_num_queries(4):
        small = statistics.build()
    call_command("seed_demo", petitions=200, stdout=io.StringIO())
    with django_assert_num_queries(4):
        large = statistics.build()
    assert sum(row.total for row in large.sessions) == Petition.objects.count()
    assert sum(row.total for row in small.sessions) < Petition.objects.count()


def test_csv_files_hold_each_figure_with_a_header_row(client, samples):
    by_kind = read_csv(client.get("/en/statistics/sessions-by-kind.csv"))
    assert by_kind[0] == ["Session", "E-petition", "Paper petition", "Total"]
    assert by_kind[1:] == [
        ["43rd Parliament, 2nd Session", "1", "0", "1"],
        ["44th Parliament, 1st Session", "1", "1", "2"],
        ["45th Parliament, 1st Session", "2", "0", "2"],
    ]

    outcome = read_csv(client.get("/en/statistics/sessions-by-outcome.csv"))
    assert outcome[0][0] == "Session" and outcome[0][-1] == "Total"
    assert "Government response tabled" in outcome[0]
    assert sum(int(row[-1]) for row in outcome[1:]) == Petition.objects.count()

    times = read_csv(client.get("/en/statistics/response-times.csv"))
    assert times[0] == ["Days from presentation to response", "Responses"]
    assert times[1][0] == "0–5 days" and times[-1][0] == "91 days or more"
    answered = GovernmentResponse.objects.filter(petition__presented_on__isnull=False).count()
    assert sum(int(row[1]) for row in times[1:]) == answered == 2

    offices = read_csv(client.get("/en/statistics/responding-offices.csv"))
    assert offices[0] == ["Responding office", "Responses", "Tabled late", "Share late"]
    assert ["Minister of Environment and Climate Change", "1", "1", "100.0"] in offices
    assert ["Minister of Foreign Affairs", "1", "0", "0.0"] in offices

    signed = read_csv(client.get("/en/statistics/most-signed.csv"))
    assert signed == [
        ["Petition", "Subject", "Signatures"],
        ["e-90003", "Health", "1234"],
        ["e-90004", "Environment", "312"],
        ["441-90001", "Environment", "40"],
    ]

    assert client.get("/en/statistics/nothing.csv").status_code == 404


def test_french_statistics_page_and_csv(client, samples):
    response = client.get("/fr/statistics/")
    assert response.status_code == 200
    text = page_text(response)
    assert "Les pétitions en chiffres" in text
    assert "Délai de réponse du gouvernement" in text
    assert "1\u202f234" in text or "1\xa0234" in text or "1 234" in text
    assert 'href="/fr/statistics/most-signed.csv"' in response.content.decode()
    signed = read_csv(client.get("/fr/statistics/most-signed.csv"))
    assert signed[0] == ["Pétition", "Sujet", "Signatures"]
    by_kind = read_csv(client.get("/fr/statistics/sessions-by-kind.csv"))
    assert by_kind[0][0] == "Session"
    assert by_kind[1][0] == "43e législature, 2e session"
    offices = read_csv(client.get("/fr/statistics/responding-offices.csv"))
    assert ["Ministre de l’Environnement et du Changement climatique", "1", "1", "100.0"] in offices


def test_petition_page_draws_signatures_by_province_with_its_table(client, samples):
    body = client.get("/en/petitions/e-90003/").content.decode()
    chart = body[body.index('<figure class="figure province-figure">') :]
    chart = chart[: chart.index("</figure>")]
    assert re.search(r'<svg [^>]*role="img"', chart)
    assert "Signatures by province and territory" in chart
    assert "Most signatures came from Nova Scotia: 1,100 of 1,234 (89.1%)." in chart
    # One bar per province or territory, in the table's order.
    assert len(re.findall(r'<rect class="bar series-0"', chart)) == 3
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td class="number">(\d+)</td></tr>', chart)
    assert rows == [
        ("New Brunswick", "90"),
        ("Nova Scotia", "1100"),
        ("Prince Edward Island", "44"),
    ]

    french = client.get("/fr/petitions/e-90003/").content.decode()
    assert "Signatures par province et territoire" in french


def test_petition_keywords_link_to_the_petitions_that_share_them(client, samples):
    petition = Petition.objects.filter(keywords__isnull=False).distinct().first()
    body = client.get(petition.get_absolute_url()).content.decode()
    for keyword in petition.keywords.all():
        address = f'href="/en/petitions/?keyword={keyword.slug}"'
        assert address in body
        listed = client.get(f"/en/petitions/?keyword={keyword.slug}")
        assert petition.number in page_text(listed)


def test_domain_apps_do_not_import_figures():
    """figures reads the domain; the domain never reads figures."""
    for app in ["petitions", "responses", "pagecache", "clerks", "api"]:
        for path in Path(settings.BASE_DIR, app).rglob("*.py"):
            source = path.read_text()
            assert not re.search(r"^\s*(from|import) figures\b", source, re.M), path


def test_statistics_page_is_served_from_the_page_cache_with_the_version_it_read(
    client, samples, settings, django_assert_num_queries
):
    """With the page cache on, the figures are built with the version the cache read:
    the version and four aggregate queries, then the page itself from the cache."""
    settings.PAGE_CACHE_SECONDS = 600
    with django_assert_num_queries(5):
        first = client.get("/en/statistics/")
    assert first["Cache-Status"].endswith("stored")
    with django_assert_num_queries(1):
        again = client.get("/en/statistics/")
    assert again["Cache-Status"].endswith("hit")
    assert again.content == first.content
