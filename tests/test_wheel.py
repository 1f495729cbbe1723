"""The package as users get it: build the wheel, install it in a fresh virtual
environment (dependencies from PyPI through pip's cache), and run the trained
``sm`` model and the HTML example from there, outside the repository."""
from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"


def _run(args: list, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done


def test_wheel_installs_and_runs_the_sm_model_and_the_html_example(tmp_path):
    _run([sys.executable, "-m", "pip", "wheel", ROOT, "--no-deps", "--quiet", "-w", tmp_path / "dist"], tmp_path)
    wheel = next((tmp_path / "dist").glob("sahel_ner-*.whl"))
    venv.create(tmp_path / "env", with_pip=True)
    bin_dir = tmp_path / "env" / ("Scripts" if sys.platform == "win32" else "bin")
    _run([bin_dir / "python", "-m", "pip", "install", "--quiet", wheel], tmp_path)

    out = tmp_path / "out"
    done = _run([bin_dir / "sahel-ner", "extract", EXAMPLES, "-o", out, "--model", "sm"], tmp_path)
    assert "12 of 12 article(s) processed" in " ".join(done.stdout.split())
    lines = {json.loads(line)["path"]: json.loads(line) for line in (out / "articles.jsonl").open(encoding="utf-8")}
    page = lines["2025-03-22-fambita-mosque.html"]
    assert page["error"] is None and page["published"] and "niger" in {e["id"] for e in page["entities"]}
    check = ("import sahel_ner, sys; nlp = sahel_ner.load(model='sm'); "
             "assert 'sahel_relation_classifier' in nlp.pipe_names; print(sahel_ner.__file__)")
    installed = _run([bin_dir / "python", "-c", check], tmp_path).stdout.strip()
    assert str(tmp_path / "env") in installed  # the installed package, not the checkout
