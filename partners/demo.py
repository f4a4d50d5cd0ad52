"""Demo step: the partner directory, 8 hubs and 5 education partners, six
exchanges across two rounds, in every language; the moderation workflow; and
one demo user per role, with fresh random passwords printed on every run."""

import datetime
import secrets
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from core.demo_content import read, taxonomy
from core.demo_tools import ensure_page
from home.models import HomePage
from partners import sections
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
    for entry in read("services"):
        slug, name = entry["slug"], entry["name"]
        service, _ = Service.objects.get_or_create(
            slug=slug, locale=english, defaults={"name": name}
        )
        if service.name != name:
            service.name = name
            service.save()
        context.translate(service)
        result[slug] = service
    context.step(f"{len(result)} services and facilities in 7 languages")
    return result


def _indexes(context, home):
    indexes = read("partners_indexes")
    directory = ensure_page(
        home, PartnerIndexPage, "partners", show_in_menus=True, **indexes["directory"]
    )
    context.translate(directory)
    exchange_index = ensure_page(
        home, ExchangeIndexPage, "exchanges", show_in_menus=True, **indexes["exchanges"]
    )
    context.translate(exchange_index)
    return directory, exchange_index


def _partners(context, directory, services) -> dict[str, PartnerPage]:
    entries = read("partners")
    result = {}
    for entry in entries:
        slug = entry["slug"]
        fields = {
            "title": entry["title"],
            "summary": entry["summary"],
            "description": f"<p>{entry['description']}</p>",
            "country": entry["country"],
            "city": entry["city"],
            "latitude": Decimal(entry["latitude"]),
            "longitude": Decimal(entry["longitude"]),
            **taxonomy(entry),
            "services": [services[s] for s in entry["services"]],
            "website": f"https://{slug}.example.org/",
            "contact_email": f"hello@{slug}.example.org",
        }
        model = HubPage
        if entry["page"] == "education partner":
            model = EducationPartnerPage
            fields["institution_type"] = entry["institution_type"]
            fields["levels_served"] = entry["levels_served"]
        page = ensure_page(directory, model, slug, **fields)
        context.translate(page)
        result[slug] = page
    hubs = sum(1 for entry in entries if entry["page"] == "hub")
    context.step(f"{hubs} hubs and {len(entries) - hubs} education partners")
    return result


def _exchanges(context, exchange_index, partners):
    entries = read("exchanges")
    for entry in entries:
        start_date = datetime.date.fromisoformat(entry["start"])
        end_date = datetime.date.fromisoformat(entry["end"])
        log = [
            ("Kick-off call", start_date),
            ("Study visit", start_date + datetime.timedelta(weeks=3)),
            ("Joint workshop", start_date + datetime.timedelta(weeks=6)),
            ("Closing session and report", end_date),
        ]
        page = ensure_page(
            exchange_index,
            ExchangePage,
            entry["slug"],
            title=entry["title"],
            summary=entry["summary"],
            partners=[partners[p] for p in entry["partners"]],
            programme_round=entry["round"],
            date=start_date,
            end_date=end_date,
            format=entry["format"],
            **taxonomy(entry),
            goals=f"<p>{entry['goals']}</p>",
            outcomes=f"<p>{entry['outcomes']}</p>",
            activity_log=[
                ("activity", {"date": day, "title": name, "notes": ""}) for name, day in log
            ],
        )
        context.translate(page)
    context.step(f"{len(entries)} exchanges across two rounds")


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
