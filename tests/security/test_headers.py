"""Content-Security-Policy, Permissions-Policy and the removed Django admin."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from core.demo_tools import ensure_page
from knowledgebase.models import PolicyPaperIndexPage
from learning.blocks import VideoBlock
from partners.models import HubPage, PartnerIndexPage
from tests.knowledgebase.conftest import make_paper
from tests.partners.conftest import add_page, make_partner

from .test_email import settings_in_subprocess

ROOT = Path(__file__).resolve().parents[2]
CSP = "Content-Security-Policy"
CSP_REPORT_ONLY = "Content-Security-Policy-Report-Only"


def directives(header):
    """{"script-src": ["'self'", ...], ...} from a policy header."""
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


class InlineCode(HTMLParser):
    """What a page holds inline: script elements (with their attributes),
    style elements, style attributes and event-handler attributes."""

    def __init__(self):
        super().__init__()
        self.scripts, self.style_elements, self.style_attributes, self.handlers = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts.append(attrs)
        if tag == "style":
            self.style_elements.append(attrs)
        if "style" in attrs:
            self.style_attributes.append(tag)
        self.handlers += [name for name in attrs if name.startswith("on")]


def inline_code(response):
    parser = InlineCode()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def public_pages(home):
    """Home, a policy paper (with JSON-LD), the partner map, the search page."""
    papers = ensure_page(home, PolicyPaperIndexPage, "policy-papers", title="Policy papers")
    paper = make_paper(papers, "Funding the creative economy")
    directory = add_page(home, PartnerIndexPage, title="Partners", slug="partners")
    make_partner(directory, HubPage, "hub-lisbon", "Hub Lisbon", "PT", 38.72, -9.14)
    return [home.url, paper.url, directory.url, "/en/search/?q=creative"]


@pytest.mark.django_db
def test_public_pages_have_a_strict_policy_and_nothing_inline(client, public_pages):
    for url in public_pages:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response[CSP])
        # 'self', and the nonce when the page used it (django-csp adds it then).
        self_, *nonces = policy["script-src"]
        assert self_ == "'self'" and len(nonces) <= 1, policy
        nonces = [re.fullmatch(r"'nonce-([A-Za-z0-9+/=]{20,})'", n).group(1) for n in nonces]
        assert policy["style-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert "'unsafe-inline'" not in response[CSP] and "'unsafe-eval'" not in response[CSP]

        found = inline_code(response)
        assert found.style_elements == [] and found.style_attributes == [], url
        assert found.handlers == [], url
        # Every script is a file of our own, or carries this response's nonce.
        for script in found.scripts:
            assert script.get("src", "").startswith("/static/") or (
                script.get("nonce") in nonces
            ), (url, script)


@pytest.mark.django_db
def test_json_ld_carries_a_fresh_nonce_per_response(client, public_pages):
    paper_url = public_pages[1]
    nonces = []
    for _ in range(2):
        response = client.get(paper_url)
        [ld] = [s for s in inline_code(response).scripts if s.get("type") == "application/ld+json"]
        assert f"'nonce-{ld['nonce']}'" in directives(response[CSP])["script-src"]
        nonces.append(ld["nonce"])
    assert nonces[0] != nonces[1]


def test_templates_hold_no_inline_script_or_style():
    """The source, so a new template cannot bring one back unseen."""
    offenders = []
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text()
        for match in re.finditer(r"<script\b[^>]*>", text):
            if "src=" not in match.group(0) and "nonce=" not in match.group(0):
                offenders.append((path.name, match.group(0)))
        for pattern in (r"<style\b", r"\sstyle=", r"\son[a-z]+="):
            offenders += [(path.name, m.group(0)) for m in re.finditer(pattern, text)]
    assert offenders == []


@pytest.mark.django_db
def test_responsive_embed_has_no_style_attribute():
    url = "https://www.youtube.com/watch?v=example"
    Embed.objects.create(
        hash=get_embed_hash(url),
        url=url,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/example"></iframe>',
        width=640,
        height=360,
    )
    block = VideoBlock()
    rendered = block.render(block.to_python({"video": url, "caption": "A talk"}))
    assert 'class="responsive-object" data-embed-ratio="56.25%"' in rendered
    assert "youtube-nocookie.com/embed/example" in rendered
    assert "style=" not in rendered


@pytest.mark.django_db
def test_admin_gets_the_relaxed_policy(client, superuser):
    response = client.get("/admin/login/")
    policy = directives(response[CSP])
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert not any(value.startswith("'nonce-") for value in response[CSP].split())

    client.force_login(superuser)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in directives(response[CSP])["script-src"]


@pytest.mark.django_db
def test_report_only_mode_blocks_nothing_anywhere(client, settings, home):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = None
    for url, script_src in [(home.url, "'self'"), ("/admin/login/", "'unsafe-inline'")]:
        response = client.get(url)
        assert CSP not in response
        assert script_src in directives(response[CSP_REPORT_ONLY])["script-src"]


def test_report_only_is_switched_by_the_environment():
    names = ["CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY"]
    enforced = settings_in_subprocess("creativeflip.settings.dev", {}, names)
    assert enforced["CONTENT_SECURITY_POLICY"] and not enforced[names[1]]
    report_only = settings_in_subprocess(
        "creativeflip.settings.dev",
        {"CSP_REPORT_ONLY": "true", "CSP_REPORT_URI": "https://reports.example.org/csp"},
        names,
    )
    assert report_only["CONTENT_SECURITY_POLICY"] is None
    policy = report_only["CONTENT_SECURITY_POLICY_REPORT_ONLY"]["DIRECTIVES"]
    assert policy["report-uri"] == ["https://reports.example.org/csp"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/en/", "/admin/login/", "/api/v2/pages/", "/en/no-such-page/"])
def test_permissions_policy_everywhere(client, home, url):
    response = client.get(url)
    features = dict(item.split("=") for item in response["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert features[feature] == "()"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/django-admin/", "/django-admin/login/"])
def test_django_admin_is_gone(client, url):
    assert client.get(url).status_code == 404
    assert "django.contrib.admin" not in settings.INSTALLED_APPS
