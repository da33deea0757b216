"""What a change does to contact details: the reviewer's view of a pull request.

:func:`compare` takes a git ref and reports, as plain data
(:class:`ChangeReport`), what the change since that ref does to

* the registry (``data/channels.yml``): channels added, removed, retired,
  reactivated, and channels whose value, type or label changed; official
  domains, allowed domains and known scams added or removed;
* every article under ``docs/``: contact details (official or not, as the
  contact guard finds them) and channel references
  (``<!-- hc:channel ID -->`` markers) added or removed.

What "the change" means: from the merge base of the ref and ``HEAD`` (what
GitHub shows as a pull request's diff, so commits that landed on the base
branch meanwhile are not reported as reverted) to the working tree, including
files not yet committed (untracked ones too, unless git ignores them). With
``head_only`` the new side is ``HEAD`` instead of the working tree.

:func:`render_markdown` writes the report in Chinese and English, ready for
``$GITHUB_STEP_SUMMARY``. Nothing here imports MkDocs.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import yaml

from helpcenter.yamlload import safe_load

if TYPE_CHECKING:
    from helpcenter.registry import Registry

LANGS = ("zh", "en")


class GitError(Exception):
    """git could not answer: not a repository, or a ref that does not exist."""


# -- data --------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class ChannelChange:
    """One change to one channel of the registry."""

    channel_id: str
    """The channel's ``id``."""
    kind: str
    """``added``, ``removed``, ``retired``, ``reactivated``, ``value``, ``type`` or ``label``."""
    old: str = ""
    """The value before (for ``label``: the label in :attr:`lang`)."""
    new: str = ""
    """The value after."""
    lang: str = ""
    """For ``label``: which language's label changed."""
    replaced_by: str = ""
    """For ``retired``: the channel to use instead, when the registry names one."""


@dataclass(frozen=True, order=True)
class ListChange:
    """An entry added to or removed from one of the registry's lists."""

    section: str
    """``official_domains``, ``allowed_domains`` or ``known_scams``."""
    change: str
    """``added`` or ``removed``."""
    value: str
    """The entry (for a known scam: its value, with its type in :attr:`type`)."""
    type: str = ""
    """For a known scam: its channel type."""


@dataclass(frozen=True, order=True)
class Contact:
    """One contact detail found in one version of an article."""

    line: int
    """1-based line in that version."""
    column: int
    """1-based column."""
    kind: str
    """What it is: ``email``, ``phone``, ``url``, ``social``, ``wallet``, ..."""
    value: str
    """As written in the article."""
    key: str
    """Canonical form; two spellings of one contact share it."""
    verdict: str
    """``official`` or what the guard says it is (``unknown``, ``scam``, ``lookalike``, ...)."""


@dataclass(frozen=True, order=True)
class ContactChange:
    """A contact detail that appears in or disappears from an article."""

    path: str
    """The article (POSIX path from the repository root)."""
    change: str
    """``added`` or ``removed``."""
    contact: Contact
    """The contact; its line is in the new version when added, the old one when removed."""


@dataclass(frozen=True, order=True)
class ReferenceChange:
    """A channel marker that appears in or disappears from an article."""

    path: str
    """The article."""
    change: str
    """``added`` or ``removed``."""
    line: int
    """1-based line (new version when added, old version when removed)."""
    marker: str
    """``channel``, ``channel-label`` or ``channels``."""
    target: str
    """The channel id (or channel type for ``channels``)."""


