"""hooks/policy.py: the preview (`mkdocs serve`) goes without the CSP, a build has it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]


def load_hook(name: str):
    spec = importlib.util.spec_from_file_location(f"{name}_hook", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_and_config():
    content = "<p>Hello</p>"
    config = SimpleNamespace(
        config_file_path=str(ROOT / "mkdocs.yml"),
        docs_dir=str(ROOT / "docs"),
        site_dir=str(ROOT / "site"),
        theme={"language": "zh"},
        plugins={},
    )
    config.theme = SimpleNamespace(custom_dir=str(ROOT / "overrides"), get=config.theme.get)
    page = SimpleNamespace(
        content=content,
        file=SimpleNamespace(abs_src_path=None, src_uri="x.md", dest_uri="x.html"),
    )
    output = f"<html><head><title>x</title></head><body>{content}</body></html>"
    return output, page, config


def test_a_build_gets_the_placeholder_and_the_preview_does_not() -> None:
    from helpcenter.site import csp

    context, hook = load_hook("context"), load_hook("policy")
    output, page, config = page_and_config()
    context.on_startup("build", dirty=False)
    context.on_config(config)
    assert csp.META_PLACEHOLDER in hook.on_post_page(output, page, config)
    assert csp.META_PLACEHOLDER in hook.on_post_template(output, "404.html", config)
    context.on_startup("serve", dirty=False)
    context.on_config(config)
    assert hook.on_post_page(output, page, config) == output
    assert hook.on_post_template(output, "404.html", config) == output
