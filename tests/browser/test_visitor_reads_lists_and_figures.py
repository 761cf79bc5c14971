"""A visitor on a phone or a laptop: results first, filters at hand, figures drawn.

The charts' tables are read off the page and compared with what a plain ORM query
in the test counts, so the figures a reader sees are the record's.
"""

import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from playwright.sync_api import expect

from petitions.models import Member, Petition, SignatureCount
from responses.models import GovernmentResponse

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
ARYA = "Chandra Arya (Nepean)"


def table_rows(page, selector):
    """The table's body as text, one list of cells per row."""
    return page.evaluate(
        """(selector) => Array.from(document.querySelectorAll(selector + " tbody tr"))
            .map((row) => Array.from(row.cells).map((cell) => cell.textContent.trim()))""",
        selector,
    )


def number(text):
    return int(text.replace(",", ""))


def test_on_a_phone_the_first_search_result_is_on_the_first_screen(page, samples):
    page.set_viewport_size(PHONE)
    page.goto("/search/?q=Canada")
    first = page.locator(".petition-list > li").first
    expect(first).to_be_visible()
    link = first.get_by_role("link").first.bounding_box()
    assert link["y"] + link["height"] <= PHONE["height"], link
    # The filters come after the results, folded.
    filters = page.locator("details.filters")
    assert filters.bounding_box()["y"] > first.bounding_box()["y"]
    expect(filters).not_to_have_attribute("open", "")


def test_on_a_desktop_the_filters_sit_beside_the_results(page, samples):
    page.set_viewport_size(DESKTOP)
    page.goto("/search/?q=Canada")
    results = page.locator(".results").bounding_box()
    filters = page.locator("details.filters").bounding_box()
    assert filters["x"] > results["x"] + results["width"] - 1, (results, filters)
    assert abs(filters["y"] - results["y"]) < 40, (results, filters)
    expect(page.get_by_role("form", name="Filter and sort").get_by_label("Status:")).to_be_visible()


def test_at_1280_the_home_page_sections_use_the_page_width(page, samples):
    page.set_viewport_size(DESKTOP)
    page.goto("/")
    width = page.evaluate(
        """() => {
            const main = document.querySelector("main");
            const style = getComputedStyle(main);
            const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
            return main.clientWidth - padding;
        }"""
    )
    boxes = {
        name: page.locator(f"section.home-{name}").bounding_box()
        for name in ["recent", "responses", "awaiting"]
    }
    left = min(box["x"] for box in boxes.values())
    right = max(box["x"] + box["width"] for box in boxes.values())
    assert right - left >= 0.95 * width, (boxes, width)
    # Recent petitions take the wide column, the responses sit beside them.
    assert boxes["recent"]["width"] >= 0.5 * width, (boxes, width)
    assert boxes["responses"]["x"] > boxes["recent"]["x"] + boxes["recent"]["width"] - 1
    assert boxes["responses"]["y"] < boxes["recent"]["y"] + 20


def test_filters_fold_and_unfold_by_keyboard(page, samples):
    page.set_viewport_size(PHONE)
    page.goto("/petitions/")
    summary = page.locator("details.filters > summary")
    status = page.get_by_role("form", name="Filter and sort").get_by_label("Status:")
    expect(status).to_be_hidden()
    # From the last result's link, Tab reaches the filters' summary.
    page.locator(".results a").last.focus()
    page.keyboard.press("Tab")
    expect(summary).to_be_focused()
    page.keyboard.press("Enter")
    expect(status).to_be_visible()
    page.keyboard.press("Tab")
    expect(
        page.get_by_role("form", name="Filter and sort").get_by_label("Number or words:")
    ).to_be_focused()
    summary.focus()
    page.keyboard.press("Space")
    expect(status).to_be_hidden()


def test_typing_narrows_the_members_and_active_filters_remove_themselves(page, samples):
    Member.objects.bulk_create(
        Member(name=f"Member Number {index}", slug=f"member-number-{index}") for index in range(40)
    )
    page.set_viewport_size(DESKTOP)
    page.goto("/petitions/?status=responded")
    form = page.get_by_role("form", name="Filter and sort")
    narrow = form.get_by_label("Type to narrow the list: Sponsoring Member")
    narrow.fill("arya")
    member = form.get_by_label("Sponsoring Member:", exact=True)
    expect(member).to_have_value("chandra-arya")
    visible = member.evaluate(
        """(select) => Array.from(select.options)
            .filter((o) => !o.hidden && o.value).map((o) => o.text)"""
    )
    assert visible == [ARYA]
    expect(form.locator(".narrow-status").first).to_have_text("1 choice matches")
    form.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"member=chandra-arya"))

    active = page.locator(".active-filters")
    expect(
        active.get_by_role("link", name=f"Remove the filter Sponsoring Member: {ARYA}")
    ).to_be_visible()
    expect(
        active.get_by_role(
            "link", name=re.compile("Remove the filter Status: Government response tabled")
        )
    ).to_be_visible()
    active.get_by_role("link", name=re.compile("Sponsoring Member")).click()
    page.wait_for_url(re.compile(r"status=responded"))
    assert "member=" not in page.url
    expect(active.get_by_role("link", name=re.compile("Sponsoring Member"))).to_have_count(0)
    expect(active.get_by_role("link", name=re.compile("Status"))).to_have_count(1)


