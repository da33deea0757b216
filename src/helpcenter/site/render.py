"""Everything the site renders from the registry, free of MkDocs.

* :class:`MarkerRenderer` expands the registry markers in a page's Markdown
  (``<!-- hc:channel ID -->`` and friends) into HTML fragments rendered from
  the ``partials/hc-*.html`` templates (Jinja autoescape on), and reports an
  unknown marker or channel id as a :class:`~helpcenter.report.finding.Finding`
  naming the page and line.
* :func:`site_data` is what the theme templates read (``config.extra.hc``):
  the demo flag, the last-verified date and the Organization JSON-LD.
* :func:`channels_json` and :func:`security_txt` are the published files
  (``channels.json``, ``.well-known/security.txt``); :func:`write_published`
  writes them.

Fragments replace their marker on the same line and never add a line, so
line numbers of findings later in the build still point into the source.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from helpcenter.contacts import normalize
from helpcenter.registry.model import CHANNEL_TYPES, Channel, KnownScam, Registry, registry_as_data
from helpcenter.report.finding import Finding
from helpcenter.report.messages import catalog, text_language
from helpcenter.site.feeds import ADBLOCK, HOSTS, PHISHING_DETECT
from helpcenter.site.languages import SiteLanguages
from helpcenter.site.markers import (
    BLOCK_MARKERS,
    FOREIGN_MARKERS,
    INLINE_MARKERS,
    TAKES_ARGUMENT,
    Marker,
    find_markers,
)

_SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)\s*$")

TYPE_ORDER = ("website", "chat", "app", "email", "phone", "social")
"""Order of the groups in the contact directory: self-service first, then people."""

UI_TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "type_website": "官方网站",
        "type_chat": "在线客服",
        "type_app": "官方 App",
        "type_email": "邮箱",
        "type_phone": "电话",
        "type_social": "社交媒体",
        "hours": "服务时间",
        "regions": "服务地区",
        "languages": "语言",
        "verified_on": "核实日期",
        "retired": "已停用",
        "retired_since": "自 {date} 起停用",
        "use_instead": "请改用",
        "sep": ",",
        "no_replacement": "没有替代渠道",
        "retired_heading": "已停用的渠道(请勿再使用)",
        "handle_on": "{platform} 账号",
        "scams_intro": "以下联系方式已确认是冒充 BitP 的诈骗渠道。"
        "它们已做防误点处理,不是链接:请勿联系、请勿转账。",
        "scam_reported": "确认日期",
        "no_scams": "目前没有登记的诈骗渠道。",
        "feeds_intro": "供拦截工具订阅的诈骗名单(每次构建自动更新):",
        "feed_hosts": "hosts 格式(Pi-hole、AdGuard Home)",
        "feed_adblock": "AdGuard / uBlock Origin 过滤规则",
        "feed_phishing": "eth-phishing-detect 配置(MetaMask 格式)",
        "last_verified": "渠道列表最后核实于 {date}",
        "demo": "本站列出的所有 BitP 联系方式都是虚构的示例,并非经过核实的真实渠道,请勿使用。",
        "demo_short": "演示数据",
        "kind_website": "网站",
        "kind_chat": "聊天链接",
        "kind_app": "App 下载",
        "kind_email": "邮箱",
        "kind_phone": "电话",
        "kind_social": "社交账号",
        "verified_claim": "本站列出的每一个联系方式都经过核实",
        "demo_claim": "本站目前列出的联系方式都是虚构的演示数据,尚未核实,请勿使用",
        "messages": "发消息",
        "messages_yes": "可以,会有客服处理",
        "messages_no": "不接收消息:只发布公告,发给它的私信没有客服处理",
    },
    "en": {
        "type_website": "Official websites",
        "type_chat": "Live chat",
        "type_app": "Official app",
        "type_email": "Email",
        "type_phone": "Phone",
        "type_social": "Social media",
        "hours": "Hours",
        "regions": "Regions",
        "languages": "Languages",
        "verified_on": "Verified on",
        "retired": "Retired",
        "retired_since": "retired on {date}",
        "use_instead": "use instead",
        "sep": "; ",
        "no_replacement": "no replacement",
        "retired_heading": "Retired channels (do not use)",
        "handle_on": "{platform} account",
        "scams_intro": "These contacts are confirmed scams impersonating BitP. They are defanged "
        "and not links: do not contact them and never send them money.",
        "scam_reported": "Confirmed on",
        "no_scams": "No scam contacts are listed at the moment.",
        "feeds_intro": "The list for blockers to subscribe to (updated with every build):",
        "feed_hosts": "hosts format (Pi-hole, AdGuard Home)",
        "feed_adblock": "AdGuard / uBlock Origin filter list",
        "feed_phishing": "eth-phishing-detect configuration (MetaMask's format)",
        "last_verified": "Channel list last verified on {date}",
        "demo": "Every BitP contact detail on this site is a fictional example, "
        "not a verified channel. Do not use them.",
        "demo_short": "Demonstration data",
        "kind_website": "Website",
        "kind_chat": "Chat link",
        "kind_app": "App download",
        "kind_email": "Email",
        "kind_phone": "Phone",
        "kind_social": "Social account",
        "verified_claim": "every contact detail on this site has been verified",
        "demo_claim": "the contact details on this site are fictional demonstration data, "
        "not verified yet, so do not use them",
        "messages": "Messages",
        "messages_yes": "Answered by support",
        "messages_no": "Not accepted: announcements only, "
        "nobody from support reads messages sent to it",
    },
}
"""Words the fragments and theme partials use, per page language."""

REGION_NAMES = {
    "CN": ("中国大陆", "Mainland China"),
    "HK": ("中国香港", "Hong Kong"),
    "TW": ("中国台湾", "Taiwan"),
    "US": ("美国", "United States"),
    "GB": ("英国", "United Kingdom"),
    "SG": ("新加坡", "Singapore"),
    "JP": ("日本", "Japan"),
    "KR": ("韩国", "South Korea"),
}
LANGUAGE_NAMES = {"zh": ("中文", "Chinese"), "en": ("英文", "English")}
PLATFORM_NAMES = {"x": "X (Twitter)", "wechat": "WeChat", "weibo": "Weibo", "qq": "QQ"}


# -- formatting -----------------------------------------------------------------------------


# Not strftime("%B"): that follows the process locale.
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_date(date: dt.date, lang: str) -> str:
    """A date for readers: ``2026 年 11 月 1 日`` or ``1 November 2026``."""
    if lang == "zh":
        return f"{date.year} 年 {date.month} 月 {date.day} 日"
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def _name(table: dict[str, tuple[str, str]], code: str, lang: str) -> str:
    names = table.get(code)
    return code if names is None else names[0 if lang == "zh" else 1]


def defang(value: str) -> str:
    """A contact made safe to print: not clickable, not auto-linked, still readable.

    ``https://bitp-help.example/`` -> ``hxxps://bitp-help[.]example/``;
    ``service@bitp-help.example`` -> ``service[@]bitp-help[.]example``.
    Phone numbers keep their digits.
    """
    text = re.sub(r"^http", "hxxp", value.strip(), flags=re.I)
    text = re.sub(r"^(mailto|tel):", r"\1[:]", text, flags=re.I)
    text = text.replace("@", "[@]")
    return re.sub(r"(?<=[\w\-])\.(?=[\w\-])", "[.]", text)


def channel_link(channel: Channel) -> tuple[str, str | None]:
    """``(display text, href)`` for a channel; ``href`` is ``None`` when it is not a link."""
    value = channel.value
    if channel.type == "email":
        email = normalize.normalize_email(value) or value
        return value, f"mailto:{email}"
    if channel.type == "phone":
        e164 = normalize.normalize_phone(value, None)
        return (normalize.format_phone(e164), f"tel:{e164}") if e164 else (value, None)
    if re.match(r"https://", value, re.I):
        return value, value
    return value, None


def _loc(value: Any, lang: str) -> str | None:
    return None if value is None else value.get(lang)


def channel_view(
    registry: Registry, channel: Channel, lang: str, follow: bool = True
) -> dict[str, Any]:
    """Plain data about one channel for the fragment templates, in ``lang``."""
    display, href = channel_link(channel)
    platform = channel.platform
    view: dict[str, Any] = {
        "id": channel.id,
        "type": channel.type,
        "platform": platform,
        "platform_name": PLATFORM_NAMES.get(platform or "", (platform or "").capitalize()),
        "label": channel.label.get(lang),
        "display": display,
        # A retired contact is shown, never offered as a link.
        "href": href if channel.active else None,
        "active": channel.active,
        "hours": _loc(channel.hours, lang),
        "notes": _loc(channel.notes, lang),
        "regions": [_name(REGION_NAMES, r, lang) for r in channel.regions],
        "languages": [_name(LANGUAGE_NAMES, x, lang) for x in channel.languages],
        "verified_on": channel.verified_on.isoformat(),
        "verified_on_text": format_date(channel.verified_on, lang),
        "retired_on": channel.retired_on.isoformat() if channel.retired_on else None,
        "retired_on_text": format_date(channel.retired_on, lang) if channel.retired_on else None,
        "replacement": None,
        "accepts_messages": channel.accepts_messages,
    }
    if follow and not channel.active:
        replacement = registry.replacement(channel)
        if replacement is not None:
            view["replacement"] = channel_view(registry, replacement, lang, follow=False)
    return view


def scam_view(scam: KnownScam, lang: str) -> dict[str, Any]:
    """Plain data about one known scam, its value defanged."""
    return {
        "type": scam.type,
        "type_name": UI_TEXT[lang][f"kind_{scam.type}"],
        "platform_name": PLATFORM_NAMES.get(
            scam.platform or "", (scam.platform or "").capitalize()
        ),
        "value": defang(scam.value),
        "notes": _loc(scam.notes, lang),
        "reported_on": scam.reported_on.isoformat() if scam.reported_on else None,
        "reported_on_text": format_date(scam.reported_on, lang) if scam.reported_on else None,
    }


def support_view(registry: Registry, lang: str) -> list[dict]:
    """The active channels that take messages (``accepts_messages: true``), in
    :data:`TYPE_ORDER`: where a reader reaches support."""
    order = {t: i for i, t in enumerate(TYPE_ORDER)}
    members = [c for c in registry.active_channels if c.accepts_messages]
    members.sort(key=lambda c: order.get(c.type, len(order)))
    return [channel_view(registry, c, lang) for c in members]


def directory_view(
    registry: Registry, lang: str, types: tuple[str, ...] = TYPE_ORDER
) -> list[dict]:
    """Groups of channel views by type (in :data:`TYPE_ORDER`), active ones first."""
    groups = []
    for ctype in types:
        members = [c for c in registry.channels if c.type == ctype]
        if not members:
            continue
        groups.append(
            {
                "type": ctype,
                "title": UI_TEXT[lang][f"type_{ctype}"],
                "active": [channel_view(registry, c, lang) for c in members if c.active],
                "retired": [channel_view(registry, c, lang) for c in members if not c.active],
            }
        )
    return groups


# -- markers --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expansion:
    """The result of expanding a page: its new Markdown and what was wrong."""

    markdown: str
    """The page with every valid marker replaced (same number of lines)."""
    findings: tuple[Finding, ...]
    """Unknown markers, unknown ids, bad arguments (codes ``HC2xx``)."""
    deferred: tuple[str, ...] = ()
    """With ``defer_inline``: the HTML of the inline markers left as placeholders,
    in order, for :meth:`MarkerRenderer.fill`."""


FRAGMENTS: set[str] = set()
"""Every fragment rendered from the registry in this process: the rendered contact guard
(:mod:`helpcenter.checks.rendered_guard`) leaves these out, as the source scan leaves out
the markers."""


class MarkerRenderer:
    """Expands registry markers using the fragment templates in ``templates_dir``."""

    def __init__(self, registry: Registry, templates_dir: str | Path):
        self.registry = registry
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self._rendered: dict[tuple[str, tuple[str, ...], str], str] = {}
        # Placeholders for deferred markers: an HTML comment that the Markdown
        # converter passes through whole, and that no page can guess.
        self._slot = f"hc-{secrets.token_hex(6)}-"
        self._slot_re = re.compile(rf"<!--{re.escape(self._slot)}(\d+)-->")

    def fragment(self, template: str, lang: str, **context: Any) -> str:
        """Render ``partials/<template>`` on one line (so the page keeps its line numbers)."""
        html = self.env.get_template(f"partials/{template}").render(
            lang=lang, t=UI_TEXT[lang], **context
        )
        return re.sub(r"\s*\n\s*", " ", html).strip()

    def _finding(
        self, page: str, marker: Marker, code: str, lang: str, value: str = "", **params: Any
    ) -> Finding:
        return Finding(
            path=page,
            line=marker.line,
            column=marker.column,
            rule=code,
            severity=catalog()[code].severity,
            value=marker.text,
            message=catalog()[code].text(lang, marker=marker.text, value=value, **params),
        )

    def _check(self, page: str, marker: Marker, lang: str, alone: bool) -> Finding | None:
        name = marker.name
        known = INLINE_MARKERS + BLOCK_MARKERS + FOREIGN_MARKERS
        if name not in known:
            allowed = ", ".join(f"hc:{n}" for n in known)
            return self._finding(page, marker, "HC202", lang, allowed=allowed)
        if name in FOREIGN_MARKERS:
            return None
        wanted = TAKES_ARGUMENT.get(name)
        example = f"<!-- hc:{name}{' ' + wanted if wanted else ''} -->"
        if wanted and len(marker.args) != 1:
            return self._finding(
                page, marker, "HC203", lang, example=example,
                problem=f"needs exactly one {wanted}", problem_zh=f"需要且只需要一个 {wanted}",
            )  # fmt: skip
        if not wanted and marker.args:
            return self._finding(
                page, marker, "HC203", lang, example=example,
                problem="takes no argument", problem_zh="不带参数",
            )  # fmt: skip
        if name in ("channel", "channel-label"):
            cid = marker.args[0]
            if self.registry.channel(cid) is None:
                ids = [c.id for c in self.registry.channels]
                close = difflib.get_close_matches(cid, ids, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                hint_zh = f"(是否想用 '{close[0]}'?)" if close else ""
                return self._finding(
                    page, marker, "HC201", lang, value=cid, hint=hint, hint_zh=hint_zh
                )
        if name == "channels" and marker.args[0] not in CHANNEL_TYPES:
            return self._finding(
                page, marker, "HC203", lang,
                example=f"<!-- hc:channels {'|'.join(CHANNEL_TYPES)} -->",
                problem=f"names an unknown type '{marker.args[0]}'",
                problem_zh=f"的类型 '{marker.args[0]}' 未知",
            )  # fmt: skip
        if name in BLOCK_MARKERS and not alone:
            return self._finding(page, marker, "HC204", lang)
        return None

    def render_marker(self, marker: Marker, lang: str, site_path: str | None = None) -> str:
        """The HTML for a marker already checked by :meth:`expand`.

        A marker renders the same on every page of a language, and the same
        few markers recur on most pages: each is rendered once. The known
        scams link the scam feeds relative to the page at ``site_path``
        (``en/safety/known-scams.html``); without it they do not link them.
        """
        root = None
        if marker.name == "known-scams" and site_path is not None:
            root = "../" * site_path.count("/")
        key = (marker.name, marker.args, lang, root)
        html = self._rendered.get(key)
        if html is None:
            html = self._rendered[key] = self._render(marker, lang, root)
            FRAGMENTS.add(html)
        return html

    def _render(self, marker: Marker, lang: str, root: str | None = None) -> str:
        reg = self.registry
        if marker.name == "channel":
            channel = reg.channel(marker.args[0])
            assert channel is not None
            return self.fragment("hc-channel.html", lang, ch=channel_view(reg, channel, lang))
        if marker.name == "channel-label":
            channel = reg.channel(marker.args[0])
            assert channel is not None
            return self.fragment("hc-channel-label.html", lang, ch=channel_view(reg, channel, lang))
        if marker.name == "last-verified":
            last = reg.last_verified
            return self.fragment(
                "hc-last-verified.html", lang,
                date=last.isoformat() if last else None,
                date_text=format_date(last, lang) if last else "",
            )  # fmt: skip
        if marker.name == "verification-status":
            return self.fragment("hc-verification-status.html", lang, demo=reg.demo)
        if marker.name == "channels":
            groups = directory_view(reg, lang, types=(marker.args[0],))
            return self.fragment("hc-channel-list.html", lang, groups=groups, ctype=marker.args[0])
        if marker.name == "contact-directory":
            return self.fragment(
                "hc-contact-directory.html", lang, groups=directory_view(reg, lang)
            )
        if marker.name == "support-channels":
            group = {"active": support_view(reg, lang), "retired": []}
            return self.fragment("hc-support-channels.html", lang, group=group)
        if marker.name == "known-scams":
            scams = [scam_view(s, lang) for s in reg.known_scams]
            feeds = None
            if root is not None:
                feeds = [
                    {"href": root + HOSTS, "name": UI_TEXT[lang]["feed_hosts"]},
                    {"href": root + ADBLOCK, "name": UI_TEXT[lang]["feed_adblock"]},
                    {"href": root + PHISHING_DETECT, "name": UI_TEXT[lang]["feed_phishing"]},
                ]
            return self.fragment("hc-known-scams.html", lang, scams=scams, feeds=feeds)
        raise ValueError(f"not a registry marker: {marker.text}")

    def expand(
        self,
        markdown: str,
        lang: str,
        page: str,
        message_lang: str = "en",
        line_offset: int = 0,
        defer_inline: bool = False,
        site_path: str | None = None,
    ) -> Expansion:
        """Replace every valid marker in ``markdown`` (a page in ``lang``); report the others.

        An invalid marker is left as written (an invisible HTML comment) and
        reported; ``page`` is the path used in findings, ``line_offset`` the
        number of source lines before ``markdown`` (front matter the site
        generator has already removed), so findings name lines of the file.

        With ``defer_inline``, an inline marker within a line of text (not a
        heading, not alone on its line) becomes a placeholder comment, and its
        HTML goes in :attr:`Expansion.deferred`: put in the converted page by
        :meth:`fill`, it is the same HTML, and the Markdown converter, which
        would pass it through unchanged, never has to parse it.
        """
        lines = markdown.split("\n")
        findings: list[Finding] = []
        deferred: list[str] = []
        by_line: dict[int, list[Marker]] = {}
        for marker in find_markers(markdown):
            by_line.setdefault(marker.line, []).append(marker)
        for number, markers in by_line.items():
            line = lines[number - 1]
            alone = len(markers) == 1 and line.strip() == markers[0].text
            defer = defer_inline and not alone and not _heading(lines, number)
            out, last = [], 0
            for marker in markers:
                finding = self._check(page, marker, message_lang, alone)
                if finding is not None:
                    findings.append(replace(finding, line=finding.line + line_offset))
                    continue
                if marker.name in FOREIGN_MARKERS:
                    continue
                out.append(line[last : marker.start])
                html = self.render_marker(marker, lang, site_path)
                if defer and marker.name in INLINE_MARKERS:
                    out.append(f"<!--{self._slot}{len(deferred)}-->")
                    deferred.append(html)
                else:
                    out.append(html)
                last = marker.end
            out.append(line[last:])
            lines[number - 1] = "".join(out)
        return Expansion("\n".join(lines), tuple(findings), tuple(deferred))

    def fill(self, html: str, deferred: Sequence[str]) -> tuple[str, int]:
        """Put the deferred markers' HTML in the converted page: (page, placeholders not found)."""
        if not deferred:
            return html, 0
        found: set[int] = set()

        def put(match: re.Match[str]) -> str:
            index = int(match.group(1))
            if index >= len(deferred):
                return match.group(0)
            found.add(index)
            return deferred[index]

        html = self._slot_re.sub(put, html)
        return html, len(deferred) - len(found)


