//===- ScalarOps.cpp - One element of an elementwise StableHLO op ---------===//
//
// emitScalarOp looks the op up in a table of rules. Most rules pick an arith
// or math op by the kind of the operands (float, signed, unsigned, i1); the
// others spell out the StableHLO spec where arith's semantics differ or are
// undefined (division by zero, shifts past the width, NaN inputs...). A rule
// has a second column for complex operands or results, mostly one complex
// dialect op each.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Conversion/StableHLOToLinalg/StableHLOToLinalg.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/DenseMap.h"

#include <cmath>
#include <type_traits>

using namespace mlir;

namespace jaxc {
namespace {

/// How values of an original (pre-conversion) element type compute.
enum class NumberKind { Bool, Signed, Unsigned, Float, Other };

NumberKind getNumberKind(Type type) {
  if (isa<FloatType>(type))
    return NumberKind::Float;
  auto intType = dyn_cast<IntegerType>(type);
  if (!intType)
    return NumberKind::Other;
  if (intType.getWidth() == 1)
    return NumberKind::Bool;
  return intType.isUnsigned() ? NumberKind::Unsigned : NumberKind::Signed;
}

Value createIntConstant(OpBuilder &b, Location loc, Type type,
                        const APInt &value) {
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, value));
}

/// `value` (-1 for all ones) in the signless integer type `type`.
Value createIntConstant(OpBuilder &b, Location loc, Type type, int64_t value) {
  return createIntConstant(b, loc, type,
                           APInt(type.getIntOrFloatBitWidth(),
                                 static_cast<uint64_t>(value),
                                 /*isSigned=*/false, /*implicitTrunc=*/true));
}

Value createFloatConstant(OpBuilder &b, Location loc, Type type, double value) {
  return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, value));
}

Value createComplexConstant(OpBuilder &b, Location loc, ComplexType type,
                            FloatAttr real, FloatAttr imag) {
  return complex::ConstantOp::create(b, loc, type,
                                     b.getArrayAttr({real, imag}));
}

/// What a rule computes on: one signless scalar per operand.
struct ScalarCall {
  OpBuilder &b;
  Location loc;
  Operation *hloOp;
  ValueRange args;
  /// The original element types, one per argument.
  ArrayRef<Type> argTypes;
  /// The original element type of the result.
  Type resultType;

  NumberKind kind() const { return getNumberKind(argTypes.front()); }
  ScalarCall withArgs(ValueRange newArgs, ArrayRef<Type> newArgTypes) const {
    return {b, loc, hloOp, newArgs, newArgTypes, resultType};
  }
};

using RuleFn = FailureOr<Value> (*)(const ScalarCall &);

//===----------------------------------------------------------------------===//
// Rules that map to one arith/math op per kind
//===----------------------------------------------------------------------===//

/// Marks a kind of number an op does not apply to.
struct Unsupported {};

template <typename OpTy> FailureOr<Value> createOp(const ScalarCall &call) {
  if constexpr (std::is_same_v<OpTy, Unsupported>)
    return failure();
  else
    return OpTy::create(call.b, call.loc, call.args)->getResult(0);
}

template <typename FloatOp, typename SignedOp, typename UnsignedOp = SignedOp,
          typename BoolOp = UnsignedOp>
FailureOr<Value> emitByKind(const ScalarCall &call) {
  switch (call.kind()) {
  case NumberKind::Float:
    return createOp<FloatOp>(call);
  case NumberKind::Signed:
    return createOp<SignedOp>(call);
  case NumberKind::Unsigned:
    return createOp<UnsignedOp>(call);
  case NumberKind::Bool:
    return createOp<BoolOp>(call);
  case NumberKind::Other:
    return failure();
  }
  llvm_unreachable("unknown number kind");
}

template <typename MathOp>
FailureOr<Value> emitFloatOp(const ScalarCall &call) {
  return emitByKind<MathOp, Unsupported, Unsupported, Unsupported>(call);
}

template <typename IntOp> FailureOr<Value> emitIntOp(const ScalarCall &call) {
  return emitByKind<Unsupported, IntOp>(call);
}

// NaN-propagating for floats, -0 < +0 (jaxc-expand-arith keeps them for
// llvm.maximum/minimum); on i1, max is or and min is and.
FailureOr<Value> emitMaximum(const ScalarCall &call) {
  return emitByKind<arith::MaximumFOp, arith::MaxSIOp, arith::MaxUIOp,
                    arith::OrIOp>(call);
}

FailureOr<Value> emitMinimum(const ScalarCall &call) {
  return emitByKind<arith::MinimumFOp, arith::MinSIOp, arith::MinUIOp,
                    arith::AndIOp>(call);
}

//===----------------------------------------------------------------------===//
// Rules with the spec's own semantics
//===----------------------------------------------------------------------===//

bool isIntegerKind(NumberKind kind) {
  return kind == NumberKind::Signed || kind == NumberKind::Unsigned ||
         kind == NumberKind::Bool;
}

/// Integer division or remainder with the spec's results where arith's are
/// undefined: x / 0 = -1 (all ones), x % 0 = x, and for signed types
/// INT_MIN / -1 = INT_MIN, INT_MIN % -1 = 0.
FailureOr<Value> emitIntDivision(const ScalarCall &call, bool remainder) {
  NumberKind kind = call.kind();
  if (!isIntegerKind(kind))
    return failure();
  OpBuilder &b = call.b;
  Location loc = call.loc;
  Value lhs = call.args[0], rhs = call.args[1];
  Type type = lhs.getType();
  bool isSigned = kind == NumberKind::Signed;
  Value one = createIntConstant(b, loc, type, 1);
  Value allOnes = createIntConstant(b, loc, type, -1);
  Value byZero = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, rhs,
                                       createIntConstant(b, loc, type, 0));
  Value undefined = byZero;
  if (isSigned) {
    Value intMin = createIntConstant(
        b, loc, type, APInt::getSignedMinValue(type.getIntOrFloatBitWidth()));
    Value lhsIsMin =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, lhs, intMin);
    Value rhsIsMinusOne =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, rhs, allOnes);
    Value overflows = arith::AndIOp::create(b, loc, lhsIsMin, rhsIsMinusOne);
    undefined = arith::OrIOp::create(b, loc, byZero, overflows);
  }
  // Divide by 1 where arith is undefined: that already gives INT_MIN and 0
  // for the overflow; division by zero is patched below.
  Value safeRhs = arith::SelectOp::create(b, loc, undefined, one, rhs);
  if (remainder) {
    Value rem = isSigned ? Value(arith::RemSIOp::create(b, loc, lhs, safeRhs))
                         : Value(arith::RemUIOp::create(b, loc, lhs, safeRhs));
    return arith::SelectOp::create(b, loc, byZero, lhs, rem).getResult();
  }
  Value quotient = isSigned
                       ? Value(arith::DivSIOp::create(b, loc, lhs, safeRhs))
                       : Value(arith::DivUIOp::create(b, loc, lhs, safeRhs));
  return arith::SelectOp::create(b, loc, byZero, allOnes, quotient).getResult();
}

