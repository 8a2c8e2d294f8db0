"""pypdf against pdfplumber (with briefcmp's layout) on the test briefs: why `briefcmp add` uses pdfplumber.

For each PDF made by tests/ingest_docs.py (fpdf2, and Chromium when it is installed) and a long
one (the fpdf2 brief's text 12 times over), both extractors get the same cleaning
(running lines dropped by repetition, words mended at line ends, ligatures expanded):

- paragraphs whole: how many of the brief's paragraphs come out as one unbroken passage, in order;
- words lost or split: the brief's words missing from the output ("distri bution", "nanced");
- paragraph breaks: how many of the breaks between paragraphs survive (pypdf gives lines only);
- seconds per page.

Run: .venv/bin/pip install pypdf && .venv/bin/python benchmarks/pdf_extractors.py
(pypdf is installed for this comparison only; briefcmp does not use it).
"""

from __future__ import annotations

import io
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import ingest_docs as docs  # noqa: E402

from briefcmp.corpus import anchor  # noqa: E402
from briefcmp.ingest import clean  # noqa: E402
from briefcmp.ingest.pdf import extract_pdf  # noqa: E402


def with_pypdf(data: bytes) -> tuple[str, int]:
    import pypdf  # not a dependency: pip install pypdf to run this comparison

    reader = pypdf.PdfReader(io.BytesIO(data))
    pages = [(p.extract_text() or "").split("\n") for p in reader.pages]
    drops = clean.running_lines(pages)
    lines = [l for page, drop in zip(pages, drops) for i, l in enumerate(page) if i not in drop]
    # pypdf gives lines, not paragraphs: the best it allows is one run of text.
    return clean.tidy_characters(clean.join_lines(lines, clean.vocabulary(lines))), len(pages)


def with_pdfplumber(path: Path, data: bytes) -> tuple[str, int]:
    got = extract_pdf(path, data)
    return clean.paragraphs_text(got.paragraphs), got.pages


def score(text: str, paragraphs: list[str]) -> tuple[int, int, int]:
    norm = anchor.normalise(text)
    whole, at = 0, 0
    for p in paragraphs:
        i = norm.find(anchor.normalise(p), at)
        if i >= 0:
            whole, at = whole + 1, i
    words = set(re.findall(r"[A-Za-z]+", norm))
    lost = sorted({w for p in paragraphs for w in re.findall(r"[A-Za-z]+", p)} - words)
    breaks = sum(1 for a, b in zip(paragraphs, paragraphs[1:])
                 if anchor.normalise(a)[-30:] + "\n\n" + anchor.normalise(b)[:30] in
                 "\n\n".join(anchor.normalise(x) for x in text.split("\n\n")))
    return whole, len(lost), breaks


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    cases = [("fpdf2, 2 columns", docs.fpdf_brief(tmp / "f.pdf"), "[n]")]
    if docs.chromium():
        cases.append(("Chromium, 2 columns", docs.chromium_pdf(docs.brief_html(), tmp / "c.pdf"), "n"))
        long_html = docs.brief_html().replace("<main>", "<main>" + "".join(
            f"<h2>Part {i}</h2>" for i in range(0)))
        body = long_html.split("<main>")[1].split("</main>")[0]
        long_html = long_html.replace(body, body * 12)
        cases.append(("Chromium, 2 columns, x12", docs.chromium_pdf(long_html, tmp / "long.pdf"), "n"))
    expected = [docs.plain(p) for p in docs.PARAGRAPHS]
    print(f"{'document':28} {'extractor':11} {'pages':>5} {'whole':>7} {'lost':>5} {'breaks':>7} {'s/page':>7}")
    for name, path, marks in cases:
        want = expected if marks == "[n]" else [re.sub(r"\[(\d)\]", r"\1", p) for p in expected]
        data = path.read_bytes()
        for label, run in (("pypdf", lambda: with_pypdf(data)), ("pdfplumber", lambda: with_pdfplumber(path, data))):
            t = time.perf_counter()
            text, pages = run()
            dt = time.perf_counter() - t
            whole, lost, breaks = score(text, want)
            print(f"{name:28} {label:11} {pages:5} {whole:>3}/{len(want):<3} {lost:5} {breaks:>3}/{len(want) - 1:<3} "
                  f"{dt / pages:7.3f}")


if __name__ == "__main__":
    main()
