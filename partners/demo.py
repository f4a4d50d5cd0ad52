"""Demo step: the partner directory, 8 hubs and 5 education partners, six
exchanges across two rounds, in every language; the moderation workflow; and
one demo user per role, with fresh random passwords printed on every run."""

import datetime
import secrets
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from core.demo_tools import TARGET_LANGUAGES, ensure_page
from core.models import Sector, Theme
from core.translation import translate_object
from home.models import HomePage
from partners import sections
from partners.demo_cities import city_table
from partners.demo_data import EDUCATION_PARTNERS, HUBS
from partners.demo_text import (
    ACTIVITIES,
    EXCHANGES,
    INDEX_TEXT,
    LANGS,
    PARTNERS,
    SERVICES,
    table,
)
from partners.models import (
    EducationPartnerPage,
    ExchangeIndexPage,
    ExchangePage,
    HubPage,
    PartnerIndexPage,
    PartnerPage,
    Service,
)

# username -> (role shown in the output, how to set the user up)
DEMO_USERS = [
    ("demo-admin", "admin (superuser)"),
    ("demo-moderator", "moderator"),
    ("demo-translator", "translator"),
    ("demo-editor-lisboa", "editor of Fábrica Lisboa Creative Hub"),
    ("demo-editor-leipzig", "editor of Kreativquartier Leipzig"),
    ("demo-learner", "learner (no admin access)"),
]
EDITOR_SECTIONS = {
    "demo-editor-lisboa": "fabrika-lisboa",
    "demo-editor-leipzig": "kreativquartier-leipzig",
}


def load(context):
    sections.ensure_network()
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english, depth=2)
    services = _services(context, english)
    directory, exchange_index = _indexes(context, home)
    partners = _partners(context, directory, services)
    _exchanges(context, exchange_index, partners)
    for page in partners.values():
        sections.ensure_section(page)
    sections.ensure_translator_permissions()
    context.step("partner groups, collections and two-step workflows in place")
    _users(context, partners)


def _services(context, english):
    result = {}
    for slug, names in SERVICES.items():
        service, _ = Service.objects.get_or_create(
            slug=slug, locale=english, defaults={"name": names[0]}
        )
        if service.name != names[0]:
            service.name = names[0]
            service.save()
        for code in TARGET_LANGUAGES:
            translate_object(service, code, {names[0]: names[1 + LANGS.index(code)]})
        result[slug] = service
    context.step(f"{len(result)} services and facilities in 7 languages")
    return result


def _indexes(context, home):
    directory = ensure_page(
        home,
        PartnerIndexPage,
        "partners",
        title="Partners",
        summary="Creative hubs and education partners across Europe.",
        intro="<p>Find a hub or a school by sector, service or country, on the map or in the list.</p>",
        show_in_menus=True,
    )
    context.translate(directory, INDEX_TEXT)
    exchange_index = ensure_page(
        home,
        ExchangeIndexPage,
        "exchanges",
        title="Exchanges",
        summary="Twin-hub and peer exchanges between partners, round by round.",
        intro="<p>Each exchange pairs two partners from different countries for a few weeks of shared work. Read what they set out to learn and what came of it.</p>",
        show_in_menus=True,
    )
    context.translate(exchange_index, INDEX_TEXT)
    return directory, exchange_index


def _terms(model, slugs):
    return list(model.objects.filter(locale__language_code="en", slug__in=slugs))


def _partners(context, directory, services) -> dict[str, PartnerPage]:
    rows = [(row, HubPage) for row in HUBS] + [
        (row, EducationPartnerPage) for row in EDUCATION_PARTNERS
    ]
    result = {}
    for (slug, kind, name, country, city), model in rows:
        lat, lon, sector_slugs, theme_slugs, service_slugs, summary, description, *levels = (
            PARTNERS[slug]
        )
        fields = {
            "title": name,
            "summary": summary[0],
            "description": f"<p>{description[0]}</p>",
            "country": country,
            "city": city,
            "latitude": Decimal(lat),
            "longitude": Decimal(lon),
            "sectors": _terms(Sector, sector_slugs),
            "themes": _terms(Theme, theme_slugs),
            "services": [services[s] for s in service_slugs],
            "website": f"https://{slug}.example.org/",
            "contact_email": f"hello@{slug}.example.org",
        }
        if model is EducationPartnerPage:
            fields["institution_type"] = kind
            fields["levels_served"] = levels[0][0]
        page = ensure_page(directory, model, slug, **fields)
        context.translate(page, {**table(summary, description, *levels), **city_table(city)})
        result[slug] = page
    context.step(f"{len(HUBS)} hubs and {len(EDUCATION_PARTNERS)} education partners")
    return result


def _exchanges(context, exchange_index, partners):
    for slug, row in EXCHANGES.items():
        pair, round_name, start, end, format_, theme_slugs, title, summary, goals, outcomes = row
        start_date = datetime.date.fromisoformat(start)
        end_date = datetime.date.fromisoformat(end)
        log = [
            ("Kick-off call", start_date),
            ("Study visit", start_date + datetime.timedelta(weeks=3)),
            ("Joint workshop", start_date + datetime.timedelta(weeks=6)),
            ("Closing session and report", end_date),
        ]
        page = ensure_page(
            exchange_index,
            ExchangePage,
            slug,
            title=title[0],
            summary=summary[0],
            partners=[partners[p] for p in pair],
            programme_round=round_name,
            date=start_date,
            end_date=end_date,
            format=format_,
            themes=_terms(Theme, theme_slugs),
            goals=f"<p>{goals[0]}</p>",
            outcomes=f"<p>{outcomes[0]}</p>",
            activity_log=[
                ("activity", {"date": day, "title": name, "notes": ""}) for name, day in log
            ],
        )
        context.translate(page, {**table(title, summary, goals, outcomes), **ACTIVITIES})
    context.step(f"{len(EXCHANGES)} exchanges across two rounds")


def _users(context, partners):
    """One demo user per role. Passwords are random and new on every run:
    copy them from this output."""
    user_model = get_user_model()
    lines = []
    for username, role in DEMO_USERS:
        user, _ = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        user.is_superuser = user.is_staff = username == "demo-admin"
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save()
        group = _group_for(username, partners)
        if group is not None:
            user.groups.add(group)
        lines.append(f"    {username:<22} {password:<18} {role}")
    # Printed whatever the verbosity: this is the only place they appear.
    context.stdout.write("  Demo users (new passwords on every run):")
    for line in lines:
        context.stdout.write(line)


def _group_for(username, partners):
    if username in EDITOR_SECTIONS:
        return sections.section_for(partners[EDITOR_SECTIONS[username]]).group
    names = {
        "demo-moderator": sections.MODERATORS,
        "demo-translator": sections.TRANSLATORS,
        "demo-learner": sections.LEARNERS,
    }
    return Group.objects.filter(name=names.get(username, "")).first()
