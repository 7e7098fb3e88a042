#!/usr/bin/python3
"""Writes a psp8 (ABINIT pspcod 8, ONCVPSP) norm-conserving pseudopotential as UPF v2, number for
number, so that Quantum ESPRESSO runs the same Hamiltonian as ABINIT and facetweld.

Why: the speed bench (bench_vs_peers.py) gives pw.x the PseudoDojo nc-sr-04 "pw standard" Au.psp8
that abinit-data ships. PseudoDojo's table repository (github.com/PseudoDojo/ONCVPSP-LDA-PDv0.4,
Au/Au-sp.psp8 = the same bytes) holds no UPF of it, and ONCVPSP 4.0.1 run on the same Au-sp.in
gives a different pseudopotential (ekb 9.18 vs 9.41 Ha: the file came from ONCVPSP 3.3.0, and
ONCVPSP wrote no UPF for LDA-PW92 before 2025). So the UPF is this file's numbers in QE's units,
following ONCVPSP's own upfout.f90 (the routine that writes its UPF beside the psp8):
  PP_R, PP_RAB   the psp8 linear grid (r_i = i·h from 0), extended with the same step to
                 --r-max bohr (default 13.17, ONCVPSP's UPF length) so QE's 10-bohr cut and the
                 pseudo-wavefunction tails fit;
  PP_LOCAL       2·V_loc (Ry); beyond the psp8 grid −2·Z_val/r (V_loc is −Z_val/r there);
  PP_BETA.i      the psp8 projector column r·β(r) unchanged (ONCVPSP writes the same vkb to both),
                 zero beyond the psp8 grid; cutoff_radius_index = last non-zero point + 1;
  PP_DIJ         diagonal, 2·ekb (Ry);
  PP_NLCC        ρ_core = (psp8 4π·ρ_core)/4π;
  PP_RHOATOM     4πr²ρ_val = r²·(psp8 4π·ρ_val), zero beyond the psp8 grid;
  PP_PSWFC       optional (--pswfc-from FILE.upf): the <PP_CHI.n> blocks of another UPF on the
                 same grid. They are only QE's starting wavefunctions (not part of the
                 Hamiltonian); without them QE starts from random wavefunctions.
Check: run on the psp8 ONCVPSP 4.0.1 writes beside its own UPF, every array equals ONCVPSP's
(printed precision); see data/README.md.

  /usr/bin/python3 bench/dft/psp8_to_upf.py Au.psp8 -o Au.upf [--pswfc-from Au-oncvpsp.upf]
"""

import argparse
import hashlib
import math
import os
import re
import sys


def read_psp8(path):
    """The psp8 file as a dict of arrays (Ha, bohr, the file's own conventions)."""
    with open(path) as f:
        raw = f.read().splitlines()
    title = raw[0].strip()
    lines = [raw[0]] + [l.replace("D", "E") for l in raw[1:]]
    zatom, zion = (float(x) for x in lines[1].split()[:2])
    pspcod, pspxc, lmax, lloc, mmax = (int(x) for x in lines[2].split()[:5])
    if pspcod != 8:
        raise SystemExit("%s: pspcod %d, expected 8" % (path, pspcod))
    rchrg, fchrg = (float(x) for x in lines[3].split()[:2])
    nproj = [int(x) for x in lines[4].split()[:lmax + 1]]
    extension_switch = int(lines[5].split()[0])
    if extension_switch not in (0, 1):
        raise SystemExit("%s: extension_switch %d (spin-orbit) not supported" % (path, extension_switch))
    pos = 6
    channels = []  # (l, [ekb], [[r·β] per projector])
    r = None
    for l in range(lmax + 1):
        if nproj[l] == 0:
            continue
        head = lines[pos].split()
        if int(head[0]) != l:
            raise SystemExit("%s:%d: expected the l = %d block" % (path, pos + 1, l))
        ekb = [float(x) for x in head[1:1 + nproj[l]]]
        rows = [lines[pos + 1 + i].split() for i in range(mmax)]
        r = [float(t[1]) for t in rows]
        betas = [[float(t[2 + j]) for t in rows] for j in range(nproj[l])]
        channels.append((l, ekb, betas))
        pos += 1 + mmax
    if int(lines[pos].split()[0]) != lloc:
        raise SystemExit("%s:%d: expected the local block (lloc %d)" % (path, pos + 1, lloc))
    rows = [lines[pos + 1 + i].split() for i in range(mmax)]
    r = [float(t[1]) for t in rows]
    v_local = [float(t[2]) for t in rows]
    pos += 1 + mmax
    four_pi_rho_core = None
    if fchrg > 0.0:
        four_pi_rho_core = [float(lines[pos + i].split()[2]) for i in range(mmax)]
        pos += mmax
    four_pi_rho_val = None
    if extension_switch == 1:
        four_pi_rho_val = [float(lines[pos + i].split()[2]) for i in range(mmax)]
        pos += mmax
    element = title.split()[0]
    return {"title": title, "element": element, "zatom": zatom, "zion": zion, "pspxc": pspxc,
            "lmax": lmax, "mmax": mmax, "r": r, "channels": channels, "v_local": v_local,
            "four_pi_rho_core": four_pi_rho_core, "four_pi_rho_val": four_pi_rho_val}