FailureOr<Value> emitDivide(const ScalarCall &call) {
  if (call.kind() == NumberKind::Float)
    return createOp<arith::DivFOp>(call);
  return emitIntDivision(call, /*remainder=*/false);
}

// Floats: fmod semantics (the result has the dividend's sign).
FailureOr<Value> emitRemainder(const ScalarCall &call) {
  if (call.kind() == NumberKind::Float)
    return createOp<arith::RemFOp>(call);
  return emitIntDivision(call, /*remainder=*/true);
}

/// Shifts by the bit width or more give 0, or the sign fill for arithmetic
/// shifts; arith's shifts would be poison.
template <typename ShiftOp> FailureOr<Value> emitShift(const ScalarCall &call) {
  if (!isIntegerKind(call.kind()))
    return failure();
  OpBuilder &b = call.b;
  Location loc = call.loc;
  Value lhs = call.args[0], rhs = call.args[1];
  Type type = lhs.getType();
  int64_t width = type.getIntOrFloatBitWidth();
  Value shifted = ShiftOp::create(b, loc, lhs, rhs);
  Value pastWidth =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::uge, rhs,
                            createIntConstant(b, loc, type, width));
  Value fill =
      std::is_same_v<ShiftOp, arith::ShRSIOp>
          ? Value(arith::ShRSIOp::create(
                b, loc, lhs, createIntConstant(b, loc, type, width - 1)))
          : createIntConstant(b, loc, type, 0);
  return arith::SelectOp::create(b, loc, pastWidth, fill, shifted).getResult();
}

FailureOr<Value> emitNot(const ScalarCall &call) {
  if (!isIntegerKind(call.kind()))
    return failure();
  // Flipping all bits is also the logical not of an i1.
  Value x = call.args[0];
  return arith::XOrIOp::create(
             call.b, call.loc, x,
             createIntConstant(call.b, call.loc, x.getType(), -1))
      .getResult();
}

FailureOr<Value> emitNegate(const ScalarCall &call) {
  NumberKind kind = call.kind();
  if (kind == NumberKind::Float)
    return createOp<arith::NegFOp>(call);
  if (!isIntegerKind(kind))
    return failure();
  Value x = call.args[0];
  return arith::SubIOp::create(
             call.b, call.loc,
             createIntConstant(call.b, call.loc, x.getType(), 0), x)
      .getResult();
}

/// -1, 0 or 1; floats keep NaN and the sign of zero: sign(-0.0) = -0.0.
FailureOr<Value> emitSign(const ScalarCall &call) {
  OpBuilder &b = call.b;
  Location loc = call.loc;
  Value x = call.args[0];
  Type type = x.getType();
  switch (call.kind()) {
  case NumberKind::Float: {
    // copysign(x != 0 ? 1 : 0, x), NaN for NaN. The zero is a fresh one, not
    // x: under DAZ a subnormal x compares equal to 0 and its sign is +-0, as
    // XLA's CPU backend gives.
    Value zero = createFloatConstant(b, loc, type, 0.0);
    Value isNonZero =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ONE, x, zero);
    Value magnitude = arith::SelectOp::create(
        b, loc, isNonZero, createFloatConstant(b, loc, type, 1.0), zero);
    Value signedMagnitude = math::CopySignOp::create(b, loc, magnitude, x);
    Value isNaN =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x);
    return arith::SelectOp::create(b, loc, isNaN, x, signedMagnitude)
        .getResult();
  }
  case NumberKind::Signed:
  case NumberKind::Unsigned: {
    Value isNonZero = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, x,
                                            createIntConstant(b, loc, type, 0));
    Value one = arith::ExtUIOp::create(b, loc, type, isNonZero);
    if (call.kind() == NumberKind::Unsigned)
      return one;
    // The sign bit spread over all bits (0 or -1), with the low bit set for
    // nonzero x.
    Value spreadSign = arith::ShRSIOp::create(
        b, loc, x,
        createIntConstant(b, loc, type, type.getIntOrFloatBitWidth() - 1));
    return arith::OrIOp::create(b, loc, spreadSign, one).getResult();
  }
  case NumberKind::Bool:
    return x;
  case NumberKind::Other:
    return failure();
  }
  llvm_unreachable("unknown number kind");
}

// 1 / (1 + exp(-x)).
FailureOr<Value> emitLogistic(const ScalarCall &call) {
  if (call.kind() != NumberKind::Float)
    return failure();
  OpBuilder &b = call.b;
  Location loc = call.loc;
  Value x = call.args[0];
  Value one = createFloatConstant(b, loc, x.getType(), 1.0);
  Value expNegX = math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, x));
  return arith::DivFOp::create(b, loc, one,
                               arith::AddFOp::create(b, loc, one, expNegX))
      .getResult();
}

FailureOr<Value> emitIsFinite(const ScalarCall &call) {
  if (call.kind() != NumberKind::Float)
    return failure();
  OpBuilder &b = call.b;
  Location loc = call.loc;
  Value x = call.args[0];
  auto type = cast<FloatType>(x.getType());
  Value inf = arith::ConstantOp::create(
      b, loc, b.getFloatAttr(type, APFloat::getInf(type.getFloatSemantics())));
  // Ordered: NaN is not finite either.
  return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ONE,
                               math::AbsFOp::create(b, loc, x), inf)
      .getResult();
}

