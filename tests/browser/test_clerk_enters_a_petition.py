"""A clerk enters a whole petition in the admin, and the public reads it."""

import re

import pytest
from playwright.sync_api import expect

from petitions.models import Petition

from .conftest import log_in

pytestmark = pytest.mark.browser

CLAUSES = [
    "Rail service between Moncton and Halifax has been cut to three days a week;",
    "Buses on the same route are full;",
    "The highway is congested in winter.",
]
DEMANDS = [f"Restore daily service, step {n} of the plan." for n in range(1, 9)]
RESPONSE = [
    "The Government thanks the petitioners for their interest in rail service.",
    "Funding for the route will be reviewed in the next budget.",
]


def field(page, label):
    """A field of the admin's form by its label, as a person reads it."""
    return page.get_by_label(label, exact=True)


def choose(page, field, typed, option):
    """Pick a value in an autocomplete (select2) box, as a person does."""
    page.locator(f"#id_{field} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(typed)
    page.locator(".select2-results__option", has_text=option).click()


def add_rows(page, inline, count):
    for _ in range(count):
        page.locator(f"#{inline}-group .add-row a").click()


def test_clerk_enters_a_petition_and_sees_it_on_the_public_page(page, clerk_account, e2829):
    log_in(page, clerk_account)
    page.goto("/admin/petitions/petition/add/")

    field(page, "e-petition number:").fill("e-3001")
    field(page, "Petition No.").fill("432-00999")
    choose(page, "session", "43-2", "43rd Parliament, 2nd Session")
    field(page, "Status:").select_option(label="Government response tabled")
    choose(page, "subject", "Foreign", "Foreign affairs")
    field(page, "Initiator:").fill("Ada Example")
    field(page, "Initiator's city:").fill("Moncton")
    field(page, "Initiator's province or territory:").select_option(label="New Brunswick")
    field(page, "Addressed to:").select_option(label="House of Commons")
    page.locator("#id_lead_in_en").fill("We, the undersigned, call upon the House of Commons to:")
    for label, date, time in [
        ("Open for signature", "2020-11-02", "10:00:00"),
        ("Scheduled closing", "2021-01-01", "10:00:00"),
        ("Closed for signature", "2021-01-01", "10:00:00"),
    ]:
        # Each half is labelled with its field's name for a screen reader.
        field(page, f"{label}: Date:").fill(date)
        field(page, f"{label}: Time:").fill(time)
    field(page, "Certified:").fill("2021-01-05")
    field(page, "Presented to the House:").fill("2021-02-01")
    choose(page, "sponsor", "Arya", "Chandra Arya")
    field(page, "Signatures:").fill("812")

    # Three blank clause rows are there already; demands need five more.
    for index, text in enumerate(CLAUSES):
        page.locator(f"#id_clauses-{index}-text_en").fill(text)
    add_rows(page, "demands", 5)
    for index, text in enumerate(DEMANDS):
        page.locator(f"#id_demands-{index}-position").fill(str(index + 1))
        page.locator(f"#id_demands-{index}-text_en").fill(text)
    add_rows(page, "response", 1)
    page.locator("#id_response-0-office_en").fill("Minister of Transport")
    page.locator("#id_response-0-signer_name").fill("The Honourable Sample Minister")
    page.locator("#id_response-0-text_en").fill("\n\n".join(RESPONSE))
    page.locator("#id_response-0-tabled_on").fill("2021-03-10")

    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist .success")).to_contain_text("was added successfully")

    petition = Petition.objects.get(e_number=3001)
    assert petition.demands.count() == 8
    page.goto(petition.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("e-3001 (Foreign affairs)")
    expect(page.locator("ul.clauses > li")).to_have_text(CLAUSES)
    expect(page.locator("ol.demands > li")).to_have_text(DEMANDS)
    response = page.get_by_role("region", name="Response by the Minister of Transport")
    expect(response.locator("p:not(.signer)")).to_have_text(RESPONSE)
    expect(page.get_by_role("complementary", name="Sponsoring Member")).to_contain_text(
        "Chandra Arya"
    )
    expect(page.locator(".history")).to_contain_text(re.compile(r"Petition No\. 432-00999"))
