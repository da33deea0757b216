"""Per-language search indexes for the theme's search (MkDocs-free).

The theme writes one search index for the whole site, and the i18n plugin
merges both languages into it, so a reader on an English page would get
Chinese results. This module turns that merged index into one index per
language, each with settings that suit the language:

- ``site/search/search_index.json`` (+ ``.js`` for ``file://``) for Chinese,
  ``site/en/search/search_index.json`` (+ ``.js``) for English; locations are
  relative to the language root, which is the page's ``base`` (see
  :func:`helpcenter.theme.search_worker.rewrite_page_config`); the ``.js``
  file is :func:`helpcenter.theme.search_start.index_script`.
- Chinese text is segmented with jieba and the project's user dictionary
  (``data/jieba_userdict.txt``), so domain terms like 双重验证 stay whole. The
  visible text is then split finely (双重|验证, with U+200B between words) so
  that a search for 验证 matches and is highlighted inside 双重验证; the whole
  compounds and the sub-words jieba finds go to hidden keyword fields (``kt``
  for the title, ``kw`` for the text).
- Synonyms (``data/search_synonyms.yml``): an article that says 客服热线 also
  answers 客服电话, one that says "sign in" also answers "login".
- Readers who type Traditional Chinese (忘記密碼) find the Simplified articles:
  the Chinese index carries the Traditional characters whose Simplified form
  its text uses (``t2s``, from OpenCC's character table), and the query is
  converted before it is searched.
- The Chinese index keeps English words (2FA, KYC, Telegram) with the English
  stemmer but no trimmer (the English trimmer deletes non-ASCII tokens); the
  English index uses the full English pipeline (login / logging in).

The browser side is ``overrides/assets/javascripts/workers/hc-search.js``
(see :mod:`helpcenter.theme.search_worker`): it segments Chinese queries
against the index words and stems English ones before the theme's search
worker sees them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpcenter.contacts import hanzi
from helpcenter.inputs.files import InputError, read_text
from helpcenter.inputs.yamlload import safe_load
from helpcenter.theme.search_start import index_script

#: Characters that separate words, for both languages. U+200B separates the
#: words the build segments; ``*+~^`` are left to the query syntax.
SEPARATOR = (
    r"[\s\u200b\u3000\-、。，．？！；：“”‘’「」『』（）《》〈〉【】…—·"
    r",.!?;:\"'()\[\]{}<>/\\|@#&=]+"
)

#: Index settings per language: (lunr languages, pipeline).
PIPELINES: dict[str, tuple[list[str], list[str]]] = {
    "zh": (["en"], ["stopWordFilter", "stemmer"]),
    "en": (["en"], ["trimmer", "stopWordFilter", "stemmer"]),
}

#: Field boosts. ``kt`` (title) and ``kw`` (text) are hidden keyword fields:
#: whole compounds, sub-words and synonyms.
FIELDS: dict[str, dict[str, float]] = {
    "title": {"boost": 1e3},
    "text": {"boost": 1e0},
    "tags": {"boost": 1e6},
    "kt": {"boost": 5e2},
    "kw": {"boost": 2e0},
}

HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
HAN_RUN = re.compile(HAN + "+")
#: Words of one or two characters are neither split nor given sub-words.
HAN_RUN_3 = re.compile(HAN + "{3,}")
ZWSP = "\u200b"
MARKER = "helpcenter"


class SearchIndexError(ValueError):
    """The merged search index is missing or not what the theme writes."""


@dataclass
class Segmenter:
    """Chinese word segmentation with jieba and the project's user dictionary."""

    userdict: Path | None = None
    """Path of a jieba user dictionary (``word [freq] [tag]`` per line)."""

    _tokenizer: Any = field(default=None, init=False, repr=False)
    _runs: dict[tuple[str, bool], tuple[list[str], list[str]]] = field(
        default_factory=dict, init=False, repr=False
    )

    @property
    def tokenizer(self) -> Any:
        """A private ``jieba.Tokenizer`` (the global one stays untouched)."""
        if self._tokenizer is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            if self.userdict is not None:
                if not self.userdict.is_file():
                    raise SearchIndexError(
                        f"jieba user dictionary {self.userdict} does not exist; "
                        "restore it from git or fix the path in the search hook"
                    )
                tok.load_userdict(str(self.userdict))
            self._tokenizer = tok
        return self._tokenizer

    def words(self, run: str) -> list[str]:
        """Segment a run of Han characters into words (domain terms whole)."""
        return [w for w in self.tokenizer.cut(run) if w]

    def subwords(self, word: str) -> list[str]:
        """Dictionary words inside ``word`` (双重验证 -> 双重, 验证)."""
        return [w for w in self.tokenizer.cut_for_search(word) if w != word and len(w) > 1]

    def parts(self, word: str) -> list[str] | None:
        """Split a compound into non-overlapping dictionary words, or ``None``.

        Only covers made of words of two or more characters count: 任何人
        and 假客服 stay whole (their sub-words go to the hidden field).
        """
        if len(word) < 3:
            return None
        known = set(self.subwords(word))
        if not known:
            return None
        n = len(word)
        # best[i] = (single characters used, pieces) for word[:i]
        best: list[tuple[int, int, list[str]] | None] = [None] * (n + 1)
        best[0] = (0, 0, [])
        for i in range(n):
            if best[i] is None:
                continue
            singles, count, pieces = best[i]  # type: ignore[misc]
            for j in range(i + 1, n + 1):
                piece = word[i:j]
                if piece in known:
                    cand = (singles, count + 1, [*pieces, piece])
                elif j == i + 1:
                    cand = (singles + 1, count + 1, [*pieces, piece])
                else:
                    continue
                if best[j] is None or cand[:2] < best[j][:2]:  # type: ignore[index]
                    best[j] = cand
        result = best[n]
        if result is None or result[0] > 0 or result[1] < 2:
            return None
        return result[2]

    def _segment_run(self, run: str, word: bool) -> tuple[list[str], list[str]]:
        """Fine words and hidden keywords of one Han run, computed once per run.

        ``word``: the run is one word of the theme's segmentation, kept as it
        is (jieba joins some characters into words only in context, so
        cutting the word alone could split it differently). Headings,
        warnings and phrases recur across pages, and jieba is the costly part
        of splitting the index.
        """
        key = (run, word)
        cached = self._runs.get(key)
        if cached is None:
            out: list[str] = []
            keywords: list[str] = []
            for piece in [run] if word else self.words(run):
                parts = self.parts(piece)
                if parts:
                    out.extend(parts)
                    keywords.append(piece)
                else:
                    out.append(piece)
                    if len(piece) > 2:
                        keywords.extend(self.subwords(piece))
            cached = self._runs[key] = (out, keywords)
        return cached

    def segment(self, text: str) -> tuple[str, list[str]]:
        """Segment the Han runs of ``text``.

        Returns the text with U+200B between (fine) words, and the hidden
        keywords: compounds that were split, and sub-words of the others.
        Text the theme already segmented with the same dictionary (U+200B
        between jieba's words) is taken word by word instead of cutting its
        runs again: words recur across pages far more often than runs.
        """
        keywords: list[str] = []
        presegmented = ZWSP in text

        def replace(match: re.Match[str]) -> str:
            out, found = self._segment_run(match.group(0), presegmented)
            keywords.extend(found)
            return ZWSP + ZWSP.join(out) + ZWSP

        segmented = (HAN_RUN_3 if presegmented else HAN_RUN).sub(replace, text)
        segmented = _ZWSP_RUN.sub(ZWSP, segmented).strip(ZWSP)
        return _KINSOKU.sub("", segmented), keywords


