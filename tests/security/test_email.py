"""E-mail from the environment, and real delivery to an SMTP server.

The server is aiosmtpd on a free loopback port; it requires the login that
the EMAIL_URL names, so a message that arrives proves the whole path:
environment -> settings -> Django's SMTP backend -> server."""

import email
import json
import os
import socket
import subprocess
import sys
from email.utils import getaddresses
from urllib.parse import quote

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from creativeflip.email_settings import email_settings
from partners.models import HubPage, PartnerIndexPage
from partners.sections import section_for
from tests.core.test_settings import PRODUCTION_ENV, ROOT, run_manage
from tests.partners.admin_forms import page_form_data
from tests.partners.conftest import add_page, make_partner

SMTP_USER = "mailer"
SMTP_PASSWORD = "p@ss/word:42"  # characters that must be percent-encoded in a URL
PASSWORD_IN_URL = quote(SMTP_PASSWORD, safe="")
SENDER = "Creative FLIP <kb@example.org>"

EMAIL_NAMES = [
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "EMAIL_USE_SSL",
    "EMAIL_TIMEOUT",
    "DEFAULT_FROM_EMAIL",
    "SERVER_EMAIL",
]
ENV_NAMES = [
    "CSP_REPORT_ONLY",
    "CSP_REPORT_URI",
    "CSP_FRAME_SRC",
    "EMAIL_URL",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "EMAIL_USE_SSL",
    "EMAIL_TIMEOUT",
    "DEFAULT_FROM_EMAIL",
    "SERVER_EMAIL",
]


def settings_in_subprocess(module, env_extra, names=EMAIL_NAMES):
    """The settings ``names`` that ``module`` builds from a clean environment
    plus ``env_extra``, read in a fresh interpreter."""
    env = {k: v for k, v in os.environ.items() if k not in ENV_NAMES}
    env.update(env_extra)
    env["DJANGO_SETTINGS_MODULE"] = module
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}, default=repr))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_settings_read_an_email_url():
    values = settings_in_subprocess(
        "creativeflip.settings.production",
        {
            **PRODUCTION_ENV,
            "EMAIL_URL": f"smtp://{SMTP_USER}:{PASSWORD_IN_URL}@smtp.example.org:587?tls=1",
            "DEFAULT_FROM_EMAIL": SENDER,
            "SERVER_EMAIL": "errors@example.org",
        },
    )
    assert values == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": SMTP_USER,
        "EMAIL_HOST_PASSWORD": SMTP_PASSWORD,
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 10,
        "DEFAULT_FROM_EMAIL": SENDER,
        "SERVER_EMAIL": "errors@example.org",
    }


def test_production_settings_read_separate_variables():
    values = settings_in_subprocess(
        "creativeflip.settings.production",
        {
            **PRODUCTION_ENV,
            "EMAIL_URL": "",
            "EMAIL_HOST": "mail.example.org",
            "EMAIL_HOST_USER": "kb",
            "EMAIL_HOST_PASSWORD": "secret",
            "EMAIL_USE_SSL": "true",
            "EMAIL_TIMEOUT": "5",
            "DEFAULT_FROM_EMAIL": "kb@example.org",
        },
    )
    assert values["EMAIL_HOST"] == "mail.example.org"
    assert values["EMAIL_PORT"] == 465
    assert (values["EMAIL_USE_SSL"], values["EMAIL_USE_TLS"]) == (True, False)
    assert (values["EMAIL_HOST_USER"], values["EMAIL_HOST_PASSWORD"]) == ("kb", "secret")
    assert values["EMAIL_TIMEOUT"] == 5
    # Error mails come from the same address unless SERVER_EMAIL says otherwise.
    assert values["SERVER_EMAIL"] == "kb@example.org"


@pytest.mark.parametrize(
    ("missing", "message"),
    [("EMAIL_URL", "EMAIL_URL"), ("DEFAULT_FROM_EMAIL", "DEFAULT_FROM_EMAIL")],
)
def test_production_refuses_to_start_without_email(missing, message):
    env = dict(PRODUCTION_ENV, EMAIL_URL="smtp://smtp.example.org", DEFAULT_FROM_EMAIL=SENDER)
    env[missing] = ""
    result = run_manage("check", "--settings=creativeflip.settings.production", env_extra=env)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"EMAIL_URL": "smtps://relay.example.org"}, {"EMAIL_PORT": 465, "EMAIL_USE_SSL": True}),
        ({"EMAIL_URL": "smtp://relay.example.org"}, {"EMAIL_PORT": 25, "EMAIL_USE_TLS": False}),
        (
            {"EMAIL_URL": "smtp://relay.example.org:2525?ssl=yes"},
            {"EMAIL_PORT": 2525, "EMAIL_USE_SSL": True},
        ),
        (
            {"EMAIL_URL": "console://"},
            {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"},
        ),
        ({"EMAIL_HOST": "relay", "EMAIL_PORT": "2525"}, {"EMAIL_PORT": 2525}),
        ({"EMAIL_HOST": "relay", "EMAIL_USE_TLS": "on"}, {"EMAIL_USE_TLS": True}),
        # The URL wins over the separate variables.
        ({"EMAIL_URL": "smtp://a.example.org", "EMAIL_HOST": "b"}, {"EMAIL_HOST": "a.example.org"}),
        ({}, {"EMAIL_TIMEOUT": 10, "DEFAULT_FROM_EMAIL": "webmaster@localhost"}),
    ],
)
def test_email_settings_shapes(environ, expected):
    values = email_settings(environ)
    assert {name: values[name] for name in expected} == expected


