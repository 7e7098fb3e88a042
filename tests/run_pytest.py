"""Runs pytest for a ctest entry and fails it when any test or module was skipped.

In CI every test must run (tools/check_no_skips.sh): pytest exits 0 on a skip, so this runs it
with `-rs` (the reason of each skip in the summary) and turns every skip into exit status 1, with
one `FACETWELD_PYTEST_SKIPPED: <test> - <reason>` line per skip that check_no_skips.sh also reads
from a ctest log. Usage: python3 tests/run_pytest.py [pytest arguments...]
"""
import os
import sys

import pytest

SKIP_MARK = "FACETWELD_PYTEST_SKIPPED"


class FailOnSkip:
    """Collects every skipped test and module and fails the session when there is one."""

    def __init__(self):
        self.skipped = []

    def _note(self, report):
        if report.skipped and not hasattr(report, "wasxfail"):
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
            self.skipped.append(f"{report.nodeid} - {reason}")

    def pytest_runtest_logreport(self, report):
        self._note(report)

    def pytest_collectreport(self, report):
        self._note(report)

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session):
        if self.skipped and session.exitstatus == 0:
            session.exitstatus = 1

    def pytest_terminal_summary(self, terminalreporter):
        for line in self.skipped:
            terminalreporter.write_line(f"{SKIP_MARK}: {line}")
        if self.skipped:
            terminalreporter.write_line(
                f"run_pytest: FAILED: {len(self.skipped)} skipped (every test must run)")


def main(args):
    sys.path[0] = os.getcwd()  # as `python3 -m pytest` does, not this file's folder
    return int(pytest.main(["-rs", *args], plugins=[FailOnSkip()]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
