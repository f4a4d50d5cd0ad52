"""Generate simple, real PDFs with fpdf2 (used by the demo and the tests)."""

import datetime
from pathlib import Path

from fpdf import FPDF

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


class _Document(FPDF):
    family = "helvetica"

    def footer(self):
        self.set_y(-15)
        self.set_font(self.family, "", 8)
        self.cell(0, 10, str(self.page_no()), align="C")


def make_pdf(title: str, pages: list[list[str]], *, author: str = "", password: str = "") -> bytes:
    """A PDF with ``title`` on the first page and one PDF page per item of
    ``pages`` (a list of paragraphs). With ``password`` it is encrypted."""
    pdf = _Document(format="A4")
    pdf.set_title(title)
    if author:
        pdf.set_author(author)
    pdf.set_creation_date(datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    if DEJAVU.exists():
        pdf.add_font("body", "", str(DEJAVU))
        pdf.add_font("body", "B", str(DEJAVU_BOLD if DEJAVU_BOLD.exists() else DEJAVU))
        pdf.family = "body"
    if password:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    for number, paragraphs in enumerate(pages, start=1):
        pdf.add_page()
        if number == 1:
            pdf.set_font(pdf.family, "B", 18)
            pdf.multi_cell(0, 9, title)
            pdf.ln(4)
        pdf.set_font(pdf.family, "", 11)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph)
            pdf.ln(3)
    return bytes(pdf.output())
