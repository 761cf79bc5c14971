from django.urls import path

from . import views

app_name = "figures"

urlpatterns = [
    path("statistics/", views.StatisticsView.as_view(), name="statistics"),
    path("statistics/<slug:slug>.csv", views.figure_csv, name="csv"),
]