@dataclass
class ChangeReport:
    """Everything :func:`compare` found, in a stable order."""

    base_ref: str
    """The ref as the user gave it."""
    base_commit: str
    """The commit compared against (the merge base), full hash."""
    new_side: str
    """``working tree`` or ``HEAD``."""
    registry_path: str
    """The registry file compared."""
    channels: list[ChannelChange] = field(default_factory=list)
    lists: list[ListChange] = field(default_factory=list)
    contacts: list[ContactChange] = field(default_factory=list)
    references: list[ReferenceChange] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Files that could not be read (e.g. a registry that is not valid YAML)."""

    @property
    def empty(self) -> bool:
        """Whether the change touches no channel and no contact detail."""
        return not (self.channels or self.lists or self.contacts or self.references)


# -- git ---------------------------------------------------------------------


def _git(root: Path, *args: str) -> bytes:
    try:
        proc = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, check=False, timeout=60
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed") from exc
    if proc.returncode != 0:
        raise GitError(proc.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return proc.stdout


def repo_root(start: Path) -> Path:
    """The top directory of the git repository containing ``start``."""
    try:
        out = _git(start, "rev-parse", "--show-toplevel")
    except GitError as exc:
        raise GitError(f"{start} is not inside a git repository") from exc
    return Path(out.decode().strip())


def resolve_base(root: Path, base_ref: str) -> str:
    """The merge base of ``base_ref`` and ``HEAD`` (or ``base_ref`` itself without one)."""
    if base_ref.startswith("-"):
        raise GitError(f"'{base_ref}' is not a git ref")
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{base_ref}^{{commit}}")
    except GitError as exc:
        raise GitError(f"unknown git ref '{base_ref}'") from exc
    commit_hash = commit.decode().strip()
    try:
        return _git(root, "merge-base", commit_hash, "HEAD").decode().strip()
    except GitError:
        return commit_hash


def _changed_paths(
    root: Path, base: str, head_only: bool, pathspecs: list[str]
) -> list[tuple[str | None, str | None]]:
    """``(old_path, new_path)`` of every changed file; ``None`` where it does not exist."""
    args = ["diff", "--name-status", "-z", "-M", "--no-ext-diff", base]
    if head_only:
        args.append("HEAD")
    out = _git(root, *args, "--", *pathspecs).decode("utf-8", "replace")
    parts = out.split("\0")
    pairs: list[tuple[str | None, str | None]] = []
    i = 0
    while i < len(parts) and parts[i]:
        status = parts[i]
        if status[0] in "RC":
            old, new = parts[i + 1], parts[i + 2]
            pairs.append((old if status[0] == "R" else None, new))
            i += 3
            continue
        path = parts[i + 1]
        if status[0] == "A":
            pairs.append((None, path))
        elif status[0] == "D":
            pairs.append((path, None))
        else:
            pairs.append((path, path))
        i += 2
    if not head_only:
        untracked = _git(root, "ls-files", "-z", "--others", "--exclude-standard", "--", *pathspecs)
        pairs.extend((None, p) for p in untracked.decode("utf-8", "replace").split("\0") if p)
    return pairs


def _read_old(root: Path, commit: str, path: str) -> str | None:
    try:
        return _git(root, "show", f"{commit}:{path}").decode("utf-8", "replace")
    except GitError:
        return None


def _read_new(root: Path, path: str, head_only: bool) -> str | None:
    if head_only:
        return _read_old(root, "HEAD", path)
    file = root / path
    try:
        return file.read_bytes().decode("utf-8", "replace")
    except OSError:
        return None


# -- registry ----------------------------------------------------------------


def _label(entry: dict[str, Any], lang: str) -> str:
    label = entry.get("label")
    if isinstance(label, dict):
        return str(label.get(lang, "") or "")
    return ""


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _channel_type(entry: dict[str, Any]) -> str:
    ctype = _text(entry.get("type"))
    platform = _text(entry.get("platform"))
    return f"{ctype}/{platform}" if platform else ctype


def _load_yaml(text: str | None, path: str, side: str, problems: list[str]) -> dict[str, Any]:
    if text is None:
        return {}
    try:
        data = safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else path
        problems.append(f"{where} ({side}): not valid YAML")
        return {}
    if not isinstance(data, dict):
        problems.append(f"{path} ({side}): not a mapping")
        return {}
    return data


def _channels_by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for entry in data.get("channels") or []:
        if isinstance(entry, dict) and entry.get("id") is not None:
            out.setdefault(str(entry["id"]), entry)
    return out


def _str_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def diff_registry(
    old_text: str | None, new_text: str | None, path: str = "data/channels.yml"
) -> tuple[list[ChannelChange], list[ListChange], list[str]]:
    """Channel and list changes between two versions of the registry file.

    Works on the raw YAML, so a registry that fails validation is still
    compared (the check reports what is wrong with it).
    """
    problems: list[str] = []
    old = _load_yaml(old_text, path, "before", problems)
    new = _load_yaml(new_text, path, "after", problems)
    old_ch, new_ch = _channels_by_id(old), _channels_by_id(new)
    changes: list[ChannelChange] = []
    for cid in sorted(new_ch.keys() - old_ch.keys()):
        entry = new_ch[cid]
        changes.append(ChannelChange(cid, "added", new=_text(entry.get("value")), lang=""))
    for cid in sorted(old_ch.keys() - new_ch.keys()):
        changes.append(ChannelChange(cid, "removed", old=_text(old_ch[cid].get("value"))))
    for cid in sorted(old_ch.keys() & new_ch.keys()):
        before, after = old_ch[cid], new_ch[cid]
        was, now = _text(before.get("status")), _text(after.get("status"))
        if was != now and now == "retired":
            changes.append(
                ChannelChange(
                    cid, "retired", old=was, new=now, replaced_by=_text(after.get("replaced_by"))
                )
            )
        elif was != now and was == "retired":
            changes.append(ChannelChange(cid, "reactivated", old=was, new=now))
        if _text(before.get("value")) != _text(after.get("value")):
            changes.append(
                ChannelChange(
                    cid, "value", old=_text(before.get("value")), new=_text(after.get("value"))
                )
            )
        if _channel_type(before) != _channel_type(after):
            changes.append(
                ChannelChange(cid, "type", old=_channel_type(before), new=_channel_type(after))
            )
        for lang in LANGS:
            if _label(before, lang) != _label(after, lang):
                changes.append(
                    ChannelChange(
                        cid, "label", old=_label(before, lang), new=_label(after, lang), lang=lang
                    )
                )
    lists: list[ListChange] = []
    org_old = old.get("organization") if isinstance(old.get("organization"), dict) else {}
    org_new = new.get("organization") if isinstance(new.get("organization"), dict) else {}
    sections = {
        "official_domains": (
            _str_list(org_old.get("official_domains")),
            _str_list(org_new.get("official_domains")),
        ),
        "allowed_domains": (
            _str_list(old.get("allowed_domains")),
            _str_list(new.get("allowed_domains")),
        ),
    }
    for section, (before_list, after_list) in sections.items():
        for value in sorted(set(after_list) - set(before_list)):
            lists.append(ListChange(section, "added", value))
        for value in sorted(set(before_list) - set(after_list)):
            lists.append(ListChange(section, "removed", value))

    def scams(data: dict[str, Any]) -> set[tuple[str, str]]:
        return {
            (_text(s.get("type")), _text(s.get("value")))
            for s in data.get("known_scams") or []
            if isinstance(s, dict)
        }

    for ctype, value in sorted(scams(new) - scams(old)):
        lists.append(ListChange("known_scams", "added", value, type=ctype))
    for ctype, value in sorted(scams(old) - scams(new)):
        lists.append(ListChange("known_scams", "removed", value, type=ctype))
    return changes, lists, problems


# -- articles ----------------------------------------------------------------

MARKER_RE = re.compile(r"<!--\s*hc:(channel-label|channel|channels)\s+([A-Za-z0-9_-]+)\s*-->")
"""The inline and block markers that show a channel (see CONTRIBUTING.md)."""

ContactFinder = Callable[[str, str], list[Contact]]
"""``(text, path) -> contacts``: every contact detail in one version of an article."""


def article_lang(path: str) -> str:
    """The language of an article from its path (``docs/en/...`` is English, else Chinese)."""
    parts = PurePosixPath(path).parts
    return "en" if "en" in parts[:3] else "zh"


def channel_references(text: str) -> list[tuple[int, str, str]]:
    """``(line, marker, target)`` of every channel marker in ``text``."""
    refs = []
    for number, line in enumerate(text.splitlines(), start=1):
        refs.extend((number, m.group(1), m.group(2)) for m in MARKER_RE.finditer(line))
    return refs


def _multiset_diff(old: list[Any], new: list[Any], key: Callable[[Any], Any]) -> tuple[list, list]:
    """Items of ``new`` beyond ``old``'s count of their key, and the reverse."""
    old_count = Counter(key(x) for x in old)
    new_count = Counter(key(x) for x in new)
    added, seen = [], Counter()
    for item in new:
        seen[key(item)] += 1
        if seen[key(item)] > old_count[key(item)]:
            added.append(item)
    removed, seen = [], Counter()
    for item in old:
        seen[key(item)] += 1
        if seen[key(item)] > new_count[key(item)]:
            removed.append(item)
    return added, removed


