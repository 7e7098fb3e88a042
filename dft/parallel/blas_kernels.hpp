/// \file blas_kernels.hpp
/// \brief Makes OpenBLAS use the vector kernels the CPU has when its own detection fails.
#pragma once

namespace fw::dft {

/// OpenBLAS 0.3.21 (Debian 12) does not know recent Xeons (Sapphire Rapids reports the generic
/// model "Intel(R) Xeon(R) Processor") and falls back to its SSE3 "Prescott" kernels, ~40% slower
/// ZGEMM than its AVX-512 "SkylakeX" ones on the same CPU. It reads OPENBLAS_CORETYPE once, when
/// it is loaded, so the only remedy inside the program is to set it and re-execute: when the
/// variable is unset, OpenBLAS chose Prescott and the CPU has AVX-512F (else AVX2 + FMA), this
/// sets SkylakeX (else Haswell) and calls execv on /proc/self/exe with the same arguments. Call it
/// first in main(), before MPI or threads start; it returns when nothing is to be done (or execv
/// fails). FACETWELD_BLAS_AUTODETECT=0 turns it off.
void select_blas_kernels(char** argv);

}  // namespace fw::dft