/// Integer x^e by squaring over the bits of |e|. A negative e gives 0 unless
/// |x| is 1, as in the spec's interpreter (math.ipowi has no LLVM lowering
/// and divides by zero for 0^-n).
Value emitIntPower(OpBuilder &b, Location loc, Value base, Value exponent,
                   bool isSigned) {
  Type type = base.getType();
  Value zero = createIntConstant(b, loc, type, 0);
  Value one = createIntConstant(b, loc, type, 1);
  Value exponentBits =
      isSigned ? Value(math::AbsIOp::create(b, loc, exponent)) : exponent;
  Value lowerBound = arith::ConstantIndexOp::create(b, loc, 0);
  Value upperBound =
      arith::ConstantIndexOp::create(b, loc, type.getIntOrFloatBitWidth());
  Value step = arith::ConstantIndexOp::create(b, loc, 1);
  auto loop = scf::ForOp::create(
      b, loc, lowerBound, upperBound, step, ValueRange{one, base, exponentBits},
      [&](OpBuilder &nb, Location nloc, Value, ValueRange iterArgs) {
        Value power = iterArgs[0], square = iterArgs[1], bits = iterArgs[2];
        Value bitSet = arith::CmpIOp::create(
            nb, nloc, arith::CmpIPredicate::ne,
            arith::AndIOp::create(nb, nloc, bits, one), zero);
        Value multiplied = arith::MulIOp::create(nb, nloc, power, square);
        scf::YieldOp::create(
            nb, nloc,
            ValueRange{
                arith::SelectOp::create(nb, nloc, bitSet, multiplied, power),
                arith::MulIOp::create(nb, nloc, square, square),
                arith::ShRUIOp::create(nb, nloc, bits, one)});
      });
  Value power = loop.getResult(0);
  if (!isSigned)
    return power;
  Value isNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, exponent, zero);
  Value baseIsOne =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, base, one);
  Value baseIsMinusOne =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, base,
                            createIntConstant(b, loc, type, -1));
  Value baseIsUnit = arith::OrIOp::create(b, loc, baseIsOne, baseIsMinusOne);
  Value negativePower =
      arith::SelectOp::create(b, loc, baseIsUnit, power, zero);
  return arith::SelectOp::create(b, loc, isNegative, negativePower, power);
}

FailureOr<Value> emitPower(const ScalarCall &call) {
  NumberKind kind = call.kind();
  if (kind == NumberKind::Float)
    return createOp<math::PowFOp>(call);
  if (!isIntegerKind(kind))
    return failure();
  return emitIntPower(call.b, call.loc, call.args[0], call.args[1],
                      kind == NumberKind::Signed);
}

struct ComparePredicates {
  arith::CmpFPredicate ordered;
  arith::CmpIPredicate signedInt, unsignedInt;
};

// Ordered float predicates, except NE which is true for NaN.
ComparePredicates getComparePredicates(stablehlo::ComparisonDirection dir) {
  using arith::CmpFPredicate;
  using arith::CmpIPredicate;
  switch (dir) {
  case stablehlo::ComparisonDirection::EQ:
    return {CmpFPredicate::OEQ, CmpIPredicate::eq, CmpIPredicate::eq};
  case stablehlo::ComparisonDirection::NE:
    return {CmpFPredicate::UNE, CmpIPredicate::ne, CmpIPredicate::ne};
  case stablehlo::ComparisonDirection::LT:
    return {CmpFPredicate::OLT, CmpIPredicate::slt, CmpIPredicate::ult};
  case stablehlo::ComparisonDirection::LE:
    return {CmpFPredicate::OLE, CmpIPredicate::sle, CmpIPredicate::ule};
  case stablehlo::ComparisonDirection::GT:
    return {CmpFPredicate::OGT, CmpIPredicate::sgt, CmpIPredicate::ugt};
  case stablehlo::ComparisonDirection::GE:
    return {CmpFPredicate::OGE, CmpIPredicate::sge, CmpIPredicate::uge};
  }
  llvm_unreachable("unknown comparison direction");
}

/// The bits of a float as an integer whose signed order is IEEE totalOrder:
/// -NaN < -inf < ... < -0 < +0 < ... < inf < NaN. Negative floats get their
/// magnitude bits flipped so that larger magnitudes sort lower.
Value getTotalOrderKey(OpBuilder &b, Location loc, Value x) {
  auto intType = b.getIntegerType(x.getType().getIntOrFloatBitWidth());
  Value bits = arith::BitcastOp::create(b, loc, intType, x);
  Value isNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, bits,
                            createIntConstant(b, loc, intType, 0));
  Value flipped = arith::XOrIOp::create(
      b, loc, bits,
      createIntConstant(b, loc, intType,
                        APInt::getSignedMaxValue(intType.getWidth())));
  return arith::SelectOp::create(b, loc, isNegative, flipped, bits);
}

/// Compares floats, in IEEE totalOrder for a TOTALORDER compare.
Value compareFloats(OpBuilder &b, Location loc,
                    stablehlo::ComparisonDirection direction,
                    stablehlo::ComparisonType type, Value lhs, Value rhs) {
  ComparePredicates predicates = getComparePredicates(direction);
  if (type != stablehlo::ComparisonType::TOTALORDER)
    return arith::CmpFOp::create(b, loc, predicates.ordered, lhs, rhs);
  Value lhsKey = getTotalOrderKey(b, loc, lhs);
  Value rhsKey = getTotalOrderKey(b, loc, rhs);
  return arith::CmpIOp::create(b, loc, predicates.signedInt, lhsKey, rhsKey);
}

stablehlo::ComparisonType getCompareType(stablehlo::CompareOp compare) {
  return compare.getCompareType().value_or(stablehlo::ComparisonType::NOTYPE);
}

