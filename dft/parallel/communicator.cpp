/// \file communicator.cpp
/// \brief Lazy MPI start-up and the few collectives the solver needs.
#include "dft/parallel/communicator.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "core/error.hpp"

namespace fw::dft {
namespace {

/// Launchers set these (Open MPI's mpirun, PMIx under srun, MPICH/Hydra and PMI-2 under srun).
bool started_by_launcher() {
  for (const char* name :
       {"FACETWELD_MPI", "OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"})
    if (const char* v = std::getenv(name); v && *v) {
      if (std::string(name) == "FACETWELD_MPI") return std::string(v) != "0";
      return true;
    }
  return false;
}

void finalize_at_exit() {
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (!finalized) MPI_Finalize();
}

}  // namespace

const Communicator& Communicator::world() {
  static Communicator* world = [] {
    auto* c = new Communicator();  // lives to the end of the process, past MPI_Finalize
    if (!started_by_launcher()) return c;
    int initialized = 0;
    MPI_Initialized(&initialized);
    if (!initialized) {
      int provided = 0;
      MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
      std::atexit(finalize_at_exit);
    }
    c->comm_ = MPI_COMM_WORLD;
    MPI_Comm_rank(MPI_COMM_WORLD, &c->rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &c->size_);
    return c;
  }();
  return *world;
}

Communicator::Communicator(Communicator&& other) noexcept
    : comm_(other.comm_), owned_(other.owned_), rank_(other.rank_), size_(other.size_) {
  other.comm_ = MPI_COMM_NULL;
  other.owned_ = false;
}

Communicator::~Communicator() {
  int finalized = 1;
  if (owned_) MPI_Finalized(&finalized);
  if (owned_ && !finalized) MPI_Comm_free(&comm_);
}

int Communicator::ranks_on_node() const {
  if (!uses_mpi()) return 1;
  MPI_Comm node;
  MPI_Comm_split_type(comm_, MPI_COMM_TYPE_SHARED, rank_, MPI_INFO_NULL, &node);
  int n = 1;
  MPI_Comm_size(node, &n);
  MPI_Comm_free(&node);
  return n;
}

void Communicator::sum(double* data, std::size_t n) const {
  if (uses_mpi() && size_ > 1 && n > 0)
    MPI_Allreduce(MPI_IN_PLACE, data, static_cast<int>(n), MPI_DOUBLE, MPI_SUM, comm_);
}

void Communicator::sum(std::complex<double>* data, std::size_t n) const {
  if (uses_mpi() && size_ > 1 && n > 0)
    MPI_Allreduce(MPI_IN_PLACE, data, static_cast<int>(n), MPI_C_DOUBLE_COMPLEX, MPI_SUM, comm_);
}

double Communicator::sum(double value) const {
  sum(&value, 1);
  return value;
}

int Communicator::max(int value) const {
  if (uses_mpi() && size_ > 1) MPI_Allreduce(MPI_IN_PLACE, &value, 1, MPI_INT, MPI_MAX, comm_);
  return value;
}

void Communicator::broadcast(std::complex<double>* data, std::size_t n, int root) const {
  if (uses_mpi() && size_ > 1 && n > 0)
    MPI_Bcast(data, static_cast<int>(n), MPI_C_DOUBLE_COMPLEX, root, comm_);
}

void Communicator::broadcast(std::string& text, int root) const {
  if (!uses_mpi() || size_ == 1) return;
  int length = static_cast<int>(text.size());
  MPI_Bcast(&length, 1, MPI_INT, root, comm_);
  text.resize(static_cast<std::size_t>(length));
  if (length > 0) MPI_Bcast(text.data(), length, MPI_CHAR, root, comm_);
}

namespace {

/// MPI_Allgatherv in place of `counts[r]` blocks of `block` elements of `element` per rank.
void allgather_blocks(void* data, std::size_t block, const std::vector<int>& counts,
                      MPI_Datatype element, MPI_Comm comm, int ranks) {
  if (block == 0) return;
  if (counts.size() != static_cast<std::size_t>(ranks))
    throw std::logic_error("Communicator::allgather: one count per rank expected");
  std::vector<int> displacements(counts.size(), 0);
  for (std::size_t r = 1; r < counts.size(); ++r)
    displacements[r] = displacements[r - 1] + counts[r - 1];
  MPI_Datatype block_type;
  MPI_Type_contiguous(static_cast<int>(block), element, &block_type);
  MPI_Type_commit(&block_type);
  MPI_Allgatherv(MPI_IN_PLACE, 0, MPI_DATATYPE_NULL, data, counts.data(), displacements.data(),
                 block_type, comm);
  MPI_Type_free(&block_type);
}

}  // namespace

void Communicator::allgather(std::complex<double>* data, std::size_t block,
                             const std::vector<int>& counts) const {
  if (uses_mpi() && size_ > 1)
    allgather_blocks(data, block, counts, MPI_C_DOUBLE_COMPLEX, comm_, size_);
}

void Communicator::allgather(double* data, std::size_t block,
                             const std::vector<int>& counts) const {
  if (uses_mpi() && size_ > 1) allgather_blocks(data, block, counts, MPI_DOUBLE, comm_, size_);
}

void Communicator::alltoallv(const double* send, const std::vector<int>& send_counts,
                             const std::vector<int>& send_offsets, double* recv,
                             const std::vector<int>& recv_counts,
                             const std::vector<int>& recv_offsets) const {
  alltoallv_elements(send, send_counts, send_offsets, recv, recv_counts, recv_offsets, MPI_DOUBLE);
}

void Communicator::alltoallv(const std::complex<double>* send, const std::vector<int>& send_counts,
                             const std::vector<int>& send_offsets, std::complex<double>* recv,
                             const std::vector<int>& recv_counts,
                             const std::vector<int>& recv_offsets) const {
  alltoallv_elements(send, send_counts, send_offsets, recv, recv_counts, recv_offsets,
                     MPI_C_DOUBLE_COMPLEX);
}

template <typename T>
void Communicator::alltoallv_elements(const T* send, const std::vector<int>& send_counts,
                                      const std::vector<int>& send_offsets, T* recv,
                                      const std::vector<int>& recv_counts,
                                      const std::vector<int>& recv_offsets,
                                      MPI_Datatype element) const {
  if (!uses_mpi() || size_ == 1) {  // one rank: its own block only
    std::copy_n(send + send_offsets[0], send_counts[0], recv + recv_offsets[0]);
    return;
  }
  MPI_Alltoallv(send, send_counts.data(), send_offsets.data(), element, recv, recv_counts.data(),
                recv_offsets.data(), element, comm_);
}

void Communicator::barrier() const {
  if (uses_mpi() && size_ > 1) MPI_Barrier(comm_);
}

void Communicator::rethrow_any(ExceptionGuard& guard) const {
  if (!uses_mpi() || size_ == 1) {
    guard.rethrow();
    return;
  }
  // kind: 0 none, 1 other exception, 2 fw::InputError. The lowest failing rank speaks for all.
  int kind = 0;
  std::string message;
  try {
    guard.rethrow();
  } catch (const InputError& e) {
    kind = 2;
    message = e.what();
  } catch (const std::exception& e) {
    kind = 1;
    message = e.what();
  } catch (...) {
    kind = 1;
    message = "unknown exception";
  }
  int speaker = kind != 0 ? rank_ : size_;
  MPI_Allreduce(MPI_IN_PLACE, &speaker, 1, MPI_INT, MPI_MIN, comm_);
  if (speaker == size_) return;
  MPI_Bcast(&kind, 1, MPI_INT, speaker, comm_);
  broadcast(message, speaker);
  if (kind == 2) throw InputError("", message);
  throw std::runtime_error(message);
}

Communicator Communicator::split(int color, int key) const {
  Communicator out;
  if (!uses_mpi()) return out;
  MPI_Comm_split(comm_, color, key, &out.comm_);
  out.owned_ = true;
  MPI_Comm_rank(out.comm_, &out.rank_);
  MPI_Comm_size(out.comm_, &out.size_);
  return out;
}

bool is_output_rank() {
  return Communicator::world().is_root();
}

}  // namespace fw::dft
