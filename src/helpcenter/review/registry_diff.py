"""What a change does to the registry file, read as raw YAML."""

from __future__ import annotations

from typing import Any

import yaml

from helpcenter.inputs.yamlload import safe_load
from helpcenter.review.model import ChannelChange, ListChange

LANGS = ("zh", "en")


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
