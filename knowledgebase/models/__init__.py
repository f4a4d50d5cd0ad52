"""Knowledge-base page types, split by kind."""

from .base import PARTNER_SECTIONS, KnowledgePage
from .guidelines import GuidelinePage, TestingStatus
from .indexes import (
    CaseStoryIndexPage,
    GuidelineIndexPage,
    KnowledgeIndexPage,
    NewsIndexPage,
    PolicyPaperIndexPage,
)
from .news import EventFormat, EventPage, NewsPage
from .papers import PaperStatus, PolicyPaperAuthor, PolicyPaperPage
from .series import Series
from .stories import CaseStoryPage

__all__ = [
    "PARTNER_SECTIONS",
    "CaseStoryIndexPage",
    "CaseStoryPage",
    "EventFormat",
    "EventPage",
    "GuidelineIndexPage",
    "GuidelinePage",
    "KnowledgeIndexPage",
    "KnowledgePage",
    "NewsIndexPage",
    "NewsPage",
    "PaperStatus",
    "PolicyPaperAuthor",
    "PolicyPaperIndexPage",
    "PolicyPaperPage",
    "Series",
    "TestingStatus",
]
