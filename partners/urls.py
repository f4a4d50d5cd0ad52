"""The partner directory's ``export.csv`` under the language prefix, served
as the directory page's sub-route (core/site_roots.py): Wagtail's page URLs
cannot contain a dot. Included by creativeflip/urls.py before Wagtail's
page serving."""

from core.site_roots import file_url

urlpatterns = [file_url(r"export\.csv", "partners_export_csv")]
