//===- LapackRoutines.h - The routines of jaxc_rt.lapack --------*- C++ -*-===//
//
// One table describes each LAPACK routine the runtime's lapack service runs
// (runtime/include/jaxc/runtime/module_format.h): its LAPACK names, the
// operands and results of JAX's lapack_?xxx_ffi custom call, and the
// attributes it takes. The jaxc_rt.lapack verifier and the custom-call
// lowering both read it.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_DIALECT_RUNTIME_IR_LAPACKROUTINES_H
#define JAXC_DIALECT_RUNTIME_IR_LAPACKROUTINES_H

#include "mlir/IR/TypeRange.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace jaxc::rt {

// An attribute of the custom call's mhlo.backend_config, in the order the
// runtime takes it: the characters it may be ("" for an integer).
struct LapackOption {
  llvm::StringLiteral name;
  llvm::StringLiteral values;
};

// Signatures list each buffer as two characters: its element type ('T' the
// precision, 'R' its real type, 'C' its complex type, 'I' i32) and its rank
// past the batch dimensions ('0' scalar, '1' vector, '2' matrix).
struct LapackRoutine {
  llvm::StringLiteral name; // jaxc_rt.lapack's routine, e.g. "orgqr"
  uint32_t id;              // jaxc_lapack_routine_t
  llvm::StringLiteral realName, complexName; // LAPACK's: "orgqr", "ungqr"
  llvm::StringLiteral inputs;
  llvm::StringLiteral realResults, complexResults;
  llvm::ArrayRef<LapackOption> options;
  bool square; // the first input must be square
};

llvm::ArrayRef<LapackRoutine> getLapackRoutines();
const LapackRoutine *lookupLapackRoutine(llvm::StringRef name);

// What is wrong with calling `routine` on buffers of these types (tensors
// or memrefs), or nullopt if nothing is.
std::optional<std::string> checkLapackCall(const LapackRoutine &routine,
                                           mlir::TypeRange inputs,
                                           mlir::TypeRange results,
                                           llvm::ArrayRef<int64_t> options,
                                           int64_t batchDims);

} // namespace jaxc::rt

#endif // JAXC_DIALECT_RUNTIME_IR_LAPACKROUTINES_H
