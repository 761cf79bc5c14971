"""Who may do what in the admin: anonymous, reviewer, clerk, superuser."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client

from petitions.models import Petition
from tests.conftest import SEED_PAGE

ALLOWED, DENIED, LOGIN = 200, 403, 302


def pages(e2829):
    petition, response = e2829.pk, e2829.response.pk
    return {
        "admin index": ("get", "/admin/"),
        "petition list": ("get", "/admin/petitions/petition/"),
        "petition page": ("get", f"/admin/petitions/petition/{petition}/change/"),
        "petition history": ("get", f"/admin/petitions/petition/{petition}/history/"),
        "add a petition": ("get", "/admin/petitions/petition/add/"),
        "import a page": ("get", "/admin/petitions/petition/import/"),
        "delete a petition": ("post", f"/admin/petitions/petition/{petition}/delete/"),
        "delete a response": ("post", f"/admin/responses/governmentresponse/{response}/delete/"),
        "add a Member": ("get", "/admin/petitions/member/add/"),
        "add a session": ("get", "/admin/petitions/parliamentsession/add/"),
        "manage accounts": ("get", "/admin/auth/user/"),
    }


# Expected status per page: anonymous, reviewer, clerk, superuser.
MATRIX = {
    "admin index": (LOGIN, ALLOWED, ALLOWED, ALLOWED),
    "petition list": (LOGIN, ALLOWED, ALLOWED, ALLOWED),
    "petition page": (LOGIN, ALLOWED, ALLOWED, ALLOWED),
    "petition history": (LOGIN, ALLOWED, ALLOWED, ALLOWED),
    "add a petition": (LOGIN, DENIED, ALLOWED, ALLOWED),
    "import a page": (LOGIN, DENIED, ALLOWED, ALLOWED),
    "delete a petition": (LOGIN, DENIED, DENIED, LOGIN),  # superuser: done, redirected
    "delete a response": (LOGIN, DENIED, DENIED, LOGIN),
    "add a Member": (LOGIN, DENIED, ALLOWED, ALLOWED),
    "add a session": (LOGIN, DENIED, ALLOWED, ALLOWED),
    "manage accounts": (LOGIN, DENIED, DENIED, ALLOWED),
}


@pytest.mark.parametrize("role", ["anonymous", "reviewer", "clerk", "superuser"])
@pytest.mark.parametrize("page", list(MATRIX))
def test_permission_matrix(request, e2829, role, page):
    client = Client() if role == "anonymous" else request.getfixturevalue(role)
    method, url = pages(e2829)[page]
    data = {"post": "yes"} if method == "post" else None
    response = getattr(client, method)(url, data)
    expected = MATRIX[page][["anonymous", "reviewer", "clerk", "superuser"].index(role)]
    assert response.status_code == expected, (role, page)
    if expected == LOGIN and role == "anonymous":
        assert response.url.startswith("/admin/login/")


def test_only_a_superuser_deletes_a_petition(e2829, clerk, superuser):
    url = f"/admin/petitions/petition/{e2829.pk}/delete/"
    assert clerk.post(url, {"post": "yes"}).status_code == 403
    assert Petition.objects.filter(pk=e2829.pk).exists()
    assert superuser.post(url, {"post": "yes"}).status_code == 302
    assert not Petition.objects.filter(pk=e2829.pk).exists()


def test_a_reviewer_reads_the_petition_page_but_cannot_save_it(e2829, reviewer):
    url = f"/admin/petitions/petition/{e2829.pk}/change/"
    page = reviewer.get(url).content.decode()
    assert "Dictator Lukashenko" in page
    assert 'name="_save"' not in page
    assert reviewer.post(url, {"lead_in_en": "Changed"}).status_code == 403


def test_a_clerk_may_remove_a_clause_but_not_the_response(e2829, clerk):
    """Clauses are parts of the text a clerk corrects; history keeps what was removed."""
    response = clerk.get(f"/admin/petitions/petition/{e2829.pk}/change/")
    formsets = {f.formset.prefix: f.formset for f in response.context["inline_admin_formsets"]}
    assert formsets["clauses"].can_delete and formsets["demands"].can_delete
    assert not formsets["response"].can_delete


@pytest.mark.django_db
def test_create_account_makes_a_clerk_who_can_log_in(monkeypatch, capsys):
    monkeypatch.setenv("DJANGO_ACCOUNT_PASSWORD", "a long enough pass phrase")
    call_command("create_account", "clerk", "casey", "--email", "c@example.org", "--no-input")
    assert "Created clerk account “casey”" in capsys.readouterr().out
    user = get_user_model().objects.get(username="casey")
    assert user.is_staff and not user.is_superuser
    assert [g.name for g in user.groups.all()] == ["Clerks"]
    client = Client()
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "casey", "password": "a long enough pass phrase"},
    )
    assert response.status_code == 302
    assert client.get("/admin/petitions/petition/add/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403


@pytest.mark.django_db
def test_create_account_refuses_a_weak_password_and_a_taken_name(monkeypatch):
    monkeypatch.setenv("DJANGO_ACCOUNT_PASSWORD", "password")
    with pytest.raises(CommandError, match="too common"):
        call_command("create_account", "reviewer", "riley", "--no-input")
    assert not get_user_model().objects.filter(username="riley").exists()
    get_user_model().objects.create_user("taken")
    with pytest.raises(CommandError, match="already exists"):
        call_command("create_account", "reviewer", "taken", "--no-input")


def test_a_reviewer_cannot_import_a_page(db, reviewer):
    response = reviewer.post(
        "/admin/petitions/petition/import/", {"text": SEED_PAGE.read_text(encoding="utf-8")}
    )
    assert response.status_code == 403
    assert not Petition.objects.exists()
