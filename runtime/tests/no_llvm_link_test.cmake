# Fails if a binary of the runtime involves MLIR or LLVM: the runtime must
# link neither.
#
#   cmake -DNM=nm -DREADELF=readelf [-DLIBRARY=lib.a] [-DEXECUTABLE=exe]
#         -P no_llvm_link_test.cmake
#
# LIBRARY and EXECUTABLE must not define or reference an MLIR or LLVM symbol
# (C++ or C API); EXECUTABLE must not need an MLIR or LLVM shared library.

cmake_policy(SET CMP0007 NEW) # keep empty list elements: lines of output

set(forbidden_symbol "(mlir|llvm)::|[ _](LLVM|mlir)[A-Z][A-Za-z0-9]*$")
set(forbidden_library "NEEDED.*\\[lib(LLVM|MLIR|mlir|clang-cpp)")

if(NOT DEFINED LIBRARY AND NOT DEFINED EXECUTABLE)
  message(FATAL_ERROR "nothing to check: pass LIBRARY or EXECUTABLE")
endif()

# Fails with the lines of `text` that match `regex`.
function(reject_matches what file text regex)
  string(REPLACE "\n" ";" lines "${text}")
  list(FILTER lines INCLUDE REGEX "${regex}")
  if(lines)
    list(LENGTH lines count)
    list(SUBLIST lines 0 10 shown)
    list(JOIN shown "\n  " shown)
    # Printed apart: FATAL_ERROR would rewrap the lines.
    message("${file}: ${count} ${what} of MLIR or LLVM, e.g.:\n  ${shown}")
    message(FATAL_ERROR "the runtime must not involve MLIR or LLVM")
  endif()
endfunction()

function(run_tool output)
  execute_process(COMMAND ${ARGN} OUTPUT_VARIABLE text
                  ERROR_VARIABLE errors RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${ARGN} failed (${status}): ${errors}")
  endif()
  set(${output} "${text}" PARENT_SCOPE)
endfunction()

foreach(file IN ITEMS ${LIBRARY} ${EXECUTABLE})
  run_tool(symbols ${NM} -C ${file})
  if(symbols STREQUAL "")
    message(FATAL_ERROR "${file}: nm found no symbols; nothing was checked")
  endif()
  reject_matches("symbols" ${file} "${symbols}" "${forbidden_symbol}")
endforeach()

if(DEFINED EXECUTABLE)
  run_tool(dynamic ${READELF} -d ${EXECUTABLE})
  reject_matches("needed libraries" ${EXECUTABLE} "${dynamic}"
                 "${forbidden_library}")
endif()

message(STATUS "no MLIR or LLVM in ${LIBRARY} ${EXECUTABLE}")