def _heading(lines: list[str], number: int) -> bool:
    """Whether line ``number`` (1-based) is a heading: its text also names the section."""
    if lines[number - 1].lstrip(" ").startswith("#"):
        return True
    return number < len(lines) and _SETEXT_RE.match(lines[number]) is not None


# -- site data and published files ----------------------------------------------------------


def body_offset(source: str, body: str) -> int:
    """Lines of ``source`` before ``body`` (its front matter), 0 if ``body`` is not its tail."""
    # Trailing newlines and line-ending style may differ after the generator read the file.
    source = source.replace("\r\n", "\n").rstrip()
    body = body.replace("\r\n", "\n").rstrip()
    if not body or not source.endswith(body):
        return 0
    return source[: len(source) - len(body)].count("\n")


def build_date() -> dt.date:
    """Today in UTC, or the date of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.datetime.now(dt.UTC).date()


def script_json(data: Any) -> Markup:
    """JSON safe to place inside ``<script>``: ``<``, ``>``, ``&`` and line separators escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(char, escape)
    return Markup(text)


def organization_jsonld(
    registry: Registry, lang: str, site_url: str | None = None, home: str = ""
) -> dict[str, Any]:
    """schema.org ``Organization`` with ``contactPoint`` (email, phone) and ``sameAs`` (social),
    in ``lang``, for the home page at ``home`` (``""`` or ``"en/"``) under ``site_url``."""
    org = registry.organization
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": org.name,
    }
    websites = [c for c in registry.active_channels if c.type == "website"]
    if websites:
        data["url"] = websites[0].value
    points = []
    for c in registry.active_channels:
        if c.type not in ("email", "phone"):
            continue
        point: dict[str, Any] = {"@type": "ContactPoint", "contactType": c.label.get(lang)}
        if c.type == "email":
            point["email"] = normalize.normalize_email(c.value) or c.value
        else:
            point["telephone"] = normalize.normalize_phone(c.value, None) or c.value
        if c.regions:
            point["areaServed"] = list(c.regions)
        if c.languages:
            point["availableLanguage"] = list(c.languages)
        if c.hours:
            point["hoursAvailable"] = {
                "@type": "OpeningHoursSpecification",
                "description": c.hours.get(lang),
            }
        points.append(point)
    if points:
        data["contactPoint"] = points
    same_as = [
        c.value
        for c in registry.active_channels
        if c.type == "social" and c.value.startswith("https://")
    ]
    if same_as:
        data["sameAs"] = same_as
    if site_url:
        data["mainEntityOfPage"] = site_url.rstrip("/") + "/" + home
    return data


