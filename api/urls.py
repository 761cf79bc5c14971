from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from . import docs, views
from .http import open_data

app_name = "api"

urlpatterns = [
    path("petitions/", open_data(views.PetitionListView.as_view()), name="petition-list"),
    path(
        "petitions/<str:number>/",
        open_data(views.PetitionDetailView.as_view()),
        name="petition-detail",
    ),
    path("members/", open_data(views.MemberListView.as_view()), name="member-list"),
    path("subjects/", open_data(views.SubjectListView.as_view()), name="subject-list"),
    path("sessions/", open_data(views.SessionListView.as_view()), name="session-list"),
    path("schema/", open_data(SpectacularAPIView.as_view()), name="schema"),
    path("docs/", docs.DocsView.as_view(url_name="api:schema"), name="docs"),
]
