"""The HTML report: complete, linked, self-contained, inert on hostile text, WCAG AA colours,
and (when Chromium is installed) really rendered by a browser."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import struct
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from typer.testing import CliRunner

from briefcmp.analysis.crossref import analyse
from briefcmp.cli import app
from briefcmp.corpus.load import load_corpus
from briefcmp.corpus.model import KeyDef
from briefcmp.gate.review import apply_reviewed
from briefcmp.render import compare
from briefcmp.render.html import PALETTE, render_html, visible

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).parent / "fixtures" / "html" / "hostile"
RAW_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class Page(HTMLParser):
    """Every start tag with its attributes, and the text, as a browser's tokenizer sees them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in self.raw:
            self._in = tag

    def handle_endtag(self, tag):
        self._in = ""

    def handle_data(self, data):
        if self._in:
            self.raw[self._in].append(data)
        else:
            self.text.append(data)

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.tags if "id" in a]

    def all_text(self) -> str:
        return "".join(self.text)


def bundled_analysis():
    corpus = load_corpus([ROOT / "briefs"]).corpus
    analysis = analyse(corpus)
    apply_reviewed(corpus, analysis.all_relations, allow_stale=True, complete=True)
    return analysis


@pytest.fixture(scope="module")
def bundled():
    analysis = bundled_analysis()
    return analysis, render_html(analysis)


# --------------------------------------------------------------------------- contents and links


def test_report_holds_every_relation_claim_and_conflict(bundled):
    analysis, html = bundled
    page = Page(html)
    ids = page.ids()
    assert len(ids) == len(set(ids)), "element ids must be unique"
    idset = set(ids)
    doc = compare.document(analysis)
    for rel in doc["relations"]:
        assert f"relation:{rel['id']}" in idset
    for claim in analysis.corpus.claims():
        assert f"{claim.brief}/{claim.id}" in idset, f"no anchor #{claim.brief}/{claim.id}"
    conflict_rows = [a["data-relation"] for t, a in page.tags if t == "tr" and "data-relation" in a]
    wanted = [r["id"] for r in doc["relations"] if r["kind"] in ("contradiction", "disagreement")]
    assert sorted(conflict_rows) == sorted(wanted) and len(wanted) == 7
    # every in-page link lands on an element; every claim links to its key
    for tag, attrs in page.tags:
        href = attrs.get("href", "")
        if tag == "a" and href.startswith("#"):
            assert unquote(href[1:]) in idset, f"dangling link {href}"
    keyed = [c for c in analysis.corpus.claims() if c.key]
    assert all(f'href="#key:{c.key}"' in html for c in keyed)
    # the conflicts table has one column per brief involved in a conflict
    head = re.search(r'<table class="conflicts stack".*?</thead>', html, re.S).group(0)
    assert head.count('<th scope="col">') == 1 + 5


def assert_links_resolve(html: str) -> None:
    page = Page(html)
    ids = page.ids()
    assert len(ids) == len(set(ids)), "element ids must be unique"
    for tag, attrs in page.tags:
        href = attrs.get("href", "")
        if tag == "a" and href.startswith("#"):
            assert unquote(href[1:]) in ids, f"dangling link {href}"


CORPORA = sorted(p.parent for p in (Path(__file__).parent / "fixtures").glob("**/briefcmp.yaml"))


@pytest.mark.parametrize("folder", CORPORA, ids=lambda p: p.parent.name + "/" + p.name)
def test_every_fixture_corpus_renders_with_working_links(folder):
    result = load_corpus([folder])
    analysis = analyse(result.corpus, suggestions=True)
    html = render_html(analysis)
    assert_links_resolve(html)
    assert html.count('<details class="relation') == len(analysis.relations)
    assert html.count('<li class="claim"') == sum(len(b.claims) for b in result.corpus.briefs)
    assert ('id="candidates"' in html) and html.count('data-filter="candidate"') == len(analysis.suggestions)


