"""The contact form on a partner's page. It e-mails the partner; the address
is never printed. A hidden honeypot field and a per-address rate limit keep
robots out."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

RATE_LIMIT = 5  # messages per address...
RATE_WINDOW = 60 * 60  # ...per hour


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("Your e-mail address"))
    message = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea)
    # Left empty by people; robots fill it in. Hidden from view and from
    # assistive technology in the template.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)


def _client_key(request) -> str:
    return "partners:contact:" + request.META.get("REMOTE_ADDR", "unknown")


def handle_contact(page, request):
    """Handle a POST of the contact form: a redirect on success, the page
    with errors (400) on bad input, a 429 when over the limit, or None for
    any other request."""
    if request.method != "POST":
        return None
    form = ContactForm(request.POST)
    status = 400
    if not page.contact_email:
        form.add_error(None, gettext("This partner has no contact address."))
    elif form.is_valid():
        if form.cleaned_data["homepage"]:
            # A robot: pretend it worked, send nothing.
            messages.success(request, gettext("Thank you. Your message has been sent."))
            return HttpResponseRedirect(page.url + "#contact")
        key = _client_key(request)
        count = cache.get(key, 0)
        if count >= RATE_LIMIT:
            form.add_error(None, gettext("Too many messages. Please try again later."))
            status = 429
        else:
            cache.set(key, count + 1, RATE_WINDOW)
            _send(page, form.cleaned_data)
            messages.success(request, gettext("Thank you. Your message has been sent."))
            return HttpResponseRedirect(page.url + "#contact")
    context = page.get_context(request)
    context["contact_form"] = form
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _send(page, data) -> None:
    body = gettext("Message from %(name)s <%(email)s> via %(site)s:") % {
        "name": data["name"],
        "email": data["email"],
        "site": settings.WAGTAIL_SITE_NAME,
    }
    EmailMessage(
        subject=gettext("Contact form: %(title)s") % {"title": page.title},
        body=f"{body}\n\n{data['message']}",
        to=[page.contact_email],
        reply_to=[data["email"]],
    ).send()