_ZWSP_RUN = re.compile(ZWSP + "{2,}")
_CLOSING = (
    "\u3001\u3002\uff0c\uff0e\uff1b\uff1a\uff1f\uff01"  # 、。，．；：？！
    "\uff09\u300d\u300f\u300b\u3009\u3011\u3015\u201d\u2019"  # closing brackets, quotes
    "\u2026\u2014\u00b7"  # …—·
)
_OPENING = "\uff08\u300c\u300e\u300a\u3008\u3010\u3014\u201c\u2018"
_KINSOKU = re.compile(f"{ZWSP}+(?=[{_CLOSING},.;:?!)\\]}}%])|(?<=[{_OPENING}(\\[{{]){ZWSP}+")
"""U+200B where CJK line breaking forbids a break: before closing punctuation
(``。``, ``、``, closing brackets) and after opening brackets. The search
separator already splits words at punctuation, so only the line breaks of
the result snippets change."""
_SEGMENTERS: dict[tuple[Path | None, float], Segmenter] = {}


def segmenter_for(userdict: Path | None) -> Segmenter:
    """One :class:`Segmenter` per user dictionary (and its mtime), reused across builds.

    Loading jieba's dictionary costs about a second; ``mkdocs serve`` rebuilds
    on every edit and should not pay it each time.
    """
    mtime = userdict.stat().st_mtime if userdict is not None and userdict.is_file() else 0.0
    key = (userdict, mtime)
    if key not in _SEGMENTERS:
        _SEGMENTERS.clear()
        _SEGMENTERS[key] = Segmenter(userdict)
    return _SEGMENTERS[key]


