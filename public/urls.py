from django.urls import path

from . import views

app_name = "petitions"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    # One page lists, searches, filters and sorts; /search/ is where the search box goes.
    path("petitions/", views.PetitionSearchView.as_view(), name="list"),
    path("search/", views.PetitionSearchView.as_view(), name="search"),
    path("petitions/<str:number>/", views.petition_detail, name="detail"),
    path("members/<slug:slug>/", views.MemberDetailView.as_view(), name="member"),
    path("subjects/<slug:slug>/", views.SubjectDetailView.as_view(), name="subject"),
    path("sessions/<str:code>/", views.SessionDetailView.as_view(), name="session"),
]
