"""Link extraction from Markdown: positions, every link syntax, code and comments skipped."""

from __future__ import annotations

from helpcenter.checks.links.extract import extract_links


def test_every_syntax_with_line_and_column():
    text = (
        "---\n"
        "title: [not a link](x.md)\n"
        "---\n"
        'See [the FAQ](faq.md#login "title") and ![logo](img/logo.png).\n'
        "[ref]: <../other page.md>\n"
        "Autolink <https://www.bitp.example/a> and <a href='raw.html'>raw</a>.\n"
        "Wiki [link](https://en.wikipedia.org/wiki/Foo_(bar)) [nested [brackets]](n.md)\n"
    )
    got = [(link.url, link.line, link.column, link.kind) for link in extract_links(text)]
    assert got == [
        ("faq.md#login", 4, 15, "inline"),
        ("img/logo.png", 4, 49, "inline"),
        ("../other page.md", 5, 9, "reference"),
        ("https://www.bitp.example/a", 6, 11, "autolink"),
        ("raw.html", 6, 52, "html"),
        ("https://en.wikipedia.org/wiki/Foo_(bar)", 7, 13, "inline"),
        ("n.md", 7, 74, "inline"),
    ]


def test_code_and_comments_are_not_links():
    text = (
        "```markdown\n[fenced](a.md)\n```\n"
        "~~~~\n```\n[still fenced](b.md)\n~~~~\n"
        "Inline `[code](c.md)` here.\n"
        "<!-- [comment](d.md)\n[multi-line](e.md) -->\n"
        "[real](f.md)\n"
    )
    assert [(link.url, link.line) for link in extract_links(text)] == [("f.md", 11)]


def test_unicode_columns_count_characters():
    links = extract_links("中文[页面](faq.md)\n")
    assert (links[0].line, links[0].column) == (1, 8)
