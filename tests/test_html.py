"""HTML drafts: the page's text as blocks, positions in the HTML source, title, chrome, bad input."""
from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, run_cli
from helpers import lint

from draftlint import engine, parse, registry
from draftlint.config import Config

PAGE = FIXTURES / "html" / "harbour-export.html"
DIV_PAGE = FIXTURES / "html" / "div-theme-export.html"


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html>\n<html><head>{head}</head>\n<body>\n{body}\n</body></html>\n"


def source_at(source: str, line: int, col: int, end_col: int) -> str:
    return source.split("\n")[line - 1][col - 1:end_col - 1]


def test_page_findings_point_into_the_source():
    source = PAGE.read_text(encoding="utf-8")
    found = lint(source, path="harbour-export.html")
    assert [(f.code, f.line, f.column, f.end_line, f.end_column) for f in found] == [
        ("B010", 12, 15, 12, 35),  # the site name in the page header, above the headline
        ("B010", 13, 32, 13, 36),  # "News" in the menu
        ("B010", 13, 66, 13, 71),  # "Sport"
        ("B020", 18, 21, 18, 54),  # the byline with its reading time
        ("Q002", 22, 6, 22, 17),  # "Experts say"; "Critics say" is suppressed by the comment above it
        ("T002", 26, 6, 26, 54),  # a second copy of the title in the body (the <h1> equal to <title> is not)
        ("B013", 28, 64, 28, 122),  # the share buttons
        ("B120", 31, 28, 31, 37),  # "Most read" in the sidebar
        ("B130", 32, 12, 32, 66),  # the copyright footer, from "&copy;" on
    ]
    by_code = {f.code: f for f in found}
    assert source_at(source, 22, 6, 17) == "Experts say"
    assert by_code["B130"].excerpt == "© 2024 The Tidewater Ledger. All rights reserved."
    assert source_at(source, 32, 12, 66) == "&copy; 2024 The Tidewater Ledger. All rights reserved."
    assert source_at(source, 28, 64, 122) == 'Share on X</a> <a href="https://fb.example/share">Facebook'


def test_columns_count_entities_and_tags():
    source = page('<p>Caf&eacute; <b>&amp;</b>&nbsp;bar&#8217;s &ldquo;owner&rdquo; &mdash; experts say so.</p>')
    doc = parse.build("p.html", source)
    start = doc.text.index("experts say")
    span = doc.span(start, start + len("experts say"))
    assert source_at(source, span.line, span.col, span.end_col) == "experts say"
    entity = doc.text.index("’")  # one character of text, seven of source
    span = doc.span(entity, entity + 1)
    assert source_at(source, span.line, span.col, span.end_col) == "&#8217;"
    assert doc.excerpt(doc.text.index("Café"), doc.text.index("owner")) == "Café &\xa0bar’s “"


def test_not_prose_is_left_out():
    source = page(head="<title>T</title><style>p{}</style>", body="""
<script>var said = "Experts say script";</script><noscript>Enable scripts</noscript>
<template><p>Template text</p></template><svg><text>Chart label</text></svg>
<!-- a comment --><p title="An attribute value">Shown <img alt="Alt text"> text</p>
<select><option>Choice</option></select><textarea>Typed</textarea>""")
    doc = parse.build("p.html", source)
    assert [b.plain for b in doc.blocks] == ["Shown text"]


def test_blocks_as_markdown_makes_them():
    source = page("""<h2>Heading <em>two</em></h2>
<p>First   line<br>second line</p>
<ul><li>Item <a href="https://example.org/a">with link</a><ul><li>Nested</li></ul></li></ul>
<blockquote cite="https://example.org/source"><p>Quoted words.</p></blockquote>
<table><tr><th>Year</th><th>Catch</th></tr><tr><td>2019</td><td>12 t</td></tr></table>
<pre>  code
  block</pre><p>Use <code>make</code> and <q>read it</q>.</p>""")
    doc = parse.build("p.html", source)
    shape = [(b.kind, b.level, b.containers, b.text) for b in doc.blocks]
    assert shape == [
        ("heading", 2, (), "Heading two"),
        ("paragraph", None, (), "First line\nsecond line"),
        ("list-item", None, ("list-item",), "Item with link"),
        ("list-item", None, ("list-item", "list-item"), "Nested"),
        ("blockquote", None, ("blockquote",), "Quoted words."),
        ("table", None, (), "Year   Catch\n2019   12 t"),
        ("code", None, (), "      \n       "),
        ("paragraph", None, (), "Use      and “read it”."),
    ]
    assert doc.text[doc.blocks[5].start:doc.blocks[5].end] == "Year | Catch\n2019 | 12 t"
    assert doc.blocks[6].raw == "  code\n  block"
    assert [(link.target, doc.text[link.start:link.end]) for link in doc.links] == [
        ("https://example.org/a", "with link"), ("https://example.org/source", "Quoted words.")]
    assert [q.text for q in doc.quotes] == ["Quoted words.", "read it"]