def diff_article(
    path: str, old_text: str | None, new_text: str | None, find_contacts: ContactFinder
) -> tuple[list[ContactChange], list[ReferenceChange]]:
    """Contacts and channel references added to or removed from one article."""
    old_contacts = find_contacts(old_text, path) if old_text is not None else []
    new_contacts = find_contacts(new_text, path) if new_text is not None else []
    added, removed = _multiset_diff(old_contacts, new_contacts, key=lambda c: c.key)
    contacts = [ContactChange(path, "added", c) for c in added]
    contacts += [ContactChange(path, "removed", c) for c in removed]
    old_refs = channel_references(old_text or "")
    new_refs = channel_references(new_text or "")
    added_refs, removed_refs = _multiset_diff(old_refs, new_refs, key=lambda r: r[1:])
    refs = [ReferenceChange(path, "added", *r) for r in added_refs]
    refs += [ReferenceChange(path, "removed", *r) for r in removed_refs]
    return contacts, refs


def compare(
    base_ref: str,
    *,
    cwd: Path | None = None,
    registry: str = "data/channels.yml",
    docs: str = "docs",
    head_only: bool = False,
    find_contacts: ContactFinder | None = None,
) -> ChangeReport:
    """Compare the merge base of ``base_ref`` and ``HEAD`` with the working tree (or ``HEAD``).

    ``registry`` and ``docs`` are relative to the repository root.
    ``find_contacts`` defaults to the contact guard's extraction against the
    new version of the registry. Raises :class:`GitError` for a bad ref or
    when ``cwd`` is not in a git repository.
    """
    root = repo_root(cwd or Path.cwd())
    base = resolve_base(root, base_ref)
    registry = PurePosixPath(registry).as_posix()
    docs = PurePosixPath(docs).as_posix().rstrip("/")
    report = ChangeReport(
        base_ref=base_ref,
        base_commit=base,
        new_side="HEAD" if head_only else "working tree",
        registry_path=registry,
    )
    pairs = _changed_paths(root, base, head_only, [registry, docs])
    registry_pairs = [p for p in pairs if registry in p]
    if registry_pairs:
        old_path, new_path = registry_pairs[0]
        old_text = _read_old(root, base, old_path) if old_path else None
        new_text = _read_new(root, new_path, head_only) if new_path else None
        report.channels, report.lists, report.problems = diff_registry(old_text, new_text, registry)
    articles = [
        (old, new)
        for old, new in pairs
        if registry not in (old, new) and (old or new or "").endswith(".md")
    ]
    if articles and find_contacts is None:
        judge_with = _registry_for_judging(root, base, registry, head_only, report.problems)
        find_contacts = guard_contact_finder(judge_with) if judge_with else _no_contacts
    for old_path, new_path in sorted(articles, key=lambda p: p[1] or p[0] or ""):
        old_text = _read_old(root, base, old_path) if old_path else None
        new_text = _read_new(root, new_path, head_only) if new_path else None
        assert find_contacts is not None
        contacts, refs = diff_article(new_path or old_path or "", old_text, new_text, find_contacts)
        report.contacts += contacts
        report.references += refs
    return report


