"""The document model: blocks, exact positions through markup, front matter, titles, plain text."""
from __future__ import annotations

from draftlint import nlp
from helpers import doc


def block_texts(d):
    return [(b.kind, b.plain) for b in d.blocks]


def test_blocks_and_kinds():
    d = doc("# Title\n\nA paragraph with *emphasis*.\n\n- one\n- two\n\n> quoted words\n\n```\ncode here\n```\n"
            "\n| a | b |\n|---|---|\n| c | d |\n\n<div>html</div>\n")
    assert block_texts(d) == [
        ("heading", "Title"), ("paragraph", "A paragraph with emphasis ."), ("list-item", "one"),
        ("list-item", "two"), ("blockquote", "quoted words"), ("code", ""), ("table", "a b c d"), ("html", ""),
    ]
    assert d.blocks[0].level == 1
    assert d.blocks[5].raw == "```\ncode here\n```"


def test_positions_through_inline_markup():
    src = "Intro **bold** and [a link](https://example.com/x) then `code` and *word*.\n"
    d = doc(src)
    block = d.blocks[0]
    assert len(block.text) == len(src) - 1
    i = block.text.index("word")
    assert d.span(block.start + i, block.start + i + 4) == (1, src.index("word") + 1, 1, src.index("word") + 5)
    assert "example.com" not in block.text and "code" not in block.text
    assert block.text.index("a link") == src.index("a link")
    [link] = d.links
    assert (link.kind, link.target) == ("link", "https://example.com/x")
    assert d.text[link.start:link.end] == "a link"


def test_bare_urls_and_footnotes_are_masked_and_collected():
    d = doc("See https://example.org/report.pdf, and the note.[^1]\n\n[^1]: Source: the council minutes.\n")
    kinds = sorted((l.kind, l.target) for l in d.links)
    assert kinds == [("footnote", "[^1]"), ("footnote", "[^1]"), ("url", "https://example.org/report.pdf")]
    assert "example.org" not in d.blocks[0].text
    assert d.blocks[1].kind == "footnote"


def test_container_prefixes_are_masked_with_exact_columns():
    src = "> first line\n> second \"quoted here\" line\n\n1. item one\n   continues\n"
    d = doc(src)
    quote_block, item = d.blocks
    line = quote_block.lines[1]
    assert (line.number, line.text) == (2, 'second "quoted here" line')
    assert d.lines.position(line.start) == (2, 3)
    assert item.kind == "list-item" and [l.text for l in item.lines] == ["item one", "continues"]
    assert d.lines.position(item.lines[0].start) == (4, 4)
    assert d.lines.position(item.lines[1].start) == (5, 4)


def test_crlf_bom_tabs_and_non_ascii_keep_columns():
    raw = "\ufeff# Café\r\n\r\nNaïve\tsentence “here” now.\r\n"
    from draftlint import parse

    d = parse.build("x.md", parse.decode(raw.encode("utf-8")))
    para = d.blocks[1]
    start = para.start + para.text.index("“")
    assert d.lines.position(start) == (3, 16)
    [q] = d.quotes
    assert q.text == "here" and d.span(q.start, q.end) == (3, 16, 3, 22)


def test_lone_cr_line_endings():
    from draftlint import parse

    d = parse.build("x.txt", "Title line\rBody sentence one.\r")
    assert [b.first_line for b in d.blocks] == [1, 2]


def test_front_matter_title_and_span():
    d = doc("---\nauthor: me\ntitle: \"A Title\"\n---\n\n# A Title\n\nBody.\n")
    assert d.front_matter == {"author": "me", "title": "A Title"}
    assert d.front_matter_lines == (1, 4)
    assert (d.title.text, d.title.source, d.title.line) == ("A Title", "front-matter", 3)
    assert d.blocks[0].kind == "heading" and d.blocks[0].first_line == 6


def test_title_from_first_h1_and_from_plain_text_first_line():
    assert doc("Intro.\n\n# Real Title\n").title.text == "Real Title"
    t = doc("A Short Title\n\nThe body starts here. It goes on.\n", path="a.txt").title
    assert (t.text, t.source, t.line) == ("A Short Title", "first-line", 1)
    assert doc("This is a sentence, not a title.\n", path="a.txt").title is None