@pytest.fixture
def more_record(samples):
    """Made-up petitions with responses and signatures, so that every figure has data."""
    call_command("seed_demo", petitions=300, stdout=StringIO())


def test_statistics_tables_equal_the_record_counted_by_the_orm(page, more_record):
    page.goto("/statistics/")
    expect(page.get_by_role("heading", name="Petitions in figures")).to_be_visible()

    by_kind = Counter()
    for row in (
        Petition.objects.order_by()
        .values("session__parliament", "session__number", "kind")
        .annotate(n=Count("id"))
    ):
        by_kind[(row["session__parliament"], row["session__number"], row["kind"])] += row["n"]
    shown = table_rows(page, 'table[data-figure="sessions-by-kind"]')
    assert len(shown) == len({key[:2] for key in by_kind})
    for session, electronic, paper, total in shown:
        parliament, number_ = map(int, re.match(r"(\d+)\D+(\d+)", session).groups())
        assert number(electronic) == by_kind[(parliament, number_, "electronic")], session
        assert number(paper) == by_kind[(parliament, number_, "paper")], session
        assert number(total) == number(electronic) + number(paper)
    assert sum(number(row[-1]) for row in shown) == Petition.objects.count()

    outcome = table_rows(page, 'table[data-figure="sessions-by-outcome"]')
    responded = Counter(
        (p, n)
        for p, n in Petition.objects.filter(status="responded").values_list(
            "session__parliament", "session__number"
        )
    )
    for row in outcome:
        parliament, number_ = map(int, re.match(r"(\d+)\D+(\d+)", row[0]).groups())
        assert number(row[1]) == responded[(parliament, number_)], row

    waits = [
        (response.tabled_on - response.petition.presented_on).days
        for response in GovernmentResponse.objects.select_related("petition")
    ]
    times = table_rows(page, 'table[data-figure="response-times"]')
    for label, count in times:
        bounds = [int(value) for value in re.findall(r"\d+", label)]
        if len(bounds) == 2:
            expected = sum(1 for days in waits if bounds[0] <= days <= bounds[1])
        else:
            expected = sum(1 for days in waits if days >= bounds[0])
        assert number(count) == expected, label
    assert sum(number(count) for _, count in times) == len(waits)

    offices = Counter(response.office_en for response in GovernmentResponse.objects.all())
    late = Counter(
        response.office_en
        for response in GovernmentResponse.objects.select_related("petition")
        if (response.tabled_on - response.petition.presented_on).days > 45
    )
    for office, answered, tabled_late, _share in table_rows(
        page, 'table[data-figure="responding-offices"]'
    ):
        assert number(answered) == offices[office], office
        assert number(tabled_late) == late[office], office

    signed = [
        (petition.number, petition.signatures)
        for petition in Petition.objects.exclude(signatures=None).order_by("-signatures", "-id")[
            :10
        ]
    ]
    shown = [
        (row[0], number(row[2])) for row in table_rows(page, 'table[data-figure="most-signed"]')
    ]
    assert shown == signed
    # One bar per row, the longest for the most signed.
    bars = page.locator("#most-signed-chart rect.bar")
    expect(bars).to_have_count(len(signed))
    widths = [float(bar.get_attribute("width")) for bar in bars.all()]
    assert widths == sorted(widths, reverse=True)

    # The data's file is the table's.
    csv_text = page.request.get("/en/statistics/most-signed.csv").text()
    assert csv_text.splitlines()[1].startswith(f"{signed[0][0]},")


def test_petition_page_chart_table_equals_the_signature_counts(page, samples):
    petition = Petition.objects.get(e_number=90003)
    page.goto(petition.get_absolute_url())
    figure = page.locator("figure.province-figure")
    expect(figure.get_by_role("img", name="Signatures by province and territory")).to_be_visible()
    counts = [
        (count.get_province_display(), count.count)
        for count in SignatureCount.objects.filter(petition=petition)
    ]
    shown = [
        (name, number(value)) for name, value in table_rows(page, "figure.province-figure table")
    ]
    assert shown == counts
    expect(figure.locator("rect.bar")).to_have_count(len(counts))
