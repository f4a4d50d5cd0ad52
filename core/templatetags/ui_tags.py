"""Template tags of the shared page parts: the paginator and the filter panel's
one-line summary (see docs/design.md)."""

from django import template

register = template.Library()


def _link(number: int, current: int) -> dict:
    # "param": the value of ``page`` in the link; None drops it, so that
    # page 1 has the listing's own URL.
    return {"number": number, "param": number if number > 1 else None, "current": number == current}


@register.simple_tag
def page_links(current, num_pages, window=2):
    """The pages a paginator links to: the first and last page, ``window``
    pages either side of ``current``, and ``None`` for each gap between
    them. The template makes each link with ``{% querystring page=... %}``,
    which keeps the rest of the query."""
    try:
        current, num_pages = int(current), int(num_pages)
    except (TypeError, ValueError):
        return {"pages": [], "previous": None, "next": None}
    shown = {1, num_pages} | set(range(current - window, current + window + 1))
    pages, last = [], 0
    for number in sorted(n for n in shown if 1 <= n <= num_pages):
        if number - last > 1:
            pages.append(None)
        pages.append(_link(number, current))
        last = number
    return {
        "pages": pages,
        "previous": _link(current - 1, current) if current > 1 else None,
        "next": _link(current + 1, current) if current < num_pages else None,
    }


def _choice_labels(field) -> dict[str, str]:
    labels = {}
    for value, label in getattr(field, "choices", None) or []:
        if isinstance(label, (list, tuple)):  # option groups
            labels.update({str(v): str(lbl) for v, lbl in label})
        else:
            labels[str(value)] = str(label)
    return labels


@register.simple_tag
def active_filters(form, ignore="page view"):
    """What the filters of ``form`` are set to, as short strings for the filter
    panel's summary line: the chosen options' labels, or the typed value.
    Values the form does not know are left out (the form reports them)."""
    if form is None or not getattr(form, "is_bound", False):
        return []
    skip = set(ignore.split())
    chosen = []
    for name, field in form.fields.items():
        if name in skip:
            continue
        data = form.data
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        values = [str(v) for v in values if v not in (None, "")]
        if not values:
            continue
        labels = _choice_labels(field)
        for value in values:
            if labels:
                if value in labels:
                    chosen.append(labels[value])
            else:
                chosen.append(value[:40])
    return chosen
