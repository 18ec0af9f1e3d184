"""The wheel carries the question sets; a checkout reads its own questions/ folder."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_checkout_reads_its_own_questions():
    from clustercli.paths import questions_dir

    assert questions_dir() == ROOT / "questions"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("uv") is None, reason="uv builds the wheel")
def test_wheel_contains_package_and_question_sets(tmp_path):
    proc = subprocess.run(["uv", "build", "--wheel", "--out-dir", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    wheel = next(tmp_path.glob("clustercli-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = [p.relative_to(ROOT / "questions").as_posix()
               for p in (ROOT / "questions").rglob("*") if p.is_file()]
    assert shipped, "questions/ holds the shipped sets"
    for name in shipped:
        assert f"clustercli/questions/{name}" in names
    assert "clustercli/cli/__init__.py" in names
    assert any(n.startswith("clustercli/locales/en/") for n in names)
    assert not any(n.startswith("tests/") for n in names)


def test_installed_layout_reads_the_package_copy(tmp_path, monkeypatch):
    """Without a checkout around it, the package reads clustercli/questions."""
    import clustercli.paths as paths

    package = tmp_path / "site-packages" / "clustercli"
    (package / "questions").mkdir(parents=True)
    monkeypatch.setattr(paths, "_PACKAGE", package)
    assert paths.questions_dir() == package / "questions"
