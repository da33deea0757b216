"""The context of one site build: what the hooks share, and the one place they find it.

Every file in ``hooks/`` is a thin adapter without state of its own: it finds
the build's :class:`BuildContext` with :func:`current` and calls it with
plain values taken from MkDocs' configuration, files and pages.

Lifetime
    ``hooks/context.py`` calls :func:`start` on MkDocs' ``on_startup`` (the
    command: ``serve`` is the live preview) and :func:`begin_pass` on every
    ``on_config``, before any other hook. mkdocs-static-i18n builds each
    language in its own pass, and every pass runs every event again: the
    default language's pass begins the site build; at its end (the plugin's
    ``on_post_build``, priority -100) the plugin runs one pass per other
    language inside it; then the default language's pass goes on and ends
    the site build. A site build (each rebuild of ``mkdocs serve`` too)
    begins a new context; the other languages' passes join it.
    :attr:`BuildContext.main_pass` says whether the default language's pass
    is running: site-wide work is done there, once.

What it holds
    The project's folders and languages, whether the preview runs, the
    registry (loaded once per build: :attr:`BuildContext.registry`, or its
    :class:`~helpcenter.registry.problems.RegistryError`, which
    ``hooks/registry.py`` reports), each page's language (decided once), and
    what the hooks collect over a build: pages as read, markers to fill in,
    the rendered, offline and source checks, the translation states, the 404
    pages. What costs time and depends only on the registry (the marker
    renderer, the verifier's data) is kept for the next build while the
    registry is unchanged.

Logs
    Each hook logs through loggers named after its file (``hooks/<hook>.py``):
    ``mkdocs.plugins.helpcenter.<hook>`` (:data:`COUNTED`) for content
    problems, since ``mkdocs build --strict`` counts every warning under
    ``mkdocs.``; ``helpcenter.notes.<hook>`` (:data:`NOTES`) for what is
    reported but never fails a build, printed as ``NOTE    -  message``.
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from helpcenter.checks.build import RenderedChecks
from helpcenter.checks.i18n.check import TranslationChecker
from helpcenter.checks.i18n.notice import SiteTranslations
from helpcenter.checks.offline import BuildCheck
from helpcenter.inputs.files import read_docs
from helpcenter.registry.load import DEFAULT_REGISTRY, load_registry_cached
from helpcenter.registry.model import Registry
from helpcenter.registry.problems import RegistryError
from helpcenter.report.finding import display_path
from helpcenter.report.messages import default_lang, text_language
from helpcenter.site import render, verifier
from helpcenter.site.feeds import write_feeds
from helpcenter.site.gitdates import last_commit_dates
from helpcenter.site.languages import SiteLanguages
from helpcenter.site.publish import SiteLayout, site_pages

if TYPE_CHECKING:
    from helpcenter.checks.i18n.revision import TranslationState
    from helpcenter.site.render import MarkerRenderer

COUNTED = "mkdocs.plugins.helpcenter"
"""Parent of the hooks' loggers for content problems: ``--strict`` counts their warnings."""
NOTES = "helpcenter.notes"
"""Parent of the hooks' loggers for reports that never fail a build (``NOTE`` lines)."""

T = TypeVar("T")

_command: str | None = None
"""The MkDocs command of this process (:func:`start`)."""
_current: BuildContext | None = None
"""The context of the build under way, or of the last one (:func:`current`)."""
_kept: dict[str, tuple[object, object, Any]] = {}
"""What a build made that the next one may reuse (:func:`_kept_while`)."""


class NoBuild(SystemExit):
    """A hook asked for the build's context before ``hooks/context.py`` began one.

    A mistake in ``mkdocs.yml``, not in the code: the build stops with the
    message and what to fix, without a traceback.
    """


def start(command: str) -> None:
    """Record which MkDocs command runs (``build``, ``serve``, ``gh-deploy``): once per process."""
    global _command
    _command = command


def begin_pass(
    *,
    language: str | None,
    nested: bool,
    root: Path,
    docs_dir: Path,
    site_dir: Path,
    languages: SiteLanguages,
    overrides: Path | None = None,
) -> BuildContext:
    """Begin a language's pass: a new site build, or (``nested``) one of the other
    languages' passes inside it. ``language`` ``None`` is the default language."""
    global _current
    if not nested or _current is None:
        _notes_handler()
        _current = BuildContext(
            root=root,
            docs_dir=docs_dir,
            site_dir=site_dir,
            languages=languages,
            serving=_command == "serve",
            overrides=overrides,
        )
    _current.enter_pass(language or _current.languages.default)
    return _current


