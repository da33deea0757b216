"""Smoke test of the benchmarks: the generator and one small run, so `make bench` cannot rot.

No timing is asserted here; figures belong to `make bench` only.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import generator, measure, report, workspace
from benchmarks.vocabulary import SECTIONS
from helpcenter.site.markers import MARKER_RE, find_markers

PROJECT = Path(__file__).resolve().parents[1]


def _articles(docs: Path, lang: str) -> dict[str, str]:
    root = docs / lang
    return {p.relative_to(root).as_posix(): p.read_text("utf-8") for p in root.rglob("*.md")}


def _body(text: str) -> str:
    """``text`` without its front matter (translations carry ``source_hash``)."""
    return re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)


def test_generator_writes_requested_articles_in_both_languages(tmp_path: Path) -> None:
    ids = generator.active_channel_ids(PROJECT)
    made = generator.generate(tmp_path / "docs", 23, seed=7, channel_ids=ids)
    zh, en = _articles(tmp_path / "docs", "zh"), _articles(tmp_path / "docs", "en")
    assert len(zh) == len(en) == 23
    assert set(zh) == set(en) == set(made.files)
    assert {name.split("/")[0] for name in zh} <= set(SECTIONS)
    assert len({name.split("/")[0] for name in zh}) == len(SECTIONS)
    for lang, articles in (("zh", zh), ("en", en)):
        assert made.bytes_by_lang[lang] == sum(len(t.encode()) for t in articles.values())
        for name, text in articles.items():
            assert _body(text).startswith("# "), name
            assert (text != _body(text)) == (lang == "en"), f"{lang}/{name}: front matter"
            markers = [(m.name, m.arg) for m in find_markers(text)]
            assert markers, f"{lang}/{name} has no registry marker"
            assert {i for _kind, i in markers if i} <= ids, f"{lang}/{name}: unknown channel"
    assert any(re.search(r"[\u4e00-\u9fff]", t) for t in zh.values())
    assert not any(re.search(r"[\u4e00-\u9fff]", t) for t in en.values())


def test_generator_is_deterministic_and_writes_no_contact_detail(tmp_path: Path) -> None:
    a = generator.generate(tmp_path / "a", 12, seed=3)
    b = generator.generate(tmp_path / "b", 12, seed=3)
    for lang in generator.LANGS:
        assert _articles(a.docs_dir, lang) == _articles(b.docs_dir, lang)
        for text in _articles(a.docs_dir, lang).values():
            plain = re.sub(r"\]\([^)]*\)", "]", MARKER_RE.sub("", _body(text)))
            assert "@" not in plain and "http" not in plain and "t.me" not in plain
            assert not re.search(r"\d[\d\s-]{3,}\d", plain), "digit run that looks like a number"


def test_generated_translations_match_their_source(tmp_path: Path) -> None:
    from helpcenter.checks.i18n.check import TranslationChecker

    generator.generate(tmp_path / "docs", 40, seed=5)
    checker = TranslationChecker(tmp_path / "docs", ("zh", "en"), "zh")
    assert checker.channels() == [] and checker.counterparts() == []
    states = checker.states()
    assert len(states) == 40 and {s.state for s in states} == {"current"}


def test_generated_links_point_to_generated_articles(tmp_path: Path) -> None:
    made = generator.generate(tmp_path / "docs", 15)
    for lang in generator.LANGS:
        for name, text in _articles(tmp_path / "docs", lang).items():
            for link in re.findall(r"\]\(([^)]+)\)", text):
                target = (tmp_path / "docs" / lang / name).parent / link
                assert target.resolve().is_file(), f"{lang}/{name} -> {link}"
    assert len(made.files) == 15


def test_guard_finds_no_unofficial_contact_in_generated_set(tmp_path: Path) -> None:
    ws = workspace.create(tmp_path / "ws", 20, source=PROJECT, real_docs=False)
    _timing, code, output = measure.run_check(ws.root)
    assert code == 0, output


def test_config_without_hooks_keeps_everything_else() -> None:
    text = "site_name: x\nhooks:\n  - hooks/a.py\n  - hooks/b.py\nplugins:\n  - search\n"
    assert workspace.hooks_of(text) == ["hooks/a.py", "hooks/b.py"]
    bare = workspace.without_key(text, "hooks", "hooks: []\n")
    assert bare == "site_name: x\nhooks: []\nplugins:\n  - search\n"
    assert workspace.hooks_of(bare) == []


@pytest.mark.build
def test_quick_benchmark_writes_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("PYTHONPATH", None)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "--quick",
            "--no-browser",
            "--output",
            str(out),
            "--workdir",
            str(tmp_path),
        ],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    results = json.loads(out.read_text("utf-8"))
    assert results["machine"]["nproc"] >= 1
    [build] = results["builds"]
    assert build["per_lang"] == 10 and build["runs"] == 1
    assert build["pages"]["zh"] >= 10 and build["pages"]["en"] >= 10
    assert build["with_hooks_s"] > 0 and build["without_hooks_s"] > 0
    assert build["hooks_ratio"] == pytest.approx(build["with_hooks_s"] / build["without_hooks_s"])
    for lang in ("zh", "en"):
        assert build["search_index"][lang]["bytes"] > 0
        view = build["first_view"][lang]
        assert view["total_bytes"] == sum(view["bytes"].values())
        assert view["bytes"]["index"] > 0 and view["bytes"]["css"] > 0
    guard = results["guard"]
    assert guard["generated"]["findings"] == 0 and guard["generated"]["exit_code"] == 0
    assert guard["corpus"]["markdown_bytes"] > guard["generated"]["markdown_bytes"]
    assert guard["end_to_end_mb_s"] > 0
    assert set(results["targets"]) == {t.key for t in report.TARGETS}
    assert {v["status"] for v in results["targets"].values()} <= {"PASS", "MISS", "n/a"}
    assert "Targets" in proc.stdout
    assert re.search(r"\b(PASS|MISS|n/a)\b", proc.stdout)
    assert "| articles/lang |" in report.table(results, markdown=True)
    # No leftovers: workspaces are removed after the run.
    assert [p.name for p in tmp_path.iterdir()] == ["results.json"]


def test_site_differences_names_changed_and_missing_files(tmp_path: Path) -> None:
    from benchmarks.ablation import site_differences

    for side, text in (("a", "one"), ("b", "two")):
        (tmp_path / side / "sub").mkdir(parents=True)
        (tmp_path / side / "same.html").write_text("same", encoding="utf-8")
        (tmp_path / side / "sub" / "page.html").write_text(text, encoding="utf-8")
    (tmp_path / "a" / "only-a.js").write_text("x", encoding="utf-8")
    found = site_differences(tmp_path / "a", tmp_path / "b")
    assert found == {"files": 3, "differ": 2, "examples": ["only-a.js", "sub/page.html"]}
    assert site_differences(tmp_path / "b", tmp_path / "b")["differ"] == 0


@pytest.mark.build
def test_quick_ablation_runs_from_the_command_line(tmp_path: Path) -> None:
    from benchmarks import ablation

    out = tmp_path / "ablation.json"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("PYTHONPATH", None)
    args = ["--ablate", "--quick", "--no-browser", "--output", str(out), "--workdir"]
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", *args, str(tmp_path)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    results = json.loads(out.read_text("utf-8"))
    assert results["per_lang"] == 10 and results["threshold"] == ablation.THRESHOLD
    assert results["search"] == {"error": "skipped (--no-browser)"}
    assert "Ablation at 10 articles per language" in proc.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["ablation.json"]


@pytest.mark.build
def test_ablation_builds_every_variant_in_turn_and_compares_the_sites(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from benchmarks import ablation

    # A switch that changes nothing: its site must be the all-on site.
    variants = ((ablation.ALL_ON, {}), ("-nothing", {"HC_BENCH_UNUSED": "1"}))
    monkeypatch.setattr(ablation, "BUILD_VARIANTS", variants)
    options = ablation.Options(per_lang=10, runs=2, browser=False, workdir=tmp_path)
    results = ablation.run(options, log=lambda _: None)
    build = results["build"]
    assert build["order"] == [
        ["all on", "-nothing", "no hooks"],
        ["-nothing", "no hooks", "all on"],  # the order shifts by one each round
    ]
    got = build["variants"]
    assert list(got) == ["all on", "-nothing", "no hooks"]
    for v in got.values():
        assert len(v["wall_all_s"]) == len(v["cpu_all_s"]) == 2 and v["cpu_s"] > 0
    assert got["-nothing"]["saving_cpu"] == pytest.approx(
        1 - got["all on"]["cpu_s"] / got["-nothing"]["cpu_s"]
    )
    assert got["-nothing"]["site"]["differ"] == 0, got["-nothing"]["site"]["examples"]
    assert got["-nothing"]["site"]["files"] > 100
    assert got["no hooks"]["saving"] is None and got["no hooks"]["site"] is None
    text = ablation.table(results)
    assert "saving, CPU" in text and "-nothing" in text
    assert "| variant |" in ablation.table(results, markdown=True)
    assert [p.name for p in tmp_path.iterdir()] == []
