"""The guard's engine: one page's source in, findings out.

``Source`` (normalised view) -> detectors (candidates) -> decide (verdicts)
-> suppressions -> :class:`~helpcenter.report.finding.Finding` list.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import TYPE_CHECKING

from helpcenter.contacts import normalize
from helpcenter.guard import decide, suppress
from helpcenter.guard.detectors import detect_all, phones
from helpcenter.guard.detectors.base import Candidate
from helpcenter.guard.detectors.phones import CN_DIGITS_RE
from helpcenter.guard.extract import PAGE_SEPARATOR, Source, Structure, structure
from helpcenter.guard.rules import BY_CODE, HINT
from helpcenter.report.finding import Finding

if TYPE_CHECKING:
    from helpcenter.registry.model import Registry

PLATFORM_NAMES = {
    "telegram": "Telegram", "x": "X (Twitter)", "whatsapp": "WhatsApp", "facebook": "Facebook",
    "instagram": "Instagram", "youtube": "YouTube", "discord": "Discord", "tiktok": "TikTok",
    "weibo": "Weibo", "wechat": "WeChat", "qq": "QQ", "linkedin": "LinkedIn", "reddit": "Reddit",
    "line": "LINE", "skype": "Skype", "signal": "Signal", "kakao": "KakaoTalk",
}  # fmt: skip
PLATFORM_NAMES_ZH = {"weibo": "微博", "wechat": "微信", "x": "X(推特)"}

_INDEXES: dict[int, tuple[Registry, decide.Index]] = {}


def index_for(registry: Registry) -> decide.Index:
    """The lookup index of ``registry`` (built once per registry object)."""
    cached = _INDEXES.get(id(registry))
    if cached is None or cached[0] is not registry:
        if len(_INDEXES) >= 8:
            _INDEXES.clear()
        cached = (registry, decide.Index.build(registry))
        _INDEXES[id(registry)] = cached
    return cached[1]


def region_for(path: str, default: str = "CN") -> str:
    """The phone region assumed on a page: ``docs/zh/...`` -> CN, ``docs/en/...`` -> US."""
    parts = path.replace("\\", "/").split("/")
    for lang, region in normalize.DEFAULT_REGION.items():
        if lang in parts[:-1]:
            return region
    return default


@dataclass
class PageResult:
    """Findings and suppressions of one page."""

    findings: list[Finding]
    suppressions: list[suppress.Listed]


class LinkTargets:
    """Where a page's link targets are, and which of them are absolute.

    A domain-shaped word inside a relative target (``contact/email.md``)
    names a file, not a host; the guard and the reviewer's diff both skip it.
    """

    def __init__(self, src: Source, st: Structure) -> None:
        self._norm, self._targets = src.norm, st.targets
        self._starts = [s for s, _ in st.targets]
        self._reach: list[int] | None = None

    def contains(self, cand: Candidate) -> bool:
        """Whether ``cand`` starts inside a link target."""
        i = bisect_right(self._starts, cand.start) - 1
        return i >= 0 and self._targets[i][0] <= cand.start < self._targets[i][1]

    def absolute(self, cand: Candidate) -> bool:
        """Whether the first link target containing ``cand`` is absolute (``//host``,
        ``www.``, a scheme); ``True`` when no target contains it."""
        targets = self._targets
        if self._reach is None:
            # reach[j]: the furthest end among targets[0..j], to find the first
            # target that contains an offset by bisection (targets may nest).
            self._reach = list(accumulate((e for _, e in targets), max))
        j = bisect_right(self._reach, cand.start)
        if j < len(targets) and targets[j][0] <= cand.start:
            s, e = targets[j]
            return bool(_ABSOLUTE_RE.match(self._norm, s, e))
        return True

    def relative(self, cand: Candidate) -> bool:
        """Whether ``cand`` sits in a relative link target."""
        return bool(self._targets) and self.contains(cand) and not self.absolute(cand)


class _Page:
    """Everything needed to turn candidates of one page into findings."""

    def __init__(self, src: Source, st: Structure, path: str, idx: decide.Index, region: str,
                 lang: str):  # fmt: skip
        self.src, self.st, self.path, self.idx = src, st, path, idx
        self.region, self.lang = region, lang
        self.findings: list[Finding] = []
        self.links = LinkTargets(src, st)
        self._judged: dict[tuple, decide.Judgement | None] = {}

    def judge(self, cand: Candidate) -> decide.Judgement | None:
        """:func:`judge`, remembered per distinct candidate (pages repeat their contacts)."""
        key = (cand.kind, cand.text, cand.value, cand.platform, cand.strong)
        if key not in self._judged:
            self._judged[key] = judge(self.idx, cand, self.region)
        return self._judged[key]

    # -- helpers ---------------------------------------------------------
    def add(self, start: int, end: int, code: str, **params: object) -> None:
        rule = BY_CODE[code]
        orig_start = self.src.orig(start)
        line, col = self.src.line_col(orig_start)
        shown = self.src.text[orig_start : self.src.orig_end(end)] if end > start else ""
        value = params.pop("value", None) or shown
        shown_value = _short(str(value))
        params.setdefault("hint", "")
        message = rule.text(self.lang, value=shown_value, **params)
        self.findings.append(
            Finding(self.path, line, col, code, rule.severity, _short(shown or str(value)), message)
        )

    def hint(self, kind: str, value: str, platform: str | None = None) -> str:
        suggestion = self.idx.suggest(kind, value, platform)
        return HINT[self.lang].format(id=suggestion) if suggestion else ""

    def platform_name(self, platform: str | None) -> str:
        if self.lang == "zh" and platform in PLATFORM_NAMES_ZH:
            return PLATFORM_NAMES_ZH[platform]
        if platform is None:
            return "社交" if self.lang == "zh" else "Social"
        return PLATFORM_NAMES.get(platform, platform.title())

    # -- verdict -> finding ----------------------------------------------
    def report(self, cand: Candidate, j: decide.Judgement, in_link: bool) -> None:
        s, e = cand.start, cand.end
        if j.verdict in ("official", "allowed"):
            return
        if j.verdict == "retired":
            ch = j.channel
            repl = (ch.replaced_by if ch and ch.replaced_by else None) or self._fallback(j)
            self.add(s, e, "HC106", channel=ch.id if ch else "?", replacement=repl)
        elif j.verdict == "scam":
            self.add(s, e, "HC107")
        elif j.verdict == "lookalike":
            official = j.official
            if j.channel is not None:
                official = f"{j.official} ({j.channel.id})"
            self.add(s, e, "HC105", official=official)
        elif j.verdict == "shortener":
            self.add(s, e, "HC112")
        elif j.kind == "email":
            self.add(s, e, "HC101", hint=self.hint("email", j.value))
        elif j.kind == "phone":
            self.add(s, e, "HC102", e164=normalize.format_phone(j.value),
                     hint=self.hint("phone", j.value))  # fmt: skip
        elif j.kind == "social":
            platform, _, handle = j.value.rpartition(":")
            self.add(s, e, "HC104", platform=self.platform_name(platform or cand.platform),
                     hint=self.hint("social", handle, platform or cand.platform))  # fmt: skip
        elif j.kind == "host":
            if in_link:
                domain = normalize.registrable_domain(j.host)
                self.add(s, e, "HC109", host=j.host, domain=domain)
            else:
                self.add(s, e, "HC103", host=j.host, hint=self.hint("host", j.host))

    def _fallback(self, j: decide.Judgement) -> str:
        kind = {"email": "email", "phone": "phone", "host": "host", "social": "social"}[j.kind]
        return self.idx.suggest(kind, j.value) or "?"


def _short(value: str, limit: int = 80) -> str:
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def judge(idx: decide.Index, cand: Candidate, region: str) -> decide.Judgement | None:
    """The verdict on one candidate, or ``None`` when it turns out not to be a contact."""
    if cand.kind == "email":
        email = normalize.normalize_email(cand.value)
        return decide.judge_email(idx, email) if email else None
    if cand.kind == "phone":
        e164 = phone_e164(cand, region)
        if e164 is None:
            e164 = _number_inside(idx, cand, region)
        return decide.judge_phone(idx, e164, cand.value) if e164 else None
    if cand.kind in ("url", "domain"):
        return decide.judge_url(idx, cand.text)
    if cand.kind == "handle":
        return decide.judge_social(idx, cand.platform, cand.value)
    return None


def phone_e164(cand: Candidate, region: str) -> str | None:
    """The E.164 form of a phone candidate; weak candidates must be valid numbers."""
    digits = cand.value
    if not cand.text[:1].isascii():
        region = "CN"  # written in Chinese numerals ("四零零..."): a Chinese number
    if digits.startswith("+"):
        e164 = normalize.normalize_phone(digits, None)
        return e164 if e164 and (cand.strong or _valid(e164)) else None
    # A national number: the page's region first, then the regions a reader of
    # a bilingual help center most likely means ("(202) 555-0199" on a zh page).
    first = normalize.normalize_phone(digits, region)
    if first and _valid(first):
        return first
    for other in FALLBACK_REGIONS:
        if other != region:
            e164 = normalize.normalize_phone(digits, other)
            if e164 and _valid(e164):
                return e164
    return first if cand.strong else None


FALLBACK_REGIONS = ("CN", "US", "GB")
_GROUP_SPLIT_RE = re.compile(r"[^0-9+()]+")


def _number_inside(idx: decide.Index, cand: Candidate, region: str) -> str | None:
    """The number at the start of a run that is not one as a whole.

    "4000000100 24小时", "2025550100 24 hours": a number followed by a count or
    a time; the trailing groups are dropped until a number is left. In one
    unbroken block ("400000010024小时"), a registry number or a Chinese
    service or mobile number at its start is that number.
    """

    text = cand.text
    groups = [g for g in _GROUP_SPLIT_RE.split(text) if g]
    if len(groups) > 1:
        for k in range(len(groups) - 1, 0, -1):
            end = 0
            for g in groups[:k]:
                end = text.index(g, end) + len(g)
            head = text[:end]
            if sum(ch.isdigit() for ch in head) < 7:
                break
            dial = phones.dialable(phones.unbracket(head.translate(phones.LETTER_DIGITS)))
            e164 = phone_e164(replace(cand, text=head, value=dial), region)
            if e164 is not None:
                return e164
        return None
    plus = "+" if cand.value.startswith("+") else ""
    digits = cand.value.lstrip("+")
    for size in range(len(digits) - 1, 6, -1):
        head = digits[:size]
        e164 = normalize.normalize_phone(plus + head, None if plus else region)
        if e164 is not None and (e164 in idx.phones or _cn_shape(head)):
            return e164
    return None


def _cn_shape(digits: str) -> bool:
    """Whether ``digits`` are a Chinese service (400/800) or mobile number."""

    return CN_DIGITS_RE.fullmatch(digits) is not None


def _valid(e164: str) -> bool:
    import phonenumbers

    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return False


def _identity(idx: decide.Index, cand: Candidate, region: str) -> tuple[str, str] | None:
    """What a contact *is*, for comparing a link's text with its target."""
    if cand.kind == "wallet":
        return None
    j = judge(idx, cand, region)
    if j is None:
        return None
    if j.kind == "host":
        return ("host", normalize.registrable_domain(j.host))
    if j.kind == "social":
        return ("social", j.value.rpartition(":")[2])
    return (j.kind, j.value)