def site_data(
    registry: Registry, languages: SiteLanguages, site_url: str | None = None
) -> dict[str, Any]:
    """What the theme partials read (``config.extra.hc``): texts in each language of the
    texts, the home pages' JSON-LD in each of the site's ``languages``."""
    last = registry.last_verified
    jsonld = {
        code: script_json(
            organization_jsonld(registry, text_language(code), site_url, languages.prefix(code))
        )
        for code in languages.codes
    }
    return {
        "demo": registry.demo,
        "text": UI_TEXT,
        "last_verified": last.isoformat() if last else None,
        "last_verified_text": {lang: format_date(last, lang) if last else "" for lang in UI_TEXT},
        "jsonld": jsonld,
        "home_pages": ["index.md", *(f"{code}/index.md" for code in languages.codes)],
    }


def channels_json(registry: Registry, date: dt.date) -> str:
    """``site/channels.json``: the registry as data with its schema version and build date."""
    data = registry_as_data(registry)
    data = {"schema_version": data.pop("schema_version"), "build_date": date.isoformat(), **data}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_LINE_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\x85]+")


def one_line(text: str) -> str:
    """``text`` for one line of a plain-text file: line breaks and control characters as spaces.

    The registry refuses them already (HC040); this keeps a value that
    slipped through from adding a line (``Contact:``, ``Expires:``) of its own.
    """
    return _LINE_BREAKS.sub(" ", text).strip()


