"""``config/env.py`` is the only module that reads the environment (code anchors §3.10).

Everything that can differ between a laptop, CI and a council's servers is read there,
once, so it is listed in one place. The root ``conftest.py`` may set variables for the
test run; only ``src/`` and ``config/`` are scanned.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCANNED = (ROOT / "src", ROOT / "config")
THE_READER = ROOT / "config" / "env.py"
_ENVIRONMENT = {"environ", "environb", "getenv", "getenvb", "putenv", "unsetenv"}


def _python_files() -> list[Path]:
    return sorted(path for folder in SCANNED for path in folder.rglob("*.py") if path != THE_READER)


def _environment_reads(path: Path) -> list[str]:
    """Each place the module touches the environment, as ``line: what``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "os"
            and node.attr in _ENVIRONMENT
        ):
            found.append(f"{node.lineno}: os.{node.attr}")
        if isinstance(node, ast.ImportFrom) and node.module == "os":
            found += [f"{node.lineno}: from os import {a.name}" for a in node.names if a.name in {"environ", "getenv"}]
    return found


def test_the_scan_sees_the_code() -> None:
    # given / when
    files = {path.relative_to(ROOT).as_posix() for path in _python_files()}
    # then
    assert {"src/kith/platform/clock.py", "config/settings/base.py"} <= files


def test_the_reader_itself_is_found_by_the_scan() -> None:
    # given the one module allowed to read the environment
    # when
    reads = _environment_reads(THE_READER)
    # then the scan would have caught it anywhere else
    assert reads != []


@pytest.mark.parametrize("path", _python_files(), ids=lambda path: path.relative_to(ROOT).as_posix())
def test_no_module_but_config_env_reads_the_environment(path: Path) -> None:
    # given a module under src/ or config/
    # when
    reads = _environment_reads(path)
    # then
    assert reads == [], f"{path.relative_to(ROOT)} reads the environment; read it in config/env.py instead"
