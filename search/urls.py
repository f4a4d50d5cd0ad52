"""Views of the search app under the language prefix (/<lang>/...).

Included by creativeflip/urls.py before Wagtail's page serving."""

urlpatterns: list = []
