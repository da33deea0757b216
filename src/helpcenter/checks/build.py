"""The rendered checks of one site build: content policy, CSP hashes, rendered contact guard.

One :class:`RenderedChecks` lives for a whole site build (every language), in the
build's context (:mod:`helpcenter.build.context`); ``hooks/policy.py`` feeds it each
finished page and template, and reads the findings and the site's
Content-Security-Policy from it. Each page is parsed
once for the theme's part and once for the article's (:mod:`justhtml`).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from helpcenter.checks import content_policy, rendered_guard
from helpcenter.report.finding import Finding
from helpcenter.site import csp, render
from helpcenter.theme.search_start import SHIM_FILE, shim_script_hashes
from helpcenter.theme.search_worker import worker_url

SKIP_ENV = "HELPCENTER_TEST_SKIP_CONTENT_POLICY"
"""Set to ``1`` only by the test that shows the CSP blocking a script the policy would
have refused: the article profile is then not reported (the theme's still is)."""


class RenderedCheckError(Exception):
    """A page cannot be checked as rendered (the build must stop)."""


def content_policy_enforced() -> bool:
    """Whether article findings of the content policy are reported (see :data:`SKIP_ENV`)."""
    return os.environ.get(SKIP_ENV) != "1"


@dataclass
class RenderedChecks:
    """What the rendered checks found in one site build."""

    root: Path
    """The project root (paths in findings are relative to it)."""
    registry: object | None = None
    """The channel registry, for the rendered contact guard (``None``: no guard)."""
    overrides: Path | None = None
    """The theme's override folder: where text of a partial is looked for."""
    lang: str = "en"
    """Language of the messages."""
    hashes: set[str] = field(default_factory=set)
    """CSP hashes of every inline script of the theme, on any page."""
    fragments: set[str] = field(default_factory=set)
    """HTML that the project's own templates put inside an article (the verifier widget):
    checked with the theme's profile, not the article's. Added to by whoever renders it."""
    _seen: set[tuple] = field(default_factory=set)
    _guard: list[Finding] = field(default_factory=list)
    _reported: set[tuple] = field(default_factory=set)
    _theme_seen: set[tuple] = field(default_factory=set)
    _worker_urls: set[str] = field(default_factory=set)
    _clean_lines: set[str] = field(default_factory=set)
    _templates: dict[str, str] | None = None

    def _new(self, findings: list[Finding]) -> list[Finding]:
        out = []
        for f in findings:
            key = (f.path, f.line, f.column, f.rule, f.value)
            if key not in self._seen:
                self._seen.add(key)
                out.append(f)
        return out

    def templates(self) -> dict[str, str]:
        if self._templates is None:
            over = self.overrides
            self._templates = (
                rendered_guard.template_texts(self.root, over) if over and over.is_dir() else {}
            )
        return self._templates

    def page(
        self,
        output: str,
        content: str,
        path: str,
        source: str | None,
        output_path: str | None = None,
    ) -> list[Finding]:
        """Content-policy findings of a finished page (new ones only); collects its hashes and
        its rendered contact-guard findings.

        ``path`` names the page's source, ``source`` its text (``None``: generated page),
        ``output_path`` the built page (named by findings in the theme's part that cannot be
        found in the source).
        """
        theme_tree, content_tree = rendered_guard.theme_and_content(output, content)
        found: list[Finding] = []
        own = [f for f in self.fragments if f in content]
        if own:  # the project's widgets are held to the theme's profile
            article = content_policy.parse(
                rendered_guard.without_fragments(content, own), fragment=True
            )
            for fragment in own:
                found += self._theme(content_policy.parse(fragment, fragment=True), path)
        else:
            article = content_tree
        if content_policy_enforced():
            violations, _ = content_policy.scan_tree(article, "article")
            found += content_policy.findings(violations, path, source, self.lang)
        if theme_tree is None:
            raise RenderedCheckError(
                f"{path}: the article's HTML is not in the page as written, so the theme's "
                "scripts cannot be told from the article's (a hook changed the page before "
                "hooks/policy.py read it)"
            )
        found += self._theme(theme_tree, output_path or path, source, path)
        if self.registry is not None and source is not None:
            guard_tree = content_tree
            # Registry fragments show official channels and defanged scams; the verifier
            # widget's examples ("@account") are not contacts.
            fragments = own + [f for f in _fragments() if f in content]
            if fragments:
                guard_tree = content_policy.parse(
                    rendered_guard.without_fragments(content, fragments), fragment=True
                )
            # The theme's part repeats from page to page (navigation, footer): a line
            # found clean is not read again in this build.
            theme_lines = [
                line
                for line in dict.fromkeys(rendered_guard.reader_text(theme_tree).split("\n"))
                if line.strip() and line not in self._clean_lines
            ]
            parts = [
                rendered_guard.Part(rendered_guard.reader_text(guard_tree), "content"),
                rendered_guard.Part("\n".join(theme_lines), "theme"),
            ]
            found_guard = rendered_guard.check_parts(
                parts, path, source, self.registry, lang=self.lang, templates=self.templates(),
                output_path=output_path,
            )  # fmt: skip
            self._guard += found_guard
            if not found_guard:
                self._clean_lines.update(theme_lines)
        return self._new(found)

    def template(self, output: str, name: str) -> list[Finding]:
        """Findings of a page rendered from a template alone (``404.html``); collects hashes."""
        return self._new(self._theme(content_policy.parse(output), name))

    def _theme(
        self, tree, path: str, source: str | None = None, source_path: str | None = None
    ) -> list[Finding]:
        """Theme-profile findings: at the page's source when found there (a front matter
        value the theme shows), else once per build at the built page's line."""
        violations, inline = content_policy.scan_tree(tree, "theme")
        self.hashes.update(csp.script_hash(script.text) for script in inline if script.runs)
        for script in inline:
            if script.id == "__config" and not script.runs:
                self._worker_urls.add(_search_worker(script.text))
        out = []
        index = content_policy.SourceIndex(source) if source is not None else None
        for v in violations:
            spot = None
            if index is not None:
                spot = next(
                    (s for n in content_policy.needles(v) if (s := index.find(n)) is not None), None
                )
            if spot is not None and source_path is not None:
                finding = content_policy.findings([v], source_path, source, self.lang)[0]
            else:
                if (v.code, v.tag, v.attr, v.value) in self._theme_seen:
                    continue
                self._theme_seen.add((v.code, v.tag, v.attr, v.value))
                finding = content_policy.findings([v], f"{path} (theme)", None, self.lang)[0]
            out.append(finding)
        return out

    def policy(self) -> str:
        """The site's Content-Security-Policy (the union of every page's hashes, and those of
        the iframe-worker shim's script for each search worker URL of the theme)."""

        hashes = set(self.hashes)
        urls = self._worker_urls - {""}
        if urls:
            try:
                shim = (self.root / SHIM_FILE).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                shim = ""  # the offline hook names the missing shim
            hashes |= shim_script_hashes(shim, urls)
        return csp.policy(hashes)

    def guard_findings(self, source_lines: list[str]) -> list[Finding]:
        """Rendered contact-guard findings the Markdown scan (``source_lines``) did not report,
        and not returned before."""
        found = rendered_guard.dedupe(source_lines, self._guard)
        self._guard = []
        new = [f for f in found if (f.path, f.line, f.rule) not in self._reported]
        self._reported.update((f.path, f.line, f.rule) for f in new)
        return new


def _search_worker(config_json: str) -> str:
    """The search worker URL of the theme's page configuration (``""`` without one), as
    hooks/search.py rewrites it after this check read the page."""

    try:
        value = json.loads(config_json).get("search")
    except (ValueError, AttributeError):
        return ""
    return worker_url(value) if isinstance(value, str) and value else ""


def _fragments():

    return render.FRAGMENTS
