# FACETWELD_VERSION = `git describe --always --dirty` at configure time, or the project version.
execute_process(
  COMMAND git describe --always --dirty --tags
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
  OUTPUT_VARIABLE FACETWELD_VERSION
  OUTPUT_STRIP_TRAILING_WHITESPACE
  ERROR_QUIET)
if(NOT FACETWELD_VERSION)
  set(FACETWELD_VERSION "0.1.0")
endif()
