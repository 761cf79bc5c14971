"""The filter form lists the record's sessions, Members, subjects and keywords."""

import re

from petitions.choices import Province
from petitions.models import Keyword, Member


def options(response, name):
    """(value, label, selected) of each option of the named select."""
    html = response.content.decode()
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select)


def test_the_chosen_option_is_selected_and_the_others_listed(client, samples):
    response = client.get("/en/petitions/?member=morgan-placeholder&status=presented")
    members = options(response, "member")
    assert ("", "", "Any") in members
    chosen = [value for value, selected, _ in members if selected]
    assert chosen == ["morgan-placeholder"]
    assert [v for v, s, _ in options(response, "status") if s] == ["presented"]
    assert [v for v, s, _ in options(response, "subject") if s] == [""]


def test_a_member_or_keyword_added_shows_on_the_next_page(client, samples):
    client.get("/en/petitions/")
    Member.objects.create(
        name="Ava <New> Member", slug="ava-new", riding="Yukon", province=Province.YT, caucus="X"
    )
    Keyword.objects.create(slug="tidal-power", name_en="Tidal power", name_fr="Énergie marémotrice")
    response = client.get("/en/petitions/")
    assert ("ava-new", "", "Ava &lt;New&gt; Member (Yukon)") in options(response, "member")
    assert ("tidal-power", "", "Tidal power") in options(response, "keyword")
    french = client.get("/fr/petitions/")
    assert ("tidal-power", "", "Énergie marémotrice") in options(french, "keyword")


def form_html(response):
    return re.search(r'<form class="filter-form".*?</form>', response.content.decode(), re.S)[0]


def test_every_page_of_a_list_shows_the_form_rendered_once(client, samples, monkeypatch):
    from public.widgets import QuickSelect

    renders = []
    original = QuickSelect.render
    monkeypatch.setattr(
        QuickSelect, "render", lambda self, *a, **kw: renders.append(1) or original(self, *a, **kw)
    )
    first = client.get("/en/petitions/?per_page=10&status=presented")
    assert renders, "the first page renders the form"
    renders.clear()
    second = client.get("/en/petitions/?per_page=10&status=presented&page=2")
    assert not renders
    assert form_html(first) == form_html(second)


def test_a_cached_form_never_stands_for_other_choices(client, samples):
    client.get("/en/petitions/")
    chosen = client.get("/en/petitions/?status=presented&per_page=50")
    assert [v for v, s, _ in options(chosen, "status") if s] == ["presented"]
    assert '<option value="50" selected>' in form_html(chosen)
    refused = client.get("/en/petitions/?subject=no-such-subject")
    assert refused.status_code == 400
    assert 'class="field invalid"' in form_html(refused)
    french = client.get("/fr/petitions/?status=presented&per_page=50")
    assert "Appliquer" in form_html(french)
    # A Member's page leaves out the filter it fixes.
    member = client.get("/en/members/morgan-placeholder/")
    assert '<select name="member"' not in form_html(member)
    assert '<select name="member"' in form_html(client.get("/en/petitions/"))


def test_labels_and_choices_follow_each_pages_language(client, samples):
    """One form class serves every request: nothing in it is fixed to the language
    of the page that first made it."""
    for language, size, sort_by, any_label, status_label in [
        ("en", 10, "Sort by", "Any", "Status"),
        ("fr", 20, "Trier par", "Tous", "Statut"),
        ("en", 50, "Sort by", "Any", "Status"),
    ]:
        # Each page size makes a form the fragment cache has not kept.
        response = client.get(f"/{language}/petitions/?status=presented&per_page={size}")
        form = form_html(response)
        assert f'<label for="id_sort">{sort_by}' in form
        assert f'<label for="id_status">{status_label}' in form
        assert ("", " selected", any_label) in options(response, "subject")
        assert ("", " selected", any_label) in options(response, "kind")


def test_each_form_changes_only_its_own_fields(db):
    """Forms share their class's fields, copied lightly (petitions.filters.FieldCopies):
    what one request's form changes never shows in another's."""
    from public.filters import ListFilter

    form_class = ListFilter().get_form_class()
    one, other = form_class(), form_class()
    statuses = list(other.fields["status"].choices)
    one.fields["status"].choices = [("only", "Only this one")]
    one.fields["status"].widget.attrs["data-mine"] = "yes"
    one.fields["member"].widget.choices = [("someone", "Someone")]
    one.fields["subject"].queryset = one.fields["subject"].queryset.none()

    assert list(other.fields["status"].choices) == statuses
    assert "data-mine" not in other["status"].as_widget()
    assert "someone" not in other["member"].as_widget()
    assert other.fields["subject"].queryset.query.is_empty() is False
    assert list(form_class().fields["status"].choices) == statuses
