/// \file scalapack_eigensolver.cpp
/// \brief pzheevd on a BLACS grid (Blackford et al., "ScaLAPACK Users' Guide", SIAM 1997, ch. 4
/// for the block-cyclic layout and array descriptors).
#include "dft/parallel/scalapack_eigensolver.hpp"

#include <lapacke.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

extern "C" {
int Csys2blacs_handle(MPI_Comm comm);
void Cfree_blacs_system_handle(int handle);
void Cblacs_gridinit(int* context, const char* order, int rows, int cols);
void Cblacs_gridinfo(int context, int* rows, int* cols, int* my_row, int* my_col);
void Cblacs_gridexit(int context);
int numroc_(const int* n, const int* nb, const int* iproc, const int* isrcproc, const int* nprocs);
void descinit_(int* desc, const int* m, const int* n, const int* mb, const int* nb,
               const int* irsrc, const int* icsrc, const int* context, const int* lld, int* info);
void pzheevd_(const char* jobz, const char* uplo, const int* n, std::complex<double>* a,
              const int* ia, const int* ja, const int* desca, double* w, std::complex<double>* z,
              const int* iz, const int* jz, const int* descz, std::complex<double>* work,
              const int* lwork, double* rwork, const int* lrwork, int* iwork, const int* liwork,
              int* info);
void pdsyevd_(const char* jobz, const char* uplo, const int* n, double* a, const int* ia,
              const int* ja, const int* desca, double* w, double* z, const int* iz, const int* jz,
              const int* descz, double* work, const int* lwork, int* iwork, const int* liwork,
              int* info);
}

