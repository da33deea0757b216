"""The knowledge base: both languages, the seed topics, navigation and the built site.

The build tests run the real ``mkdocs build --strict`` once for this module and
inspect the HTML with the standard library's ``html.parser``.
"""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpcenter.contacts.normalize import is_subdomain_of, normalize_host
from helpcenter.registry.load import load_registry

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

# The knowledge-base articles; the verifier page (verify.md) is tested with
# the verifier.
ARTICLES = (
    "index.md",
    "faq.md",
    "contact/index.md",
    "contact/website.md",
    "contact/social-media.md",
    "contact/email.md",
    "contact/phone.md",
    "contact/directory.md",
    "troubleshooting/index.md",
    "troubleshooting/login.md",
    "troubleshooting/trades.md",
    "troubleshooting/identity-verification.md",
    "troubleshooting/account-security.md",
    "troubleshooting/unsatisfied.md",
    "safety/index.md",
    "safety/fake-support.md",
    "safety/known-scams.md",
    "about/index.md",
    "about/contact-details.md",
)

# Every topic of the seed guide (and the safety topics beyond it) has a
# heading in both languages: (Chinese heading, English heading, article).
SEED_TOPICS = (
    ("客服渠道概述", "Support channels at a glance", "contact/index.md"),
    ("如何选择渠道", "Choosing a channel", "contact/index.md"),
    ("在官方网站查找客服信息", "Finding support on the official website", "contact/website.md"),
    ("优点与不足", "Advantages and drawbacks", "contact/website.md"),
    ("通过社交媒体联系客服", "Getting support through social media", "contact/social-media.md"),
    ("优点与不足", "Advantages and drawbacks", "contact/social-media.md"),
    ("通过邮件联系客服", "Contacting support by email", "contact/email.md"),
    ("优点与不足", "Advantages and drawbacks", "contact/email.md"),
    ("拨打客服热线", "Calling the hotline", "contact/phone.md"),
    ("优点与不足", "Advantages and drawbacks", "contact/phone.md"),
    ("为什么先看常见问题", "Why read the FAQ first", "faq.md"),
    ("问题列表", "Questions", "faq.md"),
    ("密码错误", "Wrong password", "troubleshooting/login.md"),
    ("账户被锁定", "Locked account", "troubleshooting/login.md"),
    ("网络问题", "Network problems", "troubleshooting/login.md"),
    ("网络延迟", "Network delay", "troubleshooting/trades.md"),
    ("余额不足", "Insufficient balance", "troubleshooting/trades.md"),
    ("价格波动", "Price moves", "troubleshooting/trades.md"),
    ("证件材料不符合要求", "Documents not accepted", "troubleshooting/identity-verification.md"),
    ("审核延迟", "Review delays", "troubleshooting/identity-verification.md"),
    ("验证页面打不开", "Verification page not loading", "troubleshooting/identity-verification.md"),
    ("开启双重验证", "Turn on two-factor authentication", "troubleshooting/account-security.md"),
    ("定期检查账户活动", "Review your account activity", "troubleshooting/account-security.md"),
    ("立即冻结账户", "Freeze your account right away", "troubleshooting/account-security.md"),
    ("进一步沟通", "Follow up", "troubleshooting/unsatisfied.md"),
    ("提出具体要求", "Say clearly what you need", "troubleshooting/unsatisfied.md"),
    ("寻求上级支持", "Escalate", "troubleshooting/unsatisfied.md"),
    ("官方客服绝不会做的事", "What official support never does", "safety/fake-support.md"),
    ("仿冒网站", "Lookalike websites", "safety/fake-support.md"),
    (
        "公开投诉后的“追回资金”骗局",
        '"Recovery" scams after a public complaint',
        "safety/fake-support.md",
    ),
    ("核实联系方式", "Check a contact against the official list", "safety/fake-support.md"),
    ("举报假客服", "Report fake support", "safety/fake-support.md"),
    ("信息来源", "Where they come from", "about/contact-details.md"),
    ("最近核实时间", "When they were last verified", "about/contact-details.md"),
)

