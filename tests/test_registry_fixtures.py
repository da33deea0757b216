"""Every registry rejection, one fixture each, and the JSON Schema agreeing with the loader.

Each file in ``tests/fixtures/registry/invalid/`` states what it must
produce in ``# expect: CODE line N: fragment`` lines at its top; files in
``valid/`` must load without a problem.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
import yaml

from helpcenter.inputs.yamlload import parse_yaml_positions
from helpcenter.registry.load import load_registry
from helpcenter.registry.problems import RegistryError
from helpcenter.registry.rules import SHAPE_CODES
from helpcenter.registry.shape import as_json

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "registry"
VALID = sorted((FIXTURES / "valid").glob("*.yml"))
INVALID = sorted((FIXTURES / "invalid").glob("*.yml"))
SCHEMA = json.loads((ROOT / "data" / "channels.schema.json").read_text(encoding="utf-8"))
EXPECT_RE = re.compile(rb"^# expect: (HC\d{3})(?: line (\d+))?: (.+)$")


def expectations(path: Path) -> list[tuple[str, int | None, str]]:
    """``(code, line, fragment)`` from the ``# expect:`` lines at the top of a fixture."""
    out = []
    for raw in path.read_bytes().splitlines():
        match = EXPECT_RE.match(raw)
        if not match:
            break
        line = int(match.group(2)) if match.group(2) else None
        out.append((match.group(1).decode(), line, match.group(3).decode()))
    return out


def problems_of(path: Path, lang: str = "en"):
    with pytest.raises(RegistryError) as info:
        load_registry(path)
    return info.value.findings(lang)


