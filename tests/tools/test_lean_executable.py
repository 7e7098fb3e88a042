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