namespace fw::dft {

void lapack_heevd(std::vector<std::complex<double>>& a, std::size_t n, std::vector<double>& w) {
  w.resize(n);
  const int info = LAPACKE_zheevd(LAPACK_COL_MAJOR, 'V', 'U', static_cast<int>(n),
                                  reinterpret_cast<lapack_complex_double*>(a.data()),
                                  static_cast<int>(n), w.data());
  if (info != 0)
    throw std::runtime_error("LAPACK zheevd failed (info " + std::to_string(info) + ") on a " +
                             std::to_string(n) + "x" + std::to_string(n) + " subspace matrix");
}

void lapack_syevd(std::vector<double>& a, std::size_t n, std::vector<double>& w) {
  w.resize(n);
  const int info = LAPACKE_dsyevd(LAPACK_COL_MAJOR, 'V', 'U', static_cast<int>(n), a.data(),
                                  static_cast<int>(n), w.data());
  if (info != 0)
    throw std::runtime_error("LAPACK dsyevd failed (info " + std::to_string(info) + ") on a " +
                             std::to_string(n) + "x" + std::to_string(n) + " subspace matrix");
}

namespace {

void lapack_eigh(std::vector<std::complex<double>>& a, std::size_t n, std::vector<double>& w) {
  lapack_heevd(a, n, w);
}
void lapack_eigh(std::vector<double>& a, std::size_t n, std::vector<double>& w) {
  lapack_syevd(a, n, w);
}

/// pzheevd: workspace query (lwork = −1) or solve; `rwork` is its real workspace.
int parallel_eigh(int n, std::complex<double>* a, const int* desc, double* w,
                  std::complex<double>* z, std::complex<double>* work, int lwork, double* rwork,
                  int lrwork, int* iwork, int liwork) {
  const int one = 1;
  int info = 0;
  pzheevd_("V", "U", &n, a, &one, &one, desc, w, z, &one, &one, desc, work, &lwork, rwork, &lrwork,
           iwork, &liwork, &info);
  return info;
}
/// pdsyevd has no separate real workspace (rwork unused).
int parallel_eigh(int n, double* a, const int* desc, double* w, double* z, double* work, int lwork,
                  double* /*rwork*/, int /*lrwork*/, int* iwork, int liwork) {
  const int one = 1;
  int info = 0;
  pdsyevd_("V", "U", &n, a, &one, &one, desc, w, z, &one, &one, desc, work, &lwork, iwork, &liwork,
           &info);
  return info;
}

double real_part(double v) {
  return v;
}
double real_part(const std::complex<double>& v) {
  return v.real();
}

}  // namespace

ScalapackEigensolver::ScalapackEigensolver(const Communicator& group, std::size_t min_dimension,
                                           int block)
    : group_(group), min_dimension_(min_dimension), block_(std::max(1, block)) {
  if (!group.uses_mpi() || group.size() < 2) return;
  rows_ = static_cast<int>(std::sqrt(static_cast<double>(group.size())));
  while (group.size() % rows_ != 0) --rows_;
  cols_ = group.size() / rows_;
  system_handle_ = Csys2blacs_handle(group.handle());
  context_ = system_handle_;
  Cblacs_gridinit(&context_, "Row", rows_, cols_);
  Cblacs_gridinfo(context_, &rows_, &cols_, &my_row_, &my_col_);
}

ScalapackEigensolver::~ScalapackEigensolver() {
  if (context_ >= 0) Cblacs_gridexit(context_);
  if (system_handle_ >= 0) Cfree_blacs_system_handle(system_handle_);
}

void ScalapackEigensolver::heevd(std::vector<std::complex<double>>& a, std::size_t n,
                                 std::vector<double>& w) const {
  solve(a, n, w);
}

void ScalapackEigensolver::syevd(std::vector<double>& a, std::size_t n,
                                 std::vector<double>& w) const {
  solve(a, n, w);
}

template <typename T>
void ScalapackEigensolver::solve(std::vector<T>& a, std::size_t n, std::vector<double>& w) const {
  if (!distributed() || n < min_dimension_) {
    lapack_eigh(a, n, w);
    return;
  }
  const int nn = static_cast<int>(n), zero = 0;
  // Blocks small enough that every process row and column holds some of the matrix.
  const int nb =
      std::max(1, std::min(block_, (nn + std::max(rows_, cols_) - 1) / std::max(rows_, cols_)));
  const int local_rows = numroc_(&nn, &nb, &my_row_, &zero, &rows_);
  const int local_cols = numroc_(&nn, &nb, &my_col_, &zero, &cols_);
  const int lld = std::max(1, local_rows);
  int desc[9], info = 0;
  descinit_(desc, &nn, &nn, &nb, &nb, &zero, &zero, &context_, &lld, &info);
  if (info != 0) throw std::runtime_error("ScaLAPACK descinit failed");
  // Global (i, j) of local (li, lj): block-cyclic, first block on process (0, 0).
  auto global = [&](int local, int me, int procs) {
    return (local / nb * procs + me) * nb + local % nb;
  };
  std::vector<T> a_local(static_cast<std::size_t>(lld) * std::max(1, local_cols));
  std::vector<T> z_local(a_local.size());
  for (int lj = 0; lj < local_cols; ++lj)
    for (int li = 0; li < local_rows; ++li)
      a_local[static_cast<std::size_t>(lj) * lld + li] =
          a[static_cast<std::size_t>(global(lj, my_col_, cols_)) * n +
            static_cast<std::size_t>(global(li, my_row_, rows_))];
  w.assign(n, 0.0);
  // Workspace query, then the solve.
  T work_query{};
  double rwork_query = 0.0;
  int iwork_query = 0;
  parallel_eigh(nn, a_local.data(), desc, w.data(), z_local.data(), &work_query, -1, &rwork_query,
                -1, &iwork_query, -1);
  const int lwork = static_cast<int>(real_part(work_query)) + 1;
  const int lrwork = static_cast<int>(rwork_query) + 1;
  // The reference ScaLAPACK under-reports LIWORK for small grids; its documented minimum is
  // 7N + 8NPCOL + 2.
  const int liwork = std::max(iwork_query, 7 * nn + 8 * cols_ + 2);
  std::vector<T> work(static_cast<std::size_t>(lwork));
  std::vector<double> rwork(static_cast<std::size_t>(lrwork));
  std::vector<int> iwork(static_cast<std::size_t>(liwork));
  info = parallel_eigh(nn, a_local.data(), desc, w.data(), z_local.data(), work.data(), lwork,
                       rwork.data(), lrwork, iwork.data(), liwork);
  if (info != 0)
    throw std::runtime_error("ScaLAPACK p?syevd/p?heevd failed (info " + std::to_string(info) +
                             ")");
  std::fill(a.begin(), a.begin() + static_cast<long>(n * n), T(0.0));
  for (int lj = 0; lj < local_cols; ++lj)
    for (int li = 0; li < local_rows; ++li)
      a[static_cast<std::size_t>(global(lj, my_col_, cols_)) * n +
        static_cast<std::size_t>(global(li, my_row_, rows_))] =
          z_local[static_cast<std::size_t>(lj) * lld + li];
  group_.sum(a.data(), n * n);
}

}  // namespace fw::dft
