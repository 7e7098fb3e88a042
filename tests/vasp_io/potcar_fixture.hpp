/// \file potcar_fixture.hpp
/// \brief TEST FIXTURE: a temporary folder of header-only "POTCAR" files in the real library
/// layout. They carry TITEL/ZVAL/ENMAX lines and no pseudopotential data, are labelled as
/// fixtures, and are deleted after the test. facetweld never ships or invents a POTCAR.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace fw::vasp::test {

class FakePotcarLibrary {
 public:
  FakePotcarLibrary() {
    std::random_device rd;
    root_ = std::filesystem::temp_directory_path() /
            ("fw-fake-potcars-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(root_);
  }
  ~FakePotcarLibrary() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  FakePotcarLibrary(const FakePotcarLibrary&) = delete;
  FakePotcarLibrary& operator=(const FakePotcarLibrary&) = delete;

  const std::filesystem::path& root() const { return root_; }

  void add(const std::string& set, const std::string& symbol, const std::string& titel, double zval,
           double enmax, const std::string& lexch = "PE") {
    add_file(root_ / set / symbol / "POTCAR", titel, zval, enmax, lexch);
  }

  static void add_file(const std::filesystem::path& path, const std::string& titel, double zval,
                       double enmax, const std::string& lexch = "PE") {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path);
    out << "  " << titel << "\n"
        << " " << zval << "\n"
        << " parameters from PSCTR are:\n"
        << "   FACETWELD TEST FIXTURE: header lines only, no pseudopotential data\n"
        << "   LEXCH  = " << lexch << "\n"
        << "   TITEL  = " << titel << "\n"
        << "   POMASS =  196.966; ZVAL   =   " << zval << "    mass and valenz\n"
        << "   ENMAX  =  " << enmax << "; ENMIN  =  " << enmax * 0.75 << " eV\n"
        << " End of Dataset\n";
  }

 private:
  std::filesystem::path root_;
};

}  // namespace fw::vasp::test