def test_two_line_breaks_start_a_new_block():
    doc = parse.build("p.html", page("<div>One line<br>two<br><br>A new paragraph</div>"))
    assert [b.text for b in doc.blocks] == ["One line\ntwo", "A new paragraph"]


@pytest.mark.parametrize("head, body, expected", [
    ('<meta property="og:title" content="From og"><title>From title</title>', "<h1>Headline</h1>",
     ("From og", "front-matter", 1)),
    ("<title>From title</title>", "<h1>Other</h1>", ("From title", "front-matter", 1)),
    ("<title>Same words - Site</title>", "<p>x</p><h1>Same words</h1>", ("Same words - Site", "h1", 3)),
    ("", "<h2>Kicker</h2><h1>Only the headline</h1>", ("Only the headline", "h1", 3)),
    ("", "<p>No heading at all</p>", None),
])
def test_title(head, body, expected):
    doc = parse.build("p.html", page(body, head))
    title = doc.title
    assert (title.text, title.source, title.line) if title else None == expected


def test_h1_equal_to_title_is_not_a_repeat_but_a_second_copy_is():
    head = "<title>The mill reopens</title>"
    assert lint(page("<h1>The mill reopens</h1><p>Work starts in May, said the owner.</p>", head), "p.html",
                select=["T"]) == []
    found = lint(page("<h1>The mill reopens</h1><p>Work starts in May.</p>\n<p>The mill reopens</p>", head),
                 "p.html", select=["T"])
    assert [(f.code, f.line, f.column) for f in found] == [("T002", 5, 4)]


def test_chrome_is_on_the_blocks():
    doc = parse.build("p.html", page("""<div class="wrap has-sidebar"><h1>Headline</h1>
<nav><a href="/">Home</a></nav><p>Body text of the article.</p>
<div id="relatedPosts"><p>Another story</p></div><div class="social-share"><p>Share</p></div>
<section class="comments-area"><p>Leave a reply</p></section><form><p>Name</p></form>
<p><a href="/x">A link</a> <a href="/y">and another</a></p><aside><p>Aside</p></aside>
<footer><p>Footer</p></footer></div>"""))
    assert [(b.plain, b.chrome) for b in doc.blocks] == [
        ("Headline", ""), ("Home", "nav"), ("Body text of the article.", ""), ("Another story", "related"),
        ("Share", "share"), ("Leave a reply", "comments"), ("Name", "form"), ("A link and another", "links"),
        ("Aside", "aside"), ("Footer", "footer")]


def test_chrome_evidence_and_the_sections_that_own_their_header_footer_and_aside():
    prose = "The mill on the river will open again in May after four years of repairs to its wheel."
    doc = parse.build("p.html", page(f"""<header><p>Site</p></header><div class="post"><h1>Mill</h1>
<div class="entry-content no-share"><p>{prose}</p><p>{prose}</p></div>
<article><header><p>Kicker</p></header><aside><p>Fact box</p></aside><footer><p>Tags</p></footer>
<footer class="share-bar"><p>Share</p></footer></article>
<main><aside><p>Sidebar</p></aside><footer><p>Credits</p></footer></main></div>
<div id="card-c709-11ec-ad37"><p>Card</p></div><div role="contentinfo"><p>Footer</p></div>"""))
    assert [(b.plain[:8], b.chrome, b.chrome_by) for b in doc.blocks] == [
        ("Site", "header", "<header>"), ("Mill", "", ""), ("The mill", "", ""), ("The mill", "", ""),
        ("Kicker", "", ""), ("Fact box", "", ""), ("Tags", "", ""),  # the article's own
        ("Share", "share", '<footer class="share-bar">'),  # the article's footer, chrome by its class
        ("Sidebar", "aside", "<aside>"), ("Credits", "", ""),  # an aside in main is the page's, a footer is main's
        ("Card", "", ""),  # an identifier's letters are no word
        ("Footer", "footer", '<div role="contentinfo">')]


def test_a_chrome_container_that_holds_the_headline_is_a_wrapper():
    doc = parse.build("p.html", page("<form id='page'><header><h1>Headline</h1><p>By A. Writer</p></header>"
                                     "<p>Text.</p></form>"))
    assert [b.chrome for b in doc.blocks] == ["", "", ""]


