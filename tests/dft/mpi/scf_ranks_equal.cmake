# \file scf_ranks_equal.cmake
# \brief `mpirun -np 2 facetweld scf` gives the single-process energy (1e-8 Ha) and forces, records
# mpi_ranks/threads_per_rank, and only rank 0 prints. Run by ctest (cmake -P) with FACETWELD,
# MPIEXEC, PSP, WORK, KPTS (the mesh) and SHARING (a regular expression the 2-rank log must match:
# how the ranks shared the work) defined; fails when the pseudopotential is missing (tools/setup.sh
# installs Debian's abinit-data).
#   KPTS 2x3x3, 10 irreducible k-points: the ranks split the k-points (2 k-point groups).
#   KPTS 1x1x1, Γ only: both ranks share the one k-point and split its bands (H application and
#   density), the rest of the Davidson iteration replicated.
if(NOT EXISTS "${PSP}")
  message(FATAL_ERROR "${PSP} missing: tools/setup.sh installs Debian's abinit-data")
endif()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
# A 2-atom Au cell with one atom displaced: low symmetry, forces non-zero.
file(WRITE "${WORK}/au2.vasp"
  "Au2\n1.0\n4.08 0 0\n0 2.885 0\n0 0 2.885\nAu\n2\nDirect\n0 0 0\n0.52 0.5 0.5\n")
set(common scf --structure "${WORK}/au2.vasp" --psp "${PSP}" --xc pbe --ecut 10Ha --kpts ${KPTS}
    --smearing fermi-dirac:0.02Ha --toldfe 1e-10 --threads 1)

execute_process(COMMAND "${FACETWELD}" ${common} --json "${WORK}/one.json"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out_one ERROR_VARIABLE err_one)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "single process failed (${rc}):\n${out_one}${err_one}")
endif()
execute_process(COMMAND "${MPIEXEC}" -np 2 "${FACETWELD}" ${common} --json "${WORK}/two.json"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out_two ERROR_VARIABLE err_two)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "mpirun -np 2 failed (${rc}):\n${out_two}${err_two}")
endif()

file(READ "${WORK}/one.json" one)
file(READ "${WORK}/two.json" two)
string(JSON ranks_one GET "${one}" mpi_ranks)
string(JSON ranks_two GET "${two}" mpi_ranks)
string(JSON threads_two GET "${two}" threads_per_rank)
if(NOT ranks_one EQUAL 1 OR NOT ranks_two EQUAL 2 OR NOT threads_two EQUAL 1)
  message(FATAL_ERROR "mpi_ranks ${ranks_one}/${ranks_two}, threads_per_rank ${threads_two}")
endif()
if(NOT out_two MATCHES "${SHARING}")
  message(FATAL_ERROR "the 2-rank run did not share the work as '${SHARING}':\n${out_two}")
endif()

# |a − b| <= tol for decimal strings, in CMake's integer arithmetic: compare at 1e-10 resolution.
function(expect_close what a b tol_1e10)
  foreach(v a b)
    string(REGEX MATCH "^(-?)([0-9]+)\\.?([0-9]*)" m "${${v}}")
    set(sign "${CMAKE_MATCH_1}")
    set(int "${CMAKE_MATCH_2}")
    string(SUBSTRING "${CMAKE_MATCH_3}0000000000" 0 10 frac)
    string(REGEX REPLACE "^0+([0-9])" "\\1" frac "${frac}")
    math(EXPR scaled "${int} * 10000000000 + ${frac}")
    if(sign STREQUAL "-")
      math(EXPR scaled "0 - ${scaled}")
    endif()
    set(${v}_scaled ${scaled})
  endforeach()
  math(EXPR diff "${a_scaled} - ${b_scaled}")
  if(diff LESS 0)
    math(EXPR diff "0 - ${diff}")
  endif()
  if(diff GREATER ${tol_1e10})
    message(FATAL_ERROR "${what}: ${a} vs ${b} differ by ${diff}e-10 (allowed ${tol_1e10}e-10)")
  endif()
  message("${what}: ${a} vs ${b} (difference ${diff}e-10)")
endfunction()

string(JSON e1 GET "${one}" free_energy_Ha)
string(JSON e2 GET "${two}" free_energy_Ha)
expect_close("free energy (Ha)" "${e1}" "${e2}" 100)  # 1e-8 Ha
# The displaced atom's force along x (y and z vanish by symmetry).
string(JSON f1 GET "${one}" forces_eV_per_A 1 0)
string(JSON f2 GET "${two}" forces_eV_per_A 1 0)
expect_close("force on atom 2 along x (eV/A)" "${f1}" "${f2}" 10000)  # 1e-6 eV/Å

# Rank 0 alone prints: the summary line appears once.
string(REGEX MATCHALL "free energy [-0-9.]+ Ha" lines "${out_two}")
list(LENGTH lines n_lines)
if(NOT n_lines EQUAL 1)
  message(FATAL_ERROR "expected one summary line under mpirun, got ${n_lines}:\n${out_two}")
endif()