FailureOr<Value> emitCompare(const ScalarCall &call) {
  auto compare = cast<stablehlo::CompareOp>(call.hloOp);
  NumberKind kind = call.kind();
  if (kind == NumberKind::Other)
    return failure();
  Value lhs = call.args[0], rhs = call.args[1];
  stablehlo::ComparisonType type = getCompareType(compare);
  if (kind == NumberKind::Float)
    return compareFloats(call.b, call.loc, compare.getComparisonDirection(),
                         type, lhs, rhs);
  // Without a compare_type the element type says: si is signed, ui and i1
  // unsigned.
  bool isSigned = type == stablehlo::ComparisonType::SIGNED ||
                  (type != stablehlo::ComparisonType::UNSIGNED &&
                   kind == NumberKind::Signed);
  ComparePredicates predicates =
      getComparePredicates(compare.getComparisonDirection());
  return arith::CmpIOp::create(
             call.b, call.loc,
             isSigned ? predicates.signedInt : predicates.unsignedInt, lhs, rhs)
      .getResult();
}

FailureOr<Value> emitSelect(const ScalarCall &call) {
  return arith::SelectOp::create(call.b, call.loc, call.args[0], call.args[1],
                                 call.args[2])
      .getResult();
}

/// clamp(min, x, max) = minimum(maximum(x, min), max).
FailureOr<Value> emitClamp(const ScalarCall &call) {
  Type types[] = {call.argTypes[1], call.argTypes[1]};
  Value lowerArgs[] = {call.args[1], call.args[0]};
  FailureOr<Value> atLeastMin = emitMaximum(call.withArgs(lowerArgs, types));
  if (failed(atLeastMin))
    return failure();
  Value upperArgs[] = {*atLeastMin, call.args[2]};
  return emitMinimum(call.withArgs(upperArgs, types));
}

FailureOr<Value> emitConvert(const ScalarCall &call) {
  return emitScalarConvert(call.b, call.loc, call.args[0], call.argTypes[0],
                           call.resultType);
}

/// Same-width bitcasts only: the shape-changing ones are not elementwise.
FailureOr<Value> emitBitcastConvert(const ScalarCall &call) {
  Value x = call.args[0];
  Type target = getSignlessType(call.resultType);
  if (x.getType() == target)
    return x;
  if (!x.getType().isIntOrFloat() || !target.isIntOrFloat() ||
      x.getType().getIntOrFloatBitWidth() != target.getIntOrFloatBitWidth())
    return failure();
  return arith::BitcastOp::create(call.b, call.loc, target, x).getResult();
}

/// Rounds the mantissa to `mantissa_bits` (to nearest, ties to even) and
/// clamps to the range of `exponent_bits`: overflow becomes a signed inf,
/// underflow (denormals included) a signed zero, NaN stays NaN. Works on the
/// bits of the operand's own type, as XLA does, to match it bit for bit.
FailureOr<Value> emitReducePrecision(const ScalarCall &call) {
  auto op = cast<stablehlo::ReducePrecisionOp>(call.hloOp);
  Value x = call.args[0];
  auto floatType = dyn_cast<FloatType>(x.getType());
  if (!floatType)
    return failure();
  OpBuilder &b = call.b;
  Location loc = call.loc;
  unsigned width = floatType.getWidth();
  unsigned mantissaWidth = floatType.getFPMantissaWidth() - 1;
  unsigned exponentWidth = width - 1 - mantissaWidth;
  unsigned mantissaBits = op.getMantissaBits();
  unsigned exponentBits = op.getExponentBits();
  IntegerType intType = b.getIntegerType(width);
  auto constant = [&](const APInt &value) {
    return createIntConstant(b, loc, intType, value);
  };
  APInt signMask = APInt::getSignMask(width);
  APInt exponentMask =
      APInt::getBitsSet(width, mantissaWidth, mantissaWidth + exponentWidth);

  Value bits = arith::BitcastOp::create(b, loc, intType, x);
  Value absBits = arith::AndIOp::create(b, loc, bits, constant(~signMask));
  Value isNaN = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ugt,
                                      absBits, constant(exponentMask));

  if (mantissaBits < mantissaWidth) {
    // Add half an ulp of the kept mantissa, less one when the last kept bit
    // is even (so ties go to even), then cut the dropped bits.
    unsigned dropped = mantissaWidth - mantissaBits;
    APInt lastKeptBit = APInt::getOneBitSet(width, dropped);
    Value lastKeptMasked =
        arith::AndIOp::create(b, loc, bits, constant(lastKeptBit));
    Value lastKept = arith::ShRUIOp::create(b, loc, lastKeptMasked,
                                            constant(APInt(width, dropped)));
    Value bias = arith::AddIOp::create(b, loc, lastKept,
                                       constant(lastKeptBit.lshr(1) - 1));
    Value biased = arith::AddIOp::create(b, loc, bits, bias);
    bits = arith::AndIOp::create(b, loc, biased, constant(~(lastKeptBit - 1)));
  }

  if (exponentBits < exponentWidth) {
    APInt bias = APInt::getLowBitsSet(width, exponentWidth - 1);
    APInt reducedBias = APInt::getLowBitsSet(width, exponentBits - 1);
    Value exponent =
        arith::AndIOp::create(b, loc, bits, constant(exponentMask));
    Value overflows = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::ugt, exponent,
        constant((bias + reducedBias).shl(mantissaWidth)));
    Value underflows = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::ule, exponent,
        constant((bias - reducedBias).shl(mantissaWidth)));
    Value signedZero = arith::AndIOp::create(b, loc, bits, constant(signMask));
    Value signedInf =
        arith::OrIOp::create(b, loc, signedZero, constant(exponentMask));
    bits = arith::SelectOp::create(b, loc, overflows, signedInf, bits);
    bits = arith::SelectOp::create(b, loc, underflows, signedZero, bits);
  }

  Value result = arith::BitcastOp::create(b, loc, floatType, bits);
  // Rounding and clamping may have made a NaN infinite: keep the NaN, unless
  // no mantissa bit is left to hold one.
  Value nanResult =
      mantissaBits > 0
          ? x
          : arith::ConstantOp::create(
                b, loc,
                b.getFloatAttr(floatType,
                               APFloat::getInf(floatType.getFloatSemantics())));
  return arith::SelectOp::create(b, loc, isNaN, nanResult, result).getResult();
}

//===----------------------------------------------------------------------===//
// Rules for complex numbers
//===----------------------------------------------------------------------===//

