//===- FftToLinalg.cpp - stablehlo.fft to linalg --------------------------===//
//
// A direct DFT, one dimension after the other: each step is a linalg.generic
// reducing over the positions of one dimension,
//
//   y[..., q, ...] = sum_p x[..., p, ...] * e^(-+2 pi i ((p q) mod n) / n),
//
// reading the twiddle factors from a table of the n roots of unity. Real and
// imaginary parts travel as separate f64 tensors whatever the element type,
// so f32 transforms accumulate in f64 and round once. The steps, over the
// last fft_length.size() dimensions (spec, "fft"):
//
//   FFT, IFFT  complex to complex on each dimension
//   RFFT       real to complex on the last (its n/2 + 1 first outputs),
//              then complex to complex on the others
//   IRFFT      complex to complex on the others, then complex to real on
//              the last: its n/2 + 1 inputs stand for all n by Hermitian
//              symmetry, so inputs other than the first and (for even n)
//              the middle one count twice, and only real parts are kept
//
// IFFT and IRFFT divide by the product of the lengths at the end.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/TypeUtilities.h"

#include <cmath>

using namespace mlir;

namespace jaxc {
namespace {

/// The parts of a tensor being transformed: its real part, and its
/// imaginary part unless it is real. Both are f64.
struct Parts {
  Value real;
  Value imag;
};

//===----------------------------------------------------------------------===//
// Twiddle factors
//===----------------------------------------------------------------------===//

/// (cos, sin) of 2 pi m / n. The angle is split into quarter turns, taken
/// exactly, and a remainder below a quarter turn whose cosine and sine are
/// computed in long double: the table holds the doubles nearest the roots,
/// and exact zeros (positive ones) and ones at the quarter turns.
std::pair<double, double> getUnitRoot(int64_t m, int64_t n) {
  constexpr long double kQuarterTurn = 1.570796326794896619231321691639751442L;
  int64_t quarterTurns = 4 * m / n;
  long double remainder = kQuarterTurn * (4 * m - quarterTurns * n) / n;
  long double cos = std::cos(remainder), sin = std::sin(remainder);
  switch (quarterTurns) {
  case 0:
    return {cos, sin};
  case 1:
    return {0 - sin, cos};
  case 2:
    return {0 - cos, 0 - sin};
  default:
    return {sin, 0 - cos};
  }
}

/// The real and imaginary parts of e^(+-2 pi i m / n) for m in [0, n): the
/// sign is + for the inverse transform.
std::pair<Value, Value> createTwiddleTables(OpBuilder &builder, Location loc,
                                            int64_t n, bool inverse) {
  SmallVector<double> cosines, sines;
  for (int64_t m = 0; m < n; ++m) {
    auto [cos, sin] = getUnitRoot(m, n);
    cosines.push_back(cos);
    sines.push_back(inverse ? sin : 0 - sin);
  }
  auto type = RankedTensorType::get({n}, builder.getF64Type());
  auto table = [&](ArrayRef<double> values) -> Value {
    return arith::ConstantOp::create(
        builder, loc, cast<TypedAttr>(DenseElementsAttr::get(type, values)));
  };
  return {table(cosines), table(sines)};
}

//===----------------------------------------------------------------------===//
// One dimension
//===----------------------------------------------------------------------===//

/// One 1-D DFT along `dim`, of length `length`.
struct DftStep {
  int64_t dim;
  int64_t length;
  /// The size of `dim` in the result: n, or n/2 + 1 from a real input.
  int64_t resultSize;
  bool inverse;
  /// The inputs along `dim` are the first n/2 + 1 of a Hermitian sequence,
  /// and the result is its real part.
  bool hermitianToReal;
};

Value createF64(OpBuilder &b, Location loc, double value) {
  return arith::ConstantFloatOp::create(b, loc, b.getF64Type(), APFloat(value));
}

/// How many times input `position` of a Hermitian step counts: once for
/// the first and, for even n, the middle one, which have no mirror image.
Value emitHermitianWeight(OpBuilder &b, Location loc, Value position,
                          int64_t length) {
  Value isFirst =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, position,
                            arith::ConstantIndexOp::create(b, loc, 0));
  Value twice = arith::AddIOp::create(b, loc, position, position);
  Value isMiddle =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, twice,
                            arith::ConstantIndexOp::create(b, loc, length));
  Value once = arith::OrIOp::create(b, loc, isFirst, isMiddle);
  Value one = createF64(b, loc, 1);
  Value two = createF64(b, loc, 2);
  return arith::SelectOp::create(b, loc, once, one, two);
}

