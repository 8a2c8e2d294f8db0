"""What a saved web page states about itself: schema.org JSON-LD, ``<meta>`` tags, ``<title>``, and the
date of the byline under its headline. Split from ``metadata``, which reads the other kinds of file and the
lines at the top of a text.
"""

from __future__ import annotations

import json
import re
from typing import Any, Optional

from briefcmp.corpus.model import PartialDate
from briefcmp.ingest.metadata import DocMeta, _clean, _date_line, from_date_line, from_masthead, parse_date


# ---------------------------------------------------------------------------- HTML

_ARTICLE_TYPES = {"article", "newsarticle", "report", "scholarlyarticle", "blogposting", "webpage",
                  "analysisnewsarticle", "creativework", "techarticle", "governmentpermit", "publication"}
_MAX_JSON_LD = 1_000_000


def _ld_items(data: Any, depth: int = 0) -> list[dict]:
    """The objects of a JSON-LD document (top level, lists and @graph), depth-limited."""
    if depth > 4:
        return []
    if isinstance(data, list):
        return [x for item in data[:200] for x in _ld_items(item, depth + 1)]
    if isinstance(data, dict):
        return [data] + _ld_items(data.get("@graph"), depth + 1) if "@graph" in data else [data]
    return []


def _types(item: dict) -> set[str]:
    t = item.get("@type")
    ts = t if isinstance(t, list) else [t]
    return {x.lower() for x in ts if isinstance(x, str)}


def _name(value: Any) -> str:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name")
    return _clean(value, 200)


_SEP_IN = re.compile(r" [|\u2013\u2014-] | :: ")


