"""Two clerks at once, the work lists, and the safety of the admin."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from petitions.models import Petition
from tests.conftest import SEED_PAGE, page_text, rendered_form_data


def change_url(petition):
    return f"/admin/petitions/petition/{petition.pk}/change/"


def test_second_clerk_saving_a_stale_form_is_refused_and_the_first_edit_stays(
    e2829, clerk, second_clerk
):
    first_form = rendered_form_data(clerk.get(change_url(e2829)))
    second_form = rendered_form_data(second_clerk.get(change_url(e2829)))

    first_form["lead_in_en"] = "First clerk's correction:"
    assert clerk.post(change_url(e2829), first_form).status_code == 302

    second_form["lead_in_en"] = "Second clerk's correction:"
    second_form["clauses-0-text_en"] = "Second clerk's clause;"
    response = second_clerk.post(change_url(e2829), second_form)
    assert response.status_code == 200
    assert "Someone else saved this petition at" in page_text(response)
    assert "reload the page" in page_text(response)

    e2829.refresh_from_db()
    assert e2829.lead_in_en == "First clerk's correction:"
    assert e2829.clauses.first().text.startswith("The August 9, 2020")

    # Reloaded, the second clerk's save goes through.
    reloaded = rendered_form_data(second_clerk.get(change_url(e2829)))
    reloaded["lead_in_en"] = "Second clerk's correction:"
    assert second_clerk.post(change_url(e2829), reloaded).status_code == 302
    e2829.refresh_from_db()
    assert e2829.lead_in_en == "Second clerk's correction:"


def test_an_import_after_the_form_was_opened_also_counts_as_a_newer_save(e2829, clerk):
    form = rendered_form_data(clerk.get(change_url(e2829)))
    page = SEED_PAGE.read_text(encoding="utf-8").replace(
        "Closed for signature", "Closed for signature"
    )
    response = clerk.post("/admin/petitions/petition/import/", {"text": page})
    assert response.status_code == 302
    form["lead_in_en"] = "Stale edit:"
    assert "Someone else saved this petition" in page_text(clerk.post(change_url(e2829), form))


def presented(petition, days_ago):
    """Move a presented, unanswered petition's dates so it was presented days_ago."""
    today = timezone.localdate()
    presented_on = today - datetime.timedelta(days=days_ago)
    Petition.objects.filter(pk=petition.pk).update(
        presented_on=presented_on, certified_on=presented_on, status="presented"
    )


@pytest.fixture
def work(samples):
    by_number = {p.number: p for p in Petition.objects.all()}
    by_number["e-2829"].response.delete()
    presented(by_number["e-2829"], days_ago=40)  # due in 5 days
    presented(by_number["e-90003"], days_ago=60)  # overdue
    Petition.objects.filter(e_number=90004).update(
        status="awaiting_certification", closed_at=timezone.now() - datetime.timedelta(days=3)
    )
    return by_number


@pytest.mark.parametrize(
    ("action", "numbers"),
    [
        ("due_soon", ["e-2829"]),
        ("overdue", ["e-90003"]),
        ("certification", ["e-90004"]),
        ("presentation", []),
    ],
)
def test_clerk_sees_what_needs_action(work, clerk, action, numbers):
    response = clerk.get("/admin/petitions/petition/", {"action": action})
    assert [p.number for p in response.context["cl"].queryset] == numbers


def test_work_lists_are_offered_as_filters(work, clerk):
    text = page_text(clerk.get("/admin/petitions/petition/"))
    for label in (
        "Waiting for certification",
        "Certified, not presented",
        "Response due within 7 days",
        "Response overdue",
    ):
        assert label in text


def test_petition_list_queries_do_not_grow(work, clerk, django_assert_max_num_queries):
    """Session, user, count, rows with subject and sponsor, filters' choices."""
    with django_assert_max_num_queries(14):
        clerk.get("/admin/petitions/petition/", {"action": "overdue"})


def test_due_date_is_shown_beside_the_presentation_date(e2829, clerk):
    text = page_text(clerk.get(change_url(e2829)))
    assert "Response due: Dec. 10, 2020" in text
    listing = page_text(clerk.get("/admin/petitions/petition/"))
    assert "Dec. 10, 2020" in listing


def test_presenting_member_defaults_to_the_sponsor(e2829, clerk):
    form = rendered_form_data(clerk.get(change_url(e2829)))
    form["presenter"] = ""
    assert clerk.post(change_url(e2829), form).status_code == 302
    e2829.refresh_from_db()
    assert e2829.presenter == e2829.sponsor


def test_every_admin_page_says_no_store(e2829, clerk):
    for url in ("/admin/", "/admin/petitions/petition/", change_url(e2829), "/admin/login/"):
        assert "no-store" in clerk.get(url)["Cache-Control"], url
    assert "no-store" in Client().get("/admin/login/")["Cache-Control"]
    assert "no-store" not in Client().get("/en/petitions/e-2829/").get("Cache-Control", "")


def test_an_admin_session_ends_with_the_browser_or_when_idle(db, django_user_model):
    django_user_model.objects.create_user("clara", password="the right pass phrase", is_staff=True)
    client = Client()
    response = client.post(
        "/admin/login/", {"username": "clara", "password": "the right pass phrase"}
    )
    cookie = response.cookies["sessionid"]
    assert not cookie["expires"] and not cookie["max-age"]  # gone when the browser closes
    assert client.session.get_expiry_age() == 2 * 60 * 60  # and after two idle hours


def test_repeated_wrong_passwords_lock_the_login(db, django_user_model):
    django_user_model.objects.create_user("clara", password="the right pass phrase", is_staff=True)
    client = Client()
    for _ in range(5):
        response = client.post("/admin/login/", {"username": "clara", "password": "guess"})
    assert response.status_code == 429
    response = client.post(
        "/admin/login/", {"username": "clara", "password": "the right pass phrase"}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_clerk_pastes_a_page_and_lands_on_the_petition(db, clerk):
    response = clerk.post(
        "/admin/petitions/petition/import/", {"text": SEED_PAGE.read_text(encoding="utf-8")}
    )
    petition = Petition.objects.get(e_number=2829)
    assert response.status_code == 302 and response.url == change_url(petition)
    shown = page_text(clerk.get(response.url))
    assert "Petition e-2829 was created from its page." in shown
    history = page_text(clerk.get(f"/admin/petitions/petition/{petition.pk}/history/"))
    assert "clara-clerk Petition created" in history


def test_a_malformed_paste_names_the_line_and_saves_nothing(db, clerk):
    text = SEED_PAGE.read_text(encoding="utf-8").replace("(Petition No. 432", "(No. 432")
    response = clerk.post("/admin/petitions/petition/import/", {"text": text})
    assert response.status_code == 200
    shown = page_text(response)
    assert "The page was not imported; nothing was saved." in shown
    assert "Line 62: expected the date and Petition No." in shown
    assert not Petition.objects.exists()


def test_the_import_page_is_linked_from_the_petition_list(db, clerk, reviewer):
    assert "Import a published page" in page_text(clerk.get("/admin/petitions/petition/"))
    assert "Import a published page" not in page_text(reviewer.get("/admin/petitions/petition/"))