def check_source(
    text: str,
    path: str,
    registry: Registry,
    *,
    region: str | None = None,
    lang: str = "en",
) -> PageResult:
    """Findings for one page's Markdown source.

    ``region`` is the phone region for numbers without a country code
    (default: from the path, ``docs/zh/`` -> CN, ``docs/en/`` -> US, else CN);
    ``lang`` the language of the messages.
    """
    return check_pages([(path, text)], registry, region=region or region_for(path), lang=lang)


def check_pages(
    pages: list[tuple[str, str]],
    registry: Registry,
    *,
    region: str = "CN",
    lang: str = "en",
) -> PageResult:
    """Findings for several pages read with the same phone ``region``.

    The pages are scanned as one text joined by a separator no pattern
    crosses (many small files cost one scan, not one per file); positions
    are mapped back to each page's own lines.
    """
    if not pages:
        return PageResult([], [])
    idx = index_for(registry)
    # A byte-order mark opening a file is an encoding signature, not hidden text.
    pages = [(p, t[1:] if t.startswith("\ufeff") else t) for p, t in pages]
    text = PAGE_SEPARATOR.join(t for _, t in pages)
    src = Source(text)
    st = structure(src)
    page = _Page(src, st, "", idx, region, lang)
    for s, e in src.invisible:
        line, col = src.line_col(s)
        names = " ".join(f"U+{ord(ch):04X}" for ch in dict.fromkeys(text[s:e]))
        rule = BY_CODE["HC110"]
        page.findings.append(
            Finding("", line, col, "HC110", rule.severity, names, rule.text(lang, value=names))
        )
    cands = detect_all(src.norm, region)
    if st.markers:
        marker_starts = [s for s, _ in st.markers]
        cands = [c for c in cands if not _inside(c, st.markers, marker_starts)]
    targets = st.targets
    for cand in cands:
        in_link = bool(targets) and page.links.contains(cand)
        if cand.kind == "wallet":
            page.add(cand.start, cand.end, "HC111")
            continue
        if cand.kind == "url":
            url = cand.text
            info = decide.userinfo_of(url)
            if info is None and "%" in src.text[src.orig(cand.start) : src.orig_end(cand.end)]:
                # "https://bitp.example%2F@evil.example/": decoded, the %2F would
                # hide the userinfo the browser sees; judge the URL as written.
                url = src.original(cand.start, cand.end)
                info = decide.userinfo_of(url)
            if info is not None:
                host = decide.host_of(url) or "?"
                page.add(cand.start, cand.end, "HC113", shown=info, host=host)
                j = decide.judge_url(idx, url)
                if j and j.verdict in ("scam", "lookalike"):
                    page.report(cand, j, in_link)
                continue
        if in_link and cand.kind == "domain" and not page.links.absolute(cand):
            continue  # a relative link such as "contact/email.md" is not a domain
        j = page.judge(cand)
        if j is None:
            continue
        if (
            cand.kind == "handle"
            and cand.platform is None
            and j.verdict == "unknown"
            and not cand.strong
        ):
            continue  # a bare @word without a contact word nearby (e.g. @media in CSS)
        page.report(cand, j, in_link)
    if st.links:
        _mismatches(page, cands, region)
    findings = suppress.apply(page.findings, st, src, "", lang)
    listed = suppress.listed(st, "")
    # Map the joined text's lines back to (page, line).
    firsts = [1]
    for _, t in pages[:-1]:
        firsts.append(firsts[-1] + t.count("\n") + 2)  # the separator adds two line breaks
    paths = [p for p, _ in pages]

    def place(line: int) -> tuple[str, int]:
        i = bisect_right(firsts, line) - 1
        return paths[i], line - firsts[i] + 1

    out = []
    for f in set(findings):
        path, line = place(f.line)
        out.append(replace(f, path=path, line=line))
    moved = []
    for item in listed:
        path, line = place(item.line)
        moved.append(replace(item, path=path, line=line))
    return PageResult(sorted(out), moved)


