#!/usr/bin/python3
"""Parse the ABINIT outputs of this folder (NAME.abo beside NAME.abi) into abinit_stress.json.

Usage: /usr/bin/python3 extract.py DIR   # DIR holds NAME/NAME.abo for every NAME.abi here
Per input: the cell and Cartesian positions (bohr, from the .abi), ecut, nband, ngkpt, ixc, and
from the .abo the stress tensor (Ha/bohr^3, the 9 printed digits), pressure (GPa), etotal (Ha),
ngfft, nkpt and the number of SCF steps.
"""
import glob
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def numbers(text):
    return [float(x.replace("d", "e").replace("D", "e")) for x in re.findall(r"[-+]?\d+\.?\d*(?:[EeDd][-+]?\d+)?", text)]


def parse_abi(path):
    lines = [l.split("#")[0] for l in open(path)]
    text = "\n".join(lines)
    def block(key, count):
        i = text.index(key + " ")
        return numbers(text[i + len(key):])[:count]
    natom = int(block("natom", 1)[0])
    out = {"cell_bohr": [block("rprim", 9)[3 * i:3 * i + 3] for i in range(3)],
           "ecut_hartree": block("ecut", 1)[0], "nband": int(block("nband", 1)[0]),
           "ngkpt": [int(x) for x in block("ngkpt", 3)], "ixc": int(block("ixc", 1)[0])}
    if "xcart" in text:
        x = block("xcart", 3 * natom)
        out["positions_cart_bohr"] = [x[3 * i:3 * i + 3] for i in range(natom)]
    else:
        x = block("xred", 3 * natom)
        cell = out["cell_bohr"]
        out["positions_cart_bohr"] = [[sum(x[3 * a + i] * cell[i][d] for i in range(3)) for d in range(3)]
                                      for a in range(natom)]
    out["abi_sha256"] = hashlib.sha256(open(path, "rb").read()).hexdigest()
    return out


def parse_abo(path):
    text = open(path).read()
    blocks = text.split("Cartesian components of stress tensor (hartree/bohr^3)")
    last = blocks[-1].splitlines()[1:4]
    s = {}
    for line in last:
        for m in re.finditer(r"sigma\((\d) (\d)\)=\s*([-+\dE.]+)", line):
            s[(int(m.group(1)), int(m.group(2)))] = float(m.group(3))
    stress = [[s.get((i, j), s.get((j, i))) for j in (1, 2, 3)] for i in (1, 2, 3)]
    out = {"stress_Ha_per_bohr3": stress,
           "pressure_GPa": float(re.findall(r"Pressure=\s*([-+\dE.]+) GPa", text)[-1]),
           "etotal_Ha": float(re.findall(r"etotal\s+([-+\dE.]+)", text)[-1]),
           "ngfft": [int(x) for x in re.findall(r"ngfft\s+(\d+)\s+(\d+)\s+(\d+)", text)[-1]],
           "nkpt": int(re.findall(r"\bnkpt\s+(\d+)", text)[-1]),
           "scf_steps": len(re.findall(r"^ ETOT\s+\d+", text, re.M))}
    return out


def main():
    root = sys.argv[1]
    result = {}
    for abi in sorted(glob.glob(os.path.join(HERE, "*.abi"))):
        name = os.path.basename(abi)[:-4]
        result[name] = parse_abi(abi)
        result[name].update(parse_abo(os.path.join(root, name, name + ".abo")))
    with open(os.path.join(HERE, "abinit_stress.json"), "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
