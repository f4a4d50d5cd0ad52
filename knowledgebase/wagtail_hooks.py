from wagtail.snippets.models import register_snippet

from knowledgebase.models import Series

register_snippet(Series)
