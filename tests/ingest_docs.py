"""Documents for the `briefcmp add` tests, made here (never downloaded).

A water-policy brief as a two-column PDF with a running header, page numbers, words
hyphenated at line ends and footnotes (fpdf2, or headless Chromium when it is there), and a
health-budget article as a saved web page with navigation, a cookie banner and related links.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

TITLE = "Paying for Water: Tariff Reform in the Lower Basin"
PUBLISHER = "Riverbank Institute for Water Policy"
HEADER = f"{PUBLISHER} - Policy Brief No. 14"
DATELINE = "Policy Brief, 14 March 2025"

# The body, paragraph by paragraph. "\u00ad" marks where a word may be hyphenated at a line end.
PARAGRAPHS = [
    "Municipal utilities in the lower basin lose roughly 31 percent of the water they treat before it reaches "
    "a customer's meter. Leaks in ageing distri\u00adbution mains account for most of this loss, and the "
    "utilities' own estimates put the replace\u00adment backlog at EUR 2.4 billion.[1]",
    "Tariffs have not kept pace. Between 2015 and 2023 the average household bill rose by 9 percent in nominal "
    "terms while operating costs rose by 27 percent, so that the typical utility now covers only about two "
    "thirds of its costs from charges. The difference is made up by transfers from regional budgets, which "
    "are uncertain from one year to the next and cannot fund long-lived infra\u00adstructure.",
    "Affordability is the obvious objection to higher tariffs. Households in the poorest fifth of the income "
    "distribution already spend 3.8 percent of their disposable income on water and sanitation, above the "
    "3 percent threshold that the regional regulator treats as a warning sign.[2] A flat increase would "
    "therefore hit the house\u00adholds least able to absorb it, while doing little to discourage heavy use "
    "in the affluent suburbs, where average consumption is nearly twice the basin median.",
    "We recommend a rising-block tariff with a free lifeline allowance of 50 litres per person per day, "
    "financed by steeper charges above 150 litres. Our model\u00adling suggests that this structure would raise "
    "revenue by 18 percent without increasing the bills of the poorest households, and would reduce peak "
    "summer demand by between 6 and 8 percent.",
    "The regulator should also require every utility to publish an audited water balance. At present only "
    "11 of the 42 utilities in the basin do so, which makes it impossible to compare their perfor\u00admance "
    "or to tell ineffi\u00adciency from bad luck. Transparency of this kind costs little and is the "
    "precondition for any serious bench\u00admarking regime.",
    "The regional government should replace its discre\u00adtionary transfers with a multi-year investment "
    "fund, capitalised at EUR 600 million over five years, from which utilities could draw only against "
    "approved capital plans. Predictable funding would allow utilities to borrow on better terms and would "
    "end the practice of deferring mainte\u00adnance whenever a budget is cut.",
    "These reforms are not painless. Some utilities will need to raise charges for non-residential users, "
    "and the regulator will need additional staff to review capital plans. But the alternative, a network "
    "that loses a third of its water and depends on annual bailouts, is neither efficient nor fair to the "
    "next generation of customers, who would inherit the backlog.",
    "Comparable reforms elsewhere show what is achievable. After the neighbouring coastal region introduced "
    "block tariffs in 2018, non-revenue water fell from 28 percent to 19 percent within five years, and the "
    "share of households in arrears on their water bills did not increase.[3]",
    "Groundwater deserves the same attention. Abstraction licences in the upper aquifer were issued in the "
    "1970s for volumes that now exceed the estimated recharge by about 40 percent, and the water table near "
    "the delta has fallen by 12 metres since 1990. Licences should be reviewed every ten years and metered "
    "without exception.",
    "Agriculture uses 62 percent of the water abstracted in the basin but pays for less than a tenth of the "
    "cost of the canals that deliver it. A gradual move to volumetric charging for irrigation, phased in over "
    "seven years, would give farmers time to invest in drip irrigation, for which the national rural fund "
    "already offers grants covering up to 45 percent of the cost.",
    "None of these measures requires new legislation. The regulator has the powers it needs; what it lacks is "
    "a mandate from the regional government to use them, and a budget that does not depend on the goodwill "
    "of the utilities it oversees.",
]
NOTES = [
    "[1] Lower Basin Utilities Association, Asset Condition Survey 2024.",
    "[2] Regional Water Regulator, Affordability Report 2024, table 3.",
    "[3] Coastal Water Authority, Annual Report 2023.",
]


def plain(paragraph: str) -> str:
    return paragraph.replace("\u00ad", "")


def fpdf_brief(path: Path, *, title_metadata: bool = True) -> Path:
    """The brief as a two-column A5 PDF: running header, page numbers, soft-hyphenated words, footnotes."""
    from fpdf import FPDF

    class Brief(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "", 7)
            self.set_xy(self.l_margin, 6)
            self.cell(0, 4, HEADER)
            self.set_y(self.t_margin)

        def footer(self) -> None:
            if self.page_no() == 1:  # a footnote at the foot of page 1, under a paragraph that goes on
                self.set_font("Helvetica", "", 6.5)
                self.set_xy(self.l_margin, -26)
                self.multi_cell(0, 3, "\n".join(NOTES[:2]))
            self.set_font("Helvetica", "", 7)
            self.set_y(-12)
            self.cell(0, 4, f"Page {self.page_no()}", align="C")

    pdf = Brief(format=(148, 210))
    pdf.set_margins(12, 16, 12)
    pdf.set_auto_page_break(True, margin=38)
    if title_metadata:
        pdf.set_title(TITLE)
        pdf.set_author(PUBLISHER)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 6, TITLE)
    pdf.set_font("Helvetica", "", 8.5)
    pdf.ln(1)
    pdf.multi_cell(0, 5, DATELINE)
    pdf.ln(2)
    pdf.set_font("Times", "", 9.5)
    with pdf.text_columns(ncols=2, gutter=6, text_align="J", line_height=1.15) as cols:
        for par in PARAGRAPHS:
            cols.write(text=par)
            cols.ln()
            cols.ln()
        pdf.set_font("Times", "", 7.5)
        cols.write(text=NOTES[2])
    pdf.output(str(path))
    return path


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


BRIEF_CSS = """
@page { size: A5; margin: 20mm 14mm 18mm 14mm;
  @top-left { content: "%s"; font-size: 7pt; }
  @bottom-center { content: "Page " counter(page); font-size: 7pt; } }
