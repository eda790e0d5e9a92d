//===- LoweringUtils.h - Shared by StableHLO to linalg ----------*- C++ -*-===//
//
// Internal to lib/Conversion/StableHLOToLinalg: the per-family pattern sets
// and the helpers several of them build with.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_LIB_CONVERSION_STABLEHLOTOLINALG_LOWERINGUTILS_H
#define JAXC_LIB_CONVERSION_STABLEHLOTOLINALG_LOWERINGUTILS_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/Transforms/DialectConversion.h"

#include <memory>

namespace jaxc {

void populateElementwiseToLinalgPatterns(
    const mlir::TypeConverter &typeConverter,
    mlir::RewritePatternSet &patterns);
void populateShapeToLinalgPatterns(const mlir::TypeConverter &typeConverter,
                                   mlir::RewritePatternSet &patterns);
void populateReductionToLinalgPatterns(const mlir::TypeConverter &typeConverter,
                                       mlir::RewritePatternSet &patterns);
void populateDotToLinalgPatterns(const mlir::TypeConverter &typeConverter,
                                 mlir::RewritePatternSet &patterns);
void populateGatherScatterToLinalgPatterns(
    const mlir::TypeConverter &typeConverter,
    mlir::RewritePatternSet &patterns);
void populateControlFlowToSCFPatterns(const mlir::TypeConverter &typeConverter,
                                      mlir::RewritePatternSet &patterns);
void populateSortToSCFPatterns(const mlir::TypeConverter &typeConverter,
                               mlir::RewritePatternSet &patterns);
void populateSelectAndScatterToLinalgPatterns(
    const mlir::TypeConverter &typeConverter,
    mlir::RewritePatternSet &patterns);
void populateConvolutionToLinalgPatterns(
    const mlir::TypeConverter &typeConverter,
    mlir::RewritePatternSet &patterns);
void populateFftToLinalgPatterns(const mlir::TypeConverter &typeConverter,
                                 mlir::RewritePatternSet &patterns);
void populateRngBitGeneratorToLinalgPatterns(
    const mlir::TypeConverter &typeConverter,
    mlir::RewritePatternSet &patterns);
void populateTriangularSolveToLinalgPatterns(
    const mlir::TypeConverter &typeConverter,
    mlir::RewritePatternSet &patterns);
void populateMapAndBatchNormToLinalgPatterns(
    const mlir::TypeConverter &typeConverter,
    mlir::RewritePatternSet &patterns);
/// JAX's lapack_?xxx_ffi custom calls (LapackToRuntime.cpp).
void populateLapackToRuntimePatterns(const mlir::TypeConverter &typeConverter,
                                     mlir::RewritePatternSet &patterns);
/// Why jaxc refuses the stablehlo.custom_call `op`, naming its target (and
/// the attribute or type at fault), as emitUnsupported's `what`:
/// "target 'foo'" or "target 'foo': <what>".
std::string describeUnsupportedCustomCall(mlir::Operation *op);

//===----------------------------------------------------------------------===//
// Scalars (ScalarOps.cpp)
//===----------------------------------------------------------------------===//

/// Whether emitScalarOp has a rule for the op (any element type).
bool hasScalarRule(mlir::Operation *hloOp);

/// Converts the signless scalar `value`, whose original element type is
/// `fromType`, to the signless form of `toType` with the semantics of
/// stablehlo.convert. Fails, emitting nothing, for types it does not know.
mlir::FailureOr<mlir::Value>
emitScalarConvert(mlir::OpBuilder &builder, mlir::Location loc,
                  mlir::Value value, mlir::Type fromType, mlir::Type toType);

/// Emits the single-block region of a reduction-like op (ops on 0-d tensors
/// ending in stablehlo.return) on scalars: `scalarArgs` stand for the block
/// arguments. Returns the scalars returned; fails on an op without a scalar
/// rule (ops already emitted stay: build into a detached block).
mlir::FailureOr<llvm::SmallVector<mlir::Value>>
emitScalarRegion(mlir::OpBuilder &builder, mlir::Region &region,
                 mlir::ValueRange scalarArgs);

/// The zero of an integer, float or complex scalar type.
mlir::Value createScalarZero(mlir::OpBuilder &builder, mlir::Location loc,
                             mlir::Type type);

/// The signless counterpart of a scalar type (ui32 -> i32; others kept).
mlir::Type getSignlessType(mlir::Type type);

/// f16 or bf16: the float types XLA computes in f32.
bool isHalfFloat(mlir::Type type);

//===----------------------------------------------------------------------===//
// Tensors (LoweringUtils.cpp)
//===----------------------------------------------------------------------===//

/// Computes the body of a linalg.generic from its block arguments (one
/// scalar per input and output): returns the values to yield.
using GenericBodyBuilder =
    llvm::function_ref<mlir::FailureOr<llvm::SmallVector<mlir::Value>>(
        mlir::OpBuilder &, mlir::Location, mlir::ValueRange)>;

/// Builds a linalg.generic body in a detached block, before anything else
/// of the lowering exists, so that a body that cannot be emitted leaves the
/// IR untouched.
mlir::FailureOr<std::unique_ptr<mlir::Block>>
buildGenericBody(mlir::MLIRContext *context, mlir::Location loc,
                 mlir::TypeRange blockArgTypes, GenericBodyBuilder bodyBuilder);

/// Creates a linalg.generic on tensors around a body from buildGenericBody.
mlir::linalg::GenericOp
createGeneric(mlir::OpBuilder &builder, mlir::Location loc,
              mlir::ValueRange inputs, mlir::ValueRange outputs,
              llvm::ArrayRef<mlir::AffineMap> indexingMaps,
              llvm::ArrayRef<mlir::utils::IteratorType> iteratorTypes,
              std::unique_ptr<mlir::Block> body);

/// A linalg.generic computing `resultType` element by element from `inputs`,
/// each of the result's shape or rank 0 (then read as a broadcast scalar).
/// Fails, leaving the IR untouched, when the body cannot be emitted.
mlir::FailureOr<mlir::Value>
createElementwiseGeneric(mlir::OpBuilder &builder, mlir::Location loc,
                         mlir::RankedTensorType resultType,
                         mlir::ValueRange inputs,
                         GenericBodyBuilder bodyBuilder);

mlir::Value createEmptyTensor(mlir::OpBuilder &builder, mlir::Location loc,
                              mlir::RankedTensorType type);

/// A tensor of `type` filled with the scalar `value`.
mlir::Value createFilledTensor(mlir::OpBuilder &builder, mlir::Location loc,
                               mlir::RankedTensorType type, mlir::Value value);

/// `tensor` padded with the scalar `padValue`: `low` and `high` elements at
/// the edges of each dimension (negative ones crop) and `interior` between
/// its elements, as stablehlo.pad does.
mlir::Value createPadded(mlir::OpBuilder &builder, mlir::Location loc,
                         mlir::Value tensor, mlir::Value padValue,
                         llvm::ArrayRef<int64_t> low,
                         llvm::ArrayRef<int64_t> high,
                         llvm::ArrayRef<int64_t> interior);

/// The element of a rank-0 tensor.
mlir::Value extractScalar(mlir::OpBuilder &builder, mlir::Location loc,
                          mlir::Value rankZeroTensor);

/// Emits the ops of a detached block from buildGenericBody on `args`;
/// returns the values it yields. A region built once that way, before any
/// other IR, can then be emitted inside loops.
llvm::SmallVector<mlir::Value> emitDetachedBody(mlir::OpBuilder &builder,
                                                mlir::Block &body,
                                                mlir::ValueRange args);

/// Whether each of `index` is within [0, size) of `shape` (one unsigned
/// compare per dimension: negative indices are huge).
mlir::Value emitInBounds(mlir::OpBuilder &builder, mlir::Location loc,
                         mlir::ValueRange index, llvm::ArrayRef<int64_t> shape);

/// scf.for loops from 0 to each of `sizes`, carrying `iterArgs`.
mlir::scf::LoopNest buildStaticLoopNest(
    mlir::OpBuilder &builder, mlir::Location loc, llvm::ArrayRef<int64_t> sizes,
    mlir::ValueRange iterArgs,
    llvm::function_ref<mlir::scf::ValueVector(
        mlir::OpBuilder &, mlir::Location, mlir::ValueRange, mlir::ValueRange)>
        bodyBuilder);

//===----------------------------------------------------------------------===//
// Windows (LoweringUtils.cpp)
//===----------------------------------------------------------------------===//

/// The edges of a windowed op's `padding` attribute, rows of (low, high) per
/// dimension; zeros when it is absent.
struct WindowPadding {
  llvm::SmallVector<int64_t> low, high;
};
WindowPadding
getWindowPadding(std::optional<mlir::DenseIntElementsAttr> padding,
                 int64_t rank);

//===----------------------------------------------------------------------===//
// Contractions (DotToLinalg.cpp)
//===----------------------------------------------------------------------===//

/// The multiply-add body of a contraction's linalg.generic (dot_general,
/// convolution): (lhs, rhs, accumulator) -> accumulator + lhs * rhs, the
/// operands converted to the accumulator type first.
struct ContractionBody {
  std::unique_ptr<mlir::Block> block;
  /// The result element type, or f32 for f16 and bf16: XLA accumulates
  /// those in f32 and rounds once at the end.
  mlir::Type accumulatorType;
  mlir::Type resultElementType;
};

/// The type a contraction with this result element type sums in: f32 for
/// f16 and bf16 results, the result type otherwise.
mlir::Type getAccumulatorType(mlir::Type resultElementType);

/// Whether dot_general `op` asks for what jaxc computes: no algorithm, or
/// one whose precision types are the operands' element types, whose
/// accumulation type is getAccumulatorType's, with one component and one
/// product.
bool computesAlgorithm(mlir::Operation *op);

/// Builds the body for operands and result of the given original element
/// types (unsigned ones convert as such). Fails, creating nothing, for
/// element types without a multiply-add.
mlir::FailureOr<ContractionBody>
buildContractionBody(mlir::MLIRContext *context, mlir::Location loc,
                     mlir::Type lhsElementType, mlir::Type rhsElementType,
                     mlir::Type resultElementType);

/// The linalg.generic summing `body` over its reduction loops into a zero
/// `resultType`; `maps` index lhs, rhs and the result.
mlir::FailureOr<mlir::Value>
createContraction(mlir::OpBuilder &builder, mlir::Location loc, mlir::Value lhs,
                  mlir::Value rhs, mlir::RankedTensorType resultType,
                  ContractionBody body, llvm::ArrayRef<mlir::AffineMap> maps,
                  llvm::ArrayRef<mlir::utils::IteratorType> iterators);

} // namespace jaxc

#endif // JAXC_LIB_CONVERSION_STABLEHLOTOLINALG_LOWERINGUTILS_H