def _no_contacts(text: str, path: str) -> list[Contact]:
    return []


def _registry_for_judging(
    root: Path, base: str, registry: str, head_only: bool, problems: list[str]
) -> Registry | None:
    """The new registry if it is valid, else the base one (saying so), else ``None``."""
    from helpcenter.registry import RegistryError, load_registry

    candidates = (
        ("after", _read_new(root, registry, head_only)),
        ("before", _read_old(root, base, registry)),
    )
    with tempfile.TemporaryDirectory(prefix="hc-diff-") as tmp:
        for side, text in candidates:
            if text is None:
                continue
            path = Path(tmp) / f"{side}-{PurePosixPath(registry).name}"
            path.write_text(text, encoding="utf-8")
            try:
                loaded = load_registry(path)
            except RegistryError:
                problems.append(
                    f"{registry} ({side}): not a valid registry; "
                    "run `python -m helpcenter registry` to see why"
                )
                continue
            return loaded
    return None


def guard_contact_finder(registry: Registry) -> ContactFinder:
    """A :data:`ContactFinder` that lists what the contact guard sees, official or not.

    The guard itself reports only problems; a reviewer also wants to see
    official contacts come and go, so this walks the guard's extraction and
    verdicts for every candidate (registry markers excepted, as in the guard).
    """
    from helpcenter.guard import scan
    from helpcenter.guard.detectors import detect_all
    from helpcenter.guard.extract import Source, structure

    index = scan.index_for(registry)

    def find(text: str, path: str) -> list[Contact]:
        region = scan.region_for(path)
        src = Source(text)
        st = structure(src)
        out: list[Contact] = []
        for cand in detect_all(src.norm, region):
            if any(s <= cand.start < e for s, e in st.markers):
                continue
            in_target = any(s <= cand.start < e for s, e in st.targets)
            if (
                in_target
                and cand.kind == "domain"
                and not scan._absolute_target(src.norm, cand, st)
            ):
                continue  # a relative link such as "contact/email.md"
            start = src.orig(cand.start)
            line, column = src.line_col(start)
            written = src.text[start : src.orig_end(cand.end)]
            if cand.kind == "wallet":
                out.append(
                    Contact(line, column, "wallet", written, f"wallet:{cand.text}", "wallet")
                )
                continue
            judgement = scan.judge(index, cand, region)
            if judgement is None:
                continue
            bare_word = cand.kind == "handle" and cand.platform is None and not cand.strong
            if bare_word and judgement.verdict == "unknown":
                continue  # an @word with no contact word nearby, as in the guard
            if judgement.kind == "host":
                key = "url:" + cand.text.lower().rstrip("/.")
                kind = "website"
            else:
                key = f"{judgement.kind}:{judgement.value}"
                kind = judgement.kind
            out.append(Contact(line, column, kind, written, key, judgement.verdict))
        return out

    return find


