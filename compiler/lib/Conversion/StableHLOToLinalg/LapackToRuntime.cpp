//===- LapackToRuntime.cpp - JAX's LAPACK custom calls to jaxc_rt.lapack --===//
//
//   %r:2 = stablehlo.custom_call @lapack_spotrf_ffi(%a)
//       {mhlo.backend_config = {uplo = 76 : ui8}, ...}
//       : (tensor<3x3xf32>) -> (tensor<3x3xf32>, tensor<i32>)
// becomes
//   %m = bufferization.to_buffer %a read_only
//   %l = memref.alloc() : memref<3x3xf32>
//   %info = memref.alloc() : memref<i32>
//   jaxc_rt.lapack "potrf" (%m) -> (%l, %info) options [76] batch_dims 0
//   %r0 = bufferization.to_tensor %l restrict writable
//   %r1 = bufferization.to_tensor %info restrict writable
//
// One pattern for every target: the target's name gives the routine and
// precision (lapack_<s|d|c|z><routine>_ffi, or blas_?trsm_ffi), the table
// in LapackRoutines.h its buffers and attributes. Results are fresh
// buffers: output_operand_aliases lets XLA overwrite an operand, but the
// operand may still be read elsewhere, so the runtime writes the result
// into its own buffer instead (the copy it makes to column-major order
// costs the same as the copy an alias would need).
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Dialect/Runtime/IR/LapackRoutines.h"
#include "jaxc/Dialect/Runtime/IR/RuntimeOps.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"
#include "jaxc/runtime/module_format.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

using namespace mlir;

