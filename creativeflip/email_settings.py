"""E-mail settings from the environment (read by ``settings/base.py``).

Either one ``EMAIL_URL``::

    smtp://user:password@host:587?tls=1   SMTP, STARTTLS (port 25 unless given)
    smtps://user:password@host            SMTP over TLS (port 465 unless given)
    console://                            print messages to stdout

(user and password percent-encoded), or the separate ``EMAIL_HOST``,
``EMAIL_PORT``, ``EMAIL_HOST_USER``, ``EMAIL_HOST_PASSWORD``,
``EMAIL_USE_TLS`` and ``EMAIL_USE_SSL``. ``DEFAULT_FROM_EMAIL``,
``SERVER_EMAIL`` and ``EMAIL_TIMEOUT`` apply to both. With neither an URL
nor a host, ``EMAIL_BACKEND`` is Django's default SMTP backend on
localhost:25, and production refuses to start (``settings/production.py``).

Parsed here rather than with a library: three schemes are a few lines.
"""

from collections.abc import Mapping
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"
TRUE = {"1", "true", "yes", "on"}
FALSE = {"", "0", "false", "no", "off"}
MAX_TIMEOUT = 300


def flag(name: str, value: str) -> bool:
    value = value.strip().lower()
    if value in TRUE | FALSE:
        return value in TRUE
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def whole_number(name: str, value: str, low: int, high: int) -> int:
    value = value.strip()
    if value.isascii() and value.isdecimal() and low <= int(value) <= high:
        return int(value)
    raise ImproperlyConfigured(f"{name} must be a whole number from {low} to {high}.")


def _smtp(host, port, user, password, use_tls, use_ssl) -> dict:
    if use_tls and use_ssl:
        raise ImproperlyConfigured("Choose either TLS (STARTTLS) or SSL for e-mail, not both.")
    if port is None:
        port = 465 if use_ssl else 25
    return {
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": host,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": user,
        "EMAIL_HOST_PASSWORD": password,
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
    }


def _from_url(url: str) -> dict:
    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": CONSOLE_BACKEND}
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        # Not the URL itself in the message: it may hold a password.
        raise ImproperlyConfigured(
            "EMAIL_URL must look like smtp://user:password@host:port, smtps://... or console://."
        )
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    try:
        port = parts.port
    except ValueError:
        raise ImproperlyConfigured("EMAIL_URL has a port that is not a number.") from None
    return _smtp(
        parts.hostname,
        port,
        unquote(parts.username or ""),
        unquote(parts.password or ""),
        flag("EMAIL_URL tls", query.get("tls", "")),
        parts.scheme == "smtps" or flag("EMAIL_URL ssl", query.get("ssl", "")),
    )


def _from_variables(environ: Mapping[str, str]) -> dict:
    port = environ.get("EMAIL_PORT", "")
    return _smtp(
        environ["EMAIL_HOST"],
        whole_number("EMAIL_PORT", port, 1, 65535) if port else None,
        environ.get("EMAIL_HOST_USER", ""),
        environ.get("EMAIL_HOST_PASSWORD", ""),
        flag("EMAIL_USE_TLS", environ.get("EMAIL_USE_TLS", "")),
        flag("EMAIL_USE_SSL", environ.get("EMAIL_USE_SSL", "")),
    )


def email_settings(environ: Mapping[str, str]) -> dict:
    """The EMAIL_* settings and sender addresses named by ``environ``."""
    if environ.get("EMAIL_URL"):
        result = _from_url(environ["EMAIL_URL"])
    elif environ.get("EMAIL_HOST"):
        result = _from_variables(environ)
    else:
        result = {}
    default_from = environ.get("DEFAULT_FROM_EMAIL") or "webmaster@localhost"
    result["DEFAULT_FROM_EMAIL"] = default_from
    result["SERVER_EMAIL"] = environ.get("SERVER_EMAIL") or default_from
    # A dead mail server must not hold a web worker for long.
    result["EMAIL_TIMEOUT"] = whole_number(
        "EMAIL_TIMEOUT", environ.get("EMAIL_TIMEOUT", "10"), 1, MAX_TIMEOUT
    )
    return result