def current() -> BuildContext:
    """The context of the build under way."""
    if _current is None:
        raise NoBuild(
            "mkdocs.yml: no build context has begun; list hooks/context.py first under hooks:"
        )
    return _current


def _notes_handler() -> None:
    notes = logging.getLogger(NOTES)
    if not notes.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("NOTE    -  %(message)s"))
        notes.addHandler(handler)
        notes.setLevel(logging.INFO)
        notes.propagate = False


def _kept_while(name: str, registry: object, extra: object, make: Callable[[], T]) -> T:
    """``make()``, or what it made in an earlier build of this process (``mkdocs serve``
    rebuilds) for the same ``registry`` object and an equal ``extra``."""
    kept = _kept.get(name)
    if kept is None or kept[0] is not registry or kept[1] != extra:
        kept = (registry, extra, make())
        _kept[name] = kept
    return kept[2]


class Job:
    """One result of the build, ``target(*args)``: computed once, when first asked for."""

    def __init__(self, target: str, *args: Any) -> None:
        self.target = target
        """The function, as ``"package.module:function"`` (imported where it runs)."""
        self.args = args
        self._done = False
        self._value: Any = None

    def result(self) -> Any:
        """The function's return value (its exception, if it raised one)."""
        if not self._done:
            module, _, name = self.target.partition(":")
            self._value = getattr(importlib.import_module(module), name)(*self.args)
            self._done = True
        return self._value