namespace jaxc {
namespace {

struct LapackTarget {
  const rt::LapackRoutine *routine;
  char precision; // s, d, c or z
};

// lapack_spotrf_ffi -> (potrf, 's'); blas_?trsm_ffi is trsm's other name.
std::optional<LapackTarget> parseTarget(StringRef target) {
  bool blas = target.consume_front("blas_");
  if (!blas && !target.consume_front("lapack_"))
    return std::nullopt;
  if (!target.consume_back("_ffi") || target.size() < 2 ||
      !StringRef("sdcz").contains(target.front()))
    return std::nullopt;
  char precision = target.front();
  bool complex = precision == 'c' || precision == 'z';
  StringRef name = target.drop_front();
  for (const rt::LapackRoutine &routine : rt::getLapackRoutines())
    if ((complex ? routine.complexName : routine.realName) == name &&
        (!blas || routine.id == JAXC_LAPACK_TRSM))
      return LapackTarget{&routine, precision};
  return std::nullopt;
}

std::string show(Type type) {
  std::string text;
  llvm::raw_string_ostream(text) << type;
  return text;
}

Type precisionType(MLIRContext *ctx, char precision) {
  Type real = precision == 's' || precision == 'c' ? Type(Float32Type::get(ctx))
                                                   : Float64Type::get(ctx);
  return precision == 'c' || precision == 'z' ? ComplexType::get(real) : real;
}

// How a custom call maps to jaxc_rt.lapack, or why it does not.
struct LapackPlan {
  const rt::LapackRoutine *routine = nullptr;
  SmallVector<int64_t> options;
  int64_t batchDims = 0;
  std::string problem; // what jaxc cannot do yet, set when refused
};

LapackPlan planLapackCall(stablehlo::CustomCallOp op) {
  LapackPlan plan;
  StringRef target = op.getCallTargetName();
  std::optional<LapackTarget> parsed = parseTarget(target);
  if (!parsed) {
    plan.problem = ("target '" + target + "'").str();
    return plan;
  }
  auto refuse = [&](const Twine &what) {
    plan.problem = ("target '" + target + "': " + what).str();
    return plan;
  };
  const rt::LapackRoutine &routine = *parsed->routine;
  if (op.getInputs().empty())
    return refuse("a call without operands");
  Type expected = precisionType(op.getContext(), parsed->precision);
  auto first = dyn_cast<RankedTensorType>(op.getInputs().front().getType());
  if (!first || first.getElementType() != expected)
    return refuse("an operand of " + show(op.getInputs().front().getType()) +
                  " (the target's precision is " + show(expected) + ")");
  // The attributes: every one the routine takes, and no other.
  auto config = op->getAttrOfType<DictionaryAttr>("mhlo.backend_config");
  if (!config && !routine.options.empty())
    return refuse("a call without mhlo.backend_config");
  if (config)
    for (NamedAttribute attribute : config)
      if (llvm::none_of(routine.options, [&](const rt::LapackOption &option) {
            return option.name == attribute.getName().getValue();
          }))
        return refuse("attribute '" + attribute.getName().getValue() + "'");
  for (const rt::LapackOption &option : routine.options) {
    auto value = dyn_cast_or_null<IntegerAttr>(config.get(option.name));
    if (!value)
      return refuse("a call without integer attribute '" + option.name + "'");
    int64_t code = value.getValue().getSExtValue();
    if (!option.values.empty() &&
        (code < 0 || code > 127 ||
         !option.values.contains(static_cast<char>(code)))) {
      std::string shown = std::to_string(code);
      if (code >= 32 && code < 127)
        shown += " ('" + std::string(1, static_cast<char>(code)) + "')";
      return refuse("attribute '" + option.name + "' = " + shown +
                    " (jaxc takes one of '" + option.values + "')");
    }
    plan.options.push_back(code);
  }
  // The batch: the first input's dimensions before its matrix (or vector).
  int64_t trailing = routine.inputs[1] - '0';
  plan.batchDims = first.getRank() - trailing;
  if (auto frontend =
          op->getAttrOfType<DictionaryAttr>("mhlo.frontend_attributes"))
    if (auto declared = frontend.getAs<StringAttr>("num_batch_dims"))
      if (declared.getValue() != std::to_string(plan.batchDims))
        return refuse("num_batch_dims = " + declared.getValue() +
                      " with a rank-" + Twine(first.getRank()) +
                      " first operand");
  if (std::optional<std::string> problem = rt::checkLapackCall(
          routine, op.getInputs().getTypes(), op->getResultTypes(),
          plan.options, plan.batchDims))
    return refuse("operand or result types (" + *problem + ")");
  plan.routine = &routine;
  return plan;
}

struct LapackCustomCallToRuntime final
    : OpConversionPattern<stablehlo::CustomCallOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::CustomCallOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    LapackPlan plan = planLapackCall(op);
    if (!plan.routine)
      return failure(); // ReportUnsupportedOp says why.
    Location loc = op.getLoc();
    SmallVector<Value> inputs, outputs;
    for (Value input : adaptor.getInputs()) {
      auto type = cast<RankedTensorType>(input.getType());
      inputs.push_back(bufferization::ToBufferOp::create(
          rewriter, loc,
          MemRefType::get(type.getShape(), type.getElementType()), input,
          rewriter.getUnitAttr()));
    }
    SmallVector<Type> resultTypes;
    if (failed(getTypeConverter()->convertTypes(op->getResultTypes(),
                                                resultTypes)))
      return failure();
    for (Type type : resultTypes) {
      auto tensor = cast<RankedTensorType>(type);
      outputs.push_back(memref::AllocOp::create(
          rewriter, loc,
          MemRefType::get(tensor.getShape(), tensor.getElementType())));
    }
    rt::LapackOp::create(rewriter, loc, plan.routine->name, inputs, outputs,
                         plan.options, plan.batchDims);
    SmallVector<Value> results;
    for (auto [type, buffer] : llvm::zip(resultTypes, outputs))
      results.push_back(bufferization::ToTensorOp::create(
          rewriter, loc, type, buffer, rewriter.getUnitAttr(),
          rewriter.getUnitAttr()));
    rewriter.replaceOp(op, results);
    return success();
  }
};

} // namespace

std::string describeUnsupportedCustomCall(Operation *op) {
  std::string problem =
      planLapackCall(cast<stablehlo::CustomCallOp>(op)).problem;
  if (problem.empty())
    problem = "target '" +
              cast<stablehlo::CustomCallOp>(op).getCallTargetName().str() + "'";
  return problem;
}

void populateLapackToRuntimePatterns(const TypeConverter &typeConverter,
                                     RewritePatternSet &patterns) {
  patterns.add<LapackCustomCallToRuntime>(typeConverter, patterns.getContext());
}

} // namespace jaxc
