"""A visitor who knows a petition's number finds it from the home page."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_visitor_types_a_number_on_the_home_page_and_reads_the_petition(page, e2829):
    page.goto("/")
    page.get_by_role("searchbox", name="Find a petition by number or words").fill("e2829")
    page.keyboard.press("Enter")

    page.wait_for_url("**/petitions/e-2829/")
    expect(page.get_by_role("heading", level=1)).to_have_text("e-2829 (Foreign affairs)")
    demands = page.locator("ol.demands > li")
    expect(demands).to_have_count(8)
    for demand, saved in zip(demands.all(), e2829.demands.all(), strict=True):
        expect(demand).to_have_text(" ".join(saved.text.split()))
        assert demand.get_attribute("value") == str(saved.position)
    response = page.get_by_role("region", name="Response by the Minister of Foreign Affairs")
    expect(response).to_be_visible()
    first_paragraph = e2829.response.paragraphs[0]
    expect(response).to_contain_text(first_paragraph[:80])
