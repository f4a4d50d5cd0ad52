"""JSON endpoints outside the language prefix (/api/v2/search/ ...)."""

urlpatterns: list = []
