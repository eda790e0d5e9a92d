//===- StableHLOToLinalg.h - StableHLO to linalg on tensors -----*- C++ -*-===//
//
// The pieces of the jaxc-stablehlo-to-linalg pass that other lowerings reuse:
// the signless type converter, the patterns and the scalar emitter.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_CONVERSION_STABLEHLOTOLINALG_STABLEHLOTOLINALG_H
#define JAXC_CONVERSION_STABLEHLOTOLINALG_STABLEHLOTOLINALG_H

#include "mlir/IR/Builders.h"
#include "mlir/Transforms/DialectConversion.h"

namespace jaxc {

/// Maps unsigned integer types (ui8..ui64), alone or as the element type of
/// a tensor, to the signless type of the same width; every other type stays.
/// Arith and linalg only take signless integers: signedness lives on in the
/// choice of ops.
class SignlessTypeConverter : public mlir::TypeConverter {
public:
  SignlessTypeConverter();
};

/// Adds the patterns that lower StableHLO ops to linalg, tensor, arith, math
/// and scf. Function signatures, returns and calls are not included.
void populateStableHLOToLinalgPatterns(const mlir::TypeConverter &typeConverter,
                                       mlir::RewritePatternSet &patterns);

/// Emits one element of the elementwise StableHLO op `hloOp` applied to the
/// signless scalars `scalarArgs`. The original (pre-conversion) element types
/// give the signedness: `originalArgElementTypes` has one type per argument.
/// f16 and bf16 arithmetic is computed in f32 and rounded back, as XLA does.
/// Fails, emitting nothing, for ops or element types without a rule.
mlir::FailureOr<mlir::Value>
emitScalarOp(mlir::OpBuilder &builder, mlir::Location loc,
             mlir::Operation *hloOp, mlir::ValueRange scalarArgs,
             llvm::ArrayRef<mlir::Type> originalArgElementTypes,
             mlir::Type originalResultElementType);

} // namespace jaxc

#endif // JAXC_CONVERSION_STABLEHLOTOLINALG_STABLEHLOTOLINALG_H
