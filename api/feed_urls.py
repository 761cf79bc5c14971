"""Atom feeds: /feeds/petitions/, /feeds/responses/, and the same per Member and subject."""

from django.urls import path

from . import feeds
from .http import open_data

app_name = "feeds"

urlpatterns = [
    path("petitions/", open_data(feeds.PetitionFeed()), name="petitions"),
    path("responses/", open_data(feeds.ResponseFeed()), name="responses"),
    path(
        "members/<slug:slug>/petitions/",
        open_data(feeds.MemberPetitionFeed()),
        name="member-petitions",
    ),
    path(
        "members/<slug:slug>/responses/",
        open_data(feeds.MemberResponseFeed()),
        name="member-responses",
    ),
    path(
        "subjects/<slug:slug>/petitions/",
        open_data(feeds.SubjectPetitionFeed()),
        name="subject-petitions",
    ),
    path(
        "subjects/<slug:slug>/responses/",
        open_data(feeds.SubjectResponseFeed()),
        name="subject-responses",
    ),
]