def _inside(cand: Candidate, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``cand`` starts inside one of ``spans`` (sorted, not overlapping; ``starts``
    their start offsets)."""
    i = bisect_right(starts, cand.start) - 1
    return i >= 0 and cand.start < spans[i][1]


_ABSOLUTE_RE = re.compile(r"(?:[a-z][a-z0-9+.-]*:|//|www\.)", re.I)


def _mismatches(page: _Page, cands: list[Candidate], region: str) -> None:
    idx = page.idx
    # ``cands`` are in order of their start: each link's share is found by bisection.
    starts = [c.start for c in cands]
    for link in page.st.links:
        lo = bisect_left(starts, link.text_start)
        hi = bisect_left(starts, link.text_end, lo)
        if lo == hi:
            continue
        shown = cands[lo:hi]
        i = bisect_left(starts, link.target_start)
        if i == len(cands) or cands[i].start >= link.target_end:
            continue
        target = cands[i]
        target_id = _identity(idx, target, region)
        if target_id is None:
            continue
        for cand in shown:
            shown_id = _identity(idx, cand, region)
            if shown_id is None or _same(shown_id, target_id):
                continue
            target_text = page.src.original(link.target_start, link.target_end)
            page.add(cand.start, cand.end, "HC108", target=_short(target_text))


def _same(a: tuple[str, str], b: tuple[str, str]) -> bool:
    if a == b:
        return True
    # Text "bitp.example" for target "mailto:support@bitp.example" (or the reverse)
    # names the domain the link really goes to.
    kinds = {a[0], b[0]}
    if kinds == {"host", "email"}:
        host, email = (a[1], b[1]) if a[0] == "host" else (b[1], a[1])
        return normalize.registrable_domain(email.rpartition("@")[2]) == host
    return False
