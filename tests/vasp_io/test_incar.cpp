/// \file test_incar.cpp
/// \brief INCAR: logicals in every spelling, lists with repeats, comments kept, typo suggestions.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "tests/vasp_io/corpus.hpp"
#include "vasp_io/incar.hpp"

namespace fs = std::filesystem;
using fw::vasp::Incar;

namespace {
const fs::path kCorpus = fw::vasp::testing::corpus_dir();
}

TEST(Incar, LogicalsReadInEverySpellingVaspAccepts) {
  for (const char* spelling : {".TRUE.", ".true.", "T", "t", "TRUE", "True", ".T.", "true"}) {
    Incar incar = Incar::parse(std::string("LWAVE = ") + spelling + "\n", "INCAR");
    EXPECT_EQ(incar.logical("LWAVE"), true) << spelling;
  }
  for (const char* spelling : {".FALSE.", ".false.", "F", "f", "FALSE", "False", ".F."}) {
    Incar incar = Incar::parse(std::string("LCHARG = ") + spelling + "\n", "INCAR");
    EXPECT_EQ(incar.logical("LCHARG"), false) << spelling;
  }
  EXPECT_THROW(Incar::parse("LWAVE = yes\n", "INCAR"), fw::InputError);
}

TEST(Incar, ListRepeatsExpandLikeVasp) {
  Incar incar = Incar::parse("MAGMOM = 3*0.0 2*1.5 -2\nLDAUL = 2 -1\n", "INCAR");
  const auto magmom = incar.reals("MAGMOM");
  ASSERT_TRUE(magmom);
  EXPECT_EQ(*magmom, (std::vector<double>{0.0, 0.0, 0.0, 1.5, 1.5, -2.0}));
  EXPECT_THROW(Incar::parse("MAGMOM = 0*1.0\n", "INCAR"), fw::InputError);
  EXPECT_THROW(Incar::parse("MAGMOM = 2*abc\n", "INCAR"), fw::InputError);
  EXPECT_EQ(fw::vasp::format_incar_list({0.6, 0.6, 0.6, 1.0}), "3*0.6 1.0");
}

TEST(Incar, TypoIsAnErrorThatSuggestsTheKnownTag) {
  try {
    Incar::parse("ENCUT = 520\nENCTU = 400\n", "jobs/INCAR");
    FAIL() << "ENCTU accepted";
  } catch (const fw::InputError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("jobs/INCAR:2"), std::string::npos) << msg;
    EXPECT_NE(msg.find("did you mean ENCUT?"), std::string::npos) << msg;
  }
  EXPECT_THROW(Incar::parse("ISMAER = 1\n", "INCAR"), fw::InputError);
  Incar incar;
  EXPECT_THROW(incar.set("EDIFF_G", -0.01), fw::InputError);
}

TEST(Incar, WrongValueTypeNamesLineAndExpectation) {
  try {
    Incar::parse("SYSTEM = Au\nENCUT = high\n", "INCAR");
    FAIL();
  } catch (const fw::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("INCAR:2"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("real number"), std::string::npos);
  }
  EXPECT_THROW(Incar::parse("NSW = 2.5\n", "INCAR"), fw::InputError);
  Incar incar;
  EXPECT_THROW(incar.set("NSW", 2.5), fw::InputError);
}

TEST(Incar, CommentsAndSeveralStatementsPerLineSurviveARoundTrip) {
  const std::string text =
      "# Au slab\nSYSTEM = Au(111)  # seven layers\nISMEAR = 1; SIGMA = 0.2 ! metal\n"
      "EDIFF = 1E-6\n\nMAGMOM = 2*0.0 \\\n  1*0.0\n";
  Incar incar = Incar::parse(text, "INCAR");
  EXPECT_EQ(incar.integer("ISMEAR"), 1);
  EXPECT_DOUBLE_EQ(*incar.real("SIGMA"), 0.2);
  EXPECT_EQ(incar.reals("MAGMOM")->size(), 3u);
  incar.set("ENCUT", 520.0, "eV");
  incar.set("ISMEAR", 0);
  const std::string written = incar.str();
  EXPECT_NE(written.find("# Au slab"), std::string::npos);
  EXPECT_NE(written.find("# seven layers"), std::string::npos);
  EXPECT_NE(written.find("ENCUT = 520.0"), std::string::npos);
  Incar again = Incar::parse(written, "INCAR");
  EXPECT_EQ(again.integer("ISMEAR"), 0);
  EXPECT_DOUBLE_EQ(*again.real("ENCUT"), 520.0);
  EXPECT_DOUBLE_EQ(*again.real("EDIFF"), 1e-6);
  EXPECT_EQ(again.word("SYSTEM"), "Au(111)");
  EXPECT_TRUE(again.erase("SIGMA"));
  EXPECT_FALSE(again.has("SIGMA"));
}

TEST(Incar, FortranRealsWithDExponents) {
  EXPECT_DOUBLE_EQ(*fw::vasp::read_fortran_real("1D-8"), 1e-8);
  EXPECT_DOUBLE_EQ(*fw::vasp::read_fortran_real(".5"), 0.5);
  EXPECT_DOUBLE_EQ(*fw::vasp::read_fortran_real("10."), 10.0);
  EXPECT_FALSE(fw::vasp::read_fortran_real("1.0.0"));
}

// The four real INCARs of the corpus (NOMAD) spell logicals differently; pymatgen 2022.11.7's
// values (expected.json) are the reference. Where pymatgen leaves `T` a string (MANIFEST note 5),
// the right reading is the logical VASP sees.
TEST(Incar, CorpusBooleanVariantsMatchPymatgenTags) {
  const fs::path dir = kCorpus / "nomad_incar_boolean_variants";
  ASSERT_TRUE(fs::exists(dir)) << "vasp-corpus missing: " << dir;
  std::ifstream in(dir / "expected.json");
  const auto expected = nlohmann::json::parse(in);
  for (const auto& [file, record] : expected["files"].items()) {
    std::vector<std::string> warnings;
    const Incar incar = Incar::read(dir / file, &warnings);
    const auto& tags = record["values"]["tags"];
    EXPECT_EQ(incar.tags().size(), record["values"]["n_tags"].get<std::size_t>()) << file;
    for (const auto& [tag, value] : tags.items()) {
      SCOPED_TRACE(file + " " + tag);
      ASSERT_TRUE(incar.has(tag));
      if (value.is_boolean()) {
        EXPECT_EQ(fw::vasp::read_fortran_logical(incar.word(tag).value()), value.get<bool>());
      } else if (value.is_number_integer()) {
        EXPECT_EQ(fw::vasp::read_fortran_integer(incar.word(tag).value()), value.get<long long>());
      } else if (value.is_number()) {
        EXPECT_DOUBLE_EQ(fw::vasp::read_fortran_real(incar.word(tag).value()).value(),
                         value.get<double>());
      } else if (value == "T" || value == "F") {
        EXPECT_EQ(fw::vasp::read_fortran_logical(incar.word(tag).value()), value == "T");
      } else {
        EXPECT_EQ(incar.word(tag), value.get<std::string>());
      }
    }
  }
}

TEST(Incar, CorpusIncarsOfRealRunsAllParse) {
  ASSERT_TRUE(fs::exists(kCorpus)) << "vasp-corpus missing: " << kCorpus;
  int parsed = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kCorpus)) {
    if (entry.path().filename() != "INCAR") continue;
    EXPECT_NO_THROW(Incar::read(entry.path())) << entry.path();
    ++parsed;
  }
  EXPECT_GE(parsed, 6);
}
