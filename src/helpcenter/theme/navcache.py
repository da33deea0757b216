"""The sidebar's entries rendered once per folder, not once per page.

Material's navigation partial renders, on every page, an entry for every
page of the current section (``navigation.prune`` collapses the other
sections to one link each). A help center section of a few hundred articles
makes this the largest part of a build: at 1000 articles per language it was
about 40% of the build, and it grows with the square of a section's size.

An entry that is not on the path to the current page renders the same on
every page of one folder: nothing of the page goes into it but the folder
its links are relative to. :class:`NavCache` renders each such entry once per
folder and build, with the theme's own macro, and hands out that HTML
afterwards. The entries on the path to the current page (the active ones)
are rendered as the theme does, every time.

The theme's ``partials/nav.html`` and ``partials/nav-item.html`` are read as
installed (nothing of the theme is copied here); :class:`PatchedLoader`
routes the one call of each that renders an entry through
:meth:`NavCache.entry`. A theme whose templates no longer hold those calls
is used unchanged (:func:`install` returns the names it could not patch).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jinja2 import BaseLoader, Environment, TemplateNotFound, pass_context
from jinja2.runtime import Context

ENTRY = "hc_nav_entry"
"""The name of :meth:`NavCache.entry` among the environment's globals."""
CHILDREN = "hc_nav_children"
"""The name of :meth:`NavCache.children` among the environment's globals."""

# partials/nav.html: each top-level entry.
_TOP_CALL = "{{ item.render(nav_item, path, 1) }}"
# partials/nav-item.html: the entries of an expanded section, the section's
# index page left out. The text between the tags is output too, so it is
# kept (groups a to d) and given back by NavCache.children.
_CHILDREN_RE = re.compile(
    r"\{% for item in nav_item\.children %\}(?P<a>\s*)"
    r"\{% if not index or item != index %\}(?P<b>\s*)"
    r'\{\{ render\(item, path ~ "_" ~ loop\.index, level \+ 1, nav_item\) \}\}(?P<c>\s*)'
    r"\{% endif %\}(?P<d>\s*)"
    r"\{% endfor %\}"
)
_CHILDREN_CALL = "{{ " + CHILDREN + "(render, nav_item, index, path, level) }}"

Segments = tuple[str, str, str, str]


def patch_nav(source: str) -> str | None:
    """``partials/nav.html`` with its top-level entries rendered through the cache, or
    ``None`` when the theme's template does not hold the call exactly once."""
    if source.count(_TOP_CALL) != 1:
        return None
    return source.replace(_TOP_CALL, "{{ " + ENTRY + "(item.render, nav_item, path, 1) }}")


def patch_nav_item(source: str) -> tuple[str, Segments] | None:
    """``partials/nav-item.html`` with a section's entries rendered through the cache,
    and the text the loop put between them; ``None`` when the loop is not there once."""
    found = list(_CHILDREN_RE.finditer(source))
    if len(found) != 1:
        return None
    m = found[0]
    segments = (m["a"], m["b"], m["c"], m["d"])
    return source[: m.start()] + _CHILDREN_CALL + source[m.end() :], segments


TEMPLATES = ("partials/nav.html", "partials/nav-item.html")
"""The theme templates :class:`PatchedLoader` changes."""


class PatchedLoader(BaseLoader):
    """A loader that routes the sidebar's entries of another loader's templates
    through :class:`NavCache`."""

    def __init__(self, base: BaseLoader) -> None:
        self.base = base
        self.segments: Segments | None = None
        """What nav-item.html's loop puts around each entry, once it was patched."""
        self.unpatched: set[str] = set()
        """Templates whose calls were not found: served as the theme wrote them."""

    def patched(self, template: str, source: str) -> str | None:
        """``source`` of ``template`` as this loader serves it; ``None`` if unchanged."""
        if template == TEMPLATES[0]:
            return patch_nav(source)
        if template == TEMPLATES[1]:
            done = patch_nav_item(source)
            if done is None:
                return None
            self.segments = done[1]
            return done[0]
        return source

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.base.get_source(environment, template)
        if template in TEMPLATES:
            patched = self.patched(template, source)
            if patched is None:
                self.unpatched.add(template)
            else:
                self.unpatched.discard(template)
                source = patched
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.base.list_templates()


def folder_of(url: str) -> str:
    """What a page's relative links are computed from: its folder, or its URL for a
    directory URL (as :func:`mkdocs.utils.get_relative_url` does)."""
    dirname, _, basename = url.rpartition("/")
    return dirname if "." in basename else url


class NavCache:
    """Rendered sidebar entries of one build, by page folder and entry."""

    def __init__(self, loader: PatchedLoader | None = None) -> None:
        self.loader = loader
        # (folder, id(item), path, level) -> (item, html). The item is kept so
        # that its id cannot be reused by another object while the cache lives.
        self._html: dict[tuple[str, int, str, int], tuple[Any, Any]] = {}
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._html)

    @pass_context
    def entry(self, context: Context, render: Any, item: Any, path: str, level: int,
              *parent: Any) -> Any:  # fmt: skip
        """``render(item, path, level, *parent)``, from the cache when ``item`` renders
        the same on every page of the current page's folder."""
        page = context.get("page")
        url = getattr(page, "url", None)
        # Active entries lead to the page (it is marked, its table of contents
        # shown); entries with `pages` (blog views) may hold it without being active.
        if (
            not isinstance(url, str)
            or getattr(item, "active", True)
            or hasattr(item, "pages")
            or item is page
        ):
            return render(item, path, level, *parent)
        key = (folder_of(url), id(item), path, level)
        hit = self._html.get(key)
        if hit is not None and hit[0] is item:
            self.hits += 1
            return hit[1]
        self.misses += 1
        html = render(item, path, level, *parent)
        self._html[key] = (item, html)
        return html

    @pass_context
    def children(self, context: Context, render: Any, section: Any, index: Any, path: str,
                 level: int) -> str:  # fmt: skip
        """The entries of an expanded ``section`` but its ``index`` page, with the text
        the theme's loop puts around them, each entry through :meth:`entry`."""
        assert self.loader is not None and self.loader.segments is not None
        a, b, c, d = self.loader.segments
        out = []
        entry = self.entry
        for i, item in enumerate(section.children, 1):
            out.append(a)
            if not index or item != index:
                html = entry(context, render, item, f"{path}_{i}", level + 1, section)
                out += (b, str(html), c)
            out.append(d)
        return "".join(out)


def install(environment: Environment) -> set[str]:
    """Route ``environment``'s sidebar entries through a new :class:`NavCache`.

    Returns the names of the theme templates whose calls were not found (a
    theme update): those render as the theme wrote them.
    """
    loader = environment.loader
    if loader is None:
        return set(TEMPLATES)
    if not isinstance(loader, PatchedLoader):
        loader = PatchedLoader(loader)
        environment.loader = loader
    missing = set()
    for name in TEMPLATES:
        try:
            source, _, _ = loader.base.get_source(environment, name)
        except TemplateNotFound:
            continue
        if loader.patched(name, source) is None:
            missing.add(name)
    cache = NavCache(loader)
    environment.globals[ENTRY] = cache.entry
    environment.globals[CHILDREN] = cache.children
    return missing
