from .demo import DemoRun
from .documents import SiteDocument
from .pages import BaseIndexPage, BasePage
from .ratelimit import RateLimitCounter
from .taxonomy import Audience, Sector, Theme

__all__ = [
    "Audience",
    "DemoRun",
    "BaseIndexPage",
    "BasePage",
    "RateLimitCounter",
    "Sector",
    "SiteDocument",
    "Theme",
]
