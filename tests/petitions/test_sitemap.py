"""A search engine finds every petition, Member and subject page."""

import re

from django.utils.translation import override

from petitions.models import Member, Petition, Subject
from public.sitemaps import PetitionSitemap


def locations(response):
    assert response.status_code == 200
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert {"Disallow: /en/search/", "Disallow: /fr/search/"} <= set(lines)


def test_sitemap_lists_every_petition_member_and_subject_page_in_both_languages(client, samples):
    sections = locations(client.get("/sitemap.xml"))
    assert sections == [
        f"http://testserver/sitemap-{name}-{language}.xml"
        for name in ("petitions", "members", "subjects")
        for language in ("en", "fr")
    ]
    pages = {url for section in sections for url in locations(client.get(section))}
    expected = set()
    for language in ("en", "fr"):
        with override(language):
            expected |= {
                *(p.get_absolute_url() for p in Petition.objects.all()),
                *(m.get_absolute_url() for m in Member.objects.all()),
                *(s.get_absolute_url() for s in Subject.objects.all()),
            }
    assert pages == {f"http://testserver{url}" for url in expected}
    assert len(pages) == 2 * (5 + 4 + 3)
    assert "http://testserver/fr/petitions/e-2829/" in pages
    for url in pages:
        assert client.get(url.removeprefix("http://testserver")).status_code == 200


def test_large_sections_are_split_into_pages(client, samples, monkeypatch):
    monkeypatch.setattr(PetitionSitemap, "limit", 2)
    sections = locations(client.get("/sitemap.xml"))
    assert sections[:3] == [
        "http://testserver/sitemap-petitions-en.xml",
        "http://testserver/sitemap-petitions-en.xml?p=2",
        "http://testserver/sitemap-petitions-en.xml?p=3",
    ]
    assert len(locations(client.get("/sitemap-petitions-fr.xml", {"p": 3}))) == 1
    assert client.get("/sitemap-petitions-fr.xml", {"p": 4}).status_code == 404


def test_sitemap_query_counts_are_fixed(client, samples, django_assert_num_queries):
    """The index: a count per section and the latest change of the petition sections; a page:
    a count and the page's rows."""
    with django_assert_num_queries(8):
        client.get("/sitemap.xml")
    with django_assert_num_queries(2):
        client.get("/sitemap-petitions-fr.xml")
