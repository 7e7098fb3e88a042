"""`facetweld run` writes report.html beside report.md; headless Chromium renders it to a PNG
(kept in $FACETWELD_ARTIFACT_DIR as a CI artefact) that is not blank, and the rendered DOM holds
the facet table and both plots. Progress lines appear on a terminal and not in a log."""
import os
import pty
import re
import select
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

BINARY = os.environ.get("FACETWELD_BINARY", "build/tools/facetweld")
ARTIFACTS = Path(os.environ.get("FACETWELD_ARTIFACT_DIR", tempfile.gettempdir()))

# Small enough for a test on 2 cores, with every section of the report present.
JOB = """
element = "Au"
a_A = 4.08
facets = ["100", "110", "111"]
[geometry]
cells = 3
[eam]
layers = 7
[dft]
enabled = false
[vasp]
enabled = false
[weld]
angles_deg = [0, 40]
time_ps = 0.2
"""


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        exe = shutil.which(name)
        if exe:
            return exe
    pytest.fail("chromium missing: tools/setup.sh installs Debian's chromium")


def chromium_args(profile):
    return ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", f"--user-data-dir={profile}"]


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    base = tmp_path_factory.mktemp("run")
    job = base / "job.toml"
    job.write_text(JOB)
    out = base / "results"
    proc = subprocess.run([BINARY, "run", str(job), "-o", str(out)], capture_output=True,
                          text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # Not a terminal: no progress lines (no carriage returns, no ETA) in the log.
    assert "\r" not in proc.stderr and "ETA" not in proc.stderr, proc.stderr
    return out


class Elements(HTMLParser):
    """Collects tag names with ids, table cells and external references."""

    def __init__(self):
        super().__init__()
        self.ids = {}
        self.cells = []
        self.external = []
        self.tags = []
        self._in_cell = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if "id" in attrs:
            self.ids[attrs["id"]] = tag
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            if re.match(r"^(https?:)?//", value):
                self.external.append(value)
        self._in_cell = tag in ("td", "th")

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._in_cell = False

    def handle_data(self, data):
        if self._in_cell:
            self.cells.append(data.strip())


def test_report_html_is_self_contained_with_table_plots_and_links(run_dir):
    html = (run_dir / "report.html").read_text()
    assert (run_dir / "report.md").exists()
    page = Elements()
    page.feed(html)
    assert page.external == []  # no network: everything is inline
    assert page.ids.get("facet-table") == "table"
    assert page.ids.get("edis-plot") == "figure" and page.ids.get("weld-plot") == "figure"
    assert page.tags.count("svg") >= 2
    for label in ("(100)", "(110)", "(111)"):
        assert label in page.cells
    for link in ("facets_eam.json", "settings.json", "report.md"):
        assert f'href="{link}"' in html
        assert (run_dir / link).exists()


def test_chromium_renders_the_report_with_table_and_both_plots(run_dir):
    exe = chromium()
    url = (run_dir / "report.html").as_uri()
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run([exe, *chromium_args(profile), "--dump-dom", url],
                             capture_output=True, text=True, timeout=120, check=True).stdout
    page = Elements()
    page.feed(dom)
    assert page.ids.get("facet-table") == "table"
    assert page.ids.get("edis-plot") == "figure" and page.ids.get("weld-plot") == "figure"
    assert "E_dis (eV/Å²)" in dom and "energy release (eV)" in dom  # axis labels with units
    assert dom.count("<rect") >= 6  # the bars

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    png = ARTIFACTS / "report.png"
    if png.exists():
        png.unlink()
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([exe, *chromium_args(profile), f"--screenshot={png}",
                        "--window-size=1280,2600", url],
                       capture_output=True, timeout=120, check=True)
    from PIL import Image

    image = Image.open(png).convert("RGB")
    assert image.size == (1280, 2600)
    pixels = list(image.getdata())
    non_white = sum(1 for p in pixels if p != (255, 255, 255)) / len(pixels)
    assert non_white > 0.03, f"only {non_white:.1%} of the page is drawn"
    # The chart colours are on screen: bars/lines in the first two palette colours.
    colours = set(pixels)
    for rgb in ((0x4E, 0x79, 0xA7), (0xF2, 0x8E, 0x2B)):
        assert rgb in colours, f"colour {rgb} missing from the screenshot"
    assert len(colours) > 50  # text, antialiasing and figures, not a flat page


def test_progress_lines_with_eta_appear_on_a_terminal(tmp_path):
    job = tmp_path / "job.toml"
    job.write_text(JOB.replace("angles_deg = [0, 40]", "enabled = false"))
    pid, fd = pty.fork()
    if pid == 0:  # child: stdout and stderr are the terminal
        os.execv(BINARY, [BINARY, "run", str(job), "-o", str(tmp_path / "out")])
    output = b""
    while True:
        ready, _, _ = select.select([fd], [], [], 600)
        if not ready:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    text = output.decode("utf-8", "replace")
    assert os.waitstatus_to_exitcode(status) == 0, text
    # ProgressLine redraws "label  k/N unit  rate  ETA" in place on the terminal.
    assert re.search(r"EAM E_dis +\d+/\d+ calculations .* ETA \d+ s", text), text


# Measures, in the page as Chromium lays it out, every pair of text labels inside each chart
# and the rendered size of the chart text against the body text; writes the result into the DOM.
MEASURE_SCRIPT = """
<script>
const out = {overlaps: [], chartFontPx: [], bodyFontPx: 0, labels: 0};
const para = document.querySelector('p');
out.bodyFontPx = parseFloat(getComputedStyle(para).fontSize);
for (const svg of document.querySelectorAll('figure svg')) {
  const texts = Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim());
  const boxes = texts.map(t => t.getBoundingClientRect());
  out.labels += texts.length;
  for (let i = 0; i < boxes.length; ++i)
    for (let j = i + 1; j < boxes.length; ++j) {
      const a = boxes[i], b = boxes[j];
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 &&
          a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
        out.overlaps.push(texts[i].textContent + ' | ' + texts[j].textContent);
    }
  // Rendered px of the chart's base font: its font-size scaled as the page scales the SVG.
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  out.chartFontPx.push(parseFloat(svg.getAttribute('font-size')) * scale);
}
const pre = document.createElement('pre');
pre.id = 'measured';
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>
"""


def test_chart_labels_never_overlap_and_chart_text_is_as_large_as_the_body_text(run_dir):
    """Issue 22: bar labels overlapped and were clipped, chart fonts were ~10 px beside 15 px
    text. In Chromium's layout of the report at a desktop width: no two labels of a chart
    intersect, and a chart's base font renders at ≥ 90 % of the body's."""
    import json

    exe = chromium()
    page = run_dir / "report_measured.html"
    page.write_text((run_dir / "report.html").read_text().replace("</body>",
                                                                    MEASURE_SCRIPT + "</body>"))
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run([exe, *chromium_args(profile), "--window-size=1280,2600",
                              "--dump-dom", page.as_uri()],
                             capture_output=True, text=True, timeout=120, check=True).stdout
    found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.S)
    assert found, "the measuring script did not run"
    measured = json.loads(found.group(1).replace("&amp;", "&").replace("&lt;", "<")
                          .replace("&gt;", ">"))
    assert measured["labels"] >= 20  # the charts' axes, ticks, legends and values were measured
    assert measured["overlaps"] == [], measured["overlaps"]
    assert len(measured["chartFontPx"]) >= 2
    for font_px in measured["chartFontPx"]:
        assert font_px >= 0.9 * measured["bodyFontPx"], measured
