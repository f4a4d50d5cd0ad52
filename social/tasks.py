"""The refresh as a django-tasks task, for deployments with a worker."""

from django.core.management import call_command
from django_tasks import task


@task()
def refresh_social_feed() -> None:
    call_command("refresh_social_feed")
