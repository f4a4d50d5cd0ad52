from .contact import ContactMessage
from .exchanges import ExchangeIndexPage, ExchangePage
from .partners import (
    EducationPartnerPage,
    HubPage,
    PartnerIndexPage,
    PartnerPage,
)
from .review import PartnerReviewTask
from .sections import PartnerSection
from .services import Service

__all__ = [
    "ContactMessage",
    "EducationPartnerPage",
    "ExchangeIndexPage",
    "ExchangePage",
    "HubPage",
    "PartnerIndexPage",
    "PartnerPage",
    "PartnerReviewTask",
    "PartnerSection",
    "Service",
]
