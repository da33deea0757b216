"""Synthetic help-center articles in Chinese and English, for benchmarks.

:func:`generate` writes ``n`` articles per language into ``docs/zh/`` and
``docs/en/`` (same file names in both trees, as the site requires), spread
over the site's sections (contact/, troubleshooting/, safety/, about/, faq/).
Articles are assembled from :mod:`.vocabulary`: a title, an introduction,
causes, numbered steps, a warning admonition, a contact paragraph that uses
registry markers (``<!-- hc:channel support-email -->``) and links to related
generated articles. The output is deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from benchmarks.vocabulary import SECTION_WEIGHTS, SECTIONS, TEMPLATES, TOPICS, WHERE
from helpcenter.site.markers import MARKER_RE

CONTACT_LINES = min(len(tpl["contact"]) for tpl in TEMPLATES.values())
"""Closing contact lines; line ``i`` names the same channels in every language."""

LANGS = ("zh", "en")
"""The site languages, in the order articles are written."""


@dataclass(frozen=True)
class GeneratedSet:
    """What :func:`generate` wrote."""

    docs_dir: Path
    """The ``docs/`` directory the articles went into."""
    per_lang: int
    """Articles per language."""
    files: tuple[str, ...]
    """Paths relative to the language folder (the same for both languages)."""
    bytes_by_lang: dict[str, int]
    """Total Markdown bytes written per language."""


def plan(n: int, seed: int = 1) -> list[tuple[str, str, str]]:
    """``n`` (section, topic, file name) triples spread over the sections by weight."""
    rng = random.Random(seed)
    sections = list(SECTION_WEIGHTS)
    counts = {s: n * SECTION_WEIGHTS[s] // 100 for s in sections}
    for i in range(n - sum(counts.values())):
        counts[sections[i % len(sections)]] += 1
    out: list[tuple[str, str, str]] = []
    for section in sections:
        for i in range(counts[section]):
            topic = rng.choice(SECTIONS[section])
            out.append((section, topic, f"{section}/{topic}-{i + 1:04d}.md"))
    return out


def _fill(
    template: str, vocab: dict[str, list[str]], rng: random.Random, fixed: dict[str, str]
) -> str:
    cause = rng.choice(vocab["cause"])
    values = {
        "cause": cause,
        "Cause": cause[:1].upper() + cause[1:],
        "tip": rng.choice(vocab["tip"]),
        **fixed,
    }
    return template.format(**values)


def article(
    lang: str,
    topic: str,
    rng: random.Random,
    related: list[tuple[str, str]],
    channel_ids: set[str],
    contact: int = 0,
) -> tuple[str, str]:
    """One article as ``(title, markdown)``.

    ``related`` holds ``(title, relative link)`` pairs to list at the end;
    ``channel_ids`` are the active registry ids a marker may name (a marker
    whose id is missing from it is dropped, so the text stays valid against
    whatever registry the project has). ``contact`` picks the closing contact
    line: the same number gives the same channels in every language, as the
    translation check requires of a page and its translation.
    """
    vocab = TOPICS[topic][lang]
    tpl = TEMPLATES[lang]
    # One problem and one place per article, so title and text agree.
    fixed = {"problem": rng.choice(vocab["problem"]), "where": rng.choice(WHERE[lang])}
    title = _fill(rng.choice(tpl["title"]), vocab, rng, fixed)
    if lang == "en":
        title = title[:1].upper() + title[1:]
    sep = "" if lang == "zh" else " "
    end = "。" if lang == "zh" else "."
    lines = [f"# {title}", "", _fill(rng.choice(tpl["intro"]), vocab, rng, fixed), ""]
    headings = [tpl["h2"][0], tpl["h2"][1], rng.choice(tpl["h2"][2:])]
    lines += [f"## {headings[0]}", ""]
    for cause in rng.sample(vocab["cause"], k=min(3, len(vocab["cause"]))):
        line = rng.choice(tpl["cause_line"]).format(
            cause=cause, Cause=cause[:1].upper() + cause[1:]
        )
        lines.append(f"- {line}")
    lines += ["", f"## {headings[1]}", ""]
    steps = rng.sample(vocab["step"], k=min(len(vocab["step"]), rng.randint(3, 6)))
    lines += [f"{i}. {step}{end}" for i, step in enumerate(steps, 1)]
    lines += ["", sep.join(_fill(rng.choice(tpl["para"]), vocab, rng, fixed) for _ in range(3)), ""]
    note_title, note_text = tpl["warning"]
    lines += [f'!!! warning "{note_title}"', "", f"    {note_text}", ""]
    lines += [f"## {headings[2]}", ""]
    lines += [sep.join(_fill(rng.choice(tpl["para"]), vocab, rng, fixed) for _ in range(2)), ""]
    lines += [_usable(tpl["contact"][contact % len(tpl["contact"])], channel_ids), ""]
    if related:
        lines += [f"## {tpl['related']}", ""]
        lines += [f"- [{text}]({link})" for text, link in related]
        lines.append("")
    return title, "\n".join(lines)


def _usable(text: str, channel_ids: set[str]) -> str:
    """``text`` without markers that name a channel the registry lacks."""

    def keep(match: re.Match[str]) -> str:
        args = match.group("args").split()
        return match.group(0) if not args or args[0] in channel_ids else ""

    return MARKER_RE.sub(keep, text)


def active_channel_ids(project: Path) -> set[str]:
    """Ids of the active channels in ``project``'s registry (``data/channels.yml``)."""
    from helpcenter.registry.load import load_registry

    registry = load_registry(project / "data" / "channels.yml")
    return {c.id for c in registry.active_channels}