def pswfc_blocks(path):
    """The <PP_CHI.n ...>...</PP_CHI.n> blocks of a UPF v2 file (text) and their count."""
    with open(path) as f:
        text = f.read()
    blocks = re.findall(r"(<PP_CHI\.(\d+)\b.*?</PP_CHI\.\2>)", text, re.S)
    mesh = re.search(r'mesh_size="\s*(\d+)"', text)
    return [b[0] for b in blocks], int(mesh.group(1)) if mesh else None


def fmt_array(values, per_line=4):
    out = []
    for i in range(0, len(values), per_line):
        out.append("    " + " ".join("%19.10E" % v for v in values[i:i + per_line]))
    return "\n".join(out)


QE_FUNCTIONAL = {-1012: "SLA  PW   NOGX NOGC", -1009: "PZ", -101130: "PBE", 11: "PBE", 7: "SLA  PW   NOGX NOGC"}


def write_upf(psp, out_path, r_max, pswfc_from, source_path):
    r_file = psp["r"]
    h = r_file[1] - r_file[0]
    n_file = len(r_file)
    n = max(n_file, int(round(r_max / h)) + 1)
    r = [i * h for i in range(n)]
    if any(abs(r[i] - r_file[i]) > 1e-9 for i in range(n_file)):
        raise SystemExit("psp8 grid is not linear from 0")
    zion = psp["zion"]
    v_ry = [2.0 * v for v in psp["v_local"]] + [-2.0 * zion / r[i] for i in range(n_file, n)]
    pad = [0.0] * (n - n_file)
    betas, dij_diag = [], []
    for l, ekb, proj in psp["channels"]:
        for e, b in zip(ekb, proj):
            last = max((i for i, v in enumerate(b) if v != 0.0), default=0)
            betas.append((l, b + pad, last + 1))
            dij_diag.append(2.0 * e)
    nb = len(betas)
    dij = [0.0] * (nb * nb)
    for i, d in enumerate(dij_diag):
        dij[i * nb + i] = d
    nlcc = None
    if psp["four_pi_rho_core"] is not None:
        nlcc = [x / (4.0 * math.pi) for x in psp["four_pi_rho_core"]] + pad
    rhoatom = [0.0] * n
    if psp["four_pi_rho_val"] is not None:
        rhoatom = [r[i] ** 2 * psp["four_pi_rho_val"][i] for i in range(n_file)] + pad
    chi, n_wfc = "", 0
    if pswfc_from:
        blocks, mesh = pswfc_blocks(pswfc_from)
        if mesh is not None and mesh != n:
            raise SystemExit("%s: mesh_size %d, this grid has %d points (use --r-max %.2f)"
                             % (pswfc_from, mesh, n, (mesh - 1) * h))
        chi, n_wfc = "\n".join("   " + b for b in blocks), len(blocks)
    functional = QE_FUNCTIONAL.get(psp["pspxc"])
    if functional is None:
        raise SystemExit("pspxc %d has no QE name here" % psp["pspxc"])
    with open(source_path, "rb") as f:
        source_sha = hashlib.sha256(f.read()).hexdigest()
    lmax = max(b[0] for b in betas) if betas else -1
    parts = ['<UPF version="2.0.1">', "  <PP_INFO>",
             "    Converted from the psp8 file %s" % os.path.basename(source_path),
             "    (sha256 %s), title: %s" % (source_sha, psp["title"]),
             "    by facetweld bench/dft/psp8_to_upf.py: the same numbers in QE units (Ry); grid extended",
             "    from %.2f to %.2f bohr with V_loc = -Z_val/r, projectors, core and valence density 0." % (
                 r_file[-1], r[-1]),
             "    PP_PSWFC (QE's starting wavefunctions only): %s." % (
                 ("from " + os.path.basename(pswfc_from)) if pswfc_from else "none"),
             "    Pseudopotential: PseudoDojo nc-sr-04 (van Setten et al., Comput. Phys. Commun. 226, 39 (2018)),",
             "    generated with ONCVPSP (D. R. Hamann, Phys. Rev. B 88, 085117 (2013)).",
             "  </PP_INFO>",
             "  <PP_HEADER",
             '     generator="ONCVPSP (psp8), converted by facetweld psp8_to_upf.py"',
             '     author="PseudoDojo"', '     date=""', '     comment=""',
             '     element="%s"' % psp["element"], '     pseudo_type="NC"', '     relativistic="scalar"',
             '     is_ultrasoft="F"', '     is_paw="F"', '     is_coulomb="F"', '     has_so="F"',
             '     has_wfc="F"', '     has_gipaw="F"', '     paw_as_gipaw="F"',
             '     core_correction="%s"' % ("T" if nlcc else "F"),
             '     functional="%s"' % functional,
             '     z_valence="%.8f"' % zion, '     total_psenergy="0.0"',
             '     wfc_cutoff="0.0"', '     rho_cutoff="0.0"',
             '     l_max="%d"' % lmax, '     l_max_rho="%d"' % (2 * lmax), '     l_local="-1"',
             '     mesh_size="%d"' % n, '     number_of_wfc="%d"' % n_wfc,
             '     number_of_proj="%d"/>' % nb,
             "  <PP_MESH dx=\"0.0\" mesh=\"%d\" xmin=\"0.0\" rmax=\"%.10f\" zmesh=\"%.1f\">" % (n, r[-1], psp["zatom"]),
             '    <PP_R type="real" size="%d" columns="4">' % n, fmt_array(r), "    </PP_R>",
             '    <PP_RAB type="real" size="%d" columns="4">' % n, fmt_array([h] * n), "    </PP_RAB>",
             "  </PP_MESH>"]
    if nlcc:
        parts += ['  <PP_NLCC type="real" size="%d" columns="4">' % n, fmt_array(nlcc), "  </PP_NLCC>"]
    parts += ['  <PP_LOCAL type="real" size="%d" columns="4">' % n, fmt_array(v_ry), "  </PP_LOCAL>",
              "  <PP_NONLOCAL>"]
    for i, (l, b, cut) in enumerate(betas, start=1):
        parts += ['    <PP_BETA.%d type="real" size="%d" columns="4" index="%d" angular_momentum="%d"'
                  ' cutoff_radius_index="%d" cutoff_radius="%.10f">' % (i, n, i, l, cut, r[cut - 1]),
                  fmt_array(b), "    </PP_BETA.%d>" % i]
    parts += ['    <PP_DIJ type="real" size="%d" columns="4">' % (nb * nb), fmt_array(dij), "    </PP_DIJ>",
              "  </PP_NONLOCAL>",
              '  <PP_PSWFC>' + ("\n" + chi if chi else ""), "  </PP_PSWFC>",
              '  <PP_RHOATOM type="real" size="%d" columns="4">' % n, fmt_array(rhoatom), "  </PP_RHOATOM>",
              "</UPF>", ""]
    tmp = out_path + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(parts))
    os.replace(tmp, out_path)
    return n, nb, n_wfc


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("psp8")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--r-max", type=float, default=13.17, help="grid end, bohr (default 13.17)")
    ap.add_argument("--pswfc-from", help="take <PP_CHI.n> (starting wavefunctions) from this UPF")
    args = ap.parse_args()
    psp = read_psp8(args.psp8)
    n, nb, nw = write_upf(psp, args.output, args.r_max, args.pswfc_from, args.psp8)
    print("%s: %d points, %d projectors, %d pseudo-wavefunctions" % (args.output, n, nb, nw))
    return 0


if __name__ == "__main__":
    sys.exit(main())
