"""Admin pickers either keep to the page's locale or say which locale each
item is in."""

import pytest
from django import forms
from django.urls import reverse
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.models import Page, TranslatableMixin

from core.localization import registry
from core.localization.choosers import (
    LocaleLabelledMultipleChoiceField,
    LocalizedAdminPageForm,
    restrict_to_locale,
)
from core.models import Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def german_finance(translate):
    finance = Theme.objects.get(locale__language_code="en", slug="finance")
    return translate(finance, "de", {"Finance": {"de": "Finanzierung"}})


def test_snippet_chooser_marks_and_filters_by_locale(admin_client, german_finance):
    url = reverse(Theme.snippet_viewset.chooser_viewset.get_url_name("choose"))
    html = admin_client.get(url).json()["html"]
    assert "Finance" in html and "Finanzierung" in html
    assert "Deutsch" in html and "English" in html  # the Locale column
    html = admin_client.get(url, {"locale": "de"}).json()["html"]
    assert "Finanzierung" in html
    assert ">Finance<" not in html and "Finance\n" not in html


def test_taxonomy_listing_filters_by_locale(admin_client, german_finance):
    url = reverse(Theme.snippet_viewset.get_url_name("list"))
    html = admin_client.get(url, {"locale": "de"}).content.decode()
    assert "Finanzierung" in html
    assert "Intellectual Property" not in html


def test_page_chooser_browses_one_locale(admin_client, section):
    german_home = section["de"]["home"]
    response = admin_client.get(reverse("wagtailadmin_choose_page_child", args=[german_home.pk]))
    html = response.json()["html"]
    assert "Politikpapiere" in html
    assert "Policy papers" not in html


def _themes_field():
    field = ParentalManyToManyField(Theme, blank=True)
    field.set_attributes_from_name("themes")
    return field


def test_taxonomy_picker_labels_name_the_locale(german_finance):
    formfield = formfield_for_dbfield(_themes_field())
    assert isinstance(formfield, LocaleLabelledMultipleChoiceField)
    labels = [label for _value, label in formfield.choices]
    assert "Finance (English)" in labels
    assert "Finanzierung (Deutsch)" in labels


def test_picker_labels_do_not_query_per_item(german_finance, django_assert_max_num_queries):
    formfield = formfield_for_dbfield(_themes_field())
    with django_assert_max_num_queries(2):  # a count and one joined select
        list(formfield.choices)


def test_restrict_to_locale_keeps_only_that_locale(german_finance, locales):
    class Form(forms.Form):
        themes = LocaleLabelledMultipleChoiceField(Theme.objects.all())

    form = Form()
    restrict_to_locale(form, locales["de"])
    assert list(form.fields["themes"].queryset) == [german_finance]


def test_localized_page_form_offers_the_page_locale_only(section, german_finance, superuser):
    from home.models import HomePage

    class Form(LocalizedAdminPageForm):
        themes = LocaleLabelledMultipleChoiceField(Theme.objects.all(), required=False)

        class Meta:
            model = HomePage
            fields = ["title", "slug"]

    german_home = section["de"]["home"]
    form = Form(instance=german_home, for_user=superuser, parent_page=german_home.get_parent())
    assert list(form.fields["themes"].queryset) == [german_finance]
    form = Form(instance=HomePage(), for_user=superuser, parent_page=section["de"]["index"])
    assert list(form.fields["themes"].queryset) == [german_finance]


def _links_to_translatable_snippets(model):
    for field in model._meta.get_fields():
        target = getattr(field, "related_model", None)
        if (
            not field.auto_created
            and field.is_relation
            and target is not None
            and issubclass(target, TranslatableMixin)
            and not issubclass(target, Page)
        ):
            yield field.name


@pytest.mark.parametrize(
    "model",
    [m for m in registry.translatable_models() if issubclass(m, Page)],
    ids=lambda m: registry.label(m),
)
def test_pages_linking_taxonomy_use_the_localized_form(model):
    links = list(_links_to_translatable_snippets(model))
    if links:
        assert issubclass(model.base_form_class or object, LocalizedAdminPageForm), (
            f"{registry.label(model)} links {links}: set base_form_class to "
            "core.localization.choosers.LocalizedAdminPageForm (or a subclass)"
        )
