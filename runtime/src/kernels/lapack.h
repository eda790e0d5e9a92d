//===- lapack.h - The lapack service of jaxc_context_t ----------*- C++ -*-===//
//
// JAX's LAPACK custom calls run on the system's LAPACK (Debian's liblapack3
// or OpenBLAS's through the alternatives system), opened with dlopen on the
// first call that needs it, so that modules without linear algebra never
// load it. A failure is recorded for the calling thread and turned into the
// entry call's status by call.cc: the service cannot return one itself,
// since generated code does not check.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_KERNELS_LAPACK_H
#define JAXC_RUNTIME_SRC_KERNELS_LAPACK_H

#include "jaxc/runtime/module_format.h"

#include <string>

namespace jaxc::runtime::impl {

// The library the service opens: $JAXC_LAPACK_LIBRARY if set, else
// liblapack.so.3.
std::string lapackLibraryName();

void jaxcLapack(jaxc_context_t *ctx, const jaxc_lapack_args_t *args);

// The first failure of the service on this thread since the last call, ""
// if none; taking it clears it.
std::string takeLapackError();

// Runs one call against the library `libraryName` instead of the default
// one (tests: a missing library's message). Returns takeLapackError().
std::string runLapackWithLibrary(const char *libraryName,
                                 const jaxc_lapack_args_t &args);

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_KERNELS_LAPACK_H
