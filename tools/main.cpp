/// \file main.cpp
/// \brief `facetweld-full`: every registered subcommand, with the DFT and MD libraries linked in.
/// Users call `facetweld` (lean_main.cpp), which runs the light commands itself and hands the
/// others to this executable.
#include "dft/parallel/blas_kernels.hpp"
#include "tools/cli_app.hpp"

int main(int argc, char** argv) {
  fw::dft::select_blas_kernels(argv);  // may re-execute with OPENBLAS_CORETYPE set
  return fw::cli::run_cli(argc, argv);
}
