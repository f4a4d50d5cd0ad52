from django.apps import AppConfig, apps
from django.db.models.signals import post_save


class SearchConfig(AppConfig):
    name = "search"
    demo_steps = {"search.demo": 90}  # load_demo's steps and their order

    def ready(self):
        from django.conf import settings
        from django_tasks.signals import task_finished
        from wagtail.contrib.search_promotions.models import SearchPromotion
        from wagtail.signals import page_published

        from core.chrome import keep_part_of

        from . import facet_rows, indexing, models, promotions

        if hasattr(models, "LocaleIndexEntry"):
            # PostgreSQL: modelsearch's own classmethod, which its app
            # ran for Wagtail's IndexEntry, run for the project's, so that
            # every indexed model's ``index_entries`` (which modelsearch's
            # queries name) reads the table with the locale.
            models.LocaleIndexEntry.add_generic_relations()

        keep_part_of(SearchPromotion, promotions.PART)
        page_published.connect(facet_rows.on_page_published, dispatch_uid="search-facet-rows")
        task_finished.connect(indexing.on_task_finished, dispatch_uid="search-task-failures")

        document_model = apps.get_model(settings.WAGTAILDOCS_DOCUMENT_MODEL)
        post_save.connect(
            indexing.reindex_pages_for_document,
            sender=document_model,
            dispatch_uid="search-reindex-document-pages",
        )
