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

# Engine versions: the last commit that changed each module (and core/, slabs/ beneath it), with
# "-dirty" when its files have uncommitted changes. Resume keys carry them, so results computed
# by older code of the same engine are recomputed, not silently reused.
foreach(engine dft md vasp_io slabs)
  execute_process(
    COMMAND git log -1 --format=%h -- ${engine} slabs core
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    OUTPUT_VARIABLE _commit
    OUTPUT_STRIP_TRAILING_WHITESPACE
    ERROR_QUIET)
  execute_process(
    COMMAND git status --porcelain -- ${engine} slabs core
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    OUTPUT_VARIABLE _dirty
    OUTPUT_STRIP_TRAILING_WHITESPACE
    ERROR_QUIET)
  if(NOT _commit)
    set(_commit "${FACETWELD_VERSION}")
  endif()
  if(_dirty)
    set(_commit "${_commit}-dirty")
  endif()
  string(TOUPPER ${engine} _upper)
  set(FACETWELD_ENGINE_VERSION_${_upper} "${engine}@${_commit}")
endforeach()