struct ComplexParts {
  Value real, imag;
};

ComplexParts splitComplex(OpBuilder &b, Location loc, Value z) {
  return {complex::ReOp::create(b, loc, z), complex::ImOp::create(b, loc, z)};
}

// real(x) = x and imag(x) = 0 on floats.
FailureOr<Value> emitRealOfFloat(const ScalarCall &call) {
  if (call.kind() != NumberKind::Float)
    return failure();
  return call.args[0];
}

FailureOr<Value> emitImagOfFloat(const ScalarCall &call) {
  if (call.kind() != NumberKind::Float)
    return failure();
  return createFloatConstant(call.b, call.loc, call.args[0].getType(), 0.0);
}

FailureOr<Value> emitComplexCreate(const ScalarCall &call) {
  return complex::CreateOp::create(call.b, call.loc, call.resultType,
                                   call.args[0], call.args[1])
      .getResult();
}

// (a + bi)(c + di) = (ac - bd) + (bc + ad)i with ac and bc fused into FMAs,
// as XLA's CPU backend computes it: the suite expects its rounding.
FailureOr<Value> emitComplexMultiply(const ScalarCall &call) {
  OpBuilder &b = call.b;
  Location loc = call.loc;
  ComplexParts lhs = splitComplex(b, loc, call.args[0]);
  ComplexParts rhs = splitComplex(b, loc, call.args[1]);
  Value imagTimesImag = arith::MulFOp::create(b, loc, lhs.imag, rhs.imag);
  Value real = math::FmaOp::create(
      b, loc, lhs.real, rhs.real, arith::NegFOp::create(b, loc, imagTimesImag));
  Value realTimesImag = arith::MulFOp::create(b, loc, lhs.real, rhs.imag);
  Value imag = math::FmaOp::create(b, loc, lhs.imag, rhs.real, realTimesImag);
  return complex::CreateOp::create(b, loc, call.resultType, real, imag)
      .getResult();
}

/// sin(x + iy) = sin x cosh y + i cos x sinh y and
/// cos(x + iy) = cos x cosh y - i sin x sinh y, with libm's sinh and cosh:
/// complex.sin and complex.cos take sinh y as (e^y - e^-y) / 2, which
/// cancels for small y.
template <bool isCosine>
FailureOr<Value> emitComplexSineOrCosine(const ScalarCall &call) {
  OpBuilder &b = call.b;
  Location loc = call.loc;
  auto [x, y] = splitComplex(b, loc, call.args[0]);
  Value sinX = math::SinOp::create(b, loc, x);
  Value cosX = math::CosOp::create(b, loc, x);
  Value real = arith::MulFOp::create(b, loc, isCosine ? cosX : sinX,
                                     math::CoshOp::create(b, loc, y));
  Value imag = arith::MulFOp::create(b, loc, isCosine ? sinX : cosX,
                                     math::SinhOp::create(b, loc, y));
  if (isCosine)
    imag = arith::NegFOp::create(b, loc, imag);
  return complex::CreateOp::create(b, loc, call.resultType, real, imag)
      .getResult();
}

// 1 / (1 + exp(-z)).
FailureOr<Value> emitComplexLogistic(const ScalarCall &call) {
  OpBuilder &b = call.b;
  Location loc = call.loc;
  Value z = call.args[0];
  auto type = cast<ComplexType>(z.getType());
  Type part = type.getElementType();
  Value one = createComplexConstant(b, loc, type, b.getFloatAttr(part, 1.0),
                                    b.getFloatAttr(part, 0.0));
  Value expNegZ =
      complex::ExpOp::create(b, loc, complex::NegOp::create(b, loc, z));
  return complex::DivOp::create(b, loc, one,
                                complex::AddOp::create(b, loc, one, expNegZ))
      .getResult();
}

