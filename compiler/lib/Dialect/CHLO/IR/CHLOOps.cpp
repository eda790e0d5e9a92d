//===- CHLOOps.cpp - The CHLO dialect -------------------------------------===//

#include "jaxc/Dialect/CHLO/IR/CHLOOps.h"

#include "jaxc/Dialect/InlineEverything.h"
#include "jaxc/Support/Unsupported.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace jaxc::chlo;

#include "jaxc/Dialect/CHLO/IR/CHLODialect.cpp.inc"

#define GET_OP_CLASSES
#include "jaxc/Dialect/CHLO/IR/CHLOOps.cpp.inc"

void CHLODialect::initialize() {
  addInterfaces<jaxc::InlineEverything>();
  addOperations<
#define GET_OP_LIST
#include "jaxc/Dialect/CHLO/IR/CHLOOps.cpp.inc"
      >();
}

std::optional<Dialect::ParseOpHook>
CHLODialect::getParseOperationHook(StringRef opName) const {
  return ParseOpHook(jaxc::refuseUnknownOp);
}
