"""Fields of Wagtail's API v2 (``api_fields``) that need a serializer."""

from django_countries.serializer_fields import CountryField
from rest_framework.serializers import ListField
from wagtail.api import APIField


def country_api_field(name: str) -> APIField:
    """A django_countries field as its ISO code ("" when blank). Without
    it, DRF hands the ``Country`` object to the JSON encoder: a 500."""
    return APIField(name, serializer=CountryField())


def countries_api_field(name: str) -> APIField:
    """A ``CountryField(multiple=True)`` as a list of ISO codes."""
    return APIField(name, serializer=ListField(child=CountryField()))
