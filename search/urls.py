"""Views of the search app under the language prefix (/<lang>/...).

Included by creativeflip/urls.py before Wagtail's page serving."""

from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/suggest/", views.suggest_view, name="suggest"),
]
