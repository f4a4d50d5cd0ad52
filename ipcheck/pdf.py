"""The IP profile as a PDF (fpdf2).

The font is DejaVu Sans, shipped in ``ipcheck/fonts`` under its free licence
(Bitstream Vera terms, DejaVu changes in the public domain; see
LICENSE-DejaVu.txt): it covers Latin, Polish and Greek, and is embedded in
the file (as a subset), so every reader shows the same text."""

from pathlib import Path

from django.utils.translation import gettext as _
from fpdf import FPDF

from ipcheck.blocks import URGENCY

FONTS = Path(__file__).resolve().parent / "fonts"


class _ProfilePDF(FPDF):
    def footer(self):
        self.set_y(-15)
        self.set_font("dejavu", "", 8)
        self.cell(0, 10, str(self.page_no()), align="C")


def _paragraph(pdf, text, size=11, style="", height=6):
    pdf.set_font("dejavu", style, size)
    pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")


def _rule(pdf, rule, request, show_urgency):
    title = rule.title
    if show_urgency:
        title = f"{dict(URGENCY)[str(rule.urgency)]}: {title}"
    _paragraph(pdf, title, 11, "B")
    _paragraph(pdf, rule.advice, 10, height=5)
    for linked in rule.pages:
        _paragraph(pdf, f"{linked.title}: {linked.get_full_url(request)}", 9, height=5)
    for desk in rule.help_desks:
        _paragraph(pdf, f"{desk['name']}: {desk['url']}", 9, height=5)
    pdf.ln(2)


def profile_pdf(page, data, request) -> bytes:
    pdf = _ProfilePDF(format="A4")
    pdf.add_font("dejavu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("dejavu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_title(page.title)
    pdf.set_lang(page.locale.language_code)
    pdf.add_page()
    _paragraph(pdf, page.title, 18, "B", 9)
    _paragraph(pdf, _("Your IP profile"), 13, "B", 8)
    pdf.ln(3)
    _paragraph(pdf, _("What you probably hold"), 14, "B", 8)
    if not data["holdings"]:
        _paragraph(pdf, _("Nothing in this part for your answers."), 10)
    for group in data["holdings"]:
        _paragraph(pdf, str(group["label"]), 12, "B", 7)
        for rule in group["rules"]:
            _rule(pdf, rule, request, show_urgency=False)
    pdf.ln(3)
    sections = [
        (_("Risks"), data["risks"]),
        (_("Actions, most urgent first"), data["actions"]),
    ]
    for heading, rules in sections:
        _paragraph(pdf, heading, 14, "B", 8)
        if not rules:
            _paragraph(pdf, _("Nothing in this part for your answers."), 10)
        for rule in rules:
            _rule(pdf, rule, request, show_urgency=True)
        pdf.ln(3)
    _paragraph(pdf, page.full_url or "", 9)
    return bytes(pdf.output())
