"""A visitor narrows a search with the filter form and pages through it, losing nothing."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WORD = "Canada"
STATUS = "Government response tabled"
SUBJECT = "Housing"
SORT = "Most signatures"
PER_PAGE = "10"


@pytest.fixture
def many_petitions(db):
    """Made-up petitions, enough for more than one page of a filtered search."""
    call_command("seed_demo", petitions=600, stdout=StringIO())


def listed(page):
    """The petitions on the page, as a reader sees them: number, subject, status, signatures."""
    items = []
    for item in page.locator(".petition-list > li").all():
        heading = item.get_by_role("link").first.inner_text()
        signatures = re.search(r"([\d,]+) signatures?", item.locator(".meta").inner_text())
        items.append(
            {
                "heading": heading,
                "status": item.locator(".status").inner_text(),
                "signatures": int(signatures.group(1).replace(",", "")) if signatures else None,
            }
        )
    return items


def assert_choices_shown(page):
    """The filter form shows every choice made, whichever page of results this is."""
    form = page.get_by_role("form", name="Filter and sort")
    expect(form.get_by_label("Number or words:")).to_have_value(WORD)
    for label, chosen in [("Status:", STATUS), ("Subject:", SUBJECT), ("Sort by:", SORT)]:
        expect(form.get_by_label(label, exact=True).locator("option:checked")).to_have_text(chosen)
    expect(form.get_by_label("Per page")).to_have_value(PER_PAGE)


def assert_filtered_and_sorted(items):
    assert items
    assert all(item["heading"].endswith(f"({SUBJECT})") for item in items), items
    assert all(item["status"] == STATUS for item in items), items
    signatures = [item["signatures"] for item in items]
    assert None not in signatures and signatures == sorted(signatures, reverse=True), signatures


def test_visitor_searches_filters_sorts_and_pages_back_and_forth(page, many_petitions):
    page.goto("/")
    page.get_by_role("searchbox", name="Find a petition by number or words").fill(WORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/search/?q={WORD}")

    form = page.get_by_role("form", name="Filter and sort")
    form.get_by_label("Status:", exact=True).select_option(label=STATUS)
    form.get_by_label("Subject:", exact=True).select_option(label=SUBJECT)
    form.get_by_label("Sort by:").select_option(label=SORT)
    form.get_by_label("Per page").select_option(PER_PAGE)
    form.get_by_role("button", name="Apply").click()

    page.wait_for_url(re.compile(r"status=responded.*subject=housing.*sort=most_signatures"))
    assert_choices_shown(page)
    count = page.locator("p.count")
    expect(count).to_contain_text("showing 1 to 10")
    total = int(re.match(r"(\d+) petitions", count.inner_text()).group(1))
    assert total > 10, "the made-up petitions should fill more than one page"
    first_page = listed(page)
    assert len(first_page) == 10
    assert_filtered_and_sorted(first_page)

    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Next").click()
    page.wait_for_url(re.compile(r"page=2"))
    assert_choices_shown(page)
    expect(count).to_contain_text(f"showing 11 to {min(total, 20)}")
    second_page = listed(page)
    assert not {item["heading"] for item in second_page} & {i["heading"] for i in first_page}
    # The order runs on across the pages.
    assert_filtered_and_sorted(first_page + second_page)

    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Previous").click()
    page.wait_for_url(re.compile(r"page=1|^(?!.*page=)"))
    assert_choices_shown(page)
    assert listed(page) == first_page
