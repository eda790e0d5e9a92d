//===- SignlessTypeConverter.cpp - ui32 becomes i32 -----------------------===//

#include "LoweringUtils.h"
#include "jaxc/Conversion/StableHLOToLinalg/StableHLOToLinalg.h"

#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;

namespace jaxc {

SignlessTypeConverter::SignlessTypeConverter() {
  // Later conversions are tried first; this one keeps every other type.
  addConversion([](Type type) { return type; });
  addConversion([](IntegerType type) { return getSignlessType(type); });
  addConversion([](RankedTensorType type) {
    return type.clone(getSignlessType(type.getElementType()));
  });
}

} // namespace jaxc
