"""A skipped pytest fails CI as a ctest skip does: its ctest entry (run through
tests/run_pytest.py) fails and tools/check_no_skips.sh fails on the ctest log, naming the skipped
test and why (issue 21 item 6); a GTEST_SKIP under mpirun (exit 0) is a ctest skip too. Runs
throw-away ctest projects; FACETWELD_BUILD_DIR is the project's build folder."""
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RUN_PYTEST = REPO / "tests" / "run_pytest.py"
CHECK_NO_SKIPS = REPO / "tools" / "check_no_skips.sh"

SKIPPING = """
import pytest

def test_runs():
    pass

def test_needs_chromium():
    pytest.skip("chromium not installed")
"""
PASSING = "def test_runs():\n    pass\n"


def ctest_log(tmp_path, test_source):
    """ctest --output-on-failure on one entry running `test_source` as CI does; (exit, log)."""
    (tmp_path / "test_demo.py").write_text(test_source)
    (tmp_path / "CTestTestfile.cmake").write_text(
        f'add_test(demo_pytest "{sys.executable}" "{RUN_PYTEST}" -q -p no:cacheprovider '
        f'"{tmp_path / "test_demo.py"}")\n')
    proc = subprocess.run(["ctest", "--output-on-failure", "--no-tests=error"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    log = tmp_path / "ctest.log"
    log.write_text(proc.stdout + proc.stderr)
    return proc.returncode, log


def check_no_skips(log):
    return subprocess.run(["bash", str(CHECK_NO_SKIPS), str(log)], capture_output=True, text=True)


def test_a_skipped_pytest_fails_its_ctest_entry_and_check_no_skips(tmp_path):
    code, log = ctest_log(tmp_path, SKIPPING)
    text = log.read_text()
    assert code != 0 and "demo_pytest" in text and "***Failed" in text, text
    check = check_no_skips(log)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "test_demo.py::test_needs_chromium - Skipped: chromium not installed" in check.stderr


def test_a_pytest_that_runs_everything_passes_both(tmp_path):
    code, log = ctest_log(tmp_path, PASSING)
    assert code == 0, log.read_text()
    check = check_no_skips(log)
    assert check.returncode == 0 and "no test skipped" in check.stdout, check.stderr


def test_a_gtest_skip_under_mpirun_is_a_ctest_skip_that_fails_check_no_skips(tmp_path):
    build = os.environ.get("FACETWELD_BUILD_DIR", str(REPO / "build"))
    shown = subprocess.run(["ctest", "--test-dir", build, "--show-only=json-v1", "-R",
                            r"^dft_mpi\.ScalapackSubspaceAndRowLayout$"],
                           capture_output=True, text=True, check=True)
    (test,) = json.loads(shown.stdout)["tests"]
    (regexes,) = [p["value"] for p in test["properties"] if p["name"] == "SKIP_REGULAR_EXPRESSION"]
    # What rank 0 of dft_mpi_tests prints on a GTEST_SKIP, with exit status 0.
    gtest_skip = "[  SKIPPED ] ScalapackSubspace.ScfSharingOneKPointEqualsLapackSubspaces (0 ms)"
    (tmp_path / "CTestTestfile.cmake").write_text(
        f"add_test(mpi_like echo [=[{gtest_skip}]=])\n"
        f"set_tests_properties(mpi_like PROPERTIES SKIP_REGULAR_EXPRESSION "
        f"[=[{';'.join(regexes)}]=])\n")
    proc = subprocess.run(["ctest"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    log = tmp_path / "ctest.log"
    log.write_text(proc.stdout + proc.stderr)
    assert "***Skipped" in log.read_text(), log.read_text()
    assert check_no_skips(log).returncode == 1


def test_a_ctest_skip_still_fails_check_no_skips(tmp_path):
    log = tmp_path / "ctest.log"
    log.write_text("1/1 Test #1: dft_mpi.ScalapackSubspaceAndRowLayout ...***Skipped   0.1 sec\n")
    assert check_no_skips(log).returncode == 1
