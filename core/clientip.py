"""The visitor's address, as far as we can trust it.

Behind N reverse proxies that each append the address they saw to
X-Forwarded-For, the N-th address from the right is the one the outermost
proxy saw: the client. Anything further left was written by the client and
proves nothing. With ``TRUSTED_PROXY_COUNT = 0`` (no proxy) only REMOTE_ADDR
counts. Used by the login throttle (django-axes), the sign-up limit and the
contact form.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [part.strip() for part in header.split(",") if part.strip()]
    if len(forwarded) < count:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-count]))
    except ValueError:
        # Our own proxy never writes this; someone reached us around it.
        return remote
