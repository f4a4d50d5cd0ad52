from wagtail.snippets.models import register_snippet

from home.models import FooterLink

register_snippet(FooterLink)