def test_no_email_configuration_leaves_the_backend_to_django():
    assert "EMAIL_BACKEND" not in email_settings({})


@pytest.mark.parametrize(
    "environ",
    [
        {"EMAIL_URL": "http://mail.example.org"},
        {"EMAIL_URL": "smtp://"},
        {"EMAIL_URL": "smtp://relay.example.org:smtp"},
        {"EMAIL_URL": "smtp://relay.example.org?tls=1&ssl=1"},
        {"EMAIL_URL": "smtp://relay.example.org?tls=maybe"},
        {"EMAIL_HOST": "relay", "EMAIL_PORT": "²5"},
        {"EMAIL_HOST": "relay", "EMAIL_PORT": "70000"},
        {"EMAIL_HOST": "relay", "EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"},
        {"EMAIL_TIMEOUT": "0"},
        {"EMAIL_TIMEOUT": "forever"},
    ],
)
def test_bad_email_configuration_is_refused_at_start(environ):
    with pytest.raises(ImproperlyConfigured):
        email_settings(environ)


def test_bad_email_url_error_does_not_show_the_password():
    with pytest.raises(ImproperlyConfigured) as error:
        email_settings({"EMAIL_URL": "smtp://user:hunter2@relay.example.org:port"})
    assert "hunter2" not in str(error.value)


class Inbox:
    """aiosmtpd handler keeping every message it accepts."""

    def __init__(self):
        self.envelopes = []
        self.logins = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        login = auth_data.login.decode()
        ok = (login, auth_data.password.decode()) == (SMTP_USER, SMTP_PASSWORD)
        if ok:
            self.logins.append(login)
        return AuthResult(success=ok)

    def messages(self):
        return [
            (envelope, email.message_from_bytes(envelope.original_content))
            for envelope in self.envelopes
        ]


@pytest.fixture
def smtp_server():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    inbox = Inbox()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=inbox.authenticate,
        auth_required=True,
        auth_require_tls=False,  # loopback only; TLS would need a trusted certificate
    )
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture
def smtp_settings(settings, smtp_server):
    """Django sends through the server, configured as a deployment would be."""
    inbox, port = smtp_server
    environ = {
        "EMAIL_URL": f"smtp://{SMTP_USER}:{PASSWORD_IN_URL}@127.0.0.1:{port}",
        "DEFAULT_FROM_EMAIL": SENDER,
    }
    for name, value in email_settings(environ).items():
        setattr(settings, name, value)
    return inbox


def addresses(message, header):
    return [address for _name, address in getaddresses(message.get_all(header, []))]


# aiosmtpd warns that it accepts a login without TLS: wanted here, on loopback.
no_tls_warning = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


@no_tls_warning
@pytest.mark.django_db
def test_admin_password_reset_mail_arrives(client, smtp_settings, django_user_model):
    django_user_model.objects.create_user("editor", "editor@example.org", "a-long-password-42")
    response = client.post(reverse("wagtailadmin_password_reset"), {"email": "editor@example.org"})
    assert response.status_code == 302

    [(envelope, message)] = smtp_settings.messages()
    assert smtp_settings.logins == [SMTP_USER]
    assert envelope.mail_from == "kb@example.org"
    assert envelope.rcpt_tos == ["editor@example.org"]
    assert message["From"] == SENDER
    assert addresses(message, "To") == ["editor@example.org"]
    assert "/admin/password_reset/confirm/" in message.get_payload(decode=True).decode()


@no_tls_warning
@pytest.mark.django_db
def test_moderation_notice_arrives(
    client, smtp_settings, home, make_reviewers, django_capture_on_commit_callbacks
):
    partner, editor, reviewer = make_reviewers
    client.force_login(editor)
    data = page_form_data(partner, editor, **{"action-submit": "1"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[partner.pk]), data)
    assert response.status_code == 302

    [(envelope, message)] = smtp_settings.messages()
    assert envelope.mail_from == "kb@example.org"
    assert envelope.rcpt_tos == [reviewer.email]
    assert message["From"] == SENDER
    assert addresses(message, "To") == [reviewer.email]
    assert "Hub Lisbon" in message["Subject"]


@pytest.fixture
def make_reviewers(home, django_user_model):
    """A partner page, an editor of that partner who submits it, and a
    colleague in the same partner group who reviews."""
    directory = add_page(home, PartnerIndexPage, title="Partners", slug="partners")
    partner = make_partner(directory, HubPage, "hub-lisbon", "Hub Lisbon", "PT", 38.72, -9.14)
    group = section_for(partner).group
    people = []
    for name in ("editor", "reviewer"):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw-42-long")
        user.groups.add(group)
        people.append(user)
    return partner, *people
