"""One-off: write the English of the Python demo text modules as YAML with
named fields (demo/content/*.yaml); translations live in demo/locale."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "creativeflip.settings.dev")

import django  # noqa: E402

django.setup()

import yaml  # noqa: E402

OUT = ROOT / "demo" / "content"


def plain(value):
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def write(name, data):
    OUT.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(plain(data), allow_unicode=True, sort_keys=False, width=100)
    (OUT / f"{name}.yaml").write_text(text, encoding="utf-8")


def named(entries, fields, rename=None):
    result = []
    for entry in entries:
        english = dict(zip(fields, entry["text"]["en"], strict=True))
        rest = {k: v for k, v in entry.items() if k != "text"}
        for old, new in (rename or {}).items():
            if old in rest:
                rest[new] = rest.pop(old)
        result.append({"slug": rest.pop("slug"), **english, **rest})
    return result


def knowledgebase():
    from knowledgebase import demo_text as kb
    from knowledgebase.demo_text_guides import GUIDE_FIELDS, GUIDES
    from knowledgebase.demo_text_news import NEWS, NEWS_FIELDS
    from knowledgebase.demo_text_stories import STORIES, STORY_FIELDS

    write(
        "knowledgebase_indexes",
        [
            {"slug": slug, **dict(zip(kb.INDEX_FIELDS, text["en"], strict=True))}
            for slug, text in kb.INDEXES.items()
        ],
    )
    papers = named(kb.PAPERS, kb.PAPER_FIELDS)
    for paper in papers:
        paper["authors"] = [{"name": n, "partner": p} for n, p in paper["authors"]]
    write("policy_papers", papers)
    write("case_stories", named(STORIES, STORY_FIELDS))
    write("guidelines", named(GUIDES, GUIDE_FIELDS))
    write("news", named(NEWS, NEWS_FIELDS))


def partners():
    from partners import demo_text as pt
    from partners.demo_data import EDUCATION_PARTNERS, HUBS

    write("services", [{"slug": slug, "name": names[0]} for slug, names in pt.SERVICES.items()])
    rows = []
    for kind_of_page, table in (("hub", HUBS), ("education partner", EDUCATION_PARTNERS)):
        for slug, kind, name, country, city in table:
            lat, lon, sectors, themes, services, summary, description, *levels = pt.PARTNERS[slug]
            row = {
                "slug": slug,
                "page": kind_of_page,
                "title": name,
                "summary": summary[0],
                "description": description[0],
                "country": country,
                "city": city,
                "latitude": lat,
                "longitude": lon,
                "sectors": list(sectors),
                "themes": list(themes),
                "services": list(services),
            }
            if kind_of_page == "education partner":
                row["institution_type"] = kind
                row["levels_served"] = levels[0][0]
            rows.append(row)
    write("partners", rows)
    exchanges = []
    for slug, row in pt.EXCHANGES.items():
        pair, round_name, start, end, format_, themes, title, summary, goals, outcomes = row
        exchanges.append(
            {
                "slug": slug,
                "title": title[0],
                "summary": summary[0],
                "goals": goals[0],
                "outcomes": outcomes[0],
                "partners": list(pair),
                "round": round_name,
                "start": start,
                "end": end,
                "format": format_,
                "themes": list(themes),
            }
        )
    write("exchanges", exchanges)


def learning():
    from learning import demo_text as lt

    write(
        "learning_index",
        {
            "title": lt.INDEX_TITLE,
            "summary": lt.INDEX_SUMMARY,
            "intro": lt.INDEX_INTRO,
            "quiz_title": lt.QUIZ_TITLE,
            "true": lt.TRUE,
            "false": lt.FALSE,
            "exercise_title": lt.EXERCISE_TITLE,
            "teacher_guide_link": lt.TEACHER_GUIDE_LINK,
            "teacher_note": lt.TEACHER_NOTE,
        },
    )
    module_fields = (
        "title",
        "summary",
        "objective_1",
        "objective_2",
        "lesson",
        "exercise",
        "statement",
    )
    modules = []
    for spec in lt.MODULES:
        text = dict(zip(module_fields, spec["text"], strict=True))
        modules.append(
            {
                "slug": spec["slug"],
                **text,
                **{k: v for k, v in spec.items() if k not in ("slug", "text")},
            }
        )
    write("learning_modules", modules)
    paths = []
    for spec in lt.PATHS:
        text = dict(zip(("title", "summary", "intro"), spec["text"], strict=True))
        paths.append(
            {
                "slug": spec["slug"],
                **text,
                **{k: v for k, v in spec.items() if k not in ("slug", "text")},
            }
        )
    write("learning_paths", paths)


def english_only(value):
    """Data files that held every language (``{en: ..., de: ...}``) keep
    the English (funding, ipcheck, consultation and the footer were
    converted this way, and their comments kept by hand)."""
    codes = {"en", "de", "fr", "it", "es", "pl", "el"}
    if isinstance(value, dict):
        if "en" in value and set(value) <= codes:
            return value["en"]
        return {k: english_only(v) for k, v in value.items()}
    if isinstance(value, list):
        return [english_only(v) for v in value]
    return value


if __name__ == "__main__":
    for name in sys.argv[1:]:
        globals()[name]()