def generate(
    docs_dir: Path,
    n: int,
    seed: int = 1,
    channel_ids: set[str] | None = None,
    langs: tuple[str, ...] = LANGS,
) -> GeneratedSet:
    """Write ``n`` articles per language under ``docs_dir/<lang>/``.

    Existing files are left alone; generated names (``<section>/<topic>-NNNN.md``)
    do not collide with the site's own article names.
    """
    ids = (
        channel_ids
        if channel_ids is not None
        else {"live-chat", "support-email", "security-email", "kyc-email"}
    )
    triples = plan(n, seed)
    sizes: dict[str, int] = {}
    for lang in langs:
        rng = random.Random(f"{seed}-{lang}")
        # Titles first, so related links can quote them.
        titles = [
            article(lang, topic, random.Random(f"{seed}-{lang}-{i}"), [], ids)[0]
            for i, (_section, topic, _name) in enumerate(triples)
        ]
        total = 0
        for i, (_section, topic, name) in enumerate(triples):
            picks = rng.sample(range(len(triples)), k=min(3, len(triples)))
            related = [(titles[j], _relative(name, triples[j][2])) for j in picks if j != i]
            contact = random.Random(f"{seed}-{i}").randrange(CONTACT_LINES)
            _title, text = article(
                lang, topic, random.Random(f"{seed}-{lang}-{i}"), related, ids, contact
            )
            path = docs_dir / lang / name
            path.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            path.write_bytes(data)
            total += len(data)
        sizes[lang] = total
    if len(langs) > 1:
        # A maintained site records which source revision each translation
        # matches; unstamped pages would each print a NOTE in every build.
        from helpcenter.checks.i18n.revision import stamp

        generated = {f"{lang}/{name}" for lang in langs[1:] for *_, name in triples}
        stamp(docs_dir, langs, langs[0], only=generated)
        sizes = {
            lang: sum((docs_dir / lang / name).stat().st_size for *_, name in triples)
            for lang in langs
        }
    return GeneratedSet(docs_dir, n, tuple(t[2] for t in triples), sizes)


def _relative(src: str, dest: str) -> str:
    """Markdown link from one article to another inside the same language tree."""
    src_dir = src.split("/")[:-1]
    dest_parts = dest.split("/")
    common = 0
    while (
        common < len(src_dir)
        and common < len(dest_parts) - 1
        and src_dir[common] == dest_parts[common]
    ):
        common += 1
    return "/".join([".."] * (len(src_dir) - common) + dest_parts[common:])
