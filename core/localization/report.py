"""The translation status report (Reports menu): Wagtail's ``ReportView``
with a django-filter FilterSet and Wagtail's spreadsheet export
(``?export=csv`` or ``?export=xlsx``). The rows come from ``status``: they are
built per request from the filters, not a queryset to filter, so the filter
set only checks and holds the choices (``get_queryset`` reads it)."""

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_localize.models import Translation

from core.csv_cells import csv_safe
from core.localization.forms import locale_choices
from core.localization.status import STATUS_LABELS, build_report, summary, type_choices


class SectionField(forms.IntegerField):
    """A page ID, cleaned to the page (not the root)."""

    def clean(self, value):
        pk = super().clean(value)
        if pk is None:
            return None
        page = Page.objects.filter(pk=pk, depth__gt=1).first()
        if page is None:
            raise forms.ValidationError(_("There is no page with this ID."))
        return page


class SectionFilter(django_filters.Filter):
    field_class = SectionField


def _keep(queryset, name, value):
    return queryset  # the rows are built from the cleaned values


class StatusReportFilterSet(WagtailFilterSet):
    locale = django_filters.ChoiceFilter(
        label=_("Language"), empty_label=_("All languages"), method=_keep
    )
    section = SectionFilter(
        label=_("Section (page ID)"),
        min_value=1,
        help_text=_("Only this page and the pages below it."),
        method=_keep,
    )
    type = django_filters.ChoiceFilter(label=_("Type"), empty_label=_("All types"), method=_keep)
    status = django_filters.ChoiceFilter(
        label=_("Status"), empty_label=_("Any"), choices=list(STATUS_LABELS.items()), method=_keep
    )

    class Meta:
        model = Page
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["locale"].extra["choices"] = locale_choices()
        self.filters["type"].extra["choices"] = type_choices()


class StatusReportView(ReportView):
    page_title = _("Translation status")
    header_icon = "site"
    template_name = "core/localization/status.html"
    results_template_name = "core/localization/status_results.html"
    index_url_name = "cf_translation_status"
    index_results_url_name = "cf_translation_status_results"
    filterset_class = StatusReportFilterSet
    # "wagtail_localize.submit_translation": who may submit translations.
    permission_policy = ModelPermissionPolicy(Translation)
    permission_required = "submit"
    paginate_by = 100
    export_filename = "translation-status"
    custom_value_preprocess = {
        **ReportView.custom_value_preprocess,
        str: {ReportView.FORMAT_CSV: csv_safe, ReportView.FORMAT_XLSX: csv_safe},
    }

    @cached_property
    def cleaned(self) -> dict:
        filters = self.filters
        return filters.form.cleaned_data if filters is not None and filters.is_valid() else {}

    @cached_property
    def locales(self) -> list:
        code = self.cleaned.get("locale")
        source = Locale.get_default()
        if code:
            return [Locale.objects.get(language_code=code)]
        return list(Locale.objects.exclude(pk=source.pk).order_by("pk"))

    @cached_property
    def rows(self) -> list:
        if self.filters is not None and not self.filters.is_valid():
            return []
        rows = build_report(
            locales=self.locales,
            section=self.cleaned.get("section"),
            type_label=self.cleaned.get("type") or None,
            source_locale=Locale.get_default(),
            user=self.request.user,
        )
        status = self.cleaned.get("status")
        return [r for r in rows if status in r.statuses.values()] if status else rows

    def get_queryset(self):
        return self.rows

    def filter_queryset(self, queryset):
        return queryset

    # Columns of the spreadsheet: kind, type, id, title, then one status
    # per language (its code).
    @property
    def list_export(self):
        return ["kind", "type_label", "pk", "title", *self.codes]

    @property
    def export_headings(self):
        return {"type_label": "type", "pk": "id", **{code: code for code in self.codes}}

    @property
    def codes(self) -> list[str]:
        return [locale.language_code for locale in self.locales]

    def get_heading(self, queryset, field):
        return str(self.export_headings.get(field, field))

    def to_row_dict(self, item):
        row = {field: getattr(item, field) for field in ("kind", "type_label", "pk", "title")}
        row.update(item.statuses)
        return {field: row[field] for field in self.list_export}

    def get(self, request, *args, **kwargs):
        if self.filters is not None and not self.filters.is_valid():
            self.is_export = False  # the page says what is wrong
            response = super().get(request, *args, **kwargs)
            response.status_code = 400
            return response
        return super().get(request, *args, **kwargs)

    def decorate_paginated_queryset(self, object_list):
        for row in object_list:
            row.edit_url = _edit_url(row)
            row.cells = [
                (code, row.statuses[code], STATUS_LABELS[row.statuses[code]]) for code in self.codes
            ]
        return object_list

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        names = dict(locale_choices())
        context["columns"] = [(code, names.get(code, code)) for code in self.codes]
        context["summary"] = summary(self.rows, self.locales)
        return context


def _edit_url(row) -> str:
    """The admin edit view of a row's source page or snippet ("" if none)."""
    if row.kind == "page":
        return reverse("wagtailadmin_pages:edit", args=[row.pk])
    app_label, model_name = row.type_label.split(".")
    try:
        return reverse(f"wagtailsnippets_{app_label}_{model_name}:edit", args=[quote(row.pk)])
    except NoReverseMatch:
        return ""
