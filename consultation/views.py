"""Public views: respond, confirm by e-mail, the privacy notice.

The response form posts here from the document's page. It carries no CSRF
token (``csrf_exempt``): the form is anonymous, nothing happens until the
respondent clicks the link sent to them, and without a per-visitor token the
document's page stays the same for every anonymous visitor, so a page cache
may keep it. Honeypot, rate limit and confirmation guard it instead."""

import logging

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.http import Http404, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from consultation.forms import ResponseForm
from consultation.models import Consultation, ConsultationResponse, ResponseStatus
from consultation.sections import document_sections
from consultation.tokens import make_token, read_token
from core import ratelimit
from core.clientip import client_ip
from core.site_roots import active_locale

logger = logging.getLogger(__name__)
SCOPE = "consultation"


def localized(request, consultation):
    """The consultation and its document in the active language, falling
    back to the version we have."""
    locale = active_locale(request)
    local = consultation.get_translation_or_none(locale) or consultation
    page = local.page.get_translation_or_none(locale) or local.page
    return local, page.specific, locale


def build_form(consultation, page, language, data=None, sectors=None):
    return ResponseForm(
        data,
        consultation=consultation,
        sections=document_sections(page),
        language=language,
        sectors=sectors,
        prefix="response",
    )


@csrf_exempt
@require_POST
def respond(request, pk):
    found = Consultation.objects.select_related("page").filter(pk=pk).first()
    if found is None:
        raise Http404
    consultation, page, locale = localized(request, found)
    form = build_form(consultation, page, locale.language_code, request.POST)
    if not consultation.is_open():
        form.is_valid()
        form.add_error(None, gettext("This consultation is not open for responses."))
        return _form_page(request, consultation, page, form, 400)
    if not form.is_valid():
        return _form_page(request, consultation, page, form, 400)
    if form.cleaned_data["website"]:
        # A robot: pretend it worked, keep nothing.
        return HttpResponseRedirect(reverse("consultation_sent"))

    client = client_ip(request)
    try:
        allowed = ratelimit.acquire(
            SCOPE, client, settings.CONSULTATION_RATE_LIMIT, settings.CONSULTATION_RATE_WINDOW
        )
    except ratelimit.Unavailable:
        form.add_error(None, gettext("Responses cannot be taken just now. Please try later."))
        return _form_page(request, consultation, page, form, 503)
    if not allowed:
        form.add_error(None, gettext("Too many responses from here. Please try again later."))
        return _form_page(request, consultation, page, form, 429)

    data = form.cleaned_data
    response = ConsultationResponse.objects.create(
        consultation=consultation,
        language=get_language() or settings.LANGUAGE_CODE,
        section=data["section"],
        section_title=form.section_titles.get(data["section"], "")[:255],
        comment=data["comment"],
        answers=form.answers(),
        name=data["name"],
        email=data["email"],
        organisation_type=data["organisation_type"],
        country=data["country"],
        sector=data["sector"],
        consent=data["consent"],
    )
    try:
        send_confirmation(request, response, consultation, page)
    except Exception:  # any e-mail backend's failure
        logger.exception("Confirmation for consultation response %s not sent", response.pk)
        response.delete()
        ratelimit.release(SCOPE, client)
        form.add_error(
            None,
            gettext("We could not send the confirmation e-mail just now. Please try again later."),
        )
        return _form_page(request, consultation, page, form, 503)
    return HttpResponseRedirect(reverse("consultation_sent"))


def send_confirmation(request, response, consultation, page):
    link = request.build_absolute_uri(reverse("consultation_confirm", args=[make_token(response)]))
    context = {
        "consultation": consultation,
        "page": page,
        "link": link,
        "days": settings.CONSULTATION_CONFIRM_DAYS,
    }
    EmailMessage(
        subject=gettext("Please confirm your response: %(title)s") % {"title": consultation.title},
        body=render_to_string("consultation/email/confirm.txt", context),
        to=[response.email],
    ).send()


def _form_page(request, consultation, page, form, status):
    context = {"consultation": consultation, "document": page, "form": form}
    response = TemplateResponse(request, "consultation/respond.html", context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@require_GET
def sent(request):
    return TemplateResponse(request, "consultation/sent.html", {})


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET shows what the link confirms and a button; only the POST of that
    button confirms. Mail scanners and link previews fetch links with GET,
    so a GET must change nothing. The POST needs no CSRF token: the signed
    token in the URL is the secret, and confirming acts in nobody's name."""
    try:
        data = read_token(token)
    except signing.SignatureExpired:
        return _confirm_page(request, "expired", None, 400)
    except signing.BadSignature:
        return _confirm_page(request, "invalid", None, 400)
    response = (
        ConsultationResponse.objects.select_related("consultation__page")
        .filter(pk=data["r"], email=data.get("e", ""))
        .first()
    )
    if response is None:
        return _confirm_page(request, "invalid", None, 400)
    if request.method != "POST":
        waiting = response.status == ResponseStatus.UNCONFIRMED
        return _confirm_page(request, "ask" if waiting else "already", response, 200)
    updated = ConsultationResponse.objects.filter(
        pk=response.pk, status=ResponseStatus.UNCONFIRMED
    ).update(status=ResponseStatus.PENDING, confirmed_at=timezone.now())
    if not updated:
        # A second click on the button: said plainly, as the bad input it is.
        return _confirm_page(request, "already", response, 400)
    return _confirm_page(request, "confirmed", response, 200)


def _confirm_page(request, outcome, response, status):
    context = {"outcome": outcome}
    if response is not None:
        consultation, page, _locale = localized(request, response.consultation)
        context.update(consultation=consultation, document=page)
    return TemplateResponse(request, "consultation/confirm.html", context, status=status)


@require_GET
def privacy(request):
    return TemplateResponse(
        request,
        "consultation/privacy.html",
        {
            "months": settings.CONSULTATION_RETENTION_MONTHS,
            "days": settings.CONSULTATION_CONFIRM_DAYS,
        },
    )
