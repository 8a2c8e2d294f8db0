"""The PDF layout (briefcmp.ingest.pdf.layout) on pages typeset here: any number of columns, pages,
paragraph lengths, running header and page numbers; the words must come back whole and in order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.ingest.pdf import Word, layout

SIZE = 10.0
CHAR = 0.5 * SIZE  # the width of a character in this made-up font
SPACE = 0.25 * SIZE
LINE = 1.25 * SIZE


TITLE = "Water Tariffs in the Lower Basin: What Reform Would Cost and Who Would Pay".split()


def typeset(paragraphs: list[list[str]], columns: int, page_lines: int, header: bool,
            title: bool = False) -> list[list[Word]]:
    """Lay the paragraphs out left column first, a blank half line between paragraphs; the title (in
    larger type, across the columns) above them on the first page."""
    col_width, gutter, left, top = 180.0, 20.0, 50.0, 60.0
    pages: list[list[Word]] = [[]]
    col, y = 0, 0.0
    if title:
        x = left
        for w in TITLE:
            pages[0].append(Word(w, x, x + len(w) * 7, 30, 44, 14))
            x += len(w) * 7 + 4

    def place(text: str, x: float, at: float, size: float = SIZE) -> None:
        pages[-1].append(Word(text, x, x + len(text) * size / 2, at, at + size, size))

    def next_line(step: float) -> None:
        nonlocal col, y
        y += step
        if y >= page_lines * LINE:
            col, y = col + 1, 0.0
            if col == columns:
                pages.append([])
                col = 0

    for words in paragraphs:
        x = 0.0
        for w in words:
            width = len(w) * CHAR
            if x and x + width > col_width:
                next_line(LINE)
                x = 0.0
            place(w, left + col * (col_width + gutter) + x, top + y)
            x += width + SPACE
        next_line(1.75 * LINE)
    pages = [p for p in pages if p]  # no empty page after the last paragraph
    for n, page in enumerate(pages, 1):
        if header:
            page.append(Word("Policy", left, left + 24, 20, 28, 8))
            page.append(Word("Brief", left + 30, left + 50, 20, 28, 8))
        page.append(Word(str(n), 300, 300 + 4 * len(str(n)), 800, 808, 8))
    return pages


word = st.text(alphabet="abcdefghijklmnop", min_size=1, max_size=9)
# A paragraph starts with a capital and ends with a full stop; words break only between lines.
paragraph = st.lists(word, min_size=1, max_size=40).map(
    lambda ws: [ws[0].capitalize()] + ws[1:-1] + [ws[-1] + "."] if len(ws) > 1 else [ws[0].capitalize() + "."])


@settings(max_examples=100, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=12), st.integers(1, 3), st.integers(3, 30), st.booleans(),
       st.booleans())
def test_words_come_back_whole_and_in_reading_order(paragraphs, columns, page_lines, header, title):
    # Every line differs: the same line at the top of every page IS a running header. Each word gets
    # its number, in letters (running lines are compared with digits ignored: "Page 3" = "Page 4").
    count = iter(range(10**6))
    tag = lambda w: "".join(chr(113 + int(d)) for d in str(next(count))) + w  # noqa: E731
    paragraphs = [[tag(w) for w in p] for p in paragraphs]
    pages = typeset(paragraphs, columns, page_lines, header, title)
    out = layout(pages)
    expected = [" ".join(TITLE)] * title + [" ".join(p) for p in paragraphs]
    if header and len(pages) == 1:  # one page: nothing repeats, so a header cannot be told from text
        expected.insert(0, "Policy Brief")
    assert " ".join(out).split() == " ".join(expected).split()
    assert out == expected  # paragraph breaks kept, none made up


def test_a_short_line_at_a_page_foot_runs_on_into_lower_case() -> None:
    """Found by the property test above: ragged lines can look justified on a page of three rows, and the
    last of them short; a page that then opens in lower case mid-sentence carries the paragraph on."""
    words = [["A."], ["A."], ["A."], ["A."], ["A", *["a"] * 10, "aaaa", "aaaaaa", "aaaaaaa", "aaaaaaaaa."],
             ["A", "aaa", "aaa", "aaaaaaa", "aaaaaaaaa", "a", "aaa", "aaaa", "aaaaaa", "aaaaaaaaa", "a", "aaa", "aaaaa",
              "aaaaaaa", "aaaaaaaa."]]
    count = iter(range(100))
    paragraphs = [["".join(chr(113 + int(d)) for d in str(next(count))) + w for w in p] for p in words]
    out = layout(typeset(paragraphs, 1, 3, False, False))
    assert out == [" ".join(p) for p in paragraphs]