/// Lexicographic on (real, imaginary) parts, as the spec orders complex
/// numbers: EQ needs both parts equal, NE either unequal, and the others
/// compare the imaginary parts only where the real parts are equal.
FailureOr<Value> emitComplexCompare(const ScalarCall &call) {
  using stablehlo::ComparisonDirection;
  auto compare = cast<stablehlo::CompareOp>(call.hloOp);
  OpBuilder &b = call.b;
  Location loc = call.loc;
  ComparisonDirection direction = compare.getComparisonDirection();
  stablehlo::ComparisonType type = getCompareType(compare);
  ComplexParts lhs = splitComplex(b, loc, call.args[0]);
  ComplexParts rhs = splitComplex(b, loc, call.args[1]);
  Value imagCompared =
      compareFloats(b, loc, direction, type, lhs.imag, rhs.imag);
  if (direction == ComparisonDirection::NE)
    return arith::OrIOp::create(
               b, loc,
               compareFloats(b, loc, direction, type, lhs.real, rhs.real),
               imagCompared)
        .getResult();
  Value realsEqual =
      compareFloats(b, loc, ComparisonDirection::EQ, type, lhs.real, rhs.real);
  Value imagDecides = arith::AndIOp::create(b, loc, realsEqual, imagCompared);
  if (direction == ComparisonDirection::EQ)
    return imagDecides;
  ComparisonDirection strict = direction == ComparisonDirection::LT ||
                                       direction == ComparisonDirection::LE
                                   ? ComparisonDirection::LT
                                   : ComparisonDirection::GT;
  Value realDecides = compareFloats(b, loc, strict, type, lhs.real, rhs.real);
  return arith::OrIOp::create(b, loc, realDecides, imagDecides).getResult();
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

/// Whether f16/bf16 operands compute in f32 with the result rounded back.
enum class HalfFloats { ComputeInF32, AsIs };

struct ScalarRule {
  /// For integers, floats and i1.
  RuleFn emit;
  /// Where an operand or the result is complex; null where the op does not
  /// take complex numbers.
  RuleFn emitComplex;
  HalfFloats halfFloats;
};

template <typename OpTy>
std::pair<TypeID, ScalarRule> rule(RuleFn emit, RuleFn emitComplex,
                                   HalfFloats halfFloats) {
  return {TypeID::get<OpTy>(), {emit, emitComplex, halfFloats}};
}

const ScalarRule *lookupScalarRule(Operation *op) {
  using namespace stablehlo;
  constexpr HalfFloats inF32 = HalfFloats::ComputeInF32;
  constexpr HalfFloats asIs = HalfFloats::AsIs;
  constexpr RuleFn realOnly = nullptr;
  static const std::pair<TypeID, ScalarRule> ruleList[] = {
      // Arithmetic. On i1, add is or and multiply is and.
      rule<AddOp>(
          emitByKind<arith::AddFOp, arith::AddIOp, arith::AddIOp, arith::OrIOp>,
          createOp<complex::AddOp>, inF32),
      rule<SubtractOp>(emitByKind<arith::SubFOp, arith::SubIOp>,
                       createOp<complex::SubOp>, inF32),
      rule<MulOp>(emitByKind<arith::MulFOp, arith::MulIOp, arith::MulIOp,
                             arith::AndIOp>,
                  emitComplexMultiply, inF32),
      // Smith's algorithm, which scales to avoid overflow.
      rule<DivOp>(emitDivide, createOp<complex::DivOp>, inF32),
      rule<RemOp>(emitRemainder, realOnly, inF32),
      rule<MaxOp>(emitMaximum, realOnly, inF32),
      rule<MinOp>(emitMinimum, realOnly, inF32),
      rule<ClampOp>(emitClamp, realOnly, inF32),
      rule<PowOp>(emitPower, createOp<complex::PowOp>, inF32),
      rule<NegOp>(emitNegate, createOp<complex::NegOp>, asIs),
      // |z| scales by the larger part, so it overflows only where |z| does.
      rule<AbsOp>(emitByKind<math::AbsFOp, math::AbsIOp, Unsupported>,
                  createOp<complex::AbsOp>, asIs),
      // z / |z|, and 0 for 0.
      rule<SignOp>(emitSign, createOp<complex::SignOp>, asIs),
      // Bits.
      rule<AndOp>(emitIntOp<arith::AndIOp>, realOnly, asIs),
      rule<OrOp>(emitIntOp<arith::OrIOp>, realOnly, asIs),
      rule<XorOp>(emitIntOp<arith::XOrIOp>, realOnly, asIs),
      rule<NotOp>(emitNot, realOnly, asIs),
      rule<ShiftLeftOp>(emitShift<arith::ShLIOp>, realOnly, asIs),
      rule<ShiftRightLogicalOp>(emitShift<arith::ShRUIOp>, realOnly, asIs),
      rule<ShiftRightArithmeticOp>(emitShift<arith::ShRSIOp>, realOnly, asIs),
      rule<PopcntOp>(emitIntOp<math::CtPopOp>, realOnly, asIs),
      rule<ClzOp>(emitIntOp<math::CountLeadingZerosOp>, realOnly, asIs),
      // Float functions.
      rule<ExpOp>(emitFloatOp<math::ExpOp>, createOp<complex::ExpOp>, inF32),
      rule<Expm1Op>(emitFloatOp<math::ExpM1Op>, createOp<complex::Expm1Op>,
                    inF32),
      rule<LogOp>(emitFloatOp<math::LogOp>, createOp<complex::LogOp>, inF32),
      rule<Log1pOp>(emitFloatOp<math::Log1pOp>, createOp<complex::Log1pOp>,
                    inF32),
      rule<LogisticOp>(emitLogistic, emitComplexLogistic, inF32),
      rule<SqrtOp>(emitFloatOp<math::SqrtOp>, createOp<complex::SqrtOp>, inF32),
      rule<RsqrtOp>(emitFloatOp<math::RsqrtOp>, createOp<complex::RsqrtOp>,
                    inF32),
      rule<CbrtOp>(emitFloatOp<math::CbrtOp>, realOnly, inF32),
      rule<SineOp>(emitFloatOp<math::SinOp>,
                   emitComplexSineOrCosine</*isCosine=*/false>, inF32),
      rule<CosineOp>(emitFloatOp<math::CosOp>,
                     emitComplexSineOrCosine</*isCosine=*/true>, inF32),
      rule<TanOp>(emitFloatOp<math::TanOp>, createOp<complex::TanOp>, inF32),
      rule<TanhOp>(emitFloatOp<math::TanhOp>, createOp<complex::TanhOp>, inF32),
      rule<Atan2Op>(emitFloatOp<math::Atan2Op>, createOp<complex::Atan2Op>,
                    inF32),
      rule<FloorOp>(emitFloatOp<math::FloorOp>, realOnly, inF32),
      rule<CeilOp>(emitFloatOp<math::CeilOp>, realOnly, inF32),
      rule<RoundOp>(emitFloatOp<math::RoundOp>, realOnly, inF32),
      rule<RoundEvenOp>(emitFloatOp<math::RoundEvenOp>, realOnly, inF32),
      rule<IsFiniteOp>(emitIsFinite, realOnly, inF32),
      // Complex parts.
      rule<RealOp>(emitRealOfFloat, createOp<complex::ReOp>, asIs),
      rule<ImagOp>(emitImagOfFloat, createOp<complex::ImOp>, asIs),
      rule<ComplexOp>(realOnly, emitComplexCreate, asIs),
      // Comparison, selection, conversion.
      rule<CompareOp>(emitCompare, emitComplexCompare, asIs),
      rule<SelectOp>(emitSelect, emitSelect, asIs),
      rule<ConvertOp>(emitConvert, emitConvert, asIs),
      rule<BitcastConvertOp>(emitBitcastConvert, emitBitcastConvert, asIs),
      rule<ReducePrecisionOp>(emitReducePrecision, realOnly, asIs),
  };
  static const llvm::DenseMap<TypeID, ScalarRule> rules(std::begin(ruleList),
                                                        std::end(ruleList));
  auto it = rules.find(op->getName().getTypeID());
  return it == rules.end() ? nullptr : &it->second;
}

/// The value of a splat constant as a signless scalar.
Value emitScalarConstant(OpBuilder &b, Location loc, DenseElementsAttr value) {
  if (auto complexType = dyn_cast<ComplexType>(value.getElementType())) {
    auto splat = value.getSplatValue<std::complex<APFloat>>();
    Type part = complexType.getElementType();
    return createComplexConstant(b, loc, complexType,
                                 b.getFloatAttr(part, splat.real()),
                                 b.getFloatAttr(part, splat.imag()));
  }
  Type type = getSignlessType(value.getElementType());
  if (type != value.getElementType())
    value = value.bitcast(type);
  return arith::ConstantOp::create(b, loc, value.getSplatValue<TypedAttr>());
}

/// The scalar standing for `value` in a region being emitted: a mapped block
/// argument or result, or a splat constant from above (canonicalization
/// hoists the reducers' constants out of their regions).
Value lookupScalar(OpBuilder &b, Location loc, const IRMapping &scalars,
                   Value value) {
  if (Value scalar = scalars.lookupOrNull(value))
    return scalar;
  auto constant = value.getDefiningOp<stablehlo::ConstantOp>();
  auto attr =
      constant ? dyn_cast<DenseElementsAttr>(constant.getValue()) : nullptr;
  if (!attr || !attr.isSplat())
    return nullptr;
  return emitScalarConstant(b, loc, attr);
}

/// One op of a reduction body, on 0-d tensors.
FailureOr<Value> emitRegionOp(OpBuilder &b, Operation &op,
                              const IRMapping &scalars) {
  if (op.getNumResults() != 1)
    return failure();
  auto resultType = dyn_cast<RankedTensorType>(op.getResult(0).getType());
  if (!resultType || resultType.getRank() != 0)
    return failure();
  if (auto constant = dyn_cast<stablehlo::ConstantOp>(op)) {
    auto value = dyn_cast<DenseElementsAttr>(constant.getValue());
    if (!value)
      return failure();
    return emitScalarConstant(b, op.getLoc(), value);
  }
  SmallVector<Value> args;
  for (Value operand : op.getOperands()) {
    Value scalar = lookupScalar(b, op.getLoc(), scalars, operand);
    if (!scalar)
      return failure();
    args.push_back(scalar);
  }
  // Reshaping one element changes nothing.
  if (isa<stablehlo::ReshapeOp, stablehlo::BroadcastInDimOp>(op))
    return args.front();
  SmallVector<Type> argTypes =
      llvm::map_to_vector(op.getOperandTypes(),
                          [](Type type) { return getElementTypeOrSelf(type); });
  return emitScalarOp(b, op.getLoc(), &op, args, argTypes,
                      resultType.getElementType());
}

} // namespace

