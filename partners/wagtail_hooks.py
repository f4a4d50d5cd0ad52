from wagtail.snippets.models import register_snippet

from partners.models import Service

register_snippet(Service)