# Registry markers each article must carry (the registry hook expands them).
REQUIRED_MARKERS = (
    ("contact/directory.md", "<!-- hc:contact-directory -->"),
    ("safety/known-scams.md", "<!-- hc:known-scams -->"),
    ("about/contact-details.md", "<!-- hc:last-verified -->"),
    ("safety/fake-support.md", "<!-- hc:channel security-email -->"),
    ("contact/email.md", "<!-- hc:channels email -->"),
    ("contact/phone.md", "<!-- hc:channels phone -->"),
    ("contact/social-media.md", "<!-- hc:channels social -->"),
    ("contact/index.md", "<!-- hc:support-channels -->"),
    ("index.md", "<!-- hc:verification-status -->"),
)

NAV_SECTIONS = {
    "zh": ["联系客服", "问题排查", "安全防骗", "关于"],
    "en": ["Contact support", "Troubleshooting", "Safety", "About"],
}

# The five most common problems the home page links to.
HOME_PROBLEMS = (
    "troubleshooting/login.html",
    "troubleshooting/trades.html",
    "troubleshooting/identity-verification.html",
    "troubleshooting/account-security.html",
    "troubleshooting/unsatisfied.html",
)

# Attributes that make the browser fetch something when the page is viewed.
FETCHING_ATTRS = {"src", "srcset", "data", "poster", "action", "background"}
# <link rel=...> values that only describe the page and fetch nothing.
DESCRIPTIVE_RELS = {"canonical", "alternate", "author", "license", "help", "search"}


# -- helpers -----------------------------------------------------------------


def site_path(lang: str, article: str) -> str:
    """Built path, relative to the site root, of ``article`` in ``lang``."""
    html = article[: -len(".md")] + ".html"
    return html if lang == DEFAULT_LANG else f"{lang}/{html}"


def resolve(page: str, href: str) -> str:
    """Resolve a relative ``href`` found on ``page`` to a site-root path."""
    path = urlsplit(href).path
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


class PageParser(HTMLParser):
    """Collects what the tests need from one built page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.switcher: dict[str, str] = {}
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.primary_nav: list[tuple[str, str]] = []
        self.content_links: list[str] = []
        self.admonitions: list[str] = []
        self._heading: list[str] | None = None
        self._headerlink = 0
        self._nav_depth = 0  # inside nav.md-nav--primary, outside the table of contents
        self._toc_depth = 0
        self._nav_link: list[str] | None = None
        self._nav_href = ""
        self._article = 0
        self._admonition: list[str] | None = None
        self._admonition_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        self.tags.append((tag, a))
        if tag == "nav":
            if "md-nav--primary" in classes:
                self._nav_depth = 1
            elif self._nav_depth:
                self._nav_depth += 1
                if "md-nav--secondary" in classes or self._toc_depth:
                    self._toc_depth += 1
        if tag == "article":
            self._article += 1
        if self._admonition is not None and tag == "div":
            self._admonition_depth += 1
        elif tag == "div" and "admonition" in classes and self._article:
            self._admonition = [" ".join(classes)]
            self._admonition_depth = 1
        if tag == "a":
            href = a.get("href", "")
            if "md-select__link" in classes and a.get("hreflang"):
                self.switcher[a["hreflang"]] = href
            if "headerlink" in classes:
                self._headerlink += 1
            if self._nav_depth and not self._toc_depth and "md-nav__link" in classes:
                self._nav_link, self._nav_href = [], href
            if self._article and href:
                self.content_links.append(href)
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            if self._headerlink:
                self._headerlink -= 1
            if self._nav_link is not None:
                self.primary_nav.append((self._nav_href, " ".join("".join(self._nav_link).split())))
                self._nav_link = None
        if re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1
            if self._toc_depth:
                self._toc_depth -= 1
        if tag == "article":
            self._article -= 1
        if tag == "div" and self._admonition is not None:
            self._admonition_depth -= 1
            if not self._admonition_depth:
                self.admonitions.append(" ".join(" ".join(self._admonition).split()))
                self._admonition = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None and not self._headerlink:
            self._heading.append(data)
        if self._nav_link is not None:
            self._nav_link.append(data)
        if self._admonition is not None:
            self._admonition.append(data)


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


# -- fixtures ----------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with ``mkdocs build --strict``."""
    dest = tmp_path_factory.mktemp("content") / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stderr[-4000:]}"
    assert "MkDocs 2.0" not in proc.stderr, "the upstream MkDocs 2 banner was printed"
    return dest


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, PageParser]:
    """Every built knowledge-base page, parsed, keyed by its site-root path."""
    return {
        site_path(lang, article): parse(site / site_path(lang, article))
        for lang in LANGS
        for article in ARTICLES
    }