bool isHalfFloat(Type type) { return type.isF16() || type.isBF16(); }

Type getSignlessType(Type type) {
  auto intType = dyn_cast<IntegerType>(type);
  if (!intType || intType.isSignless())
    return type;
  return IntegerType::get(type.getContext(), intType.getWidth());
}

Value createScalarZero(OpBuilder &builder, Location loc, Type type) {
  if (auto complexType = dyn_cast<ComplexType>(type)) {
    auto zero =
        cast<FloatAttr>(builder.getZeroAttr(complexType.getElementType()));
    return createComplexConstant(builder, loc, complexType, zero, zero);
  }
  return arith::ConstantOp::create(builder, loc, builder.getZeroAttr(type));
}

bool hasScalarRule(Operation *hloOp) {
  return lookupScalarRule(hloOp) != nullptr;
}

FailureOr<Value> emitScalarOp(OpBuilder &builder, Location loc,
                              Operation *hloOp, ValueRange scalarArgs,
                              ArrayRef<Type> originalArgElementTypes,
                              Type originalResultElementType) {
  const ScalarRule *rule = lookupScalarRule(hloOp);
  if (!rule || scalarArgs.empty() ||
      scalarArgs.size() != originalArgElementTypes.size())
    return failure();
  bool involvesComplex =
      isa<ComplexType>(originalResultElementType) ||
      llvm::any_of(originalArgElementTypes, llvm::IsaPred<ComplexType>);
  RuleFn emit = involvesComplex ? rule->emitComplex : rule->emit;
  if (!emit)
    return failure();
  if (rule->halfFloats == HalfFloats::AsIs ||
      !llvm::any_of(originalArgElementTypes, isHalfFloat))
    return emit({builder, loc, hloOp, scalarArgs, originalArgElementTypes,
                 originalResultElementType});

  // XLA computes f16 and bf16 arithmetic in f32 and rounds each result.
  Type f32 = builder.getF32Type();
  SmallVector<Value> wideArgs;
  SmallVector<Type> wideTypes;
  SmallVector<Operation *> extensions;
  for (auto [arg, type] :
       llvm::zip_equal(scalarArgs, originalArgElementTypes)) {
    if (!isHalfFloat(type)) {
      wideArgs.push_back(arg);
      wideTypes.push_back(type);
      continue;
    }
    extensions.push_back(arith::ExtFOp::create(builder, loc, f32, arg));
    wideArgs.push_back(extensions.back()->getResult(0));
    wideTypes.push_back(f32);
  }
  bool halfResult = isHalfFloat(originalResultElementType);
  FailureOr<Value> wide = emit({builder, loc, hloOp, wideArgs, wideTypes,
                                halfResult ? f32 : originalResultElementType});
  if (failed(wide)) {
    for (Operation *extension : extensions)
      extension->erase();
    return failure();
  }
  if (!halfResult)
    return wide;
  return arith::TruncFOp::create(builder, loc, originalResultElementType, *wide)
      .getResult();
}

//===----------------------------------------------------------------------===//
// Conversions
//===----------------------------------------------------------------------===//

