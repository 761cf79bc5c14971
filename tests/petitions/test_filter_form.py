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
