#!/usr/bin/env bash
# Installs every Debian package facetweld needs to build, test and benchmark.
# Non-interactive, idempotent: only missing packages are installed, `apt-get update` runs once.
set -euo pipefail

build_packages=(
  cmake g++ make pkg-config git
  libfftw3-dev libopenblas-dev liblapack-dev liblapacke-dev
  libscalapack-openmpi-dev libopenmpi-dev openmpi-bin
  libxc-dev libsymspg-dev libboost-dev libxml2-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libtoml11-dev libsqlite3-dev libcli11-dev
  libexpat1-dev zlib1g-dev clang libclang-rt-dev
)
# Data the programs read at run time: pseudopotentials (abinit-data) and EAM files (lammps-data).
data_packages=(abinit-data lammps-data)
# Independent peers the tests and benchmarks compare against.
peer_packages=(python3 python3-ase python3-pymatgen abinit lammps quantum-espresso)
# The Python module (python/) and its tests; Chromium renders report.html in a test; hyperfine
# times whole processes in bench/python.
python_packages=(pybind11-dev python3-dev python3-pytest python3-numpy python3-pil chromium hyperfine)
# A private one-node Slurm cluster that the vasp_io tests start on loopback (real sbatch/squeue).
slurm_test_packages=(slurm-wlm munge)

wanted=("${build_packages[@]}" "${data_packages[@]}" "${peer_packages[@]}" "${python_packages[@]}"
        "${slurm_test_packages[@]}")

missing=()
for pkg in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#wanted[@]} packages present"
  exit 0
fi

echo "setup: installing ${#missing[@]} missing packages: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done"
