"""Pages read on a phone and on a desktop, and a petition prints cleanly.

Each page is photographed at both widths into screenshots/ (git-ignored), for a
person to look at.
"""

import pytest
from playwright.sync_api import expect

from .conftest import log_in
from .pages import ADMIN_PETITION_FORM, PUBLIC_PAGES

pytestmark = pytest.mark.browser

# A phone, and a common laptop.
WIDTHS = {390: 844, 1280: 900}


def assert_fits_and_photograph(page, path, name, screenshots):
    for width, height in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.goto(path)
        shot = screenshots / f"{name}-{width}.png"
        page.screenshot(path=shot, full_page=True)
        assert shot.stat().st_size > 0
        overflow = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert overflow[0] <= overflow[1], f"{path} scrolls sideways at {width}px: {overflow}"


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_reads_at_phone_and_desktop_widths(page, samples, screenshots, name):
    assert_fits_and_photograph(page, PUBLIC_PAGES[name], name, screenshots)


def test_admin_petition_form_reads_at_phone_and_desktop_widths(page, clerk_account, screenshots):
    log_in(page, clerk_account)
    assert_fits_and_photograph(page, ADMIN_PETITION_FORM, "admin-petition-form", screenshots)


def test_petition_prints_its_full_text_address_and_dates_without_navigation(
    page, e2829, screenshots
):
    page.goto(PUBLIC_PAGES["petition"])
    address = f"{page.url.split('/petitions/')[0]}/petitions/e-2829/"
    canonical = page.locator(".canonical-url")
    expect(canonical).to_be_hidden()

    page.emulate_media(media="print")
    for navigation in ["banner", "search", "contentinfo"]:
        expect(page.get_by_role(navigation)).to_be_hidden()
    expect(page.get_by_role("link", name="Skip to main content")).to_be_hidden()
    expect(canonical).to_be_visible()
    expect(canonical).to_contain_text(address)
    expect(page.locator("ol.demands > li")).to_have_count(8)
    for demand in page.locator("ol.demands > li").all():
        expect(demand).to_be_visible()
    expect(page.locator("#response")).to_be_visible()
    history = page.locator(".history dl")
    expect(history).to_be_visible()
    for date in ["September 15, 2020", "October 26, 2020", "December 9, 2020"]:
        expect(history).to_contain_text(date)

    page.screenshot(path=screenshots / "petition-print.png", full_page=True)
    pdf = screenshots / "petition-print.pdf"
    page.pdf(path=pdf, format="Letter")
    assert pdf.read_bytes().startswith(b"%PDF")