body { font: 9.5pt/1.3 serif; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
.dateline { font-size: 8pt; margin: 0 0 4mm; }
main { columns: 2; column-gap: 6mm; text-align: justify; }
main p { margin: 0 0 2.5mm; }
.notes { font-size: 7pt; }
""" % HEADER


def brief_html() -> str:
    body = "".join(f"<p>{html.escape(p).replace(chr(0xad), '&shy;')}</p>\n" for p in PARAGRAPHS)
    body = body.replace("[1]", "<sup>1</sup>").replace("[2]", "<sup>2</sup>").replace("[3]", "<sup>3</sup>")
    body = body.replace("financed", "\ufb01nanced")  # a ligature character in the text itself
    notes = "<br>".join(html.escape(n.replace("[", "").replace("]", "")) for n in NOTES)
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{html.escape(TITLE)}</title>"
            f"<style>{BRIEF_CSS}</style></head><body><h1>{html.escape(TITLE)}</h1>"
            f"<p class=dateline>{DATELINE}</p><main>{body}<p class=notes>{notes}</p></main></body></html>")


def chromium_pdf(html_text: str, path: Path) -> Path:
    """Print an HTML page to PDF with headless Chromium (the caller skips when it is missing)."""
    exe = chromium()
    assert exe
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(html_text, encoding="utf-8")
        subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer",
                        f"--print-to-pdf={path}", page.as_uri()],
                       check=True, capture_output=True, timeout=120, env={**os.environ, "HOME": tmp})
    return path


def scanned_pdf(path: Path) -> Path:
    """A PDF whose only page is an image: a scan with no text layer."""
    from fpdf import FPDF
    from PIL import Image

    img = Image.new("L", (200, 280), 255)
    for x in range(20, 180):
        for y in range(30, 250, 12):
            img.putpixel((x, y), 0)
    pdf = FPDF(format=(148, 210))
    pdf.add_page()
    pdf.image(img, x=10, y=10, w=120)
    pdf.output(str(path))
    return path


def encrypted_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "Confidential: the board approved a budget of EUR 4 million for 2025.")
    pdf.output(str(path))
    return path


# --------------------------------------------------------------------------- a saved web page

HEALTH_TITLE = "Where the Health Budget Goes: Primary Care Is Still the Poor Relation"
HEALTH_BODY = [
    "The national health budget for 2026 rises to 48.2 billion dollars, an increase of 4.1 percent on the "
    "previous year. Most of the additional money goes to hospitals, whose share of total spending climbs to "
    "57 percent, while primary care receives 14 percent, the same share as a decade ago.",
    "Waiting times tell the story. Patients now wait an average of 19 days for an appointment with a family "
    "doctor, against 11 days in 2019, and one in five rural districts has no practice open at weekends. "
    "Emergency departments absorb the overflow at roughly three times the cost per visit.",
    "The ministry argues that hospital investment cannot be postponed because several regional hospitals were "
    "built in the 1970s and no longer meet fire-safety standards. That is true, but it does not explain why "
    "the primary-care allocation has stayed flat in real terms for six consecutive budgets.",
    "We recommend that the government ring-fence at least 2 percent of the budget for new community health "
    "centres and fund 1,500 additional training places for nurse practitioners over the next four years. "
    "Both measures would pay for themselves within a decade if they reduced avoidable emergency visits by "
    "even a tenth.",
]
HEALTH_BOILERPLATE = [
    "We use cookies to improve your experience. Accept all cookies",
    "Subscribe to our newsletter for weekly analysis",
    "Related: Hospital mergers and what they mean for patients",
    "Home About Research Events Donate Contact",
    "Copyright 2026 Civic Budget Observatory. All rights reserved.",
]


def health_page(*, json_ld: bool = True, meta: bool = True) -> str:
    """A saved article page with navigation, a cookie banner, related links and a footer."""
    ld = ""
    if json_ld:
        ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
              '{"@type": "WebSite", "name": "Civic Budget Observatory"},'
              '{"@type": "NewsArticle", "headline": "%s", "datePublished": "2026-02-09T08:30:00+01:00", '
              '"publisher": {"@type": "Organization", "name": "Civic Budget Observatory"}}]}</script>'
              % HEALTH_TITLE)
    metas = ""
    if meta:
        metas = ('<meta property="og:site_name" content="Civic Budget Observatory">'
                 f'<meta property="og:title" content="{html.escape(HEALTH_TITLE)}">'
                 '<meta property="article:published_time" content="2026-02-09">')
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in HEALTH_BODY)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(HEALTH_TITLE)} | Civic Budget Observatory</title>{metas}{ld}
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>{HEALTH_BOILERPLATE[0]}</p><button>Accept</button></div>
<header><nav class="main-nav"><ul>{''.join(f'<li><a href="/{w.lower()}">{w}</a></li>'
                                         for w in HEALTH_BOILERPLATE[3].split())}</ul></nav></header>
<main><article>
<h1>{html.escape(HEALTH_TITLE)}</h1>
<p class="byline">By the budget team, 9 February 2026</p>
{paras}
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/x">{HEALTH_BOILERPLATE[2]}</a></li></ul></aside>
<div class="newsletter"><p>{HEALTH_BOILERPLATE[1]}</p></div>
</main>
<footer><p>{HEALTH_BOILERPLATE[4]}</p></footer>
</body></html>
"""


# A blog-style page: menu, share buttons, comments, a sidebar, a table and a footnote.
BLOG_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Rail Freight After the Strike – Transport Policy Forum</title>
<meta name="description" content="x"><meta name="author" content="Jane Roe">
<script type="application/ld+json">[{"@context":"https://schema.org","@type":"BlogPosting","headline":"Rail Freight After the Strike","datePublished":"2025-11-03","author":{"@type":"Person","name":"Jane Roe"},"publisher":{"@type":"Organization","name":"Transport Policy Forum"}}]</script>
</head><body class="wp">
<div class="site-header"><a href="/">Transport Policy Forum</a><ul class="menu"><li>Research</li><li>Events</li><li>Support us</li></ul></div>
<div id="content"><div class="entry-content">
<h1 class="entry-title">Rail Freight After the Strike</h1>
<div class="entry-meta">Posted on November 3, 2025 by Jane Roe</div>
<p>Freight volumes on the national network fell by 14 percent in the quarter of the strike, the steepest drop since 2009.<sup><a href="#fn1">1</a></sup> Operators shifted about 2,300 daily truckloads to the motorways.</p>
<h2>What the numbers show</h2>
<p>Even after the strike ended, volumes recovered only to 93 percent of their earlier level within six months.</p>
<table><tr><th>Quarter</th><th>Tonnes (million)</th></tr><tr><td>Q1 2025</td><td>21.4</td></tr><tr><td>Q2 2025</td><td>18.4</td></tr></table>
<p>The ministry should guarantee minimum service levels on the two main corridors and fund a 120 million euro programme of sidings for small shippers.</p>
<ol class="footnotes"><li id="fn1">National Rail Statistics, quarterly bulletin.</li></ol>
</div>
<div class="sharedaddy">Share this: Twitter Facebook LinkedIn</div>
<div id="comments"><h3>3 comments</h3><p>Great article, thanks! – Bob</p></div>
</div>
<div id="sidebar"><h3>Popular posts</h3><ul><li><a href="/a">Why buses matter more than ever for rural towns and villages</a></li></ul></div>
<footer>© 2025 Transport Policy Forum · Privacy · Cookie settings</footer>
</body></html>
"""
BLOG_BOILERPLATE = ["Support us", "Share this", "Great article", "Popular posts", "Why buses matter", "Cookie settings"]


def text_pdf(text: str, path: Path) -> Path:
    """A plain one-column A4 PDF of a text (first line, title, paragraphs), as a word processor prints one."""
    from fpdf import FPDF

    lines = text.strip("\n").split("\n")
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(0, 5, lines[0])
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 7, lines[1])
    pdf.ln(3)
    pdf.set_font("Times", "", 11)
    for par in "\n".join(lines[2:]).split("\n\n"):
        if par.strip():
            pdf.multi_cell(0, 5.5, " ".join(par.split()))
            pdf.ln(3)
    pdf.output(str(path))
    return path


DAILY = Path(__file__).resolve().parent / "fixtures" / "daily"


def daily_originals(folder: Path) -> list[Path]:
    """The three fresh briefs on Vietnam's power plan, as a new user has them: a PDF (made here from
    mekong-brief.txt), a saved web page and a text."""
    folder.mkdir(parents=True, exist_ok=True)
    pdf = text_pdf((DAILY / "mekong-brief.txt").read_text(encoding="utf-8"), folder / "mekong-brief.pdf")
    out = [pdf]
    for name in ("vietnam-grid.html", "power-plan-release.txt"):
        shutil.copyfile(DAILY / name, folder / name)
        out.append(folder / name)
    return out
