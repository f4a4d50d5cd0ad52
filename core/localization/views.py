"""Admin views: the translation status report (HTML and CSV) and PO
export/import for a page or a section. Registered in ``core/wagtail_hooks.py``."""

import csv

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale, Page

from core.csv_cells import csv_safe
from core.localization import po as po_tools
from core.localization import rights
from core.localization.forms import POUploadForm, ReportFilterForm, locale_choices
from core.localization.status import STATUS_LABELS, build_report, summary
from core.page_visibility import may_see

PERMISSION = "wagtail_localize.submit_translation"


def _require_translator(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def status_report(request):
    _require_translator(request)
    form = ReportFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return TemplateResponse(
            request, "core/localization/status.html", {"form": form, "rows": None}, status=400
        )
    data = form.cleaned_data if form.is_bound else {}
    source = Locale.get_default()
    locales = [data["locale"]] if data.get("locale") else None
    if locales is None:
        locales = list(Locale.objects.exclude(pk=source.pk).order_by("pk"))
    rows = build_report(
        locales=locales,
        section=data.get("section"),
        type_label=data.get("type") or None,
        source_locale=source,
        user=request.user,
    )
    if data.get("status"):
        rows = [r for r in rows if data["status"] in r.statuses.values()]
    if request.GET.get("format") == "csv":
        return _csv(rows, locales)
    names = dict(locale_choices())
    columns = [
        (locale, names.get(locale.language_code, locale.language_code)) for locale in locales
    ]
    for row in rows:
        row.edit_url = _edit_url(row)
        row.cells = [
            (
                locale.language_code,
                row.statuses[locale.language_code],
                STATUS_LABELS[row.statuses[locale.language_code]],
            )
            for locale in locales
        ]
    query = request.GET.copy()
    query["format"] = "csv"
    return TemplateResponse(
        request,
        "core/localization/status.html",
        {
            "form": form,
            "rows": rows,
            "columns": columns,
            "summary": summary(rows, locales),
            "csv_url": f"{request.path}?{query.urlencode()}",
        },
    )


def _edit_url(row) -> str:
    """The admin edit view of a row's source page or snippet ("" if none)."""
    if row.kind == "page":
        return reverse("wagtailadmin_pages:edit", args=[row.pk])
    app_label, model_name = row.type_label.split(".")
    try:
        return reverse(f"wagtailsnippets_{app_label}_{model_name}:edit", args=[quote(row.pk)])
    except NoReverseMatch:
        return ""


def _csv(rows, locales):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translation-status.csv"'
    writer = csv.writer(response)
    writer.writerow(["kind", "type", "id", "title", *[locale.language_code for locale in locales]])
    for row in rows:
        cells = [
            row.kind,
            row.type_label,
            row.pk,
            row.title,
            *[row.statuses[locale.language_code] for locale in locales],
        ]
        writer.writerow([csv_safe(cell) for cell in cells])
    return response


def _refuse(request, message, status=400):
    """A plain admin page with the reason. (Not Http404: the project's
    LocaleMiddleware would redirect an admin 404 to a language prefix.)"""
    return TemplateResponse(
        request, "core/localization/refused.html", {"message": message}, status=status
    )


def _page(request, page_id):
    """The page, or None when there is none the user may see (another
    section's draft is answered like a page that does not exist)."""
    page = Page.objects.filter(pk=page_id, depth__gt=1).first()
    if page is None or not may_see(page, request.user):
        return None
    return page


def po_export(request, page_id):
    """One PO file for a page, or ``?section=1``: a zip of the PO files of
    the page and every page below it that is being translated (those the
    user may export, see ``rights``)."""
    _require_translator(request)
    page = _page(request, page_id)
    if page is None:
        return _refuse(request, _("There is no page with this ID."))
    code = request.GET.get("locale", "")
    if code not in dict(locale_choices()):
        return _refuse(request, _("This site is not translated into “%(code)s”.") % {"code": code})
    locale = Locale.objects.get(language_code=code)
    subtree = request.GET.get("section") == "1"
    translations = list(po_tools.translations_for_section(page, locale, subtree=subtree))
    if not translations:
        return _refuse(
            request,
            _(
                "“%(page)s” is not being translated into %(locale)s yet: "
                "submit it for translation first."
            )
            % {"page": page.title, "locale": locale.get_display_name()},
        )
    translations = rights.exportable(translations, request.user)
    if not translations:
        raise PermissionDenied
    if subtree:
        response = HttpResponse(po_tools.export_zip(translations), content_type="application/zip")
        name = f"{page.slug}-{locale.language_code}.zip"
    else:
        response = HttpResponse(
            str(translations[0].export_po()),
            content_type="text/x-gettext-translation; charset=utf-8",
        )
        name = po_tools.po_filename(translations[0])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def po_import(request, page_id):
    """Upload a PO (or a zip of them) for a page or its section."""
    _require_translator(request)
    page = _page(request, page_id)
    if page is None:
        return _refuse(request, _("There is no page with this ID."))
    can_publish = rights.may_publish_any(page, request.user)
    form = POUploadForm(request.POST or None, request.FILES or None, can_publish=can_publish)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            publish = form.cleaned_data.get("publish", False)
            try:
                files = po_tools.read_upload(form.cleaned_data["file"])
                parsed = po_tools.check(
                    files, page=page, locale=form.cleaned_data["locale"], subtree=True
                )
                targets = rights.check_import(parsed, request.user, publish=publish)
            except rights.NotAllowed as error:
                form.add_error("file", str(error))
                status = 403
            except po_tools.POError as error:
                form.add_error("file", str(error))
            else:
                warnings = po_tools.import_files(parsed, user=request.user, publish=publish)
                submitted = (
                    0 if publish else rights.submit_for_review(targets.values(), request.user)
                )
                count = sum(len(w) for w in warnings.values())
                messages.success(
                    request,
                    _("Imported %(files)d PO file(s) into %(locale)s.")
                    % {
                        "files": len(parsed),
                        "locale": form.cleaned_data["locale"].get_display_name(),
                    },
                )
                if count:
                    messages.warning(
                        request,
                        _("%(count)d entries did not match the current source and were skipped.")
                        % {"count": count},
                    )
                if submitted:
                    messages.info(
                        request,
                        ngettext(
                            "%(count)d translated page was submitted for review.",
                            "%(count)d translated pages were submitted for review.",
                            submitted,
                        )
                        % {"count": submitted},
                    )
                return redirect(reverse("cf_translation_po_import", args=[page.pk]))
    return TemplateResponse(
        request,
        "core/localization/po_import.html",
        {"page": page, "form": form, "locales": locale_choices(), "can_publish": can_publish},
        status=status,
    )