def test_html_main_reads_only_the_article():
    source = page("""<nav><p>Menu</p></nav><main><h1>Headline</h1><p>Article text.</p></main>
<footer><p>Footer</p></footer>""", "<title>Headline</title>")
    doc = parse.build("p.html", source, html_main=True)
    assert [b.plain for b in doc.blocks] == ["Headline", "Article text."]
    assert doc.title.source == "h1"
    only_article = page("<div><p>Menu</p><article><p>Story.</p></article><p>After</p></div>")
    assert [b.plain for b in parse.build("p.html", only_article, html_main=True).blocks] == ["Story."]


def _positions(source: str, path: str, html_main: bool) -> list[tuple[str, int, int]]:
    plan = engine.make_plan(registry.load(), Config(html_main=html_main))
    return [(f.code, f.line, f.column) for f in engine.lint_text(source, path, plan).findings]


def test_html_main_on_a_page_that_marks_no_article_reads_its_densest_element():
    source = DIV_PAGE.read_text(encoding="utf-8")
    article = [
        ("B020", 16, 25),  # the byline with its reading time, under the headline
        ("Q002", 21, 10),  # "Experts say"
        ("B112", 25, 29),  # the advertisement between the article's two halves
        ("B013", 30, 68),  # the share buttons at the end of the second half
    ]
    assert _positions(source, "page.html", html_main=True) == article
    assert _positions(source, "page.html", html_main=False) == [
        ("B010", 9, 33), ("B010", 10, 40),  # the site name and the menu above the headline
        *article,
        ("B120", 34, 9),  # the sidebar's widget header
        ("B030", 35, 8),  # its teaser, prose that only the page's structure shows to be a sidebar's
        ("B115", 36, 8),  # its newsletter prompt
        ("B030", 40, 6),  # a reader's comment
        ("B130", 42, 29),  # the copyright footer
    ]


@pytest.mark.parametrize("body, expected", [
    # the article's paragraphs, split by an advertisement: the parent of both halves, with the headline
    ("<div id='top'><a href='/'>Home</a></div><div id='post'><h1>Mill</h1><div id='a'><p>{p}</p><p>{p}</p></div>"
     "<div class='ad'>Ad</div><div id='b'><p>{p}</p></div></div><div id='side'><p>{p}</p></div>", "post"),
    # the body below its headline's container: up to their common ancestor
    ("<div id='wrap'><div id='head'><h1>Mill</h1></div><div id='body'><p>{p}</p><p>{p}</p><p>{p}</p></div></div>"
     "<div id='more'><p>{p}</p></div>", "wrap"),
    # comments in a form and teasers in an aside weigh nothing; a headline that is not the title is no headline
    ("<h1>Site name</h1><div id='story'><p>{p}</p><p>{p}</p></div><aside><p>{p}</p><p>{p}</p></aside>"
     "<form><p>{p}</p><p>{p}</p><p>{p}</p></form>", "story"),
    # one long paragraph is not an article; links and short lines are not prose: the whole page
    ("<div id='one'><p>{p} {p} {p} {p}</p></div><div><p>{p}</p></div>", None),
    ("<div id='menu'><p><a href='/a'>{p}</a></p><p><a href='/b'>{p}</a></p></div><p>Short line.</p>", None),
])
def test_the_densest_element(body, expected):
    from selectolax.lexbor import LexborHTMLParser

    from draftlint.parse import htmlmain

    prose = "The mill on the river will open again in May after four years of repairs to its wheel."
    tree = LexborHTMLParser(page(body.format(p=prose)))
    chosen = htmlmain.densest(tree, lambda text: text == "Mill")
    assert (None if chosen is None else next(n.id for n in tree.css("[id]") if n.mem_id == chosen)) == expected


def test_broken_markup_is_read_as_a_browser_reads_it():
    source = "<p>Unclosed <b>bold <i>and italic</b> text\n<p>Next <a href='x>paragraph\n<div><td>cell</td>"
    doc = parse.build("p.html", source)
    assert [b.plain for b in doc.blocks] == ["Unclosed bold and italic text", "Next"]
    fostered = parse.build("p.html", "<table><tr><td>in a cell</td></tr>moved out</table>")
    assert sorted(b.plain for b in fostered.blocks) == ["in a cell", "moved out"]
    for block in fostered.blocks:
        assert fostered.span(block.start, block.end).line == 1


