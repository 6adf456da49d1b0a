"""Printable badges: A4 pages of eight badges, each with the address, the login, the password
and a QR code of the address (phones and tablets open it without typing)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import segno
from fpdf import FPDF

# Two columns of four 95 x 68 mm badges fill an A4 page with cutting margins.
COLUMNS, ROWS = 2, 4
BADGE_W, BADGE_H = 95.0, 68.0
MARGIN_X, MARGIN_Y = 7.5, 12.5
PER_PAGE = COLUMNS * ROWS


@dataclass(frozen=True)
class Badge:
    login: str
    password: str


def qr_png(url: str) -> io.BytesIO:
    image = io.BytesIO()
    segno.make(url, error="m").save(image, kind="png", scale=8, border=2)
    image.seek(0)
    return image


def write_badges(path: Path, session: str, url: str, badges: list[Badge]) -> int:
    """Write the PDF; return the number of pages."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_title(f"Badges - session {session}")
    pdf.set_creator("Atelier IA")
    qr = qr_png(url)
    for index, badge in enumerate(badges):
        if index % PER_PAGE == 0:
            pdf.add_page()
        slot = index % PER_PAGE
        x = MARGIN_X + (slot % COLUMNS) * BADGE_W
        y = MARGIN_Y + (slot // COLUMNS) * BADGE_H
        _draw(pdf, x, y, session, url, badge, qr)
    pdf.output(str(path))
    return pdf.page


def _draw(pdf: FPDF, x: float, y: float, session: str, url: str, badge: Badge, qr) -> None:
    pdf.set_draw_color(150)
    pdf.set_line_width(0.2)
    pdf.set_dash_pattern(dash=1.5, gap=1.5)  # dashed: where to cut
    pdf.rect(x, y, BADGE_W, BADGE_H)
    pdf.set_dash_pattern()
    pdf.set_text_color(11, 61, 145)
    pdf.set_font("Helvetica", "B", 14)
    pdf.set_xy(x + 5, y + 5)
    pdf.cell(BADGE_W - 10, 7, "Atelier IA")
    pdf.set_text_color(60)
    pdf.set_font("Helvetica", "", 9)
    pdf.set_xy(x + 5, y + 12)
    pdf.cell(BADGE_W - 10, 5, f"Session {session}")
    pdf.set_text_color(0)
    rows = (("Adresse", url), ("Identifiant", badge.login), ("Mot de passe", badge.password))
    top = y + 21
    for label, value in rows:
        pdf.set_font("Helvetica", "", 8)
        pdf.set_xy(x + 5, top)
        pdf.cell(52, 4, label)
        # Long addresses shrink rather than overflow into the QR code.
        size = 12 if label != "Adresse" else max(7, min(11, 11 * 34 / max(len(value), 1)))
        pdf.set_font("Courier" if label != "Adresse" else "Helvetica", "B", size)
        pdf.set_xy(x + 5, top + 4)
        pdf.cell(52, 6, value)
        top += 13
    qr.seek(0)
    pdf.image(qr, x=x + BADGE_W - 38, y=y + 22, w=33, h=33)
    pdf.set_font("Helvetica", "", 6.5)
    pdf.set_text_color(60)
    pdf.set_xy(x + BADGE_W - 40, y + 56)
    pdf.cell(37, 4, "Scannez pour ouvrir", align="C")