# -- rendering ---------------------------------------------------------------

_TEXT: dict[str, dict[str, str]] = {
    "title": {"zh": "渠道与联系方式变更", "en": "Channel and contact changes"},
    "compared": {
        "zh": "比较范围:`{base}`(共同祖先 `{commit}`)→ {side}。",
        "en": "Compared: `{base}` (merge base `{commit}`) → {side}.",
    },
    "working tree": {
        "zh": "工作区(含未提交的修改)",
        "en": "the working tree (uncommitted edits included)",
    },
    "HEAD": {"zh": "`HEAD`", "en": "`HEAD`"},
    "none": {
        "zh": "没有修改任何渠道或文章中的联系方式。",
        "en": "No change to any channel or to contact details in articles.",
    },
    "registry": {"zh": "渠道登记表 `{path}`", "en": "Registry `{path}`"},
    "articles": {"zh": "文章中的联系方式", "en": "Contact details in articles"},
    "references": {"zh": "文章中的渠道引用", "en": "Channel references in articles"},
    "problems": {"zh": "无法读取", "en": "Could not read"},
    "ch.added": {"zh": "新增渠道 {id}:{new}", "en": "Channel added {id}: {new}"},
    "ch.removed": {
        "zh": "删除渠道 {id}:{old}(停用的渠道应标记为 retired,而不是删除)",
        "en": "Channel removed {id}: {old} "
        "(a channel that stops being official should be retired, not deleted)",
    },
    "ch.retired": {"zh": "渠道停用 {id}", "en": "Channel retired {id}"},
    "ch.retired.by": {
        "zh": "渠道停用 {id},由 {replaced_by} 取代",
        "en": "Channel retired {id}, replaced by {replaced_by}",
    },
    "ch.reactivated": {"zh": "渠道重新启用 {id}", "en": "Channel reactivated {id}"},
    "ch.value": {
        "zh": "渠道 {id} 的值变更:{old} → {new}",
        "en": "Value of {id} changed: {old} → {new}",
    },
    "ch.type": {
        "zh": "渠道 {id} 的类型变更:{old} → {new}",
        "en": "Type of {id} changed: {old} → {new}",
    },
    "ch.label": {
        "zh": "渠道 {id} 的{lang}名称变更:{old} → {new}",
        "en": "{lang} label of {id} changed: {old} → {new}",
    },
    "label.zh": {"zh": "中文", "en": "Chinese"},
    "label.en": {"zh": "英文", "en": "English"},
    "list.official_domains.added": {
        "zh": "新增官方域名 {value}",
        "en": "Official domain added {value}",
    },
    "list.official_domains.removed": {
        "zh": "删除官方域名 {value}",
        "en": "Official domain removed {value}",
    },
    "list.allowed_domains.added": {
        "zh": "新增允许链接的域名 {value}",
        "en": "Allowed link domain added {value}",
    },
    "list.allowed_domains.removed": {
        "zh": "删除允许链接的域名 {value}",
        "en": "Allowed link domain removed {value}",
    },
    "list.known_scams.added": {
        "zh": "新增已知诈骗({type}){value}",
        "en": "Known scam added ({type}) {value}",
    },
    "list.known_scams.removed": {
        "zh": "删除已知诈骗({type}){value}",
        "en": "Known scam removed ({type}) {value}",
    },
    "contact.added": {
        "zh": "{path} 第 {line} 行 **新增** {kind} {value}:{verdict}",
        "en": "{path} line {line} **added** {kind} {value}: {verdict}",
    },
    "contact.removed": {
        "zh": "{path} 第 {line} 行(修改前)**删除** {kind} {value}:{verdict}",
        "en": "{path} line {line} (before) **removed** {kind} {value}: {verdict}",
    },
    "ref.added": {
        "zh": "{path} 第 {line} 行 新增引用 {marker} {target}",
        "en": "{path} line {line} reference added {marker} {target}",
    },
    "ref.removed": {
        "zh": "{path} 第 {line} 行(修改前)删除引用 {marker} {target}",
        "en": "{path} line {line} (before) reference removed {marker} {target}",
    },
    "verdict.official": {"zh": "官方渠道", "en": "official"},
    "verdict.retired": {"zh": "⚠️ 已停用的渠道", "en": "⚠️ retired channel"},
    "verdict.scam": {"zh": "⛔ 已知诈骗", "en": "⛔ known scam"},
    "verdict.lookalike": {"zh": "⛔ 仿冒官方渠道", "en": "⛔ lookalike of an official channel"},
    "verdict.unknown": {"zh": "⚠️ 不在渠道登记表中", "en": "⚠️ not in the registry"},
    "verdict.external": {
        "zh": "⚠️ 链接到不在登记表中的网站",
        "en": "⚠️ link to a site not in the registry",
    },
    "verdict.allowed": {"zh": "允许链接的网站", "en": "allowed site"},
    "verdict.shortener": {"zh": "⚠️ 短链接", "en": "⚠️ link shortener"},
    "verdict.wallet": {"zh": "⛔ 钱包地址", "en": "⛔ wallet address"},
    "verdict.other": {"zh": "⚠️ {verdict}", "en": "⚠️ {verdict}"},
    "kind.email": {"zh": "邮箱", "en": "email"},
    "kind.phone": {"zh": "电话", "en": "phone"},
    "kind.website": {"zh": "网址", "en": "web address"},
    "kind.social": {"zh": "社交账号", "en": "social account"},
    "kind.wallet": {"zh": "钱包地址", "en": "wallet address"},
}


