//===- VHLOOps.h - The VHLO dialect -----------------------------*- C++ -*-===//
//
// VHLO, the versioned StableHLO of portable artifacts (docs/vhlo.md).
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_DIALECT_VHLO_IR_VHLOOPS_H
#define JAXC_DIALECT_VHLO_IR_VHLOOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"

#include "jaxc/Dialect/VHLO/IR/VHLODialect.h.inc"
#include "jaxc/Dialect/VHLO/IR/VHLOEnums.h.inc"

namespace jaxc::vhlo {
// `[0, 1]`: the dimension lists of type_extensions_v1 and
// output_operand_alias_v1.
mlir::FailureOr<llvm::SmallVector<int64_t>>
parseDimList(mlir::AsmParser &parser);
void printDimList(mlir::AsmPrinter &printer, llvm::ArrayRef<int64_t> dims);
} // namespace jaxc::vhlo

#define GET_TYPEDEF_CLASSES
#include "jaxc/Dialect/VHLO/IR/VHLOTypes.h.inc"

#define GET_ATTRDEF_CLASSES
#include "jaxc/Dialect/VHLO/IR/VHLOAttrs.h.inc"

#define GET_OP_CLASSES
#include "jaxc/Dialect/VHLO/IR/VHLOOps.h.inc"

namespace jaxc::vhlo {

/// The builtin type a VHLO type stands for (!vhlo.ui32_v1 -> ui32,
/// !vhlo.tensor_v1<2x!vhlo.f32_v1> -> tensor<2xf32>, !vhlo.func_v1 ->
/// FunctionType...), or null for the ones with none (token, witness,
/// future, buffer, quantized types) or whose parts have none.
mlir::Type toBuiltinType(mlir::Type type);

/// The VHLO type of a builtin one, or null when VHLO has none.
mlir::Type fromBuiltinType(mlir::Type type);

/// The bytes of a dense elements attribute in tensor_v1's layout (one byte
/// per i1; one element when a splat).
std::string getTensorV1Data(mlir::DenseElementsAttr attr);

/// A tensor_v1 attribute's data as a builtin DenseElementsAttr of `type`
/// (the builtin type of the attribute's), or null when the data does not
/// fit the type.
mlir::DenseElementsAttr getDenseElements(mlir::ShapedType type,
                                         llvm::StringRef data);

/// The bit width of a VHLO integer or index type's values (for
/// integer_v1), 0 for other types.
unsigned getIntegerBitWidth(mlir::Type type);

/// The floating-point semantics of a VHLO float type, or null.
const llvm::fltSemantics *getFloatSemantics(mlir::Type type);

} // namespace jaxc::vhlo

#endif // JAXC_DIALECT_VHLO_IR_VHLOOPS_H
