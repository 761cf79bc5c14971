"""A visitor using the keyboard alone reaches everything, and always sees where they are."""

import pytest
from playwright.sync_api import expect

from .pages import PUBLIC_PAGES

pytestmark = pytest.mark.browser

# What the focused element is, and whether a focus indicator is drawn around it.
FOCUSED = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        href: element.getAttribute("href"),
        text: element.textContent.trim().slice(0, 60),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        shadow: style.boxShadow !== "none",
        // Focus on a part of a built-in control (a date input's calendar button)
        // lies in the browser's own shadow tree, which draws its own ring and whose
        // styles the page cannot read; the input itself then is not :focus.
        builtInPart: !element.matches(":focus"),
        onScreen: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
            && box.bottom <= innerHeight && box.right <= innerWidth,
    };
}"""
MAX_TABS = 60


def tab_through(page):
    """Every element Tab reaches, in order, until focus leaves the page."""
    reached = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "body":
            break
        reached.append(focused)
    return reached


def test_keyboard_user_tabs_to_the_skip_link_the_search_box_and_every_result(page, samples):
    page.goto(PUBLIC_PAGES["search-results"])
    results = page.locator(".petition-list a").evaluate_all(
        "links => links.map((link) => link.getAttribute('href'))"
    )
    assert len(results) >= 3

    reached = tab_through(page)

    assert reached[0]["text"] == "Skip to main content"
    assert any(element["id"] == "site-search" for element in reached)
    reached_links = [element["href"] for element in reached if element["tag"] == "a"]
    assert [href for href in reached_links if href in results] == results
    unseen = [
        element
        for element in reached
        if not (element["outline"] or element["shadow"] or element["builtInPart"])
    ]
    assert not unseen, f"focus not visible on {unseen}"
    off_screen = [element for element in reached if not element["onScreen"]]
    assert not off_screen, f"focused but off screen: {off_screen}"


def test_skip_link_takes_keyboard_focus_to_the_main_content(page, e2829):
    page.goto(PUBLIC_PAGES["petition"])
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    focused = page.evaluate(FOCUSED)
    assert focused["outline"] or focused["shadow"]
    # The next Tab goes on from the main content, past the header's links.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