def all_html(site: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site).as_posix(), path


# -- sources -----------------------------------------------------------------


def test_every_article_exists_in_both_languages() -> None:
    for lang in LANGS:
        missing = [a for a in ARTICLES if not (DOCS / lang / a).is_file()]
        assert not missing, f"docs/{lang}/ lacks {missing}"


def test_both_languages_have_the_same_file_names() -> None:
    names = {
        lang: {p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md")}
        for lang in LANGS
    }
    assert names["zh"] == names["en"], (
        f"only in zh: {sorted(names['zh'] - names['en'])}, "
        f"only in en: {sorted(names['en'] - names['zh'])}"
    )


@pytest.mark.parametrize("article,marker", REQUIRED_MARKERS)
def test_articles_carry_registry_markers(article: str, marker: str) -> None:
    for lang in LANGS:
        text = (DOCS / lang / article).read_text(encoding="utf-8")
        assert marker in text, f"docs/{lang}/{article} lacks {marker}"


def test_markers_name_registry_channels() -> None:
    registry = load_registry(ROOT / "data" / "channels.yml")
    ids = {c.id for c in registry.channels}
    for lang in LANGS:
        for article in ARTICLES:
            text = (DOCS / lang / article).read_text(encoding="utf-8")
            for match in re.finditer(r"<!--\s*hc:channel(?:-label)?\s+([\w-]+)\s*-->", text):
                assert match.group(1) in ids, (
                    f"docs/{lang}/{article}: unknown channel id {match.group(1)!r}"
                )


def test_no_unofficial_contact_details_in_articles() -> None:
    """The shipped articles pass the contact guard: contacts come from registry markers."""
    from helpcenter.guard.paths import check_paths

    registry = load_registry(ROOT / "data" / "channels.yml")
    result = check_paths([DOCS], registry)
    assert [str(f) for f in result.findings] == []


# -- built site --------------------------------------------------------------


@pytest.mark.build
def test_every_article_is_built_in_both_languages(site: Path) -> None:
    for lang in LANGS:
        for article in ARTICLES:
            assert (site / site_path(lang, article)).is_file(), site_path(lang, article)


@pytest.mark.build
@pytest.mark.parametrize("zh,en,article", SEED_TOPICS)
def test_seed_topic_has_a_heading_in_both_languages(
    pages: dict[str, PageParser], zh: str, en: str, article: str
) -> None:
    for lang, heading in (("zh", zh), ("en", en)):
        found = pages[site_path(lang, article)].headings
        assert heading in found, f"{site_path(lang, article)}: no heading {heading!r} in {found}"


def built_pages(site: Path) -> list[str]:
    """Site-root paths of every built page in the default language (no 404, no assets)."""
    skip = ("assets/", "search/", *(f"{lang}/" for lang in LANGS if lang != DEFAULT_LANG))
    return [rel for rel, _ in all_html(site) if not rel.startswith(skip) and rel != "404.html"]


@pytest.mark.build
def test_language_switcher_links_to_the_same_article(site: Path) -> None:
    pages = built_pages(site)
    assert {site_path(DEFAULT_LANG, a) for a in ARTICLES} <= set(pages)
    for rel in pages:
        article = rel[: -len(".html")] + ".md"
        for lang in LANGS:
            page = site_path(lang, article)
            assert (site / page).is_file(), f"{rel} has no {lang} counterpart {page}"
            switcher = parse(site / page).switcher
            for other in LANGS:
                assert other in switcher, f"{page}: no language switcher entry for {other}"
                assert resolve(page, switcher[other]) == site_path(other, article), (
                    f"{page}: switcher for {other} goes to {switcher[other]!r}"
                )


@pytest.mark.build
def test_navigation_has_the_same_structure_in_both_languages(
    pages: dict[str, PageParser],
) -> None:
    for article in ARTICLES:
        navs = {}
        for lang in LANGS:
            page = site_path(lang, article)
            entries = pages[page].primary_nav
            prefix = "" if lang == DEFAULT_LANG else f"{lang}/"
            navs[lang] = [resolve(page, href).removeprefix(prefix) for href, _ in entries]
            titles = [title for _, title in entries]
            for section in NAV_SECTIONS[lang]:
                assert section in titles, f"{page}: no navigation section {section!r}"
        assert navs["zh"] == navs["en"], f"{article}: navigation differs between languages"
    # navigation.prune: a page's sidebar lists the sections and the pages of
    # its own section, so every article is in the sidebar of its section index.
    for article in ARTICLES:
        section = posixpath.dirname(article)
        index = site_path("zh", f"{section}/index.md" if section else "index.md")
        listed = [resolve(index, href) for href, _ in pages[index].primary_nav]
        assert site_path("zh", article) in listed, f"{article} is missing from the navigation"


@pytest.mark.build
def test_home_page_links_the_five_common_problems_and_warns(
    pages: dict[str, PageParser],
) -> None:
    never_asks = {
        "zh": ("密码", "双重验证", "助记词"),
        "en": ("password", "2FA", "seed phrase"),
    }
    for lang in LANGS:
        page = site_path(lang, "index.md")
        home = pages[page]
        targets = {resolve(page, href) for href in home.content_links}
        for problem in HOME_PROBLEMS:
            expected = problem if lang == DEFAULT_LANG else f"{lang}/{problem}"
            assert expected in targets, f"{page}: no link to {expected}"
        assert site_path(lang, "verify.md") in targets, f"{page}: no link to the verifier"
        warnings = [a for a in home.admonitions if "danger" in a or "warning" in a]
        assert any(all(word in a for word in never_asks[lang]) for a in warnings), (
            f"{page}: no warning that support never asks for passwords, 2FA codes, seed phrases"
        )


def allowed_hosts() -> tuple[str, ...]:
    """Hosts a plain link may point to: official, allowed and registry hosts."""
    registry = load_registry(ROOT / "data" / "channels.yml")
    hosts = set(registry.organization.official_domains) | set(registry.allowed_domains)
    for channel in registry.channels:
        if channel.value.startswith(("http://", "https://")):
            hosts.add(urlsplit(channel.value).hostname or "")
    return tuple(sorted(filter(None, hosts)))


def is_external(url: str) -> bool:
    """Whether ``url`` names a host (``https://...``, ``//host/...``)."""
    return bool(re.match(r"\s*(?:[a-z][a-z0-9+.-]*:)?//(?!/)", url, re.IGNORECASE)) and not (
        url.strip().lower().startswith("file:")
    )


def referenced_urls(name: str, value: str) -> list[str]:
    """The URLs an attribute makes the page reference."""
    if name == "srcset":
        return [part.split()[0] for part in value.split(",") if part.strip()]
    if name == "style":
        return re.findall(r"url\(\s*['\"]?([^'\")]+)", value)
    if name in FETCHING_ATTRS or name == "href":
        return [value]
    return []


def third_party_references(rel: str, parser: PageParser, hosts: tuple[str, ...]) -> list[str]:
    """``page: <tag attr=url>`` for each reference to a host the site may not use.

    Anything the browser fetches (scripts, stylesheets, images, frames) must be
    local. A plain link (``<a href>``, ``<link rel=canonical>``) may point to an
    official or allowed domain, as registry channels are rendered.
    """
    found = []
    for tag, attrs in parser.tags:
        rels = set(attrs.get("rel", "").lower().split())
        for name, value in attrs.items():
            for url in referenced_urls(name, value):
                if not is_external(url):
                    continue
                navigational = name == "href" and (
                    tag == "a" or (tag == "link" and bool(rels) and rels <= DESCRIPTIVE_RELS)
                )
                host = normalize_host(urlsplit(url.strip()).hostname or "") or ""
                if navigational and any(is_subdomain_of(host, h) for h in hosts):
                    continue
                found.append(f"{rel}: <{tag} {name}={url!r}>")
    return found


@pytest.mark.build
def test_built_html_references_no_third_party_host(site: Path) -> None:
    hosts = allowed_hosts()
    problems = sorted(
        {
            ref
            for rel, path in all_html(site)
            for ref in third_party_references(rel, parse(path), hosts)
        }
    )
    assert not problems, "third-party references in the built site:\n" + "\n".join(problems[:40])


def test_the_third_party_check_tells_links_from_resources() -> None:
    parser = PageParser()
    parser.feed(
        '<a href="https://www.bitp.example/">official</a>'
        '<a href="mailto:support@bitp.example">mail</a>'
        '<a href="../faq.html">faq</a>'
        '<a href="https://evil.example/">other</a>'
        '<script src="https://www.bitp.example/x.js"></script>'
        '<img srcset="a.png 1x, //cdn.example/b.png 2x">'
        '<link rel="stylesheet" href="https://fonts.example/css">'
        '<div style="background: url(https://cdn.example/i.png)"></div>'
    )
    found = third_party_references("p.html", parser, ("bitp.example",))
    assert found == [
        "p.html: <a href='https://evil.example/'>",
        "p.html: <script src='https://www.bitp.example/x.js'>",
        "p.html: <img srcset='//cdn.example/b.png'>",
        "p.html: <link href='https://fonts.example/css'>",
        "p.html: <div style='https://cdn.example/i.png'>",
    ]


@pytest.mark.build
def test_built_stylesheets_load_nothing_remote(site: Path) -> None:
    remote = re.compile(r"(?:@import\s+|url\(\s*)['\"]?(?:https?:)?//", re.IGNORECASE)
    offenders = [
        p.relative_to(site).as_posix()
        for p in site.rglob("*.css")
        if remote.search(p.read_text(encoding="utf-8", errors="replace"))
    ]
    assert not offenders, f"stylesheets that load remote resources: {offenders}"


# One voice: words that weaken trust in the official channels, and the ways
# of saying "support never contacts you first" other than the one the site uses.
WEAKENING = {
    "zh": ("相对安全", "比较安全", "较为安全"),
    "en": ("relatively safe", "fairly safe", "reasonably safe"),
}
NEVER_FIRST = {"zh": "BitP 客服绝不会主动联系你", "en": "BitP support never contacts you first"}
OTHER_WAYS = {
    "zh": ("不会主动打电话", "绝不会主动私信你", "不会主动私信你"),
    "en": ("will never call you", "never messages you first", "never message you first"),
}


def _texts(lang: str) -> dict[str, str]:
    texts = {
        p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted((DOCS / lang).rglob("*.md"))
    }
    texts["overrides/partials/hc-announce.html"] = (
        ROOT / "overrides/partials/hc-announce.html"
    ).read_text(encoding="utf-8")
    texts["data/channels.yml"] = (ROOT / "data/channels.yml").read_text(encoding="utf-8")
    return texts


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_weakens_trust_in_official_channels(lang: str) -> None:
    found = [
        f"{name}: {word!r}"
        for name, text in _texts(lang).items()
        for word in WEAKENING[lang]
        if word in text
    ]
    assert found == []


@pytest.mark.parametrize("lang", LANGS)
def test_never_contacts_you_first_is_said_one_way(lang: str) -> None:
    texts = _texts(lang)
    found = [
        f"{name}: {words!r}"
        for name, text in texts.items()
        for words in OTHER_WAYS[lang]
        if words in text
    ]
    assert found == []
    for page in ("contact/phone.md", "contact/social-media.md", "safety/fake-support.md"):
        assert NEVER_FIRST[lang] in texts[f"{lang}/{page}"], page


@pytest.mark.parametrize("lang", LANGS)
def test_contact_details_page_claims_fiction_only_for_fiction_ranges(lang: str) -> None:
    text = (DOCS / lang / "about/contact-details.md").read_text(encoding="utf-8")
    assert "+1 202 555 01xx" in text and "+44 20 7946 0xxx" in text
    assert "+86 400" in text
    assert ("占位" in text) if lang == "zh" else ("placeholders" in text)
