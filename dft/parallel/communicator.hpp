/// \file communicator.hpp
/// \brief The MPI ranks of a run (MPI over k-points; ScaLAPACK groups), and one rank when the
/// process was not started by a launcher, so a plain `facetweld scf` never touches MPI.
#pragma once

#include <mpi.h>

#include <complex>
#include <cstddef>
#include <string>
#include <vector>

#include "dft/parallel/exception_guard.hpp"

namespace fw::dft {

/// A group of MPI ranks. Collective calls must be made by every rank of the group, outside
/// OpenMP parallel regions (MPI is initialised with MPI_THREAD_FUNNELED).
class Communicator {
 public:
  /// Every rank of the job. MPI is initialised on first use when the process runs under mpirun,
  /// mpiexec or srun (their environment variables, or FACETWELD_MPI=1), and finalised at exit;
  /// otherwise this is a one-rank group that never calls MPI.
  static const Communicator& world();

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool is_root() const { return rank_ == 0; }
  bool uses_mpi() const { return comm_ != MPI_COMM_NULL; }
  MPI_Comm handle() const { return comm_; }

  /// Ranks of this group on the same node (for the default threads per rank).
  int ranks_on_node() const;

  /// In-place sums over the group.
  void sum(double* data, std::size_t n) const;
  void sum(std::complex<double>* data, std::size_t n) const;
  double sum(double value) const;
  /// The largest value over the group.
  int max(int value) const;
  /// Root's value on every rank.
  void broadcast(std::complex<double>* data, std::size_t n, int root = 0) const;
  void broadcast(std::string& text, int root = 0) const;
  /// In place: rank r holds `counts[r]` blocks of `block` numbers at block Σ_{q<r} counts[q] of
  /// `data`; afterwards every rank holds all Σ counts blocks (MPI_Allgatherv, one datatype per
  /// block so the counts stay small).
  void allgather(std::complex<double>* data, std::size_t block,
                 const std::vector<int>& counts) const;
  void allgather(double* data, std::size_t block, const std::vector<int>& counts) const;
  /// MPI_Alltoallv: send_counts[q] numbers from send + send_offsets[q] go to rank q, which
  /// receives them at its recv + recv_offsets[r] (r this rank), recv_counts[r] of them.
  void alltoallv(const double* send, const std::vector<int>& send_counts,
                 const std::vector<int>& send_offsets, double* recv,
                 const std::vector<int>& recv_counts, const std::vector<int>& recv_offsets) const;
  void alltoallv(const std::complex<double>* send, const std::vector<int>& send_counts,
                 const std::vector<int>& send_offsets, std::complex<double>* recv,
                 const std::vector<int>& recv_counts, const std::vector<int>& recv_offsets) const;
  void barrier() const;

  /// Throws on every rank when any rank's guard caught an exception: an fw::InputError when the
  /// first failing rank's error was one (same message), otherwise std::runtime_error. Keeps the
  /// ranks in step instead of leaving the healthy ones waiting in the next collective.
  void rethrow_any(ExceptionGuard& guard) const;

  /// Sub-group of the ranks with the same colour, ordered by key (MPI_Comm_split).
  Communicator split(int color, int key) const;

  Communicator(const Communicator&) = delete;
  Communicator& operator=(const Communicator&) = delete;
  Communicator(Communicator&& other) noexcept;
  ~Communicator();

 private:
  Communicator() = default;
  template <typename T>
  void alltoallv_elements(const T* send, const std::vector<int>& send_counts,
                          const std::vector<int>& send_offsets, T* recv,
                          const std::vector<int>& recv_counts, const std::vector<int>& recv_offsets,
                          MPI_Datatype element) const;
  MPI_Comm comm_ = MPI_COMM_NULL;
  bool owned_ = false;
  int rank_ = 0, size_ = 1;
};

/// True on the rank that prints and writes files (rank 0 of the world; always true without MPI).
bool is_output_rank();

}  // namespace fw::dft
