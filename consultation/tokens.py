"""Signed, expiring confirmation links. The token names the response; it is
single use because confirming moves the response out of "unconfirmed"."""

from django.conf import settings
from django.core import signing

SALT = "consultation.confirm"


def make_token(response) -> str:
    return signing.dumps({"r": response.pk, "e": response.email}, salt=SALT, compress=False)


def read_token(token: str) -> dict:
    """The token's content; raises signing.BadSignature (or its subclass
    SignatureExpired) for a tampered, foreign or expired token."""
    max_age = settings.CONSULTATION_CONFIRM_DAYS * 24 * 60 * 60
    data = signing.loads(token, salt=SALT, max_age=max_age)
    if not isinstance(data, dict) or not isinstance(data.get("r"), int):
        raise signing.BadSignature("malformed")
    return data
