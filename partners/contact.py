"""The contact form on a partner's page. It e-mails the partner; the address
is never printed. A hidden honeypot field and a per-client limit
(core.ratelimit, CONTACT_RATE_LIMIT per hour) keep robots out. Every
message is stored (partners.ContactMessage) before it is sent, so a failed
send loses nothing: the visitor gets a 503 saying so, and staff see the
message in the admin."""

import logging

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.mail import EmailMessage
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import ratelimit
from core.clientip import client_ip
from core.site_url import absolute_url
from partners.models import ContactMessage

logger = logging.getLogger(__name__)
SCOPE = "contact"


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("Your e-mail address"))
    message = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea)
    # Left empty by people; robots fill it in. Hidden from view and from
    # assistive technology in the template.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)


def handle_contact(page, request):
    """Handle a POST of the contact form: a redirect on success, or the page
    with a form error: 400 on bad input, 429 over the limit, 503 when the
    limit cannot be checked or the e-mail could not be sent. None for any
    other request."""
    if request.method != "POST":
        return None
    form = ContactForm(request.POST)
    if not page.contact_email:
        form.add_error(None, gettext("This partner has no contact address."))
        return _form_page(page, request, form, 400)
    if not form.is_valid():
        return _form_page(page, request, form, 400)
    if form.cleaned_data["homepage"]:
        # A robot: pretend it worked, send nothing.
        return _thanks(page, request)

    client = client_ip(request)
    try:
        allowed = ratelimit.acquire(
            SCOPE, client, settings.CONTACT_RATE_LIMIT, settings.CONTACT_RATE_WINDOW
        )
    except ratelimit.Unavailable:
        form.add_error(
            None, gettext("The contact form is not available just now. Please try again later.")
        )
        return _form_page(page, request, form, 503)
    if not allowed:
        form.add_error(None, gettext("Too many messages. Please try again later."))
        return _form_page(page, request, form, 429)

    ContactMessage.delete_expired()
    stored = ContactMessage.objects.create(
        partner=page,
        name=form.cleaned_data["name"],
        email=form.cleaned_data["email"],
        message=form.cleaned_data["message"],
    )
    try:
        _send(page, form.cleaned_data, absolute_url(request, page.url))
    except Exception as error:  # any e-mail backend's failure: the message is kept
        logger.exception("Contact message %s to partner %s not sent", stored.pk, page.pk)
        stored.status = ContactMessage.Status.FAILED
        stored.error = f"{type(error).__name__}: {error}"[:500]
        stored.save(update_fields=["status", "error"])
        # A message that did not go out does not count against the visitor.
        ratelimit.release(SCOPE, client)
        form.add_error(
            None,
            gettext(
                "Your message could not be e-mailed just now. It has been kept, and the "
                "site's team will pass it on: there is no need to send it again."
            ),
        )
        return _form_page(page, request, form, 503)
    stored.status = ContactMessage.Status.SENT
    stored.save(update_fields=["status"])
    return _thanks(page, request)


def _thanks(page, request):
    messages.success(request, gettext("Thank you. Your message has been sent."))
    return HttpResponseRedirect(page.url + "#contact")


def _form_page(page, request, form, status):
    context = page.get_context(request)
    context["contact_form"] = form
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _send(page, data, page_url: str) -> None:
    body = gettext("Message from %(name)s <%(email)s> via %(site)s:") % {
        "name": data["name"],
        "email": data["email"],
        "site": settings.WAGTAIL_SITE_NAME,
    }
    EmailMessage(
        subject=gettext("Contact form: %(title)s") % {"title": page.title},
        # The page it was sent from, on the site's public address (SITE_URL).
        body=f"{body}\n\n{data['message']}\n\n{page_url}",
        to=[page.contact_email],
        reply_to=[data["email"]],
    ).send()
