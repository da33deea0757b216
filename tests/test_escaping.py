"""Front matter and registry values reach every output escaped for where they land.

A fixture site whose front matter holds markup and quotes is built for real
(``tests/fixtures/sites/sitekit.py``): the sidebar, the header, the
``<title>``, the meta tags and the search-free pages must show the text as
written and contain no element or attribute of it. Property tests then do
the same for arbitrary strings, with few examples per build; registry values
go through the fragment renderer and ``security.txt``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from helpcenter.registry.load import load_registry
from helpcenter.site import render
from helpcenter.site.escaping import as_html, escape_meta
from helpcenter.site.languages import SiteLanguages

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "sites"))
import sitekit  # noqa: E402

TITLE = "<img src=x onerror=alert(1)></title><script>alert(2)</script> & &amp;"
DESCRIPTION = "He said \"hi\" & 'bye' <b>then</b> left"
AUTHOR = '"><script>alert(3)</script>'


class Page(HTMLParser):
    """What a reader's browser builds from one page: elements, the title, meta tags, nav text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self.scripts: list[str] = []
        self.meta: dict[str, str] = {}
        self.nav_links: list[str] = []
        self._in: list[str] = []
        self._link: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "meta" and a.get("name"):
            self.meta[a["name"]] = a.get("content") or ""
        if tag == "a" and "md-nav__link" in (a.get("class") or ""):
            self._link = []
        self._in.append(tag)

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.nav_links.append(" ".join("".join(self._link).split()))
            self._link = None
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if self._in and self._in[-1] == "title":
            self.title += data
        if self._in and self._in[-1] == "script":
            self.scripts.append(data)
        if self._link is not None:
            self._link.append(data)


def injected(page: Page) -> list[str]:
    """What an unescaped value would add: an event handler, an image, a script that alerts."""
    bad = [f"{t} {k}" for t, a in page.tags for k in a if k.startswith("on")]
    bad += [t for t, _ in page.tags if t in ("img", "iframe", "object", "embed")]  # theme: svg
    bad += ["script: " + s for s in page.scripts if "alert(" in s]
    return bad


def _front_matter(text: str, fields: dict[str, str]) -> str:
    body = text.split("---\n", 2)[2]
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, width=10**6) + "---\n" + body


def _build_with(tmp_path: Path, fields: dict[str, str]) -> Path:
    project = sitekit.make_site(tmp_path / "site")
    for lang in ("en", "zh"):
        guide = project / "docs" / lang / "guide.md"
        guide.write_text(_front_matter(guide.read_text("utf-8"), fields), encoding="utf-8")
    proc = sitekit.build(project, strict=False)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return project / "out"


def _squash(text: str) -> str:
    return " ".join(text.split())


def _assert_escaped(out: Path, fields: dict[str, str]) -> None:
    title = fields["title"]
    for lang_dir in ("", "en/"):
        guide = Page((out / f"{lang_dir}guide.html").read_text("utf-8"))
        assert injected(guide) == []
        assert _squash(guide.title) == _squash(f"{title} - Fixture")
        if "description" in fields:
            assert guide.meta["description"] == fields["description"]
        if "author" in fields:
            assert guide.meta["author"] == fields["author"]
        # The sidebar of another page lists this one under its title, as text.
        home = Page((out / f"{lang_dir}index.html").read_text("utf-8"))
        assert injected(home) == []
        assert _squash(title) in home.nav_links, home.nav_links


def test_markup_in_front_matter_is_shown_as_text_everywhere(tmp_path):
    fields = {"title": TITLE, "description": DESCRIPTION, "author": AUTHOR}
    out = _build_with(tmp_path, fields)
    _assert_escaped(out, fields)
    html = (out / "en" / "guide.html").read_text("utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    # Escaped once: no entity is escaped a second time.
    assert "&amp;lt;" not in html.replace("&amp;amp;", "")


def test_escape_meta_escapes_once():
    meta = {"title": "<a>&amp;", "description": 'x"y', "hc_report": "translation-status",
            "author": 42, "subtitle": ["<b>"]}  # fmt: skip
    escape_meta(meta)
    assert meta["title"] == Markup("&lt;a&gt;&amp;amp;")
    assert meta["description"] == Markup("x&#34;y")
    assert meta["author"] == Markup("42")
    assert meta["hc_report"] == "translation-status"
    assert meta["subtitle"] == Markup("[&#39;&lt;b&gt;&#39;]")
    again = dict(meta)
    escape_meta(again)
    assert again == meta
    assert as_html(Markup("<b>ok</b>")) == Markup("<b>ok</b>")


# -- plain text: security.txt -------------------------------------------------------------------


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT / "data" / "channels.yml")


