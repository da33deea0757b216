"""The internal link checker on small docs trees (no MkDocs build)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcenter.checks.links.internal import check_links
from helpcenter.registry.load import load_registry
from project_files import write_files

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = {"languages": ("zh", "en"), "default": "zh"}
"""The project's languages (mkdocs.yml)."""


def found(docs: Path, **kwargs) -> list[tuple[str, int, str]]:
    return [
        (f.path, f.line, f.rule)
        for f in check_links(docs, **LANGUAGES, display_root=docs, **kwargs)
    ]


@pytest.fixture
def docs(tmp_path):
    return write_files(
        tmp_path / "docs",
        {
            "zh/index.md": "# 首页\n\n## 联系我们 {#contact}\n",
            "en/index.md": "# Home\n\n## Contact us\n",
            "zh/only-zh.md": "# 仅中文\n\n## 小节 {#part}\n",
            "zh/img/logo.png": "png",
        },
    )


def test_clean_links_pass(docs):
    write_files(docs, {
        "en/guide.md": "[home](index.md#contact-us) [top](#guide) [zh-only](only-zh.md#part)\n"
                       "[dir](./) [logo](../zh/img/logo.png) ![img](img/logo.png)\n"
                       "[mail](mailto:support@bitp.example) [tel](tel:+864000000123)\n"
                       "# Guide\n",
        "zh/guide.md": "[首页](index.md#contact) [html](index.html)\n# 指南\n",
    })  # fmt: skip
    assert found(docs) == []


def test_missing_pages_and_anchors(docs):
    write_files(docs, {
        "en/guide.md": "# Guide\n\n[a](missing.md)\n[b](index.md#nope) [c](../../outside.md)\n",
    })  # fmt: skip
    assert found(docs) == [
        ("en/guide.md", 3, "HC301"),
        ("en/guide.md", 4, "HC302"),
        ("en/guide.md", 4, "HC301"),
    ]


def test_cross_language_and_absolute_links(docs):
    write_files(
        docs, {"en/guide.md": "[a](../zh/index.md)\n[b](/en/index.html)\n[c](/nope.html)\n"}
    )
    findings = check_links(docs, **LANGUAGES, display_root=docs)
    assert [(f.line, f.rule) for f in findings] == [
        (1, "HC305"), (2, "HC306"), (3, "HC301"), (3, "HC306"),
    ]  # fmt: skip
    assert "link 'index.md' instead" in findings[0].message
    assert findings[1].message.endswith("relative to this page: 'index.md'")


def test_external_policy_needs_the_registry(docs):
    write_files(docs, {"en/guide.md": "[x](https://bitp-support.example/) [w](https://en.wikipedia.org/)\n"
                                "[j](javascript:alert(1)) [d](data:text/html,hi)\n"})  # fmt: skip
    assert found(docs) == [("en/guide.md", 2, "HC304"), ("en/guide.md", 2, "HC304")]
    registry = load_registry(ROOT / "data" / "channels.yml")
    assert ("en/guide.md", 1, "HC303") in found(docs, registry=registry)
    assert len(found(docs, registry=registry)) == 3


def test_messages_in_chinese(docs):
    write_files(docs, {"zh/guide.md": "[a](missing.md)\n"})
    (finding,) = check_links(docs, **LANGUAGES, display_root=docs, lang="zh")
    assert finding.message.startswith("链接 'missing.md' 指向不存在的 'zh/missing.md'")
