"""The fixed vocabularies of funding opportunities. Values are the same in
every language (they appear in shared finder links); labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Instrument(models.TextChoices):
    GRANT = "grant", _("Grant")
    LOAN = "loan", _("Loan")
    GUARANTEE = "guarantee", _("Guarantee")
    EQUITY = "equity", _("Equity")
    CROWDFUNDING = "crowdfunding", _("Crowdfunding match")
    PRIZE = "prize", _("Prize")
    VOUCHER = "voucher", _("Voucher")
    TAX = "tax", _("Tax incentive")


class Applicant(models.TextChoices):
    FREELANCER = "freelancer", _("Freelancer")
    MICRO = "micro", _("Micro-enterprise")
    SME = "sme", _("SME")
    NONPROFIT = "nonprofit", _("Non-profit organisation")
    PUBLIC = "public", _("Public body")
    HUB = "hub", _("Creative hub")
    EDUCATION = "education", _("Education institution")
    CONSORTIUM = "consortium", _("Consortium")


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    STARTUP = "startup", _("Start-up")
    GROWTH = "growth", _("Growth")
    SCALEUP = "scaleup", _("Scale-up")


class Purpose(models.TextChoices):
    PROJECT = "project", _("A project")
    WORKING_CAPITAL = "working-capital", _("Working capital")
    INVESTMENT = "investment", _("Investment")
    INTERNATIONAL = "internationalisation", _("Internationalisation")
    TRAINING = "training", _("Training")
    RESEARCH = "research", _("Research and innovation")
    TRANSITION = "transition", _("Digital and green transition")
