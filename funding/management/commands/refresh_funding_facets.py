"""Re-index the live funding opportunities, so that the search facet
"deadline" (open or closed, as of the day a page is indexed) follows the
calendar. Run it daily from cron, e.g. just after midnight."""

from django.core.management.base import BaseCommand
from wagtail.search import index

from funding.models import FundingOpportunityPage


class Command(BaseCommand):
    help = "Re-index funding opportunities so their deadline facet is up to date."

    def handle(self, *args, **options):
        count = 0
        for page in FundingOpportunityPage.objects.live().iterator():
            index.insert_or_update_object(page)
            count += 1
        self.stdout.write(f"{count} funding opportunities re-indexed")