def _t(key: str, lang: str, /, **params: object) -> str:
    return _TEXT[key][lang].format(**params)


def code(value: str) -> str:
    """``value`` as a Markdown code span that nothing inside it can break out of.

    Values come from the pull request itself, so a backtick, a newline or a
    pipe in them must not turn into markup (or a clickable link) in the summary.
    """
    value = " ".join(value.split()) or " "
    longest = max((len(m) for m in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") or longest else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def _verdict(verdict: str, lang: str) -> str:
    key = f"verdict.{verdict}"
    if key in _TEXT:
        return _t(key, lang)
    return _t("verdict.other", lang, verdict=verdict)


def _channel_line(change: ChannelChange, lang: str) -> str:
    params = {
        "id": code(change.channel_id),
        "old": code(change.old) if change.old else "—",
        "new": code(change.new) if change.new else "—",
        "replaced_by": code(change.replaced_by),
        "lang": _t(f"label.{change.lang}", lang) if change.lang else "",
    }
    key = f"ch.{change.kind}"
    if change.kind == "retired" and change.replaced_by:
        key = "ch.retired.by"
    return _t(key, lang, **params)


def _section(lang: str, report: ChangeReport) -> list[str]:
    out: list[str] = []
    if report.channels or report.lists:
        out += ["", f"#### {_t('registry', lang, path=report.registry_path)}", ""]
        out += [f"- {_channel_line(c, lang)}" for c in report.channels]
        out += [
            "- "
            + _t(
                f"list.{item.section}.{item.change}",
                lang,
                value=code(item.value),
                type=item.type,
            )
            for item in report.lists
        ]
    if report.contacts:
        out += ["", f"#### {_t('articles', lang)}", ""]
        for change in report.contacts:
            c = change.contact
            out.append(
                "- "
                + _t(
                    f"contact.{change.change}",
                    lang,
                    path=code(change.path),
                    line=c.line,
                    kind=_t(f"kind.{c.kind}", lang) if f"kind.{c.kind}" in _TEXT else c.kind,
                    value=code(c.value),
                    verdict=_verdict(c.verdict, lang),
                )
            )
    if report.references:
        out += ["", f"#### {_t('references', lang)}", ""]
        out += [
            "- "
            + _t(
                f"ref.{r.change}",
                lang,
                path=code(r.path),
                line=r.line,
                marker=code(f"hc:{r.marker}"),
                target=code(r.target),
            )
            for r in report.references
        ]
    if report.problems:
        out += ["", f"#### {_t('problems', lang)}", ""]
        out += [f"- {code(p)}" for p in report.problems]
    if report.empty and not report.problems:
        out += ["", _t("none", lang)]
    return out


def render_markdown(report: ChangeReport) -> str:
    """The report as Markdown: a Chinese section, then an English one."""
    lines = [f"## {_t('title', 'zh')} · {_t('title', 'en')}"]
    for lang, heading in (("zh", "中文"), ("en", "English")):
        side = _t(report.new_side, lang)
        lines += ["", f"### {heading}", ""]
        lines.append(
            _t(
                "compared",
                lang,
                base=report.base_ref.replace("`", "'"),
                commit=report.base_commit[:12],
                side=side,
            )
        )
        lines += _section(lang, report)
    return "\n".join(lines) + "\n"
