"""The pages the benchmark measures, with addresses drawn from the loaded data."""

import random

from petitions.models import Member, Petition
from petitions.pagination import COUNT_LIMIT, RANK_LIMIT

PER_PAGE = 20


def pages(seed=7, samples=50):
    """Name -> list of addresses to request in turn (several, so caches don't flatter)."""
    rng = random.Random(seed)
    total = Petition.objects.count()
    top_id = Petition.objects.order_by("-id").values_list("id", flat=True).first()
    picks = []
    while len(picks) < samples:
        found = Petition.objects.filter(id__gte=rng.randint(1, top_id)).order_by("id").first()
        if found:
            picks.append(found)
    members = list(Member.objects.filter(sponsored_petitions__isnull=False).distinct()[:samples])
    # The last page a list offers: lists count at most COUNT_LIMIT petitions, and
    # searches RANK_LIMIT.
    deep = max(1, min(total, COUNT_LIMIT) // PER_PAGE)
    deep_search = max(1, min(total, RANK_LIMIT) // PER_PAGE)
    places = [p.lead_in_en.split(" in ")[-1].rstrip(".") for p in picks if p.kind == "paper"]
    rare = places[:5] or ["Lukashenko"]
    return {
        "petition page": [p.get_absolute_url() for p in picks],
        "list, first page": ["/en/petitions/"],
        "list, deep page": [f"/en/petitions/?page={deep}"],
        "find by number": [f"/en/search/?q={p.number.replace('-', '')}" for p in picks],
        "search, rare word": [f"/en/search/?q={word}" for word in rare],
        "search, common word": ["/en/search/?q=government", "/en/search/?q=canada"],
        "search, phrase": ['/en/search/?q="federal rules"', '/en/search/?q="national standards"'],
        "search, French word": ["/fr/search/?q=gouvernement", "/fr/search/?q=sant%C3%A9"],
        "search, deep page": [f"/en/search/?q=government&page={deep_search}"],
        "filtered, sorted list": ["/en/petitions/?status=responded&sort=most_signatures"],
        "filtered (subject, late response), sorted list": [
            "/en/petitions/?subject=health&response=late&sort=oldest"
        ],
        "sorted by Member, deep page": [f"/en/petitions/?sort=member&page={deep}"],
        "MP page": [m.get_absolute_url() for m in members],
        "API list, first page": ["/api/v1/petitions/"],
        "API list, deep page": [f"/api/v1/petitions/?page={deep}"],
        "API search": ["/api/v1/petitions/?q=government"],
        "API petition": [f"/api/v1/petitions/{p.number}/" for p in picks],
    }