def language_prefixes(locales: Iterable[tuple[str, bool]]) -> dict[str, str]:
    """Map each locale to its folder prefix: ``""`` for the default, else ``"en/"``."""
    return {loc: ("" if default else f"{loc}/") for loc, default in locales}


def language_of(location: str, prefixes: Mapping[str, str]) -> str:
    """The language of a site-relative location (longest matching prefix)."""
    best = max(
        (lang for lang, pre in prefixes.items() if location.startswith(pre)),
        key=lambda lang: len(prefixes[lang]),
        default=None,
    )
    if best is None:
        raise SearchIndexError(f"location {location!r} belongs to no configured language")
    return best


Synonyms = Mapping[str, Mapping[str, list[str]]]


def load_synonyms(path: Path | None) -> dict[str, dict[str, list[str]]]:
    """Read ``data/search_synonyms.yml``: ``{lang: {canonical: [variants]}}``."""
    if path is None:
        return {}
    import yaml

    if not path.exists() and not path.is_symlink():
        raise SearchIndexError(f"{path} does not exist")
    try:
        data = safe_load(read_text(path)) or {}
    except InputError as exc:  # not UTF-8, a pipe or device, too large
        raise SearchIndexError(str(exc)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise SearchIndexError(f"{path}{where}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise SearchIndexError(f"{path}: expected a mapping of language to synonyms")
    out: dict[str, dict[str, list[str]]] = {}
    for lang, table in data.items():
        if not isinstance(table, dict) or not all(
            isinstance(v, list) and all(isinstance(w, str) for w in v) for v in table.values()
        ):
            raise SearchIndexError(
                f"{path}: under {lang!r}, write `canonical: [variant, ...]` entries"
            )
        out[str(lang)] = {str(k): list(v) for k, v in table.items()}
    return out


_TAG = re.compile(r"<[^>]+>")
_MATCHERS: dict[str, Any] = {}


def _matcher(canonical: str) -> Any:
    """A test ``(plain, lowered) -> bool`` for ``canonical`` in plain text.

    Chinese words match anywhere; others match as whole words in any case,
    with the lowered text as a quick first test.
    """
    found = _MATCHERS.get(canonical)
    if found is None:
        if HAN_RUN.search(canonical):
            found = lambda plain, lowered, word=canonical: word in plain  # noqa: E731
        else:
            pattern = re.compile(rf"(?i)(?<![\w-]){re.escape(canonical)}(?![\w-])")
            low = canonical.lower()
            found = lambda plain, lowered: low in lowered and pattern.search(plain) is not None  # noqa: E731
        _MATCHERS[canonical] = found
    return found


_COMPILED: dict[int, tuple[Mapping[str, list[str]], list[tuple[Any, list[str]]]]] = {}


def _compiled(table: Mapping[str, list[str]]) -> list[tuple[Any, list[str]]]:
    """``(matcher, variants)`` for each entry of one language's table, made once per table."""
    entry = _COMPILED.get(id(table))
    if entry is None or entry[0] is not table:
        if len(_COMPILED) > 16:
            _COMPILED.clear()
        entry = _COMPILED[id(table)] = (table, [(_matcher(c), v) for c, v in table.items()])
    return entry[1]


def synonym_keywords(text: str, lang: str, synonyms: Synonyms) -> list[str]:
    """Variants of the canonical words that ``text`` contains."""
    table = synonyms.get(lang)
    if not table:
        return []
    plain = text.replace(ZWSP, "")
    if "<" in plain:
        plain = _TAG.sub(" ", plain)
    lowered = plain.lower()
    found: list[str] = []
    for matches, variants in _compiled(table):
        if matches(plain, lowered):
            found.extend(variants)
    return found


def chinese(lang: str) -> bool:
    """Whether ``lang`` (``zh``, ``zh-Hant``, ``zh-TW``...) is written in Chinese characters."""
    return lang.split("-")[0].lower() == "zh"


def language_config(lang: str) -> dict[str, Any]:
    """The index ``config`` (lunr languages, separator, pipeline, fields) for ``lang``."""
    langs, pipeline = PIPELINES.get("zh" if chinese(lang) else lang, PIPELINES["en"])
    fields = dict(FIELDS)
    return {
        "lang": list(langs),
        "separator": SEPARATOR,
        "pipeline": list(pipeline),
        "fields": fields,
        MARKER: {"lang": lang},
    }


def prepare_doc(
    doc: Mapping[str, Any], lang: str, segmenter: Segmenter, synonyms: Synonyms | None = None
) -> dict[str, Any]:
    """One index entry, with Chinese text re-segmented and hidden keywords added.

    ``kt`` holds the keywords of the title, ``kw`` those of the text: whole
    compounds and sub-words (Chinese), and synonyms (both languages).
    """
    out = dict(doc)
    for key, hidden in (("title", "kt"), ("text", "kw")):
        value = out.get(key)
        if not isinstance(value, str):
            continue
        keywords = synonym_keywords(value, lang, synonyms or {})
        if chinese(lang):
            out[key], found = segmenter.segment(value)
            keywords.extend(found)
        else:
            out[key] = value.replace(ZWSP, " ").strip()
        unique = list(dict.fromkeys(keywords))
        if unique:
            out[hidden] = " ".join(unique)
    return out


def traditional_map(docs: Iterable[Mapping[str, Any]]) -> str:
    """The ``t2s`` entry of a Chinese index: ``繁简繁简...`` pairs.

    Only Traditional characters whose Simplified form the entries' text or
    hidden keywords use, since others could not match anything (帳 -> 帐
    matches 帐户, a variant of 账户 in ``data/search_synonyms.yml``), and none
    the text uses itself (乾 of 乾坤 stays 乾). Where the text uses more than
    one of a character's forms, the one it uses most.
    """
    values = [
        value
        for doc in docs
        for key in ("title", "text", "kt", "kw")
        if isinstance(value := doc.get(key), str)
    ]
    used: set[str] = set()
    for value in values:
        used.update(value)
    try:
        table, sources = hanzi.traditional_characters(), hanzi.traditional_of()
    except hanzi.CharacterTableMissing as exc:
        raise SearchIndexError(str(exc)) from exc
    pairs: list[str] = []
    text = None  # all of it, joined the first time forms are counted
    for source in sorted({source for char in used for source in sources.get(char, ())}):
        if source in used:
            continue
        present = [form for form in table[source] if form in used]
        if len(present) > 1:
            text = "\n".join(values) if text is None else text
            present.sort(key=text.count, reverse=True)
        pairs.append(source + present[0])
    return "".join(pairs)


def split_index(
    merged: Mapping[str, Any],
    prefixes: Mapping[str, str],
    segmenter: Segmenter,
    synonyms: Synonyms | None = None,
) -> dict[str, dict[str, Any]]:
    """Split the theme's merged index into one index per language.

    Locations become relative to the language root (``en/faq.html`` ->
    ``faq.html`` in the English index).
    """
    docs = merged.get("docs")
    if not isinstance(docs, list):
        raise SearchIndexError("search index has no 'docs' list")
    if MARKER in (merged.get("config") or {}):
        raise SearchIndexError("search index was already split by language")
    per_lang: dict[str, list[dict[str, Any]]] = {lang: [] for lang in prefixes}
    for doc in docs:
        location = str(doc.get("location", ""))
        lang = language_of(location, prefixes)
        entry = prepare_doc(doc, lang, segmenter, synonyms)
        entry["location"] = location[len(prefixes[lang]) :]
        per_lang[lang].append(entry)
    out: dict[str, dict[str, Any]] = {}
    for lang, entries in per_lang.items():
        config = language_config(lang)
        if chinese(lang):
            config["t2s"] = traditional_map(entries)
        out[lang] = {"config": config, "docs": entries}
    return out


def dumps(index: Mapping[str, Any]) -> str:
    """Compact JSON, as the theme writes it."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def write_indexes(
    site_dir: Path, indexes: Mapping[str, Mapping[str, Any]], prefixes: Mapping[str, str]
) -> dict[str, Path]:
    """Write ``search/search_index.json`` and ``.js`` under each language root."""
    written: dict[str, Path] = {}
    for lang, index in indexes.items():
        folder = site_dir / prefixes[lang] / "search"
        folder.mkdir(parents=True, exist_ok=True)
        data = dumps(index)
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        (folder / "search_index.js").write_text(index_script(data), encoding="utf-8")
        written[lang] = folder / "search_index.json"
    return written


def build_language_indexes(
    site_dir: Path,
    prefixes: Mapping[str, str],
    userdict: Path | None,
    synonyms: Path | None = None,
) -> dict[str, Path]:
    """Read the theme's merged ``site/search/search_index.json``; write per-language ones."""
    source = site_dir / "search" / "search_index.json"
    try:
        merged = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SearchIndexError(f"{source} is missing: is the search plugin enabled?") from exc
    except json.JSONDecodeError as exc:
        raise SearchIndexError(f"{source} line {exc.lineno}: not valid JSON ({exc.msg})") from exc
    indexes = split_index(merged, prefixes, segmenter_for(userdict), load_synonyms(synonyms))
    return write_indexes(site_dir, indexes, prefixes)


def index_sizes(site_dir: Path, prefixes: Mapping[str, str]) -> dict[str, int]:
    """Size in bytes of each language's ``search_index.json``."""
    return {
        lang: (site_dir / pre / "search" / "search_index.json").stat().st_size
        for lang, pre in prefixes.items()
    }
