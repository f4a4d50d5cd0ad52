"""The staff report: anonymous counts per IP check, never answers or names."""

from ipcheck.models import IPCheckCount, IPCheckPage


def report_rows(top: int = 10):
    """One row per IP check (its default-language page): completed checks,
    and the rules and tags counted most often, with their share."""
    counts = {}
    for row in IPCheckCount.objects.order_by("-count", "key"):
        counts.setdefault(row.check_key, []).append(row)
    pages = {}
    for page in IPCheckPage.objects.filter(translation_key__in=counts).order_by("pk"):
        if page.translation_key not in pages or page.locale.language_code == "en":
            pages[page.translation_key] = page
    rows = []
    for key, items in counts.items():
        page = pages.get(key)
        titles = {rule.key: rule.title for rule in page.rule_list} if page else {}
        completed = next((r.count for r in items if r.dimension == IPCheckCount.COMPLETED), 0)

        def share(n, completed=completed):
            return round(100 * n / completed) if completed else 0

        rules = [
            {
                "key": r.key,
                "title": titles.get(r.key, r.key),
                "count": r.count,
                "share": share(r.count),
            }
            for r in items
            if r.dimension == IPCheckCount.RULE
        ][:top]
        tags = [
            {"key": r.key, "count": r.count, "share": share(r.count)}
            for r in items
            if r.dimension == IPCheckCount.TAG
        ][:top]
        rows.append({"page": page, "completed": completed, "rules": rules, "tags": tags})
    rows.sort(key=lambda row: -row["completed"])
    return rows
