//===- jaxc-opt.cpp - Run jaxc's passes on MLIR files, like mlir-opt ------===//

#include "jaxc/Conversion/Passes.h"
#include "jaxc/Dialect/CHLO/IR/CHLOOps.h"
#include "jaxc/Dialect/Check/IR/CheckOps.h"
#include "jaxc/Dialect/Runtime/IR/RuntimeOps.h"
#include "jaxc/Dialect/SDY/IR/SDYOps.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"
#include "jaxc/Dialect/VHLO/IR/VHLOOps.h"
#include "jaxc/Pipelines/Pipelines.h"
#include "jaxc/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::registerAllPasses();
  registry.insert<jaxc::stablehlo::StableHLODialect, jaxc::chlo::CHLODialect,
                  jaxc::check::CheckDialect, jaxc::util::UtilDialect,
                  jaxc::rt::RuntimeDialect, jaxc::sdy::SDYDialect,
                  jaxc::vhlo::VHLODialect>();
  jaxc::registerJaxcConversionPasses();
  jaxc::registerJaxcTransformsPasses();
  jaxc::registerPipelines();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "jaxc optimizer driver\n", registry));
}