def schema_errors(path: Path) -> list[str] | None:
    """Schema messages for a fixture, or ``None`` when it is not parseable YAML at all."""
    try:
        # The loader's parser: a date-like value that is no date stays a string.
        data, _ = parse_yaml_positions(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return None
    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return [e.message for e in validator.iter_errors(as_json(data))]


def _problems_of_text(text: str):
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "channels.yml"
        path.write_text(text, encoding="utf-8")
        return problems_of(path)


def test_every_invalid_fixture_states_its_expectation():
    assert len(INVALID) >= 40
    for path in INVALID:
        assert expectations(path), f"{path.name} has no '# expect:' line"


@pytest.mark.parametrize("path", VALID + [ROOT / "data" / "channels.yml"], ids=lambda p: p.name)
def test_valid_registries_load(path):
    registry = load_registry(path)
    assert registry.channels
    assert schema_errors(path) == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_fixture_is_rejected_as_stated(path):
    problems = problems_of(path)
    for code, line, fragment in expectations(path):
        matching = [p for p in problems if p.rule == code]
        assert matching, f"{path.name}: no {code} in {[str(p) for p in problems]}"
        assert any(fragment in p.message for p in matching), [p.message for p in matching]
        if line is not None:
            assert line in [p.line for p in matching], [str(p) for p in matching]
    for p in problems:
        # file, line, column, code and a sentence saying the fix, as every finding
        assert p.path == path.as_posix() and p.severity == "error"
        assert re.fullmatch(r"HC0\d\d", p.rule)
        assert str(p).startswith(f"{path}:{p.line}:{p.column}: {p.rule} ")
        assert p.line >= 1 and p.column >= 1
        assert ":" in p.message


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_problem_renders_in_chinese(path):
    in_zh = problems_of(path, "zh")
    for p, zh in zip(problems_of(path), in_zh, strict=True):
        assert zh.message == p.text("zh") and zh.text("en") == p.message
        assert zh.message and zh.message != p.message
        assert re.search(r"[\u4e00-\u9fff]", zh.message), zh
        assert replace(zh, message=p.message) == p, "the same finding, in another language"
        assert str(zh).startswith(f"{path}:{p.line}:{p.column}: {p.rule} ")
    with pytest.raises(RegistryError) as info:
        load_registry(path)
    assert info.value.format("zh").splitlines() == [str(f) for f in in_zh]


@pytest.mark.parametrize("path", VALID + INVALID, ids=lambda p: p.name)
def test_schema_agrees_with_loader(path):
    """Schema-valid exactly when the loader finds no shape problem, each with its own code.

    The loader runs the schema itself; this holds it to saying every refusal
    in the project's words (never the catch-all HC042) and to building the
    model from whatever the schema accepts.
    """
    errors = schema_errors(path)
    try:
        load_registry(path)
        problems = []
    except RegistryError as exc:
        problems = exc.findings()
    if errors is None:  # not YAML: only the loader can speak
        assert {p.rule for p in problems} <= {"HC001", "HC002", "HC038"} and problems
        return
    shape = [p for p in problems if p.rule in SHAPE_CODES]
    assert bool(errors) == bool(shape), (errors, [str(p) for p in problems])
    assert "HC042" not in {p.rule for p in problems}, [str(p) for p in problems]


def test_channel_ids_and_lines_in_problems():
    (problem,) = problems_of(FIXTURES / "invalid" / "email-off-domain.yml")
    assert problem.value == "support@bitp-mail.example"
    assert str(problem) == (
        f"{FIXTURES / 'invalid' / 'email-off-domain.yml'}:14:5: HC031 channel 'support-email': "
        "email 'support@bitp-mail.example' is not on an official domain (bitp.example): "
        "use an official address or add its domain to organization.official_domains"
    )
    assert problem.text("zh").startswith("渠道 'support-email':邮箱 'support@bitp-mail.example'")


def test_a_problem_points_at_its_key():
    # label: {zh: 客服邮箱, en: Support email, fr: ...}: the unknown key, not the line's start
    text = (FIXTURES / "valid" / "base.yml").read_text(encoding="utf-8")
    bad = text.replace("en: Support email}", "en: Support email, fr: Courriel}")
    (problem,) = _problems_of_text(bad)
    assert (problem.rule, problem.line, problem.value) == ("HC006", 17, "fr")
    assert problem.column == bad.splitlines()[16].index("fr:") + 1


def test_every_problem_is_collected_in_one_run(tmp_path):
    text = (FIXTURES / "valid" / "base.yml").read_text(encoding="utf-8")
    text = text.replace("type: phone", "type: fax").replace(
        "value: support@bitp.example", "value: nope"
    )
    text = text.replace("{zh: 官方网站, en: Official website}", "{zh: 官方网站}")
    path = tmp_path / "channels.yml"
    path.write_text(text, encoding="utf-8")
    codes = sorted(p.rule for p in problems_of(path))
    assert codes == ["HC012", "HC016", "HC020"]


def test_missing_file_is_a_problem_not_a_traceback(tmp_path):
    (problem,) = problems_of(tmp_path / "nope.yml")
    assert (problem.rule, problem.line, problem.column) == ("HC001", 1, 1)
    assert "No such file" in problem.message


def test_finding_form_for_reporters():
    from helpcenter.report.formats import render

    (finding,) = problems_of(FIXTURES / "invalid" / "bad-phone.yml")
    assert (finding.rule, finding.line, finding.column, finding.severity) == (
        "HC021", 22, 5, "error",
    )  # fmt: skip
    assert finding.value == "400 000 0123"
    assert finding.message.startswith("channel 'hotline-cn': phone")
    assert set(finding.as_dict()) == {
        "path", "line", "column", "rule", "severity", "value", "message",
    }  # fmt: skip
    (shown,) = json.loads(render([finding], "json"))["findings"]
    assert shown == finding.as_dict()
    assert render([finding], "github").startswith(
        f"::error file={finding.path},line=22,col=5::HC021 channel 'hotline-cn': phone"
    )


def test_schema_enums_match_the_model():
    from helpcenter.contacts.normalize import PLATFORMS
    from helpcenter.registry.model import CHANNEL_TYPES, STATUSES

    defs = SCHEMA["$defs"]
    assert tuple(defs["channelType"]["enum"]) == CHANNEL_TYPES
    assert tuple(defs["platform"]["enum"]) == PLATFORMS
    assert tuple(defs["channel"]["properties"]["status"]["enum"]) == STATUSES
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


# -- schema and loader agree on generated variants ---------------------------------------------

_VALUES = (
    None, "", "  ", "x", "Support", "support@bitp.example", "+86 400 000 0123", "2026-11-01",
    "2026-13-01", "20261101", "active", "retired", "email", "social", "telegram", "Telegram",
    "CN", "cn", "zh", "bad id", "website", 0, 1, 2, 1.5, True, False, [], ["CN"], ["x", 1],
    {}, {"zh": "中", "en": "E"}, {"zh": "中"}, {"zh": 1, "en": "E"}, {"fr": "F"},
    dt.date(2026, 11, 1), dt.datetime(2026, 11, 1, 10, 0),
)  # fmt: skip
_DELETE = object()


def _paths(data: dict) -> list[tuple]:
    paths: list[tuple] = [(k,) for k in data] + [("unknown_top",)]
    paths += [("organization", k) for k in data["organization"]] + [("organization", "extra")]
    for i, channel in enumerate(data["channels"]):
        paths += [("channels", i, k) for k in channel] + [("channels", i, "hours")]
        paths += [("channels", i, "label", "zh"), ("channels", i, "label", "en")]
        paths += [("channels", i, "regions"), ("channels", i, "retired_on")]
    paths += [("known_scams", 0, k) for k in data["known_scams"][0]]
    return paths


def test_schema_and_loader_agree_on_generated_variants(tmp_path):
    import copy

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    base, _ = parse_yaml_positions((FIXTURES / "valid" / "base.yml").read_text(encoding="utf-8"))
    paths = _paths(base)
    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    target = tmp_path / "channels.yml"

    @settings(
        derandomize=True, max_examples=300, deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )  # fmt: skip
    @given(st.lists(st.tuples(st.sampled_from(paths), st.sampled_from((*_VALUES, _DELETE))),
                    min_size=1, max_size=3))  # fmt: skip
    def check(mutations):
        data = copy.deepcopy(base)
        for path, value in mutations:
            node = data
            for key in path[:-1]:
                if not isinstance(node, dict | list):
                    break
                try:
                    node = node[key]
                except (KeyError, IndexError, TypeError):
                    break
            else:
                if isinstance(node, dict):
                    if value is _DELETE:
                        node.pop(path[-1], None)
                    else:
                        node[path[-1]] = copy.deepcopy(value)
        target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        schema_valid = not list(validator.iter_errors(as_json(data)))
        try:
            load_registry(target)
            shape = []
        except RegistryError as exc:
            shape = [str(p) for p in exc.findings() if p.rule in SHAPE_CODES]
        assert schema_valid == (not shape), (mutations, shape)
        assert not any(" HC042 " in p for p in shape), (mutations, shape)

    check()


# -- a schema part without a code of its own -----------------------------------------------------


@pytest.fixture
def changed_schema(tmp_path, monkeypatch):
    """Run the loader on a copy of the schema that the test changes first."""
    from helpcenter.registry import shape

    def change(edit) -> None:
        schema = json.loads(json.dumps(SCHEMA))
        edit(schema)
        path = tmp_path / "channels.schema.json"
        path.write_text(json.dumps(schema), encoding="utf-8")
        monkeypatch.setattr(shape, "SCHEMA_PATH", path)
        shape._schema.cache_clear()

    yield change
    shape._schema.cache_clear()


def test_a_keyword_without_a_code_is_reported_in_the_schemas_words(changed_schema):
    def edit(schema):
        schema["$defs"]["channel"]["properties"]["value"]["maxLength"] = 10

    changed_schema(edit)
    problems = problems_of(FIXTURES / "valid" / "base.yml")
    long = [p for p in problems if p.rule == "HC042"]
    assert {p.line for p in long} == {10, 16, 22, 29}, [str(p) for p in problems]
    assert long[0].message == (
        "channel 'website': value does not match the JSON Schema (channels.schema.json): "
        "'https://www.bitp.example/' is too long; edit the file to match the schema"
    )
    assert "不符合 JSON Schema" in long[0].text("zh")


def test_any_of_reports_the_closest_alternative(changed_schema, tmp_path):
    def edit(schema):
        source = schema["$defs"]["channel"]["properties"]["source"]
        schema["$defs"]["channel"]["properties"]["source"] = {
            "anyOf": [source, {"$ref": "#/$defs/localizedLine"}]
        }

    changed_schema(edit)
    text = (FIXTURES / "valid" / "full.yml").read_text(encoding="utf-8")
    path = tmp_path / "channels.yml"
    path.write_text(text.replace("source: Domain", "source: {zh: 域名登记}  #"), encoding="utf-8")
    (problem,) = problems_of(path)
    assert (problem.rule, problem.line) == ("HC016", 15), str(problem)
    assert problem.message == (
        "channel 'website': 'source' lacks the en text: add 'en: ...' under 'source'"
    )


def test_a_schema_that_is_not_json_is_named_with_its_line(changed_schema, tmp_path):
    from helpcenter.registry import shape

    changed_schema(lambda schema: None)
    shape.SCHEMA_PATH.write_text('{\n  "type": "object",\n  "required": [1,]\n}\n', "utf-8")
    (problem,) = problems_of(FIXTURES / "valid" / "base.yml")
    assert (problem.path, problem.rule) == (shape.SCHEMA_PATH.as_posix(), "HC043")
    assert (problem.line, problem.column) == (3, 18), str(problem)  # the "]"
    assert "cannot read the JSON Schema (Expecting value)" in problem.message
