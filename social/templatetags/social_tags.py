from django import template

from social.refresh import latest_posts

register = template.Library()


@register.inclusion_tag("social/feed_block.html")
def social_feed():
    """The newest stored posts; reading them never fetches anything."""
    return {"posts": latest_posts()}
