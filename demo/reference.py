"""The sessions, Members, subjects and keywords that made-up petitions refer to."""

import random

from django.utils.text import slugify

from petitions import parliaments
from petitions.models import Keyword, Member, ParliamentSession, Subject

from . import vocabulary as words
from .generator import PROVINCE_WEIGHTS, PROVINCES, make_place_names

MEMBERS = 450
KEYWORDS = 300
# The tables ensure_reference_data fills.
REFERENCE_MODELS = (ParliamentSession, Subject, Member, Keyword)


def ensure_reference_data(seed):
    """Create what is missing (in a few queries) and return the ids to pick from."""
    rng = random.Random(seed)
    places = make_place_names(rng, MEMBERS + KEYWORDS)
    sessions = _ensure(
        ParliamentSession,
        "code",
        [ParliamentSession(**session._asdict()) for session in parliaments.SESSIONS],
    )
    subjects = _ensure(
        Subject,
        "slug",
        [Subject(slug=slugify(en), name_en=en, name_fr=fr) for en, fr in words.SUBJECTS],
    )
    members = []
    for index in range(MEMBERS):
        name = f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}"
        caucus_en, caucus_fr = rng.choice(words.CAUCUSES)
        members.append(
            Member(
                slug=f"demo-{index + 1}-{slugify(name)}",
                name=name,
                riding_en=places[index],
                riding_fr=places[index],
                province=rng.choices(PROVINCES, weights=PROVINCE_WEIGHTS)[0],
                caucus_en=caucus_en,
                caucus_fr=caucus_fr,
            )
        )
    keywords = []
    for index in range(KEYWORDS):
        topic_en, topic_fr = words.TOPICS[index % len(words.TOPICS)]
        place = places[MEMBERS + index]
        keywords.append(
            Keyword(
                slug=f"demo-{index + 1}",
                name_en=f"{topic_en} ({place})",
                name_fr=f"{topic_fr} ({place})",
            )
        )
    keywords = _ensure(Keyword, "slug", keywords)
    members = _ensure(Member, "slug", members)
    return {
        "sessions": [
            {"id": s.pk, "code": s.code, "started_on": s.started_on, "ended_on": s.ended_on}
            for s in sessions
        ],
        "subjects": [s.pk for s in subjects],
        "members": [m.pk for m in members],
        "member_names": {m.pk: m.name for m in members},
        "keywords": [k.pk for k in keywords],
        # What the SQLite index finds a petition by.
        "names": {
            **{("subject", s.pk): (s.name_en, s.name_fr) for s in subjects},
            **{("keyword", k.pk): (k.name_en, k.name_fr) for k in keywords},
        },
    }


def _ensure(model, key, wanted):
    """The rows wanted, created where missing, existing ones kept as they are."""
    existing = {getattr(obj, key): obj for obj in model.objects.all()}
    missing = [obj for obj in wanted if getattr(obj, key) not in existing]
    for obj in missing:
        obj.full_clean(validate_unique=False)
    for obj in model.objects.bulk_create(missing):
        existing[getattr(obj, key)] = obj
    return [existing[getattr(obj, key)] for obj in wanted]
