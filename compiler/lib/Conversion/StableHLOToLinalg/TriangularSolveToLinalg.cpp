//===- TriangularSolveToLinalg.cpp - triangular_solve to scf loops --------===//
//
// Solves op(a) x = b (left_side) or x op(a) = b by substitution, in scf.for
// loops on tensors that carry x. x starts as b; element by element, in the
// order the triangle allows, its unsolved value (still b's) is reduced by
// the solved ones and divided by the diagonal:
//
//   left:  x[s, r] = (b[s, r] - sum_t op(a)[s, t] x[t, r]) / op(a)[s, s]
//   right: x[r, s] = (b[r, s] - sum_t x[r, t] op(a)[t, s]) / op(a)[s, s]
//
// over the t solved before s. Only the triangle `lower` names is read (the
// spec ignores the rest), and its diagonal only without unit_diagonal. f16
// and bf16 are solved in f32 and rounded once at the end.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;

namespace jaxc {
namespace {

/// How op(a) is read and in which order x is solved.
struct SolveForm {
  bool leftSide;
  /// op(a) is a's transpose or adjoint.
  bool transposed;
  bool conjugated;
  bool unitDiagonal;
  /// Index 0 is solved first: op(a) is lower triangular on the left side,
  /// upper on the right.
  bool forward;
  int64_t n;
};

SolveForm getSolveForm(stablehlo::TriangularSolveOp op, int64_t n) {
  stablehlo::Transpose transpose = op.getTransposeA();
  bool transposed = transpose != stablehlo::Transpose::NO_TRANSPOSE;
  bool lowerAfterOp = op.getLower() != transposed;
  return {op.getLeftSide(),
          transposed,
          transpose == stablehlo::Transpose::ADJOINT,
          op.getUnitDiagonal(),
          op.getLeftSide() == lowerAfterOp,
          n};
}

Value emitSub(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  if (isa<ComplexType>(lhs.getType()))
    return complex::SubOp::create(b, loc, lhs, rhs);
  return arith::SubFOp::create(b, loc, lhs, rhs);
}

Value emitMul(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  if (isa<ComplexType>(lhs.getType()))
    return complex::MulOp::create(b, loc, lhs, rhs);
  return arith::MulFOp::create(b, loc, lhs, rhs);
}

Value emitDiv(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  if (isa<ComplexType>(lhs.getType()))
    return complex::DivOp::create(b, loc, lhs, rhs);
  return arith::DivFOp::create(b, loc, lhs, rhs);
}

/// `tensor` with its float elements converted from `fromType` to `toType`.
Value convertElements(OpBuilder &builder, Location loc, Value tensor,
                      Type fromType, Type toType) {
  auto type = cast<RankedTensorType>(tensor.getType());
  // Float to float always converts.
  return *createElementwiseGeneric(
      builder, loc, type.clone(toType), tensor,
      [&](OpBuilder &b, Location bodyLoc,
          ValueRange args) -> FailureOr<SmallVector<Value>> {
        return SmallVector<Value>{
            *emitScalarConvert(b, bodyLoc, args[0], fromType, toType)};
      });
}

/// What the loops of one matrix read and write.
struct SolveContext {
  const SolveForm &form;
  Value a;
  /// The element type of a and b.
  Type elementType;
  /// The element type x is solved in.
  Type computeType;
  SmallVector<Value> batchIndex;
};

/// op(a)[row, col], in the compute type.
Value readCoefficient(OpBuilder &b, Location loc, const SolveContext &solve,
                      Value row, Value col) {
  SmallVector<Value> index(solve.batchIndex);
  index.push_back(solve.form.transposed ? col : row);
  index.push_back(solve.form.transposed ? row : col);
  Value element = tensor::ExtractOp::create(b, loc, solve.a, index);
  if (solve.form.conjugated)
    element = complex::ConjOp::create(b, loc, element);
  // Float to float (or complex to complex) always converts.
  return *emitScalarConvert(b, loc, element, solve.elementType,
                            solve.computeType);
}

/// The index of x at solve position `s` and right-hand side position `r`.
SmallVector<Value> getXIndex(const SolveContext &solve, Value s, Value r) {
  SmallVector<Value> index(solve.batchIndex);
  index.push_back(solve.form.leftSide ? s : r);
  index.push_back(solve.form.leftSide ? r : s);
  return index;
}

/// The position solved at `step`: step, or n - 1 - step backwards.
Value getSolvePosition(OpBuilder &b, Location loc, const SolveForm &form,
                       Value step) {
  if (form.forward)
    return step;
  Value last = arith::ConstantIndexOp::create(b, loc, form.n - 1);
  return arith::SubIOp::create(b, loc, last, step);
}

/// x with its element at (s, r) solved, the positions of the `step` earlier
/// steps being solved already.
Value emitSolveElement(OpBuilder &b, Location loc, const SolveContext &solve,
                       Value x, Value step, Value s, Value r) {
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  SmallVector<Value> xIndex = getXIndex(solve, s, r);
  Value unsolved = tensor::ExtractOp::create(b, loc, x, xIndex);
  auto reduce = scf::ForOp::create(
      b, loc, zero, step, one, ValueRange{unsolved},
      [&](OpBuilder &ib, Location, Value earlierStep, ValueRange acc) {
        Value t = getSolvePosition(ib, loc, solve.form, earlierStep);
        Value coefficient = solve.form.leftSide
                                ? readCoefficient(ib, loc, solve, s, t)
                                : readCoefficient(ib, loc, solve, t, s);
        Value solved =
            tensor::ExtractOp::create(ib, loc, x, getXIndex(solve, t, r));
        Value term = emitMul(ib, loc, coefficient, solved);
        scf::YieldOp::create(ib, loc, emitSub(ib, loc, acc[0], term));
      });
  Value element = reduce.getResult(0);
  if (!solve.form.unitDiagonal)
    element = emitDiv(b, loc, element, readCoefficient(b, loc, solve, s, s));
  return tensor::InsertOp::create(b, loc, element, x, xIndex);
}

/// Solves the matrix at `solve.batchIndex` of x, in n steps over the solve
/// positions, each solving every right-hand side.
Value emitSolveMatrix(OpBuilder &builder, Location loc,
                      const SolveContext &solve, Value x,
                      int64_t numRightHandSides) {
  return buildStaticLoopNest(
             builder, loc, {solve.form.n, numRightHandSides}, x,
             [&](OpBuilder &b, Location, ValueRange steps, ValueRange carried) {
               Value s = getSolvePosition(b, loc, solve.form, steps[0]);
               return scf::ValueVector{emitSolveElement(
                   b, loc, solve, carried[0], steps[0], s, steps[1])};
             })
      .results.front();
}

struct TriangularSolveToLinalg final
    : OpConversionPattern<stablehlo::TriangularSolveOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::TriangularSolveOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto aType = cast<RankedTensorType>(adaptor.getA().getType());
    auto bType = cast<RankedTensorType>(adaptor.getB().getType());
    Type elementType = bType.getElementType();
    if (!isa<FloatType, ComplexType>(elementType) ||
        op.getTransposeA() == stablehlo::Transpose::TRANSPOSE_INVALID)
      return failure();
    int64_t rank = bType.getRank();
    SolveForm form = getSolveForm(op, aType.getDimSize(rank - 1));
    Type computeType =
        isHalfFloat(elementType) ? rewriter.getF32Type() : elementType;

    Value x = adaptor.getB();
    if (computeType != elementType)
      x = convertElements(rewriter, loc, x, elementType, computeType);
    ArrayRef<int64_t> batchShape = bType.getShape().drop_back(2);
    int64_t numRightHandSides =
        bType.getDimSize(form.leftSide ? rank - 1 : rank - 2);
    scf::LoopNest batches = buildStaticLoopNest(
        rewriter, loc, batchShape, x,
        [&](OpBuilder &b, Location, ValueRange batchIndex, ValueRange carried) {
          SolveContext solve{form, adaptor.getA(), elementType, computeType,
                             llvm::to_vector(batchIndex)};
          return scf::ValueVector{
              emitSolveMatrix(b, loc, solve, carried[0], numRightHandSides)};
        });
    x = batches.results.front();
    if (computeType != elementType)
      x = convertElements(rewriter, loc, x, computeType, elementType);
    rewriter.replaceOp(op, x);
    return success();
  }
};

} // namespace

void populateTriangularSolveToLinalgPatterns(const TypeConverter &typeConverter,
                                             RewritePatternSet &patterns) {
  patterns.add<TriangularSolveToLinalg>(typeConverter, patterns.getContext());
}

} // namespace jaxc
