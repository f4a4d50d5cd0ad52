"""Template tags of the knowledge-base pages."""

from django import template

from knowledgebase import structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def citation_meta_tags(context, page):
    return structured_data.citation_meta_html(page, context["request"])


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    return structured_data.json_ld_html(page, context["request"])


@register.simple_tag(takes_context=True)
def event_json_ld(context, page):
    request = context["request"]
    return structured_data.script_tag(structured_data.event_json_ld(page, request), request)


@register.filter
def model_name(obj) -> str:
    """``policypaperpage`` for a PolicyPaperPage, for CSS classes."""
    return obj._meta.model_name