def security_txt(
    registry: Registry, date: dt.date, site_url: str | None = None, days: int = 180
) -> str:
    """``.well-known/security.txt`` (RFC 9116): registry contacts, ``Expires`` from ``date``.

    Every value is one line (:func:`one_line`), and contact values with a
    space are left out: a field of RFC 9116 holds one URI.
    """
    name = one_line(registry.organization.name)
    lines = [f"# Security contact for {name} (RFC 9116), generated from the channel registry."]
    if registry.demo:
        lines.append("# DEMONSTRATION DATA: the contacts below are fictional.")
    security = registry.security_channel
    site_url = one_line(site_url) if site_url else None

    def contact(uri: str) -> None:
        uri = one_line(uri)
        if uri and " " not in uri:
            lines.append(f"Contact: {uri}")

    if security is not None:
        contact(f"mailto:{normalize.normalize_email(security.value) or security.value}")
    if site_url and site_url.startswith("https://"):
        contact(f"{site_url.rstrip('/')}/contact/directory.html")
    else:
        websites = [c for c in registry.active_channels if c.type == "website"]
        if websites:
            contact(websites[0].value)
    expires = dt.datetime.combine(date + dt.timedelta(days=days), dt.time(0, 0), dt.UTC)
    lines.append(f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}")
    lines.append("Preferred-Languages: zh, en")
    if site_url and site_url.startswith("https://") and " " not in site_url:
        lines.append(f"Canonical: {site_url.rstrip('/')}/.well-known/security.txt")
    return "\n".join(lines) + "\n"


def write_published(
    site_dir: str | Path, registry: Registry, date: dt.date, site_url: str | None = None
) -> None:
    """Write ``channels.json`` and ``.well-known/security.txt`` into ``site_dir``."""
    root = Path(site_dir)
    (root / ".well-known").mkdir(parents=True, exist_ok=True)
    (root / "channels.json").write_text(channels_json(registry, date), encoding="utf-8")
    (root / ".well-known" / "security.txt").write_text(
        security_txt(registry, date, site_url), encoding="utf-8"
    )
