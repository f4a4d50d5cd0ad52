"""Admin views: PO export/import for a page or a section (the status report
is ``report.py``). Registered in ``core/wagtail_hooks.py``."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale, Page

from core.localization import po as po_tools
from core.localization import rights
from core.localization.forms import POUploadForm, locale_choices
from core.page_visibility import may_see

PERMISSION = "wagtail_localize.submit_translation"


def _require_translator(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


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
