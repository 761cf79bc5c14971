"""The pages the benchmark measures, with addresses drawn from the loaded data."""

import random

from petitions.models import Member, Petition

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
    deep = max(1, min(total // PER_PAGE, 1000))
    places = [p.lead_in_en.split(" in ")[-1].rstrip(".") for p in picks if p.kind == "paper"]
    rare = places[:5] or ["Lukashenko"]
    return {
        "petition page": [p.get_absolute_url() for p in picks],
        "list, first page": ["/petitions/"],
        "list, deep page": [f"/petitions/?page={deep}"],
        "find by number": [f"/search/?q={p.number.replace('-', '')}" for p in picks],
        "search, rare word": [f"/search/?q={word}" for word in rare],
        "search, common word": ["/search/?q=government", "/search/?q=canada"],
        "search, phrase": ['/search/?q="federal rules"', '/search/?q="national standards"'],
        "filtered, sorted list": [
            "/petitions/?status=responded&sort=most_signatures",
            "/petitions/?subject=health&response=late&sort=oldest",
        ],
        "MP page": [m.get_absolute_url() for m in members],
    }
