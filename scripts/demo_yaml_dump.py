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


if __name__ == "__main__":
    for name in sys.argv[1:]:
        globals()[name]()