def test_self_contained_and_locked_down(bundled):
    _, html = bundled
    page = Page(html)
    assert not re.search(r"""(?i)(src|href)\s*=\s*["']?(https?:)?//""", html.split("<body>")[0])
    for tag, attrs in page.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed"), tag
        assert "src" not in attrs and "style" not in attrs
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    (script,), (style,) = ["".join(page.raw["script"])], ["".join(page.raw["style"])]
    for kind, body in (("script-src", script), ("style-src", style)):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{kind} 'sha256-{digest}'" in csp, f"{kind} hash does not match the inline {kind[:-4]}"


def test_palette_meets_wcag_aa_contrast():
    def luminance(colour: str) -> float:
        rgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    for name, (fg, bg) in PALETTE.items():
        hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
        ratio = (hi + 0.05) / (lo + 0.05)
        assert ratio >= 4.5, f"{name}: {fg} on {bg} has contrast {ratio:.2f} < 4.5"


def test_colour_is_never_the_only_signal(bundled):
    _, html = bundled
    text = Page(html).all_text()
    for word in ("contradiction", "disagreement", "reviewed: accepted", "conflict", "not covered"):
        assert word in text
    # each coloured heat-map cell states its count in words or digits
    for cell in re.findall(r'<td class="heat-[1-4][^"]*" data-col="[^"]*">(.*?)</td>', html):
        assert re.search(r'<span class="n">\d+</span>', cell)


# --------------------------------------------------------------------------- hostile text


def hostile_html() -> tuple[str, list[str]]:
    """The hostile fixture rendered, plus control characters the YAML reader would refuse."""
    corpus = load_corpus([HOSTILE]).corpus
    key = "lead\x1b[2J\"><script>alert('keyid')</script>\x00"
    old = corpus.config.keys.pop("riverton-lead-ppb")
    corpus.config.keys[key] = KeyDef(key, old.label, old.type, old.description, old.unit, old.tolerance,
                                     old.topics, old.subjects)
    claims = list(corpus.claims())
    for c in claims:
        c.key = key
    claims[0].quote += " \x07bell \x1b]8;;https://evil.example\x07link\x1b]8;;\x07 \ud800"
    claims[1].note += " \x1b[8mhidden\x1b[0m \x9b31m \u2066isolate\u2069"
    analysis = analyse(corpus)
    return render_html(analysis), [c.ref for c in claims]


def test_hostile_text_is_inert():
    html, refs = hostile_html()
    page = Page(html)
    tags = [t for t, _ in page.tags]
    assert tags.count("script") == 1 and tags.count("style") == 1
    assert not {"img", "svg", "iframe", "b", "title"} & set(tags[tags.index("body"):])
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if "href" in attrs:
            assert attrs["href"].startswith(("#", "https://")), attrs["href"]
    assert not RAW_UNSAFE.search(html), "a raw control or bidi character reached the page"
    html.encode("utf-8")  # a lone surrogate would make this fail
    text = page.all_text()
    # the hostile text is shown, as text, not dropped
    assert '4 ppb <script>alert("quote")</script> in 2023.' in text
    assert "\"><img src=x onerror=alert('quote2')>" in text
    assert "<script>document.title='pwned'</script>" in text
    assert "</title><script>alert('key')</script>" in text
    assert "\u241b[2J" in text and "\u2407bell" in text and "\u27e8U+202E\u27e9" in text
    assert "javascript:alert('url')" in text  # shown, never a link
    assert "=HYPERLINK(" in text
    assert "".join(page.raw["script"]).count("alert") == 0


def test_visible_makes_every_invisible_character_visible():
    assert visible("a\x1b[2Jb\x00\x7f\u202e\u200b\ufeff") == "a\u241b[2Jb\u2400\u2421\u27e8U+202E\u27e9\u27e8U+200B\u27e9\u27e8U+FEFF\u27e9"
    assert visible("tab\tand\nnewline stay") == "tab\tand\nnewline stay"


# --------------------------------------------------------------------------- command line