/// The body: adds x[p] e^(+-2 pi i pq / n) to the accumulators of y[q].
/// `args` are the input parts and then the accumulators.
SmallVector<Value> emitDftTerm(OpBuilder &b, Location loc, const DftStep &step,
                               Value cosTable, Value sinTable, int64_t rank,
                               bool complexInput, ValueRange args) {
  Value q = linalg::IndexOp::create(b, loc, step.dim);
  Value p = linalg::IndexOp::create(b, loc, rank);
  Value pq = arith::MulIOp::create(b, loc, p, q);
  Value m = arith::RemUIOp::create(
      b, loc, pq, arith::ConstantIndexOp::create(b, loc, step.length));
  Value cos = tensor::ExtractOp::create(b, loc, cosTable, m);
  Value sin = tensor::ExtractOp::create(b, loc, sinTable, m);

  // (xr + i xi)(cos + i sin) = (xr cos - xi sin) + i (xr sin + xi cos).
  Value xr = args[0];
  Value real = arith::MulFOp::create(b, loc, xr, cos);
  Value imag = arith::MulFOp::create(b, loc, xr, sin);
  if (complexInput) {
    Value xi = args[1];
    Value xiSin = arith::MulFOp::create(b, loc, xi, sin);
    Value xiCos = arith::MulFOp::create(b, loc, xi, cos);
    real = arith::SubFOp::create(b, loc, real, xiSin);
    imag = arith::AddFOp::create(b, loc, imag, xiCos);
  }
  ValueRange accumulators = args.drop_front(complexInput ? 2 : 1);
  if (step.hermitianToReal) {
    real = arith::MulFOp::create(b, loc, real,
                                 emitHermitianWeight(b, loc, p, step.length));
    return {arith::AddFOp::create(b, loc, accumulators[0], real)};
  }
  Value realSum = arith::AddFOp::create(b, loc, accumulators[0], real);
  Value imagSum = arith::AddFOp::create(b, loc, accumulators[1], imag);
  return {realSum, imagSum};
}

