"""axe-core finds no serious or critical barrier on the pages people use most.

WCAG 2.1 A and AA rules, and axe's best practices (landmarks, heading order, a
skip link). axe-core is injected into the page; only these pages bypass the CSP.
"""

import pytest

from .conftest import AXE_SCRIPT, log_in
from .pages import ADMIN_PETITION_FORM, PUBLIC_PAGES

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING_IMPACTS = {"serious", "critical"}
# Rules a public page must pass outright, whatever impact axe gives them.
PUBLIC_PAGE_RULES = {
    "bypass",
    "color-contrast",
    "heading-order",
    "html-has-lang",
    "label",
    "landmark-one-main",
    "page-has-heading-one",
    "region",
}


def axe_violations(page):
    page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return {
                passes: results.passes.map((rule) => rule.id),
                violations: results.violations.map((v) => ({
                    id: v.id,
                    impact: v.impact,
                    help: v.help,
                    targets: v.nodes.map((node) => node.target.join(" ")).slice(0, 5),
                })),
            };
        }""",
        AXE_TAGS,
    )
    # Proof that axe looked at this page's text and language, not an empty document.
    assert {"color-contrast", "html-has-lang"} <= set(results["passes"]), results["passes"]
    return results["violations"]


def describe(violations):
    return "\n".join(f"{v['impact']} {v['id']}: {v['help']} {v['targets']}" for v in violations)


@pytest.mark.parametrize("path", PUBLIC_PAGES.values(), ids=PUBLIC_PAGES.keys())
def test_public_page_has_no_serious_accessibility_violation(axe_page, samples, path):
    axe_page.goto(path)
    violations = axe_violations(axe_page)
    failing = [
        v for v in violations if v["impact"] in BLOCKING_IMPACTS or v["id"] in PUBLIC_PAGE_RULES
    ]
    assert not failing, describe(failing)


def test_admin_petition_form_has_no_serious_accessibility_violation(axe_page, clerk_account):
    log_in(axe_page, clerk_account)
    axe_page.goto(ADMIN_PETITION_FORM)
    violations = axe_violations(axe_page)
    failing = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert not failing, describe(failing)