def test_unclosed_and_invalid_front_matter_are_reported():
    d = doc("---\ntitle: x\n\nBody text.\n")
    assert [p.code for p in d.problems] == ["E002"] and "never closed" in d.problems[0].message
    d = doc("---\ntitle: [unclosed\n---\nBody.\n")
    assert d.problems and "not valid YAML" in d.problems[0].message
    d = doc("---\n- a list\n---\nBody.\n")
    assert "must be a mapping" in d.problems[0].message
    d = doc("---\na: &x [1]\nb: *x\n---\nBody.\n")
    assert "aliases" in d.problems[0].message


def test_plain_text_paragraphs_and_bullets():
    src = ("Title Here\n\n"
           "A hard-wrapped paragraph that goes on for a while and then\n"
           "continues on the next line with the rest of the sentence.\n\n"
           "  • Bullet one: text\n"
           "2. Numbered item\n"
           "Short line\nAnother short line\n")
    d = doc(src, path="a.txt")
    assert block_texts(d) == [("heading", "Title Here"),
                              ("paragraph", "A hard-wrapped paragraph that goes on for a while and then continues on the next line with the rest of the sentence."),
                              ("list-item", "Bullet one: text"), ("list-item", "Numbered item"),
                              ("paragraph", "Short line"), ("paragraph", "Another short line")]
    assert d.lines.position(d.blocks[2].lines[0].start) == (6, 5)


def test_quotes_straight_curly_unbalanced_and_blockquote():
    d = doc('He said "one two three" and “four five”.\n\n> A blockquote without marks.\n\n“Opened and never closed\n')
    found = [(q.kind, q.text, q.closed) for q in d.quotes]
    assert found == [("inline", "one two three", True), ("inline", "four five", True),
                     ("blockquote", "A blockquote without marks.", True), ("inline", "Opened and never closed", False)]


def test_setext_heading_and_atx_closing_hashes():
    d = doc("Setext Title\n============\n\n## Section ##\n")
    assert block_texts(d) == [("heading", "Setext Title"), ("heading", "Section")]
    assert d.lines.position(d.blocks[1].lines[0].start) == (4, 4)


def test_sentences_are_split_inside_blocks_only():
    d = doc("First sentence here. Second one follows!\n\n- A list item sentence.\n")
    nlp.annotate([d])
    assert [(s.text, d.lines.position(s.start)) for s in d.sentences] == [
        ("First sentence here.", (1, 1)), ("Second one follows!", (1, 22)), ("A list item sentence.", (3, 3))]


def test_code_span_across_a_line_break_keeps_the_rest_of_the_paragraph():
    # the code span's content ("unsafe fn") recurs later in the paragraph: prose is placed by source position,
    # never by searching for the content (which once blanked everything between the two)
    src = "Wrap every `unsafe\nfn` in a block. It reads well\nnext to `unsafe fn foo()` too.\n"
    block = doc(src).blocks[0]
    assert block.text == "Wrap every        \n    in a block. It reads well\nnext to                   too."
    assert block.plain == "Wrap every in a block. It reads well next to too."


def test_non_ascii_before_markup_keeps_exact_offsets():
    src = "Café — naïve “quote” and [the link](https://example.com) 🙂 *end*.\n"
    d = doc(src)
    block = d.blocks[0]
    assert len(block.text) == len(src) - 1
    assert block.text.index("the link") == src.index("the link")
    assert block.text.index("end") == src.index("end")
    assert "example.com" not in block.text and "*" not in block.text
    link = d.links[0]
    assert (src[link.start:link.end], link.target) == ("the link", "https://example.com")


def test_entities_escapes_and_html_block_indentation():
    d = doc("Fish &amp; chips \\*not emphasis\\*.\n\n  <div>\n  indented html\n  </div>\n")
    assert block_texts(d) == [("paragraph", "Fish & chips *not emphasis *."), ("html", "")]  # the backslashes are blanked


def test_tight_and_loose_list_items_are_blocks_of_their_own_lines():
    d = doc("- tight *one*\n  - nested two\n- three\n\n10. loose four\n\n    loose five\n")
    assert [(b.kind, b.plain, b.first_line, b.last_line, b.containers) for b in d.blocks] == [
        ("list-item", "tight one", 1, 1, ("list-item",)),
        ("list-item", "nested two", 2, 2, ("list-item", "list-item")),
        ("list-item", "three", 3, 3, ("list-item",)),
        ("list-item", "loose four", 5, 5, ("list-item",)),
        ("list-item", "loose five", 7, 7, ("list-item",)),
    ]