/// Applies `step` to `x`: a generic over the result's dimensions and, last,
/// the reduced input positions along `step.dim`.
Parts emitDftStep(OpBuilder &builder, Location loc, const DftStep &step,
                  Parts x) {
  auto inputType = cast<RankedTensorType>(x.real.getType());
  int64_t rank = inputType.getRank();
  SmallVector<int64_t> resultShape(inputType.getShape());
  resultShape[step.dim] = step.resultSize;
  auto resultType = inputType.clone(resultShape);
  auto [cosTable, sinTable] =
      createTwiddleTables(builder, loc, step.length, step.inverse);

  MLIRContext *context = builder.getContext();
  SmallVector<AffineExpr> inputExprs;
  for (int64_t dim = 0; dim < rank; ++dim)
    inputExprs.push_back(
        getAffineDimExpr(dim == step.dim ? rank : dim, context));
  AffineMap inputMap = AffineMap::get(rank + 1, 0, inputExprs, context);
  AffineMap resultMap =
      AffineMap::getMultiDimIdentityMap(rank + 1, context).getMajorSubMap(rank);
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  iterators.push_back(utils::IteratorType::reduction);

  bool complexInput = static_cast<bool>(x.imag);
  SmallVector<Value> inputs = {x.real};
  if (complexInput)
    inputs.push_back(x.imag);
  int64_t numResults = step.hermitianToReal ? 1 : 2;
  Value zero = createF64(builder, loc, 0);
  SmallVector<Value> inits;
  for (int64_t i = 0; i < numResults; ++i)
    inits.push_back(createFilledTensor(builder, loc, resultType, zero));
  SmallVector<AffineMap> maps(inputs.size(), inputMap);
  maps.append(numResults, resultMap);
  SmallVector<Type> blockArgTypes(inputs.size() + numResults,
                                  builder.getF64Type());
  // The body has no failing parts.
  std::unique_ptr<Block> body = std::move(*buildGenericBody(
      context, loc, blockArgTypes,
      [&](OpBuilder &b, Location bodyLoc,
          ValueRange args) -> FailureOr<SmallVector<Value>> {
        return emitDftTerm(b, bodyLoc, step, cosTable, sinTable, rank,
                           complexInput, args);
      }));
  auto generic = createGeneric(builder, loc, inputs, inits, maps, iterators,
                               std::move(body));
  if (step.hermitianToReal)
    return {generic.getResult(0), Value()};
  return {generic.getResult(0), generic.getResult(1)};
}

//===----------------------------------------------------------------------===//
// The op
//===----------------------------------------------------------------------===//

bool isInverse(stablehlo::FftType type) {
  return type == stablehlo::FftType::IFFT || type == stablehlo::FftType::IRFFT;
}

/// The DFT steps of `op`, whose transformed dimensions are the last
/// `lengths.size()` of a tensor of rank `rank`.
SmallVector<DftStep> getDftSteps(stablehlo::FftType type, int64_t rank,
                                 ArrayRef<int64_t> lengths) {
  bool inverse = isInverse(type);
  int64_t firstDim = rank - lengths.size();
  SmallVector<DftStep> steps;
  for (auto [i, length] : llvm::enumerate(lengths))
    steps.push_back(
        {firstDim + static_cast<int64_t>(i), length, length, inverse, false});
  DftStep &last = steps.back();
  if (type == stablehlo::FftType::RFFT) {
    last.resultSize = last.length / 2 + 1;
    std::rotate(steps.begin(), steps.end() - 1, steps.end());
  } else if (type == stablehlo::FftType::IRFFT) {
    last.hermitianToReal = true;
  }
  return steps;
}

/// A part of the operand in f64: the operand itself when real, else its
/// real or imaginary part.
Value emitLoadPart(OpBuilder &builder, Location loc, Value operand,
                   bool imaginary) {
  auto type = cast<RankedTensorType>(operand.getType());
  Type f64 = builder.getF64Type();
  return *createElementwiseGeneric(
      builder, loc, type.clone(f64), operand,
      [&](OpBuilder &b, Location bodyLoc,
          ValueRange args) -> FailureOr<SmallVector<Value>> {
        Value part = args[0];
        if (isa<ComplexType>(part.getType()))
          part = imaginary
                     ? complex::ImOp::create(b, bodyLoc, part).getResult()
                     : complex::ReOp::create(b, bodyLoc, part).getResult();
        if (part.getType() != f64)
          part = arith::ExtFOp::create(b, bodyLoc, f64, part);
        return SmallVector<Value>{part};
      });
}

Parts emitLoad(OpBuilder &builder, Location loc, Value operand) {
  Value real = emitLoadPart(builder, loc, operand, /*imaginary=*/false);
  if (!isa<ComplexType>(getElementTypeOrSelf(operand.getType())))
    return {real, Value()};
  return {real, emitLoadPart(builder, loc, operand, /*imaginary=*/true)};
}

