"""JSON endpoints outside the language prefix (/api/v2/search/ ...)."""

from django.urls import path

from . import views

urlpatterns = [path("search/", views.api_search, name="search-api")]
