from .conftest import FIXTURES, UPLOADS, run_import


def test_smoke(indexes):
    run_import(FIXTURES / "export.xml", "--map", FIXTURES / "mapping.yaml", "--media-dir", UPLOADS, verbosity=0)
    from wagtail.models import Page
    for p in Page.objects.filter(depth__gte=3).specific():
        print("==", type(p).__name__, p.title, p.url, p.live, p.first_published_at, getattr(p, "date", None), p.owner)
        print("  summary:", p.summary)
        for f in ("body", "intro", "abstract", "approach", "images", "steps"):
            if hasattr(p, f):
                v = getattr(p, f)
                print(f"  {f}:", v if isinstance(v, str) else v.raw_data)
        if hasattr(p, "themes"):
            print("  tax:", list(p.themes.all()), list(p.sectors.all()), list(p.audiences.all()))
    from wagtail.contrib.redirects.models import Redirect
    print([(r.old_path, r.redirect_page_id) for r in Redirect.objects.all()])
    assert 0
