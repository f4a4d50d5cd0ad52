"""Fetch a feed safely: http(s) only, short timeouts, a size limit, at most
a few redirects, and (unless ``SOCIAL_FEED_ALLOW_PRIVATE``) never a private,
loopback, link-local or reserved address. The address is checked on the
connected socket, so a host name that resolves differently between a check
and the connection (DNS rebinding) or a redirect to an inner address is
refused too."""

import http.client
import ipaddress
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

CHUNK = 64 * 1024
MAX_REDIRECTS = 3


class FetchError(Exception):
    """A feed could not be fetched; the message is shown to editors."""


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _check_peer(sock) -> None:
    if settings.SOCIAL_FEED_ALLOW_PRIVATE:
        return
    address = sock.getpeername()[0]
    if not is_public_address(address):
        sock.close()
        raise FetchError(
            _("Refused: the feed's address %(address)s is private or local.") % {"address": address}
        )


class _CheckedHTTPConnection(http.client.HTTPConnection):
    def connect(self):
        super().connect()
        _check_peer(self.sock)


class _CheckedHTTPSConnection(http.client.HTTPSConnection):
    def connect(self):
        super().connect()
        _check_peer(self.sock)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_CheckedHTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_CheckedHTTPSConnection, req)


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(_("Refused: a redirect to a non-web address."))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.OpenerDirector()
for _handler in (
    _HTTPHandler(),
    _HTTPSHandler(),
    _RedirectHandler(),
    urllib.request.HTTPErrorProcessor(),
    urllib.request.HTTPDefaultErrorHandler(),
):
    _opener.add_handler(_handler)


def fetch(url: str) -> bytes:
    """The body of ``url``, or FetchError with a reason an editor can act on."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(_("Only http and https addresses can be fetched."))
    timeout = settings.SOCIAL_FEED_TIMEOUT
    limit = settings.SOCIAL_FEED_MAX_BYTES
    deadline = time.monotonic() + 2 * timeout
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        url, headers={"User-Agent": f"{settings.WAGTAIL_SITE_NAME} feed reader"}
    )
    try:
        with _opener.open(request, timeout=timeout) as response:
            body = bytearray()
            while chunk := response.read1(CHUNK):
                body += chunk
                if len(body) > limit:
                    raise FetchError(
                        _("The feed is larger than %(limit)s bytes.") % {"limit": limit}
                    )
                if time.monotonic() > deadline:
                    raise FetchError(_("The feed took too long to arrive."))
            return bytes(body)
    except urllib.error.HTTPError as error:
        raise FetchError(_("The server answered %(code)s.") % {"code": error.code}) from error
    except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, FetchError):
            raise reason from error
        raise FetchError(_("Could not reach the feed: %(reason)s") % {"reason": reason}) from error