namespace {

/// Between float types; f16 <-> bf16 goes through f32, which holds both.
Value emitFloatResize(OpBuilder &b, Location loc, Value value,
                      FloatType target) {
  auto source = cast<FloatType>(value.getType());
  if (source.getWidth() < target.getWidth())
    return arith::ExtFOp::create(b, loc, target, value);
  if (source.getWidth() > target.getWidth())
    return arith::TruncFOp::create(b, loc, target, value);
  if (source == target)
    return value;
  return arith::TruncFOp::create(
      b, loc, target, arith::ExtFOp::create(b, loc, b.getF32Type(), value));
}

/// Truncates toward zero. Out-of-range inputs saturate and NaN gives 0, as
/// in XLA; arith's conversions would make them poison.
Value emitFloatToInt(OpBuilder &b, Location loc, Value value,
                     IntegerType target, bool isSigned) {
  if (isHalfFloat(value.getType()))
    value = arith::ExtFOp::create(b, loc, b.getF32Type(), value);
  Type floatType = value.getType();
  unsigned width = target.getWidth();
  Value converted = isSigned
                        ? Value(arith::FPToSIOp::create(b, loc, target, value))
                        : Value(arith::FPToUIOp::create(b, loc, target, value));
  // The bounds are powers of two, exact in f32 and f64.
  double lowest = isSigned ? -std::ldexp(1.0, width - 1) : 0.0;
  double pastHighest = std::ldexp(1.0, isSigned ? width - 1 : width);
  APInt minValue =
      isSigned ? APInt::getSignedMinValue(width) : APInt::getMinValue(width);
  APInt maxValue =
      isSigned ? APInt::getSignedMaxValue(width) : APInt::getMaxValue(width);
  Value tooHigh = arith::CmpFOp::create(
      b, loc, arith::CmpFPredicate::OGE, value,
      createFloatConstant(b, loc, floatType, pastHighest));
  Value tooLow =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, value,
                            createFloatConstant(b, loc, floatType, lowest));
  Value isNaN =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, value, value);
  converted = arith::SelectOp::create(
      b, loc, tooHigh, createIntConstant(b, loc, target, maxValue), converted);
  converted = arith::SelectOp::create(
      b, loc, tooLow, createIntConstant(b, loc, target, minValue), converted);
  return arith::SelectOp::create(
      b, loc, isNaN, createIntConstant(b, loc, target, 0), converted);
}

/// Where either type is complex: part by part. A real number becomes the real
/// part, with 0 for the imaginary part; a complex number becomes a real one
/// by its real part.
FailureOr<Value> emitComplexConvert(OpBuilder &builder, Location loc,
                                    Value value, Type fromType, Type toType) {
  auto fromComplex = dyn_cast<ComplexType>(fromType);
  auto toComplex = dyn_cast<ComplexType>(toType);
  Type fromPart = fromComplex ? fromComplex.getElementType() : fromType;
  Type toPart = toComplex ? toComplex.getElementType() : toType;
  if (getNumberKind(fromPart) == NumberKind::Other ||
      getNumberKind(toPart) == NumberKind::Other)
    return failure();
  if (fromType == toType)
    return value;
  // Real numbers convert without failing.
  auto convertPart = [&](Value part) {
    return *emitScalarConvert(builder, loc, part, fromPart, toPart);
  };
  Value real = convertPart(
      fromComplex ? complex::ReOp::create(builder, loc, value) : value);
  if (!toComplex)
    return real;
  Value imag = fromComplex
                   ? convertPart(complex::ImOp::create(builder, loc, value))
                   : createFloatConstant(builder, loc, toPart, 0.0);
  return complex::CreateOp::create(builder, loc, toComplex, real, imag)
      .getResult();
}

} // namespace

FailureOr<Value> emitScalarConvert(OpBuilder &builder, Location loc,
                                   Value value, Type fromType, Type toType) {
  if (isa<ComplexType>(fromType) || isa<ComplexType>(toType))
    return emitComplexConvert(builder, loc, value, fromType, toType);
  NumberKind from = getNumberKind(fromType), to = getNumberKind(toType);
  if (from == NumberKind::Other || to == NumberKind::Other)
    return failure();
  if (fromType == toType)
    return value;
  Type target = getSignlessType(toType);
  if (to == NumberKind::Bool) {
    // x != 0; NaN is true.
    if (from == NumberKind::Float)
      return arith::CmpFOp::create(
                 builder, loc, arith::CmpFPredicate::UNE, value,
                 createFloatConstant(builder, loc, value.getType(), 0.0))
          .getResult();
    return arith::CmpIOp::create(
               builder, loc, arith::CmpIPredicate::ne, value,
               createIntConstant(builder, loc, value.getType(), 0))
        .getResult();
  }
  if (from == NumberKind::Float && to == NumberKind::Float)
    return emitFloatResize(builder, loc, value, cast<FloatType>(target));
  if (from == NumberKind::Float)
    return emitFloatToInt(builder, loc, value, cast<IntegerType>(target),
                          to == NumberKind::Signed);
  // From an integer: only si extends the sign; i1 is 0 or 1.
  bool isSigned = from == NumberKind::Signed;
  if (to == NumberKind::Float)
    return isSigned ? arith::SIToFPOp::create(builder, loc, target, value)
                          .getResult()
                    : arith::UIToFPOp::create(builder, loc, target, value)
                          .getResult();
  unsigned fromWidth = value.getType().getIntOrFloatBitWidth();
  unsigned toWidth = target.getIntOrFloatBitWidth();
  if (toWidth > fromWidth)
    return isSigned
               ? arith::ExtSIOp::create(builder, loc, target, value).getResult()
               : arith::ExtUIOp::create(builder, loc, target, value)
                     .getResult();
  if (toWidth < fromWidth)
    return arith::TruncIOp::create(builder, loc, target, value).getResult();
  // Same width, other signedness: the bits stay.
  return value;
}

FailureOr<SmallVector<Value>>
emitScalarRegion(OpBuilder &builder, Region &region, ValueRange scalarArgs) {
  if (!region.hasOneBlock() ||
      region.front().getNumArguments() != scalarArgs.size())
    return failure();
  Block &block = region.front();
  IRMapping scalars;
  scalars.map(block.getArguments(), scalarArgs);
  for (Operation &op : block) {
    if (isa<stablehlo::ReturnOp>(op)) {
      SmallVector<Value> results;
      for (Value operand : op.getOperands()) {
        Value scalar = lookupScalar(builder, op.getLoc(), scalars, operand);
        if (!scalar)
          return failure();
        results.push_back(scalar);
      }
      return results;
    }
    FailureOr<Value> scalar = emitRegionOp(builder, op, scalars);
    if (failed(scalar))
      return failure();
    scalars.map(op.getResult(0), *scalar);
  }
  return failure();
}

} // namespace jaxc
