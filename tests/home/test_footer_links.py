"""Footer links: a translatable snippet shown in the footer of every page."""

import pytest
from django.core.exceptions import ValidationError

from home.models import ContentPage, FooterLink

pytestmark = pytest.mark.django_db


def footer(html: str) -> str:
    return html.split('<footer class="site-footer">', 1)[1]


@pytest.fixture
def contact(home):
    page = ContentPage(title="Contact", slug="contact", body="<p>Write to us.</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_the_footer_lists_links_in_order(client, home, contact):
    FooterLink.objects.create(locale=home.locale, page=contact, sort_order=1)
    FooterLink.objects.create(
        locale=home.locale, label="Imprint", url="https://example.org/imprint", sort_order=0
    )
    html = footer(client.get("/en/").content.decode())
    assert html.index("https://example.org/imprint") < html.index('href="/en/contact/"')
    assert ">Contact</a>" in html


def test_links_to_pages_that_are_not_live_are_left_out(client, home, contact):
    FooterLink.objects.create(locale=home.locale, page=contact)
    contact.unpublish()
    assert "/en/contact/" not in footer(client.get("/en/").content.decode())


def test_no_links_no_footer_navigation(client, home):
    assert "site-footer__links" not in client.get("/en/").content.decode()


def test_the_footer_costs_one_query(client, home, contact, django_assert_max_num_queries):
    for n in range(5):
        FooterLink.objects.create(locale=home.locale, url=f"https://example.org/{n}", sort_order=n)
    FooterLink.objects.create(locale=home.locale, page=contact, sort_order=9)
    client.get("/en/")  # warm caches (site root paths)
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/en/")
    template = Template("{% load home_tags %}{% footer_links as links %}{{ links|length }}")
    with django_assert_max_num_queries(2):
        assert template.render(Context({"request": request})) == "6"


def test_a_link_needs_a_page_or_an_address(home):
    with pytest.raises(ValidationError):
        FooterLink(locale=home.locale, label="Nowhere").full_clean()
    FooterLink(locale=home.locale, label="Elsewhere", url="https://example.org/").full_clean()


def test_only_those_allowed_may_edit_footer_links(client, home, superuser, django_user_model):
    url = "/admin/snippets/home/footerlink/add/"
    editor = django_user_model.objects.create_user("editor", "e@example.com", "pw-editor-12345")
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    client.force_login(superuser)
    assert client.get(url).status_code == 200


def test_an_edited_link_shows_at_once_and_a_warm_footer_costs_nothing(
    client, home, contact, django_assert_num_queries
):
    link = FooterLink.objects.create(locale=home.locale, label="Imprint", url="https://a.example/")
    assert "https://a.example/" in footer(client.get("/en/").content.decode())
    from django.template import Context, Template
    from django.test import RequestFactory

    template = Template("{% load home_tags %}{% footer_links as links %}{{ links|length }}")
    with django_assert_num_queries(0):  # kept with the page chrome
        template.render(Context({"request": RequestFactory().get("/en/")}))
    link.url = "https://b.example/"
    link.save()
    html = footer(client.get("/en/").content.decode())
    assert "https://b.example/" in html and "https://a.example/" not in html
    link.delete()
    assert "https://b.example/" not in footer(client.get("/en/").content.decode())