/// The float type of an element's parts: itself, or that of a complex
/// number's parts. Null when there is none.
FloatType getPartType(Type elementType) {
  if (auto complexType = dyn_cast<ComplexType>(elementType))
    elementType = complexType.getElementType();
  return dyn_cast<FloatType>(elementType);
}

/// The result of `resultType` from the parts, divided by `divisor`.
Value emitStore(OpBuilder &builder, Location loc, Parts y,
                RankedTensorType resultType, double divisor) {
  auto complexType = dyn_cast<ComplexType>(resultType.getElementType());
  FloatType partType = getPartType(resultType.getElementType());
  SmallVector<Value> inputs = {y.real};
  if (complexType)
    inputs.push_back(y.imag);
  return *createElementwiseGeneric(
      builder, loc, resultType, inputs,
      [&](OpBuilder &b, Location bodyLoc,
          ValueRange args) -> FailureOr<SmallVector<Value>> {
        SmallVector<Value> parts;
        for (Value part : args) {
          if (divisor != 1)
            part = arith::DivFOp::create(b, bodyLoc, part,
                                         createF64(b, bodyLoc, divisor));
          if (partType != part.getType())
            part = arith::TruncFOp::create(b, bodyLoc, partType, part);
          parts.push_back(part);
        }
        if (!complexType)
          return parts;
        return SmallVector<Value>{complex::CreateOp::create(
            b, bodyLoc, complexType, parts[0], parts[1])};
      });
}

/// Whether the operand and result types are those the spec gives `op`.
bool hasSpecTypes(stablehlo::FftOp op, RankedTensorType operandType,
                  RankedTensorType resultType) {
  ArrayRef<int64_t> lengths = op.getFftLength();
  int64_t rank = operandType.getRank();
  if (lengths.empty() || static_cast<int64_t>(lengths.size()) > rank ||
      resultType.getRank() != rank || llvm::is_contained(lengths, 0) ||
      !getPartType(operandType.getElementType()) ||
      !getPartType(resultType.getElementType()))
    return false;
  bool realInput = op.getFftType() == stablehlo::FftType::RFFT;
  bool realResult = op.getFftType() == stablehlo::FftType::IRFFT;
  if (isa<ComplexType>(operandType.getElementType()) == realInput ||
      isa<ComplexType>(resultType.getElementType()) == realResult)
    return false;
  SmallVector<int64_t> expectedOperand(resultType.getShape());
  llvm::copy(lengths, expectedOperand.end() - lengths.size());
  SmallVector<int64_t> expectedResult(expectedOperand);
  if (realInput)
    expectedResult.back() = lengths.back() / 2 + 1;
  if (realResult)
    expectedOperand.back() = lengths.back() / 2 + 1;
  return operandType.getShape() == ArrayRef(expectedOperand) &&
         resultType.getShape() == ArrayRef(expectedResult);
}

struct FftToLinalg final : OpConversionPattern<stablehlo::FftOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::FftOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto operandType = cast<RankedTensorType>(adaptor.getOperand().getType());
    auto resultType =
        getTypeConverter()->convertType<RankedTensorType>(op.getType());
    if (!resultType || !hasSpecTypes(op, operandType, resultType))
      return failure();
    ArrayRef<int64_t> lengths = op.getFftLength();
    stablehlo::FftType type = op.getFftType();

    Parts x = emitLoad(rewriter, loc, adaptor.getOperand());
    for (const DftStep &step :
         getDftSteps(type, operandType.getRank(), lengths))
      x = emitDftStep(rewriter, loc, step, x);
    double divisor = 1;
    if (isInverse(type))
      for (int64_t length : lengths)
        divisor *= length;
    rewriter.replaceOp(op, emitStore(rewriter, loc, x, resultType, divisor));
    return success();
  }
};

} // namespace

void populateFftToLinalgPatterns(const TypeConverter &typeConverter,
                                 RewritePatternSet &patterns) {
  patterns.add<FftToLinalg>(typeConverter, patterns.getContext());
}

} // namespace jaxc