def _fields(text: str) -> list[str]:
    return [line.split(":", 1)[0] for line in text.splitlines() if not line.startswith("#")]


def test_security_txt_keeps_a_newline_in_the_name_on_one_line(registry):
    """The registry refuses it (HC040); security.txt does not trust that alone."""
    org = dataclasses.replace(
        registry.organization,
        name="BitP\nContact: mailto:attacker@evil.example\nExpires: 2999-01-01T00:00:00Z",
    )
    hostile = dataclasses.replace(registry, organization=org)
    text = render.security_txt(hostile, dt.date(2026, 11, 25), "https://help.bitp.example/")
    plain = render.security_txt(registry, dt.date(2026, 11, 25), "https://help.bitp.example/")
    assert _fields(text) == _fields(plain)
    assert "attacker" not in "".join(line for line in text.splitlines() if not line.startswith("#"))


# -- property tests -----------------------------------------------------------------------------

_PIECES = [
    "<",
    ">",
    "&",
    '"',
    "'",
    "=",
    "/",
    "`",
    "&amp;",
    "&lt;",
    "&#34;",
    "</title>",
    "<!--",
    "-->",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "{{ x }}",
    " ",
]
_TEXT = (
    st.lists(
        st.one_of(
            st.sampled_from(_PIECES),
            st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp", "Zs", "Co", "Cn")),
        ),
        min_size=1,
        max_size=12,
    )
    .map("".join)
    .filter(lambda s: s.strip() != "")
)


@settings(
    max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=_TEXT, description=_TEXT, author=_TEXT)
def test_any_front_matter_text_reaches_the_pages_escaped(tmp_path_factory, title, description,
                                                          author):  # fmt: skip
    fields = {"title": title, "description": description, "author": author}
    out = _build_with(tmp_path_factory.mktemp("prop"), fields)
    _assert_escaped(out, fields)


def _with_texts(registry, label: str, notes: str):
    """The real registry with support-email's label and notes replaced, loaded as a file."""
    import tempfile

    data = yaml.load(registry.path.read_text("utf-8"), Loader=yaml.SafeLoader)  # noqa: S506
    (entry,) = [c for c in data["channels"] if c["id"] == "support-email"]
    entry["label"] = {"zh": label, "en": label}
    entry["notes"] = {"zh": notes, "en": notes}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "channels.yml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        return load_registry(path)


_MARKERS = ("<!-- hc:channel-label support-email -->", "<!-- hc:channels email -->")


def _fragments(registry) -> list[Page]:
    renderer = render.MarkerRenderer(registry, ROOT / "overrides")
    return [Page(renderer.expand(m + "\n", "en", "en/a.md").markdown) for m in _MARKERS]


@settings(max_examples=25, deadline=None)
@given(label=_TEXT, notes=_TEXT)
def test_any_registry_text_reaches_the_fragments_escaped(registry, label, notes):
    plain = _fragments(_with_texts(registry, "Label", "Notes"))
    hostile = _with_texts(registry, label, notes)
    for page, same in zip(_fragments(hostile), plain, strict=True):
        assert injected(page) == []
        # no element added (the directory sorts channels by label: compare as multisets)
        assert sorted(t for t, _ in page.tags) == sorted(t for t, _ in same.tags)
    site = SiteLanguages(("zh", "en"), "zh")
    data = json.loads(str(render.site_data(hostile, site)["jsonld"]["en"]))
    assert label.strip() in [p["contactType"] for p in data["contactPoint"]]  # labels are trimmed
