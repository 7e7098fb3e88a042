"""`facetweld` runs the light commands without loading the DFT libraries (MPI, ScaLAPACK, libxc,
OpenBLAS, FFTW) and hands every other command line to `facetweld-full`, with the same result."""
import os
import subprocess
from pathlib import Path

BINARY = Path(os.environ.get("FACETWELD_BINARY", "build/tools/facetweld"))
FULL = BINARY.with_name("facetweld-full")
CORPUS = [Path(__file__).resolve().parents[2] / "tests" / "data" / "vasp-corpus",
          Path(__file__).resolve().parents[3] / "shared" / "vasp-corpus"]
HEAVY = ("libmpi", "libscalapack", "libxc", "libopenblas", "libblas", "liblapack", "libfftw3",
         "libgomp")


def shared_libraries(exe):
    out = subprocess.run(["ldd", str(exe)], capture_output=True, text=True, check=True).stdout
    return [line.split()[0] for line in out.splitlines() if line.strip()]


def test_lean_executable_links_no_heavy_library():
    libs = shared_libraries(BINARY)
    assert not [lib for lib in libs if lib.startswith(HEAVY)], libs
    assert [lib for lib in shared_libraries(FULL) if lib.startswith(("libxc", "libopenblas"))]


def test_light_command_output_equals_the_full_executable():
    corpus = next(p for p in CORPUS if p.is_dir())
    path = corpus / "custodian_FeO_ldau_spin_relax" / "vasprun.xml"
    lean = subprocess.run([BINARY, "vasp", "parse", "--json", path], capture_output=True,
                          check=True)
    full = subprocess.run([FULL, "vasp", "parse", "--json", path], capture_output=True,
                          check=True)
    assert lean.stdout == full.stdout and b"final_energy_sigma0_eV" in lean.stdout


def test_heavy_commands_help_and_errors_go_through_the_full_executable():
    help_text = subprocess.run([BINARY, "--help"], capture_output=True, text=True).stdout
    for command in ("scf", "run", "weld", "vasp"):
        assert command in help_text
    scf = subprocess.run([BINARY, "scf", "--help"], capture_output=True, text=True)
    assert scf.returncode == 0 and "--ecut" in scf.stdout
    bad = subprocess.run([BINARY, "-q", "vasp", "parse", "/nonexistent/OUTCAR"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "file not found" in bad.stderr
    unknown = subprocess.run([BINARY, "no-such-command"], capture_output=True, text=True)
    assert unknown.returncode == 2


def test_lean_executable_without_the_full_one_says_how_to_install(tmp_path):
    """Copied alone, `facetweld` cannot run a heavy command: it must say which file is missing
    and what to do — an error, not an "internal error"."""
    lone = tmp_path / "facetweld"
    lone.write_bytes(BINARY.read_bytes())
    lone.chmod(0o755)
    r = subprocess.run([lone, "scf", "--help"], capture_output=True, text=True)
    assert r.returncode == 1
    assert "facetweld: error: cannot start" in r.stderr and "facetweld-full" in r.stderr
    assert "install or copy both" in r.stderr and "internal error" not in r.stderr
    light = subprocess.run([lone, "vasp", "parse", "--help"], capture_output=True, text=True)
    assert light.returncode == 0 and "OUTCAR" in light.stdout
    version = subprocess.run([lone, "--version"], capture_output=True, text=True)
    full_version = subprocess.run([FULL, "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout == full_version.stdout
    assert version.stdout.startswith("facetweld ")