def from_html(html: bytes | str) -> DocMeta:
    """Metadata of a saved web page: JSON-LD first, then <meta> tags, then <title>."""
    meta = DocMeta()
    try:
        import lxml.html
    except ImportError:  # pragma: no cover - lxml comes with trafilatura (the 'add' extra)
        return meta
    try:
        doc = lxml.html.document_fromstring(html)
    except Exception:  # an empty or unparsable page: nothing stated
        return meta
    items = []
    for script in doc.xpath('//script[@type="application/ld+json"]'):
        text = script.text_content() or ""
        if len(text) > _MAX_JSON_LD:
            continue
        try:
            items.extend(_ld_items(json.loads(text)))
        except ValueError:
            continue
    articles = [i for i in items if _types(i) & _ARTICLE_TYPES and not _types(i) & {"website"}]
    for item in articles:
        meta.set("title", _clean(item.get("headline") or item.get("name")), "json-ld")
        meta.set("publisher", _name(item.get("publisher")), "json-ld")
        meta.set("published", parse_date(item.get("datePublished") if isinstance(item.get("datePublished"), str)
                                         else ""), "json-ld")
        url = item.get("url") if isinstance(item.get("url"), str) else ""
        meta.set("url", _clean(url, 500) if url.startswith(("http://", "https://")) else "", "json-ld")
    tags: dict[str, str] = {}
    for m in doc.xpath("//meta[@content]"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        if key and key not in tags:
            tags[key] = m.get("content") or ""
    for key in ("og:title", "citation_title", "dc.title", "dcterms.title", "twitter:title"):
        meta.set("title", _clean(tags.get(key, "")), "html-meta")
    for key in ("citation_publisher", "dc.publisher", "dcterms.publisher", "publisher", "og:site_name"):
        meta.set("publisher", _clean(tags.get(key, ""), 200), "html-meta")
    for key in ("article:published_time", "citation_publication_date", "citation_date", "dc.date.issued",
                "dcterms.issued", "dc.date", "dcterms.date", "date", "pubdate", "publication_date"):
        meta.set("published", parse_date(tags.get(key, "")), "html-meta")
    canonical = doc.xpath('//link[@rel="canonical"]/@href')
    for url in ([canonical[0]] if canonical else []) + [tags.get("og:url", "")]:
        url = _clean(url, 500)
        meta.set("url", url if url.startswith(("http://", "https://")) else "", "html-meta")
    titles = doc.xpath("//title")
    headline = meta.title
    if titles:
        title = _clean(titles[0].text_content())
        # "<headline> | <site>" where the page's own headline (og:title, JSON-LD, else its one <h1>) is the
        # part before the bar: the rest is the site's name, stated by the page.
        h1 = doc.xpath("//h1")
        own = meta.title or (_clean(h1[0].text_content()) if len(h1) == 1 else "")
        for sep in (" | ", " - ", " \u2013 ", " \u2014 ", " :: "):
            site = title[len(own + sep):].strip() if own and title.startswith(own + sep) else ""
            if site and len(site.split()) <= 8 and re.search(r"[A-Z]", site) and not _SEP_IN.search(site):
                meta.set("publisher", site, "html-title")
        if meta.publisher:
            for sep in (" | ", " - ", " – ", " — ", " :: "):
                if title.endswith(sep + meta.publisher):
                    title = title[: -len(sep + meta.publisher)].strip()
        meta.set("title", title, "html-title")
    if meta.published is None:
        meta.set("published", _byline_date(doc, headline or meta.title), "html-byline")
    return meta


# A page's own lines, as a reader sees them: block elements start a line; what a reader never sees as the
# article (scripts, navigation, asides, forms) is passed over.
_BLOCKS = frozenset("address article aside blockquote br dd details div dl dt figcaption footer h1 h2 h3 h4 h5 h6 "
                    "header hr li main nav ol p section summary table td th tr ul".split())
_HIDDEN = frozenset("script style noscript template svg nav aside footer form button select iframe".split())
_UPDATED = re.compile(r"^\s*(?:last\s+)?(?:updated|modified|edited|revised)\b", re.I)
_BYLINE_LINES = 8  # the byline sits within a few lines under the headline
_RUNNING_TEXT = 25  # words: a line this long is the article's text, and the byline is above it


def _page_lines(doc) -> tuple[list[str], dict[int, list]]:
    """The visible lines of a page's body, and the <time> elements each line holds."""
    from lxml import etree

    body = doc.find("body")
    if body is None:
        return [], {}
    lines: list[str] = [""]
    times: dict[int, list] = {}
    walker = etree.iterwalk(body, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCKS:
                lines.append("")
            if tag in _HIDDEN or not tag:  # (a comment's tag is not a string; its tail comes at its end)
                walker.skip_subtree()
                continue
            if tag == "time":
                times.setdefault(len(lines) - 1, []).append(el)
            lines[-1] += el.text or ""
        else:
            if tag in _BLOCKS:
                lines.append("")
            lines[-1] += el.tail or ""
        if len(lines) > 5000:  # the byline is near the top: a page's whole text is not needed
            break
    out: list[str] = []
    kept: dict[int, list] = {}
    for i, line in enumerate(lines):
        line = " ".join(line.split())
        if line:
            out.append(line)
        if i in times:  # an empty <time datetime=...></time> goes with the next line
            kept.setdefault(len(out) - 1 if line else len(out), []).extend(times[i])
    return out, kept


def _byline_date(doc, headline: str) -> Optional[PartialDate]:
    """The publication date a page prints under its headline, where the main text (which leaves the byline
    out) no longer holds it: a <time> element there (its ``datetime``; one marked ``pubdate`` first), or a
    line that is a date ("Tuesday, December 17, 2024", "Mon 16 Dec 2024 10.02 GMT"), a labelled date
    ("Published 16 December 2024, 10:02 GMT") or a masthead ("The Lagos Ledger | 17 December 2024").
    A date marked as an update is not the publication; a page whose headline is not found gives none
    (a date elsewhere on a page may be a related story's)."""
    lines, times = _page_lines(doc)
    want = " ".join(headline.split()).casefold()
    heads = [" ".join(h.text_content().split()).casefold() for h in doc.xpath("//h1")[:5]]
    at = next((i for i, line in enumerate(lines) if line.casefold() in ({want} | set(heads)) - {""}), None)
    if at is None:
        return None
    zone = []
    for i in range(at + 1, min(len(lines), at + 1 + _BYLINE_LINES)):
        if len(lines[i].split()) > _RUNNING_TEXT:
            break
        zone.append(i)
    stamped = [el for i in [at, *zone] for el in times.get(i, [])]
    stamped.sort(key=lambda el: el.get("pubdate") is None)
    for el in stamped:
        shown = " ".join(el.text_content().split())
        line = next((lines[i] for i in zone if shown and shown in lines[i]), "")
        if not _UPDATED.match(line) and not _UPDATED.match(shown):
            found = parse_date(el.get("datetime") or "") or parse_date(shown)
            if found is not None:
                return found
    for i in zone:
        line = lines[i][:200]
        if _UPDATED.match(line):
            continue
        found = from_date_line(line).published or from_masthead(line)[0].published
        if found is None and (_date_line(line) or re.match(r"By\s+[A-Z]", line)):
            found = parse_date(line)
        if found is not None:
            return found
    return None