@dataclass
class BuildContext:
    """What one site build knows and collects; see the module docstring."""

    root: Path
    """The project root (the folder of ``mkdocs.yml``): paths in messages are relative to it."""
    docs_dir: Path
    """The articles, one folder per language."""
    site_dir: Path
    """Where the site is written."""
    languages: SiteLanguages
    """The languages configured in ``mkdocs.yml``."""
    serving: bool = False
    """Whether ``mkdocs serve`` runs (the live preview)."""
    overrides: Path | None = None
    """The theme's ``custom_dir``, if any."""

    sources: dict[str, str] = field(default_factory=dict)
    """Each page's text as ``hooks/inputs.py`` read it (by path), until MkDocs asks for it."""
    deferred: dict[str, Sequence[str]] = field(default_factory=dict)
    """Inline registry markers of each page (by source name), filled in after conversion."""
    template_fragments: set[str] = field(default_factory=set)
    """HTML the project's templates put inside an article (the verifier widget): held to the
    theme's content profile, not the article's."""
    not_found_pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Language -> (site path, HTML) of its 404 page: each pass renders only its own."""
    guard_lines: list[str] = field(default_factory=list)
    """What the Markdown contact guard reported (the rendered guard reports the rest)."""
    rendered: RenderedChecks | None = None
    """The rendered checks (:class:`~helpcenter.checks.build.RenderedChecks`), once begun."""

    _passes: list[str] = field(default_factory=list)
    _registry: Registry | None = None
    _registry_error: RegistryError | None = None
    _registry_loaded: bool = False
    _page_languages: dict[str, str] = field(default_factory=dict)
    _jobs: dict[str, Job] = field(default_factory=dict)
    _dates: dict[Path, str] | None = None
    _offline: BuildCheck | None = None
    _translation_check: tuple[TranslationChecker, list[TranslationState]] | None = None
    _translations: SiteTranslations | None = None
    _site_pages: dict[str, set[str]] | None = None

    # -- passes ----------------------------------------------------------------------------

    def enter_pass(self, language: str) -> None:
        """A language's pass begins (the default language's first)."""
        self._passes.append(language)

    def end_pass(self) -> None:
        """The pass under way ends (after every other hook's ``on_post_build``)."""
        if self._passes:
            self._passes.pop()

    @property
    def language(self) -> str:
        """The language of the pass under way: the language its readers read."""
        return self._passes[-1] if self._passes else self.languages.default

    @property
    def main_pass(self) -> bool:
        """Whether the default language's pass runs (not another language's pass inside it)."""
        return len(self._passes) <= 1

    # -- the project -----------------------------------------------------------------------

    @property
    def templates(self) -> Path:
        """Where the project's templates are: the theme's ``custom_dir``, else ``overrides/``."""
        return self.overrides or self.root / "overrides"

    @property
    def registry_path(self) -> Path:
        """The registry file."""
        return self.root / DEFAULT_REGISTRY

    def display(self, path: str | Path) -> str:
        """How messages name the file at ``path``."""
        return display_path(Path(path), self.root)

    def template_globals(self) -> dict[str, str]:
        """What every template of the pass reads: ``hc_text_lang``, the language of the
        project's texts, and ``hc_lang_root``, the language's folder after the site root
        (``""`` or ``"/en"``)."""
        prefix = self.languages.prefix(self.language)
        return {
            "hc_text_lang": text_language(self.language),
            "hc_lang_root": "/" + prefix.rstrip("/") if prefix else "",
        }

    def layout(self, site_url: str | None = None, directory_urls: bool = False) -> SiteLayout:
        """The site's URL layout in its languages."""
        codes, default = self.languages.codes, self.languages.default
        return SiteLayout(codes, default, site_url or None, directory_urls)

    # -- the registry ----------------------------------------------------------------------

    def _load_registry(self) -> None:
        if not self._registry_loaded:
            self._registry_loaded = True
            try:
                self._registry = load_registry_cached(self.registry_path)
            except RegistryError as exc:
                self._registry_error = exc

    @property
    def registry(self) -> Registry | None:
        """The channel registry, loaded once per build; ``None`` when it has problems."""
        self._load_registry()
        return self._registry

    @property
    def registry_error(self) -> RegistryError | None:
        """What is wrong with the registry, or ``None``."""
        self._load_registry()
        return self._registry_error

    def registry_problems(self) -> str:
        """The registry's problems, in the contributor's language, to stop the build with."""
        error = self.registry_error
        problems = error.format(default_lang()) if error is not None else ""
        return f"The channel registry has problems:\n{problems}"

    # -- pages -----------------------------------------------------------------------------

    def page_language(self, src: str, locale: str | None = None) -> str:
        """The language the page ``src`` is written in, decided once per page: the i18n
        plugin's ``locale`` of its file, else its folder, else the pass's language."""
        lang = self._page_languages.get(src)
        if lang is None:
            if locale and locale in self.languages.codes:
                lang = locale
            else:
                lang = self.languages.folder_of(src) or self.language
            self._page_languages[src] = lang
        return lang

    def text_language_of(self, src: str, locale: str | None = None) -> str:
        """The language of the project's texts on the page ``src`` (English when the page's
        language has none of its own)."""
        return text_language(self.page_language(src, locale))

    def read_sources(self, files: Iterable[tuple[str, str | None]], asset_limit: int) -> list[str]:
        """Check the site's files before anything reads them (:func:`~helpcenter.inputs.files.
        read_docs`); keep the pages' texts for MkDocs. Returns what was refused."""

        self.sources, errors = read_docs(files, self.docs_dir, self.root, asset_limit)
        return errors

    def take_source(self, path: str | None) -> str | None:
        """The text of the page at ``path`` as read by :meth:`read_sources` (handed over once)."""
        return self.sources.pop(path, None) if path else None

    def revision_date(self, path: str | None) -> str | None:
        """The date of the last commit of the file at ``path`` (one ``git log`` per build)."""
        if self._dates is None:
            self._dates = last_commit_dates(self.docs_dir)
        return self._dates.get(Path(path).resolve()) if (self._dates and path) else None

    def site_pages(self) -> dict[str, set[str]]:
        """Page (``contact/phone.md``) -> the languages it is written in (listed once)."""
        if self._site_pages is None:
            self._site_pages = site_pages(self.docs_dir, self.layout())
        return self._site_pages

    # -- registry markers and the verifier -------------------------------------------------

    def renderer(self) -> MarkerRenderer:
        """The registry's :class:`~helpcenter.site.render.MarkerRenderer` (its templates
        compiled once while the registry and the templates are unchanged)."""

        registry, templates = self.registry, self.templates
        return _kept_while(
            "renderer", registry, templates, lambda: render.MarkerRenderer(registry, templates)
        )

    def expand_markers(
        self, markdown: str, src: str, locale: str | None, dest: str, source: Callable[[], str]
    ) -> tuple[str, list[str]]:
        """The page's Markdown with its registry markers expanded, and a message per bad
        marker. ``source()`` reads the page's file (for line numbers past its front matter)."""

        result = self.renderer().expand(
            markdown,
            self.text_language_of(src, locale),
            src,
            message_lang=default_lang(),
            defer_inline=True,
            site_path=dest,
        )
        self.deferred[src] = result.deferred
        if not result.findings:
            return result.markdown, []
        offset = render.body_offset(source(), markdown)
        return result.markdown, [f.doc_message(offset) for f in result.findings]

    def fill_markers(self, html: str, src: str) -> tuple[str, str | None]:
        """The converted page with its inline markers filled in, and a message if some were
        lost on the way."""
        html, lost = self.renderer().fill(html, self.deferred.pop(src, ()))
        if not lost:
            return html, None
        return html, (
            f"Doc file '{src}': {lost} registry marker(s) were dropped by the Markdown converter "
            "(write each hc: marker in plain text, outside HTML attributes)"
        )

    def verifier_data(self) -> Job:
        """The verifier's data (``verify-data.js``), made once while the registry is unchanged."""
        registry = self.registry
        make = "helpcenter.site.verifier:verifier_script"
        return _kept_while("verifier", registry, None, lambda: Job(make, registry))

    def expand_verifier(
        self, html: str, src: str, locale: str | None, page_path: str
    ) -> tuple[str, str | None]:
        """The page with its ``<!-- hc:verifier -->`` widget, and a message for extra markers."""

        lang = self.text_language_of(src, locale)
        prefix = self.languages.prefix(self.page_language(src, locale))
        html, widget, count = verifier.expand_widget(html, self.templates, lang, page_path, prefix)
        if widget is not None:
            self.template_fragments.add(widget)
        if count <= 1:
            return html, None
        return html, (
            f"Doc file '{src}': <!-- hc:verifier --> appears {count} times; a page can hold "
            "one verifier (remove the extra markers)"
        )

    def write_registry_files(self, site_url: str | None) -> None:
        """``channels.json``, ``security.txt`` and the scam feeds (the registry must be sound)."""

        registry = self.registry
        assert registry is not None, "hooks/registry.py stops a build with a broken registry"
        date = render.build_date()
        render.write_published(self.site_dir, registry, date, site_url)
        write_feeds(self.site_dir, registry, date, site_url or None)

    # -- checks ----------------------------------------------------------------------------

    def rendered_checks(self) -> RenderedChecks:
        """The rendered checks of this build (content policy, CSP hashes, rendered guard)."""
        if self.rendered is None:
            self.rendered = RenderedChecks(
                self.root,
                self.registry,
                self.overrides,
                default_lang(),
                fragments=self.template_fragments,
            )
        return self.rendered

    def offline_check(self) -> BuildCheck:
        """The offline check of this build (:class:`~helpcenter.checks.offline.BuildCheck`)."""
        if self._offline is None:
            self._offline = BuildCheck()
        return self._offline

    def guard_check(self) -> Job:
        """The contact guard over every article's Markdown (``path:line:col: ...`` lines)."""
        if "guard" not in self._jobs:
            self._jobs["guard"] = Job(
                "helpcenter.guard.site:docs_findings",
                str(self.docs_dir),
                str(self.root),
                self.registry,
                default_lang(),
            )
        return self._jobs["guard"]

    def link_check(self, extensions: Sequence[Any], configs: Mapping[str, Any]) -> Job:
        """The link check of every article (:func:`~helpcenter.checks.links.internal.
        check_site_links`) with the site's Markdown ``extensions`` and their ``configs``."""
        if "links" not in self._jobs:
            self._jobs["links"] = Job(
                "helpcenter.checks.links.internal:check_site_links",
                str(self.docs_dir),
                self.registry,
                self.languages.codes,
                self.languages.default,
                list(extensions),
                dict(configs),
                DEFAULT_REGISTRY.as_posix(),
            )
        return self._jobs["links"]

    def translation_check(self) -> tuple[TranslationChecker, list[TranslationState]]:
        """The translation checker of the site's languages, and every translation's state
        (listed once per build)."""
        if self._translation_check is None:
            languages = self.languages
            checker = TranslationChecker(
                self.docs_dir, languages.codes, languages.default, display_root=self.docs_dir
            )
            self._translation_check = (checker, checker.states())
        return self._translation_check

    def translations(self, directory_urls: bool) -> SiteTranslations:
        """What the theme shows about translations
        (:class:`~helpcenter.checks.i18n.notice.SiteTranslations`), made once per build."""
        if self._translations is None:
            checker, states = self.translation_check()
            layout = self.layout(None, directory_urls)
            self._translations = SiteTranslations.of(layout, checker.pages(), states)
        return self._translations