def test_cli_html_to_stdout_and_file(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    result = runner.invoke(app, ["compare", "briefs/", "--format", "html"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.rstrip().endswith("</html>")
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["compare", "briefs/", "--format", "html", "-o", str(out), "--kind", "contradiction",
                                 "--fail-on", "agreement"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.count('<details class="relation') == 4 and "filters kinds: contradiction" in page
    result = runner.invoke(app, ["compare", "briefs/", "--format", "html", "-o", str(out)])
    assert result.exit_code == 2 and "--force" in result.output


def test_cli_html_fail_on_exit_code(tmp_path):
    result = CliRunner().invoke(app, ["compare", str(HOSTILE), "--format", "html", "-o", str(tmp_path / "r.html"),
                                      "--fail-on", "contradiction"])
    assert result.exit_code == 1
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --------------------------------------------------------------------------- a real browser


def chromium() -> str | None:
    return next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


def run_chromium(browser: str, *args: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
             f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_chromium_renders_the_report(tmp_path, bundled):
    browser = chromium()
    if browser is None:
        pytest.skip("chromium is not installed: the HTML report is not rendered in a browser here "
                    "(.ci/run installs it; locally: apt-get install chromium)")
    analysis, html = bundled
    report = tmp_path / "report.html"
    report.write_text(html, encoding="utf-8")
    hostile = tmp_path / "hostile.html"
    hostile.write_text(hostile_html()[0], encoding="utf-8")
    shot = tmp_path / "report.png"
    with ThreadPoolExecutor(3) as pool:  # three browsers at once: about one launch's time
        filtered = pool.submit(run_chromium, browser, "--dump-dom", report.as_uri() + "?kind=contradiction")
        evil = pool.submit(run_chromium, browser, "--dump-dom", hostile.as_uri())
        pool.submit(run_chromium, browser, "--window-size=1000,700", f"--screenshot={shot}", report.as_uri()).result()
        dom, dom_evil = filtered.result(), evil.result()

    # the conflicts table and every contradiction are in the rendered DOM
    doc = compare.document(analysis)
    contradictions = [r["id"] for r in doc["relations"] if r["kind"] == "contradiction"]
    assert len(contradictions) == 4
    table = re.search(r'<table class="conflicts stack" id="conflicts-table">.*?</table>', dom, re.S).group(0)
    for rid in contradictions:
        assert f'data-relation="{rid}"' in table
        assert f'id="relation:{rid}"' in dom
    # the script ran: filters shown, and the address's filter (?kind=contradiction) applied
    assert re.search(r'<form id="filters" class="filters" aria-label="Filters">', dom)
    assert "Showing 4 of 43 relations" in dom
    tags = re.findall(r'<details class="relation[^>]*>', dom)
    assert len(tags) == 43
    shown = [re.search(r'data-kinds="([^"]+)"', t).group(1) for t in tags if 'hidden=""' not in t]
    assert shown == ["contradiction"] * 4, shown
    # hostile text stayed text in a real browser: no element it names, no script it carries ran
    assert not re.search(r"<(img|svg|iframe)\b", dom_evil)
    assert "pwned" not in re.search(r"<title>(.*?)</title>", dom_evil, re.S).group(1)
    assert "&lt;script&gt;alert(\"quote\")&lt;/script&gt;" in dom_evil
    # the screenshot is a real PNG of the requested size
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    assert struct.unpack(">II", png[16:24]) == (1000, 700)


def test_dates_are_never_broken_at_their_hyphens(monkeypatch):
    """A publication date and an as-of ("2024-11-\\n28" in a narrow Published column, walk9) stay whole:
    each date part is set no-wrap, an as-of may break only after its slash."""
    monkeypatch.chdir(ROOT)
    page = CliRunner().invoke(app, ["compare", "briefs/", "--format", "html"]).stdout
    published = re.findall(r'<td data-label="Published"([^>]*)>([^<]*)</td>', page)
    assert published and all(attrs == ' class="nw"' for attrs, _ in published)
    assert any(re.fullmatch(r"\d{4}-\d{2}-\d{2}", when) for _, when in published)
    # every "as of" in the page sets its dates in no-wrap spans
    assert ", as of 20" not in page and "as of <span class=\"nw\">" in page
