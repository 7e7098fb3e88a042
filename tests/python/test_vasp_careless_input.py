"""Issue 21, careless input to the VASP readers (read_vasprun, read_eigenval, read_doscar,
read_xdatcar): empty, binary, cut short anywhere, another format, a NUL byte in the middle, a
gzip cut in its header or in its stream. Each reader runs on all of them in its own interpreter:
every call either returns (a cut file: ``complete`` False) or raises facetweld.InputError, and the
interpreter exits normally (a signal fails the test instead of killing pytest)."""
import gzip
import os
import subprocess
import sys
import textwrap

import pytest

from conftest import REPO

SI = REPO / "tests" / "data" / "vasp-corpus" / "aiida_Si_spin_relax_vasp620"
FILES = {
    "read_vasprun": SI / "vasprun.xml",
    "read_eigenval": SI / "EIGENVAL",
    "read_doscar": SI / "DOSCAR",
    "read_xdatcar": REPO / "tests" / "data" / "vasp-extra" / "aiida_phonondb_xdatcar" / "XDATCAR",
}


def careless_inputs(good, others, folder):
    """name -> path of every careless variant of the file `good`."""
    data = good.read_bytes()
    variants = {
        "empty": b"",
        "binary": bytes(range(256)) * 8,
        "nul_in_middle": data[: len(data) // 2] + b"\0" + data[len(data) // 2 + 1 :],
        "gzip_header_cut.gz": b"\x1f\x8b\x08\x00garbage",
        "gzip_stream_cut.gz": gzip.compress(data)[: len(gzip.compress(data)) // 2],
    }
    for percent in (0.1, 1, 5, 30, 77, 99.9):
        variants[f"cut_at_{percent}%"] = data[: int(len(data) * percent / 100)]
    for name, other in others.items():
        variants[f"is_{name}"] = other.read_bytes()
    paths = {}
    for name, content in variants.items():
        path = folder / name
        path.write_bytes(content)
        paths[name] = str(path)
    return paths


RUNNER = textwrap.dedent(
    """
    import sys
    import facetweld
    from facetweld import vasp
    reader = getattr(vasp, sys.argv[1])
    for name, path in zip(sys.argv[2::2], sys.argv[3::2]):
        try:
            out = reader(path)
            print(name, "returned complete =", out.complete)
        except facetweld.InputError as e:
            print(name, "InputError:", e)
    """
)


@pytest.mark.parametrize("reader", sorted(FILES))
def test_careless_files_raise_input_errors_and_the_interpreter_survives(reader, tmp_path):
    others = {k: v for k, v in FILES.items() if k != reader}
    paths = careless_inputs(FILES[reader], others, tmp_path)
    args = [x for name, path in paths.items() for x in (name, path)]
    env = dict(os.environ, OMP_NUM_THREADS="1")
    proc = subprocess.run([sys.executable, "-c", RUNNER, reader] + args, capture_output=True,
                          text=True, timeout=300, env=env)
    said = proc.stdout + proc.stderr
    assert proc.returncode >= 0, f"killed by signal {-proc.returncode}:\n{said}"
    assert proc.returncode == 0, f"exit {proc.returncode} (an exception not InputError?):\n{said}"
    lines = dict(line.split(" ", 1) for line in proc.stdout.splitlines())
    assert set(lines) == set(paths), said
    for name in ("empty", "binary", "gzip_header_cut.gz"):
        assert lines[name].startswith("InputError:"), f"{name}: {lines[name]}"
    for name in ("cut_at_77%", "cut_at_99.9%", "gzip_stream_cut.gz"):
        assert lines[name] == "returned complete = False", f"{name}: {lines[name]}"
    # A gzip header cut short is no readable gzip, not an empty file (it was "empty file").
    assert "a gzip file that holds no readable data" in lines["gzip_header_cut.gz"], said