def test_hostile_pages_are_linear_and_never_crash():
    nested = "<div>" * 50_000 + "Deep text" + "</div>" * 50_000
    assert [b.plain for b in parse.build("p.html", nested).blocks] == ["Deep text"]
    bomb = "<p>" + "&amp;" * 200_000 + " &#99999999; &#0; &notanentity &#x110000;</p>"
    doc = parse.build("p.html", bomb)
    assert doc.blocks[0].plain.startswith("&&&") and "\ufffd" in doc.text
    # HTML has no entity declarations: the doctype ends at its first ">", and "]>" is text, as in a browser
    doctype_bomb = '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><p>&b;&b;</p>'
    assert [b.plain for b in parse.build("p.html", doctype_bomb).blocks] == ["]>", "&b;&b;"]


def test_tags_past_the_nesting_limit_are_flattened_keeping_text_and_positions():
    from draftlint.parse.htmlsource import MAX_DEPTH

    deep = "<div>" * (MAX_DEPTH + 50) + "<p>Deep <b>text</b></p>" + "</div>" * (MAX_DEPTH + 50)
    doc = parse.build("p.html", deep)
    assert [b.plain for b in doc.blocks] == ["Deep text"]
    start = doc.text.index("text")
    assert source_at(deep, *(lambda s: (s.line, s.col, s.end_col))(doc.span(start, start + 4))) == "text"
    # elements closed by a sibling's start tag do not count: a thousand unclosed paragraphs stay paragraphs
    unclosed = parse.build("p.html", "".join(f"<p>Line {i}" for i in range(1000)))
    assert len(unclosed.blocks) == 1000


def test_charset_and_binary(tmp_path):
    (tmp_path / "latin.html").write_bytes('<meta charset="iso-8859-1"><p>Caf\xe9 opens.</p>'.encode("latin-1"))
    (tmp_path / "resaved.html").write_bytes('<meta charset="iso-8859-1"><p>Café opens.</p>'.encode("utf-8"))
    (tmp_path / "bad.html").write_bytes(b"<meta charset=utf-8><p>caf\xe9</p>")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run_cli("check", "--isolated", "--no-cache", "-f", "json", str(tmp_path))
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert [(f["path"].rsplit("/", 1)[1], f["code"], f["line"], f["column"], f["message"]) for f in findings] == [
        ("bad.html", "E001", 1, 27,
         "not valid UTF-8 (the charset declared for this page): byte 0xe9 at offset 26 cannot be decoded")]
    assert b"image.html: skipped: binary file" in result.stderr
    assert parse.decode((tmp_path / "latin.html").read_bytes(), "latin.html").endswith("Café opens.</p>")
    assert parse.decode((tmp_path / "resaved.html").read_bytes(), "resaved.html").endswith("Café opens.</p>")


def test_stdin_with_an_html_name():
    result = run_cli("check", "--isolated", "--no-cache", "-", "--stdin-filename", "draft.html",
                     stdin=page("<p>\n  Experts say it works.</p>").encode())
    assert result.stdout.decode().splitlines()[0] == "draft.html:5:3: Q002 [warning] vague attribution “Experts say”: no one is named"


def test_fix_and_diff_leave_pages_untouched(tmp_path):
    draft = tmp_path / "page.html"
    draft.write_bytes(PAGE.read_bytes())
    for option in ("--fix", "--diff"):
        result = run_cli("check", "--isolated", "--no-cache", option, str(tmp_path))
        assert result.returncode == 1 and draft.read_bytes() == PAGE.read_bytes()
        notes = [line for line in result.stderr.decode().splitlines() if "untouched" in line]
        assert notes == [f"draftlint: {option} leaves HTML files untouched (1 file): fixes edit Markdown and text only"]
    assert result.stdout == b""  # --diff: no patch
    findings = json.loads(run_cli("check", "--isolated", "--no-cache", "-f", "json", str(draft)).stdout)["findings"]
    assert findings and not any(f["fixable"] for f in findings)


def test_html_main_option(tmp_path):
    (tmp_path / "a.html").write_text(page("<nav><p>Subscribe to our newsletter</p></nav><article><h1>Title</h1>"
                                          "<p>Body.</p></article>"), encoding="utf-8")
    everything = run_cli("check", "--isolated", "--no-cache", "--select", "B115", str(tmp_path))
    assert everything.stdout.decode().splitlines()[0].startswith(f"{tmp_path / 'a.html'}:4:9: B115 ")
    only = run_cli("check", "--isolated", "--no-cache", "--select", "B115", "--html-main", str(tmp_path))
    assert only.returncode == 0, only.stdout
