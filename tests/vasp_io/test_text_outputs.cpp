/// \file test_text_outputs.cpp
/// \brief EIGENVAL, DOSCAR and XDATCAR readers: shapes of the real files, and every prefix of
/// each file (a job killed at any byte) gives a partial result or an InputError, never a crash.
/// Their values are compared with pymatgen and ASE in tests/python/test_vasp_text_outputs.py.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "tests/vasp_io/corpus.hpp"
#include "vasp_io/doscar.hpp"
#include "vasp_io/eigenval.hpp"
#include "vasp_io/xdatcar.hpp"

namespace fw::vasp {
namespace {

using testing::corpus_dir;

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::filesystem::path xdatcar_path() {
  return corpus_dir().parent_path() / "vasp-extra" / "aiida_phonondb_xdatcar" / "XDATCAR";
}

/// Cuts `text` after every line and at a byte inside it; `parse` must return or throw InputError.
template <typename Parse>
void every_prefix_parses_or_fails_cleanly(const std::string& text, Parse parse) {
  for (std::size_t end = text.find('\n'); end != std::string::npos;
       end = text.find('\n', end + 1)) {
    for (const std::size_t cut : {end + 1, end > 3 ? end - 3 : end}) {
      try {
        parse(text.substr(0, cut));
      } catch (const InputError&) {
        // a clear error is a correct answer for a header cut short
      }
    }
  }
}

TEST(TextOutputs, RealFilesHaveTheShapesTheirHeadersState) {
  FW_REQUIRE_CORPUS();
  const Eigenval e = read_eigenval(corpus_dir() / "aiida_Si_spin_relax_vasp620" / "EIGENVAL");
  EXPECT_TRUE(e.completeness.complete);
  EXPECT_EQ(e.nspin, 2);
  EXPECT_EQ(e.nkpoints, 29);
  EXPECT_EQ(e.nbands, 7);
  EXPECT_EQ(e.energies_eV.size(), 2u * 29 * 7);
  EXPECT_EQ(e.occupations.size(), e.energies_eV.size());
  EXPECT_EQ(e.energies_eV[0], -6.877469);       // spin up, k 1, band 1
  EXPECT_EQ(e.energies_eV[29 * 7], -4.966700);  // spin down, k 1, band 1

  const Doscar d = read_doscar(corpus_dir() / "aiida_Si_spin_relax_vasp620" / "DOSCAR");
  EXPECT_TRUE(d.completeness.complete);
  EXPECT_EQ(d.nspin, 2);
  EXPECT_EQ(d.nedos(), 301u);
  EXPECT_EQ(d.efermi_eV, 0.60026840);
  EXPECT_EQ(d.projected_ions, 1);
  EXPECT_EQ(d.projected_columns, 6);
  EXPECT_EQ(d.integrated[300], 2.8);

  const Xdatcar x = read_xdatcar(xdatcar_path());
  EXPECT_TRUE(x.completeness.complete);
  ASSERT_EQ(x.frames(), 1u);
  EXPECT_EQ(x.species.size(), 104u);
  EXPECT_EQ(x.cells_A[0][0][0], 15.428799);
  EXPECT_EQ(x.structure(0).atoms[0].position[2], 0.75 * 9.043083);
}

TEST(TextOutputs, EveryPrefixIsAPartialResultOrAClearError) {
  FW_REQUIRE_CORPUS();
  const auto dir = corpus_dir() / "aiida_Si_spin_relax_vasp620";
  every_prefix_parses_or_fails_cleanly(slurp(dir / "EIGENVAL"), [](std::string t) {
    const Eigenval e = parse_eigenval(std::move(t), "EIGENVAL");
    EXPECT_EQ(e.energies_eV.size(), static_cast<std::size_t>(e.nspin * e.nkpoints * e.nbands));
  });
  every_prefix_parses_or_fails_cleanly(slurp(dir / "DOSCAR"), [](std::string t) {
    const Doscar d = parse_doscar(std::move(t), "DOSCAR");
    EXPECT_EQ(d.total.size(), static_cast<std::size_t>(d.nspin) * d.nedos());
    EXPECT_EQ(d.projected.size(),
              static_cast<std::size_t>(d.projected_ions * d.projected_columns) * d.nedos());
  });
  every_prefix_parses_or_fails_cleanly(slurp(xdatcar_path()), [](std::string t) {
    const Xdatcar x = parse_xdatcar(std::move(t), "XDATCAR");
    EXPECT_EQ(x.positions_fractional.size(), x.frames() * x.species.size());
  });
}

// Issue 21: an XDATCAR cut inside its last number ("0.0000" of "0.00000000") was complete, its
// last position read from the digits left. A last line without VASP's newline is a cut.
TEST(TextOutputs, ALastLineWithoutItsNewlineIsACutNotANumber) {
  FW_REQUIRE_CORPUS();
  std::string text = slurp(xdatcar_path());
  ASSERT_EQ(text.back(), '\n');
  text.resize(text.size() - 5);
  const Xdatcar x = parse_xdatcar(text, "XDATCAR");
  EXPECT_FALSE(x.completeness.complete);
  EXPECT_EQ(x.frames(), 0u);
}

TEST(TextOutputs, EmptyAndBinaryInputAreClearErrors) {
  EXPECT_THROW(parse_eigenval("", "EIGENVAL"), InputError);
  EXPECT_THROW(parse_doscar(std::string("\0\0\0", 3), "DOSCAR"), InputError);
  EXPECT_THROW(parse_xdatcar("title\n", "XDATCAR"), InputError);
  // Counts beyond what the file can hold (found by fuzz_text_outputs: 4.4e17 ions became an
  // undefined int) are header errors naming the line.
  const std::string header = "   444444444444444444   1   1   0\n\n\n\nCAR\n";
  try {
    parse_doscar(header + "  10.0 -10.0 3 0.5 1.0\n", "DOSCAR");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 1);
  }
  EXPECT_THROW(parse_eigenval("  1 1 1 2\n\n\n\nCAR\n 8 1e10 4\n", "EIGENVAL"), InputError);
  EXPECT_THROW(parse_xdatcar("t\n1\n1 0 0\n0 1 0\n0 0 1\nSi\n1e9\n", "XDATCAR"), InputError);
}

}  // namespace
}  // namespace fw::vasp
