//===- CHLOToStableHLO.cpp - Decompose CHLO ops into StableHLO ------------===//
//
// Every CHLO op becomes StableHLO ops here, before the lowering to linalg.
// JAX's expected values come from XLA, so the formulas are the ones XLA and
// StableHLO's CHLO decompositions use (Cephes, Lanczos, Giles, Hull et al.),
// written with MathBuilder so that each reads like its math.
//
// Elementwise ops are looked up in one table: a formula on real operands and
// one on the (re, im) parts of complex operands. The formulas compute f16
// and bf16 in f32 and round once at the end.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Conversion/Passes.h"
#include "jaxc/Dialect/CHLO/IR/CHLOOps.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"
#include "jaxc/Support/Unsupported.h"

#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/DenseMap.h"

#include <cmath>
#include <iterator>
#include <limits>
#include <variant>

using namespace mlir;

namespace jaxc {

#define GEN_PASS_DEF_CHLOTOSTABLEHLOPASS
#include "jaxc/Conversion/Passes.h.inc"

namespace {

using stablehlo::ComparisonDirection;

constexpr double kPi = 3.14159265358979323846;

//===----------------------------------------------------------------------===//
// MathBuilder: StableHLO ops on tensors of one shape
//===----------------------------------------------------------------------===//

/// An operand of a MathBuilder op: a value, or a number that becomes a splat
/// constant of the builder's float type.
class Operand {
public:
  Operand(Value value) : operand(value) {}
  Operand(double number) : operand(number) {}

  const Value *getValue() const { return std::get_if<Value>(&operand); }
  double getNumber() const { return std::get<double>(operand); }

private:
  std::variant<Value, double> operand;
};

/// Builds elementwise StableHLO ops on tensors of `shape`; numbers are
/// constants of `floatType`, the type the formulas compute in.
class MathBuilder {
public:
  MathBuilder(ImplicitLocOpBuilder &builder, ArrayRef<int64_t> shape,
              FloatType floatType)
      : b(builder), shape(shape), floatType(floatType) {}

  ImplicitLocOpBuilder &builder() const { return b; }
  FloatType getFloatType() const { return floatType; }
  bool isF64() const { return floatType.isF64(); }
  RankedTensorType tensorOf(Type elementType) const {
    return RankedTensorType::get(shape, elementType);
  }

  /// `value` rounded to the float type.
  Value constant(double value) const {
    APFloat rounded(value);
    bool losesInfo;
    rounded.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                    &losesInfo);
    return constant(rounded);
  }
  /// A constant of the integer type of `value`'s width.
  Value constant(const APInt &value) const {
    return stablehlo::ConstantOp::create(
        b,
        DenseElementsAttr::get(tensorOf(b.getIntegerType(value.getBitWidth())),
                               ArrayRef(value)));
  }
  const llvm::fltSemantics &semantics() const {
    return floatType.getFloatSemantics();
  }
  double largest() const {
    return APFloat::getLargest(semantics()).convertToDouble();
  }
  double smallestNormal() const {
    return APFloat::getSmallestNormalized(semantics()).convertToDouble();
  }
  double epsilon() const {
    return std::ldexp(1.0, 1 - APFloat::semanticsPrecision(semantics()));
  }
  double infinity() const { return std::numeric_limits<double>::infinity(); }
  double nan() const { return std::numeric_limits<double>::quiet_NaN(); }

  Value get(const Operand &operand) const {
    if (const Value *value = operand.getValue())
      return *value;
    return constant(operand.getNumber());
  }

  Value add(Operand x, Operand y) { return binary<stablehlo::AddOp>(x, y); }
  Value sub(Operand x, Operand y) {
    return binary<stablehlo::SubtractOp>(x, y);
  }
  Value mul(Operand x, Operand y) { return binary<stablehlo::MulOp>(x, y); }
  Value div(Operand x, Operand y) { return binary<stablehlo::DivOp>(x, y); }
  Value rem(Operand x, Operand y) { return binary<stablehlo::RemOp>(x, y); }
  Value pow(Operand x, Operand y) { return binary<stablehlo::PowOp>(x, y); }
  Value min(Operand x, Operand y) { return binary<stablehlo::MinOp>(x, y); }
  Value max(Operand x, Operand y) { return binary<stablehlo::MaxOp>(x, y); }
  Value atan2(Operand y, Operand x) { return binary<stablehlo::Atan2Op>(y, x); }
  // Bitwise; logical on predicates.
  Value bitAnd(Value x, Value y) { return binary<stablehlo::AndOp>(x, y); }
  Value bitOr(Value x, Value y) { return binary<stablehlo::OrOp>(x, y); }
  Value bitNot(Value x) { return unary<stablehlo::NotOp>(x); }

  Value neg(Value x) { return unary<stablehlo::NegOp>(x); }
  Value abs(Value x) { return unary<stablehlo::AbsOp>(x); }
  Value sign(Value x) { return unary<stablehlo::SignOp>(x); }
  Value floor(Value x) { return unary<stablehlo::FloorOp>(x); }
  Value sqrt(Value x) { return unary<stablehlo::SqrtOp>(x); }
  Value exp(Value x) { return unary<stablehlo::ExpOp>(x); }
  Value expm1(Value x) { return unary<stablehlo::Expm1Op>(x); }
  Value log(Value x) { return unary<stablehlo::LogOp>(x); }
  Value log1p(Value x) { return unary<stablehlo::Log1pOp>(x); }
  Value sin(Value x) { return unary<stablehlo::SineOp>(x); }
  Value cos(Value x) { return unary<stablehlo::CosineOp>(x); }
  Value tan(Value x) { return unary<stablehlo::TanOp>(x); }
  Value tanh(Value x) { return unary<stablehlo::TanhOp>(x); }
  Value isFinite(Value x) {
    return stablehlo::IsFiniteOp::create(b, predicateType(), x);
  }
  Value bitcast(Value x, Type elementType) {
    return stablehlo::BitcastConvertOp::create(b, tensorOf(elementType), x);
  }

  Value eq(Operand x, Operand y) {
    return compare(ComparisonDirection::EQ, x, y);
  }
  Value ne(Operand x, Operand y) {
    return compare(ComparisonDirection::NE, x, y);
  }
  Value lt(Operand x, Operand y) {
    return compare(ComparisonDirection::LT, x, y);
  }
  Value le(Operand x, Operand y) {
    return compare(ComparisonDirection::LE, x, y);
  }
  Value gt(Operand x, Operand y) {
    return compare(ComparisonDirection::GT, x, y);
  }
  Value ge(Operand x, Operand y) {
    return compare(ComparisonDirection::GE, x, y);
  }

  Value select(Value predicate, Operand onTrue, Operand onFalse) {
    Value trueValue = get(onTrue);
    return stablehlo::SelectOp::create(b, trueValue.getType(), predicate,
                                       trueValue, get(onFalse));
  }

  /// c[0] x^(n-1) + ... + c[n-1], by Horner's rule.
  Value polynomial(Value x, ArrayRef<double> coefficients) {
    Value result = constant(coefficients.front());
    for (double coefficient : coefficients.drop_front())
      result = add(mul(result, x), coefficient);
    return result;
  }

  /// The Chebyshev series sum' c[i] T_i(x), by Clenshaw's recurrence, with
  /// the coefficients highest order first (Cephes' chbevl).
  Value chebyshev(Value x, ArrayRef<double> coefficients) {
    Value b0 = constant(0.0), b1 = b0, b2 = b0;
    for (double coefficient : coefficients) {
      b2 = b1;
      b1 = b0;
      b0 = add(sub(mul(x, b1), b2), coefficient);
    }
    return mul(0.5, sub(b0, b2));
  }

private:
  Value constant(const APFloat &value) const {
    return stablehlo::ConstantOp::create(
        b, DenseElementsAttr::get(tensorOf(floatType), ArrayRef(value)));
  }

  RankedTensorType predicateType() const { return tensorOf(b.getI1Type()); }

  template <typename OpTy> Value unary(Value x) {
    return OpTy::create(b, x.getType(), x);
  }

  template <typename OpTy> Value binary(Operand x, Operand y) {
    Value lhs = get(x);
    return OpTy::create(b, lhs.getType(), lhs, get(y));
  }

  Value compare(ComparisonDirection direction, Operand x, Operand y) {
    Value lhs = get(x);
    return stablehlo::CompareOp::create(b, predicateType(), lhs, get(y),
                                        direction, nullptr);
  }

  ImplicitLocOpBuilder &b;
  ArrayRef<int64_t> shape;
  FloatType floatType;
};

//===----------------------------------------------------------------------===//
// Real functions
//===----------------------------------------------------------------------===//

// A NaN x gives x, quieted (x + x), keeping the sign and payload as XLA
// does, where a formula would flip the sign (-x^2) or pick another NaN.
Value keepNaN(MathBuilder &m, Value x, Value result) {
  return m.select(m.ne(x, x), m.add(x, x), result);
}

// 1 - x^2 as (1 - x)(1 + x) keeps its precision near |x| = 1.
Value oneMinusSquare(MathBuilder &m, Value x) {
  return m.mul(m.sub(1.0, x), m.add(1.0, x));
}

// acos(x) = 2 atan2(sqrt(1 - x^2), 1 + x); atan2(0, 0) would give 0 at -1.
Value acos(MathBuilder &m, Value x) {
  Value halfAngle = m.atan2(m.sqrt(oneMinusSquare(m, x)), m.add(1.0, x));
  return m.select(m.eq(x, -1.0), kPi, m.mul(2.0, halfAngle));
}

// asin(x) = 2 atan2(x, 1 + sqrt(1 - x^2)).
Value asin(MathBuilder &m, Value x) {
  return m.mul(2.0, m.atan2(x, m.add(1.0, m.sqrt(oneMinusSquare(m, x)))));
}

Value atan(MathBuilder &m, Value x) { return m.atan2(x, 1.0); }

// acosh(x) = log1p(sqrt(x - 1) (sqrt(x + 1) + sqrt(x - 1))), exact near 1
// and NaN below it; log(2) + log(x) where (x + 1)(x - 1) would overflow.
Value acosh(MathBuilder &m, Value x) {
  Value sqrtXm1 = m.sqrt(m.sub(x, 1.0));
  Value nearOne =
      m.log1p(m.mul(sqrtXm1, m.add(m.sqrt(m.add(x, 1.0)), sqrtXm1)));
  Value large = m.add(std::log(2.0), m.log(x));
  return m.select(m.ge(x, m.largest() / 2), large, nearOne);
}

// asinh(x) = sign(x) log1p(|x| + x^2 / (1 + sqrt(1 + x^2))), which keeps the
// low-order terms for small |x|; log(2) + log|x| where x^2 overflows.
Value asinh(MathBuilder &m, Value x) {
  Value ax = m.abs(x);
  Value ax2 = m.mul(ax, ax);
  Value moderate =
      m.log1p(m.add(ax, m.div(ax2, m.add(1.0, m.sqrt(m.add(1.0, ax2))))));
  Value large = m.add(std::log(2.0), m.log(ax));
  return m.mul(m.sign(x),
               m.select(m.ge(ax, std::sqrt(m.largest())), large, moderate));
}

// atanh(x) = (log1p(x) - log1p(-x)) / 2, NaN outside [-1, 1].
Value atanh(MathBuilder &m, Value x) {
  Value result = m.mul(0.5, m.sub(m.log1p(x), m.log1p(m.neg(x))));
  return m.select(m.gt(m.abs(x), 1.0), m.nan(), result);
}

// cosh(x) = e^(x + log(1/2)) + e^(-x + log(1/2)): no overflow where e^x
// does but cosh(x) does not.
Value cosh(MathBuilder &m, Value x) {
  double logHalf = std::log(0.5);
  return m.add(m.exp(m.add(x, logHalf)), m.exp(m.sub(logHalf, x)));
}

// sinh(x) = (e + e / (e + 1)) / 2 with e = expm1(x) for |x| < 1, where
// e^x - e^-x cancels; e^(x + log(1/2)) - e^(-x + log(1/2)) elsewhere.
Value sinh(MathBuilder &m, Value x) {
  Value e = m.expm1(x);
  Value small = m.mul(0.5, m.add(e, m.div(e, m.add(e, 1.0))));
  double logHalf = std::log(0.5);
  Value large = m.sub(m.exp(m.add(x, logHalf)), m.exp(m.sub(logHalf, x)));
  return m.select(m.lt(m.abs(x), 1.0), small, large);
}

Value tan(MathBuilder &m, Value x) { return m.tan(x); }

// jnp.square of floats (x * x is also what XLA computes, NaN and -0 alike).
Value square(MathBuilder &m, Value x) { return m.mul(x, x); }

//===- erf and erfc (Cephes ndtr.c and erff.c; Eigen's f32 erf) -----------===//

// erfc(x) for |x| >= 1 from erfc(|x|) = e^(-x^2) P(|x|) / Q(|x|) and
// erfc(-x) = 2 - erfc(x); 0 where e^(-x^2) underflows.
Value erfcOutsideUnitF64(MathBuilder &m, Value x) {
  static constexpr double kP[] = {
      2.46196981473530512524E-10, 5.64189564831068821977E-1,
      7.46321056442269912687E0,   4.86371970985681366614E1,
      1.96520832956077098242E2,   5.26445194995477358631E2,
      9.34528527171957607540E2,   1.02755188689515710272E3,
      5.57535335369399327526E2};
  static constexpr double kQ[] = {
      1.00000000000000000000E0, 1.32281951154744992508E1,
      8.67072140885989742329E1, 3.54937778887819891062E2,
      9.75708501743205489753E2, 1.82390916687909736289E3,
      2.24633760818710981792E3, 1.65666309194161350182E3,
      5.57535340817727675546E2};
  static constexpr double kR[] = {
      5.64189583547755073984E-1, 1.27536670759978104416E0,
      5.01905042251180477414E0,  6.16021097993053585195E0,
      7.40974269950448939160E0,  2.97886665372100240670E0};
  static constexpr double kS[] = {
      1.00000000000000000000E0, 2.26052863220117276590E0,
      9.39603524938001434673E0, 1.20489539808096656605E1,
      1.70814450747565897222E1, 9.60896809063285878198E0,
      3.36907645100081516050E0};
  static constexpr double kMaxLog = 7.09782712893383996843E2;
  Value ax = m.abs(x);
  Value minusXSquared = m.neg(m.mul(x, x));
  Value expMinusXSquared = m.exp(minusXSquared);
  Value belowEight = m.div(m.mul(expMinusXSquared, m.polynomial(ax, kP)),
                           m.polynomial(ax, kQ));
  Value aboveEight = m.div(m.mul(expMinusXSquared, m.polynomial(ax, kR)),
                           m.polynomial(ax, kS));
  Value erfcOfAbs = m.select(m.lt(ax, 8.0), belowEight, aboveEight);
  erfcOfAbs = m.select(m.lt(minusXSquared, -kMaxLog), 0.0, erfcOfAbs);
  return m.select(m.lt(x, 0.0), m.sub(2.0, erfcOfAbs), erfcOfAbs);
}

// erf(x) = x T(x^2) / U(x^2) for |x| < 1.
Value erfInsideUnitF64(MathBuilder &m, Value x) {
  static constexpr double kT[] = {
      9.60497373987051638749E0, 9.00260197203842689217E1,
      2.23200534594684319226E3, 7.00332514112805075473E3,
      5.55923013010394962768E4};
  static constexpr double kU[] = {
      1.00000000000000000000E0, 3.35617141647503099647E1,
      5.21357949780152679795E2, 4.59432382970980127987E3,
      2.26290000613890934246E4, 4.92673942608635921086E4};
  Value x2 = m.mul(x, x);
  return m.div(m.mul(x, m.polynomial(x2, kT)), m.polynomial(x2, kU));
}

// erfc(x) for |x| >= 1 from erfc(|x|) = e^(-x^2) / |x| P(1/x^2), with one P
// for |x| < 2 and one beyond; erfc(-x) = 2 - erfc(x).
Value erfcOutsideUnitF32(MathBuilder &m, Value x) {
  static constexpr double kBelowTwo[] = {
      +2.326819970068386E-2, -1.387039388740657E-1, +3.687424674597105E-1,
      -5.824733027278666E-1, +6.210004621745983E-1, -4.944515323274145E-1,
      +3.404879937665872E-1, -2.741127028184656E-1, +5.638259427386472E-1};
  static constexpr double kAboveTwo[] = {
      -1.047766399936249E+1, +1.297719955372516E+1, -7.495518717768503E+0,
      +2.921019019210786E+0, -1.015265279202700E+0, +4.218463358204948E-1,
      -2.820767439740514E-1, +5.641895067754075E-1};
  static constexpr double kMaxLog = 88.72283905206835;
  Value ax = m.abs(x);
  Value x2 = m.mul(x, x);
  Value minusXSquared = m.neg(x2);
  Value reciprocalX2 = m.div(1.0, x2);
  Value series = m.select(m.lt(ax, 2.0), m.polynomial(reciprocalX2, kBelowTwo),
                          m.polynomial(reciprocalX2, kAboveTwo));
  Value erfcOfAbs = m.mul(m.mul(m.exp(minusXSquared), m.div(1.0, ax)), series);
  erfcOfAbs = m.select(m.lt(minusXSquared, -kMaxLog), 0.0, erfcOfAbs);
  return m.select(m.lt(x, 0.0), m.sub(2.0, erfcOfAbs), erfcOfAbs);
}

// erf(x) = x T(x^2) for |x| < 1.
Value erfInsideUnitF32(MathBuilder &m, Value x) {
  static constexpr double kT[] = {+7.853861353153693E-5, -8.010193625184903E-4,
                                  +5.188327685732524E-3, -2.685381193529856E-2,
                                  +1.128358514861418E-1, -3.761262582423300E-1,
                                  +1.128379165726710E+0};
  return m.mul(x, m.polynomial(m.mul(x, x), kT));
}

// f64: Cephes. f32: Eigen's rational approximation erf(x) = x P(x^2) / Q(x^2)
// on x clamped to [-4, 4], clamped to [-1, 1].
Value erf(MathBuilder &m, Value x) {
  if (m.isF64())
    return keepNaN(m, x,
                   m.select(m.lt(m.abs(x), 1.0), erfInsideUnitF64(m, x),
                            m.sub(1.0, erfcOutsideUnitF64(m, x))));
  static constexpr double kP[] = {-2.72614225801306e-10, 2.77068142495902e-08,
                                  -2.10102402082508e-06, -5.69250639462346e-05,
                                  -7.34990630326855e-04, -2.95459980854025e-03,
                                  -1.60960333262415e-02};
  static constexpr double kQ[] = {-1.45660718464996e-05, -2.13374055278905e-04,
                                  -1.68282697438203e-03, -7.37332916720468e-03,
                                  -1.42647390514189e-02};
  Value clamped = m.max(-4.0, m.min(x, 4.0));
  Value x2 = m.mul(clamped, clamped);
  // x (P/Q), not (x P)/Q: P(0) = -0.016 would take x P below the normals
  // for x near 2^-126, which --denormals=flush makes 0 (XLA: 1.13 x).
  Value result =
      m.mul(clamped, m.div(m.polynomial(x2, kP), m.polynomial(x2, kQ)));
  return m.max(-1.0, m.min(result, 1.0));
}

Value erfc(MathBuilder &m, Value x) {
  Value insideUnit =
      m.isF64() ? erfInsideUnitF64(m, x) : erfInsideUnitF32(m, x);
  Value outsideUnit =
      m.isF64() ? erfcOutsideUnitF64(m, x) : erfcOutsideUnitF32(m, x);
  return m.select(m.lt(m.abs(x), 1.0), m.sub(1.0, insideUnit), outsideUnit);
}

//===- erf_inv (Giles, "Approximating the erfinv function") ---------------===//

// Giles' erfinv(x) = x p(w) with w = -log(1 - x^2) and one polynomial p per
// range of w, coefficients highest degree first.
struct ErfInvRange {
  double wBelow; // The range is w < wBelow; the last range takes the rest.
  double shift;  // p's variable is w - shift, ...
  bool ofSqrtW;  // ... or sqrt(w) - shift.
  ArrayRef<double> coefficients;
};

Value erfInv(MathBuilder &m, Value x) {
  static constexpr double kF32Central[] = {
      2.81022636e-08,  3.43273939e-07, -3.5233877e-06,
      -4.39150654e-06, 0.00021858087,  -0.00125372503,
      -0.00417768164,  0.246640727,    1.50140941};
  static constexpr double kF32Tail[] = {
      -0.000200214257, 0.000100950558, 0.00134934322,
      -0.00367342844,  0.00573950773,  -0.0076224613,
      0.00943887047,   1.00167406,     2.83297682};
  static constexpr double kF64Central[] = {
      -3.6444120640178196996e-21, -1.685059138182016589e-19,
      1.2858480715256400167e-18,  1.115787767802518096e-17,
      -1.333171662854620906e-16,  2.0972767875968561637e-17,
      6.6376381343583238325e-15,  -4.0545662729752068639e-14,
      -8.1519341976054721522e-14, 2.6335093153082322977e-12,
      -1.2975133253453532498e-11, -5.4154120542946279317e-11,
      1.051212273321532285e-09,   -4.1126339803469836976e-09,
      -2.9070369957882005086e-08, 4.2347877827932403518e-07,
      -1.3654692000834678645e-06, -1.3882523362786468719e-05,
      0.0001867342080340571352,   -0.00074070253416626697512,
      -0.0060336708714301490533,  0.24015818242558961693,
      1.6536545626831027356};
  static constexpr double kF64Middle[] = {
      2.2137376921775787049e-09,  9.0756561938885390979e-08,
      -2.7517406297064545428e-07, 1.8239629214389227755e-08,
      1.5027403968909827627e-06,  -4.013867526981545969e-06,
      2.9234449089955446044e-06,  1.2475304481671778723e-05,
      -4.7318229009055733981e-05, 6.8284851459573175448e-05,
      2.4031110387097893999e-05,  -0.0003550375203628474796,
      0.00095328937973738049703,  -0.0016882755560235047313,
      0.0024914420961078508066,   -0.0037512085075692412107,
      0.005370914553590063617,    1.0052589676941592334,
      3.0838856104922207635};
  static constexpr double kF64Tail[] = {
      -2.7109920616438573243e-11, -2.5556418169965252055e-10,
      1.5076572693500548083e-09,  -3.7894654401267369937e-09,
      7.6157012080783393804e-09,  -1.4960026627149240478e-08,
      2.9147953450901080826e-08,  -6.7711997758452339498e-08,
      2.2900482228026654717e-07,  -9.9298272942317002539e-07,
      4.5260625972231537039e-06,  -1.9681778105531670567e-05,
      7.5995277030017761139e-05,  -0.00021503011930044477347,
      -0.00013871931833623122026, 1.0103004648645343977,
      4.8499064014085844221};
  const ErfInvRange f32Ranges[] = {{5.0, 2.5, false, kF32Central},
                                   {0.0, 3.0, true, kF32Tail}};
  const ErfInvRange f64Ranges[] = {{6.25, 3.125, false, kF64Central},
                                   {16.0, 3.25, true, kF64Middle},
                                   {0.0, 5.0, true, kF64Tail}};
  ArrayRef<ErfInvRange> ranges =
      m.isF64() ? ArrayRef(f64Ranges) : ArrayRef(f32Ranges);

  Value w = m.neg(m.log1p(m.neg(m.mul(x, x))));
  Value sqrtW = m.sqrt(w);
  // Each range's polynomial, selected from the last range to the first.
  Value p;
  for (const ErfInvRange &range : llvm::reverse(ranges)) {
    Value variable = m.sub(range.ofSqrtW ? sqrtW : w, range.shift);
    Value polynomial = m.polynomial(variable, range.coefficients);
    p = p ? m.select(m.lt(w, range.wBelow), polynomial, p) : polynomial;
  }
  // erfinv(+-1) = +-inf, where the polynomials are indeterminate.
  return keepNaN(
      m, x, m.select(m.eq(m.abs(x), 1.0), m.mul(x, m.infinity()), m.mul(p, x)));
}

//===- lgamma and digamma (Lanczos approximation, g = 7, n = 9) -----------===//

constexpr double kLanczosGamma = 7;
constexpr double kLanczosBase = 0.99999999999980993227684700473478;
constexpr double kLanczosCoefficients[] = {
    676.520368121885098567009190444019, -1259.13921672240287047156078755283,
    771.3234287776530788486528258894,   -176.61502916214059906584551354,
    12.507343278686904814458936853,     -0.13857109526572011689554707,
    9.984369578019570859563e-6,         1.50563273514931155834e-7};

/// The terms of Lanczos' Gamma(z + 1) = sqrt(2 pi) t^(z + 1/2) e^-t a(z)
/// with t = z + g + 1/2 and a(z) = base + sum_k c_k / (z + k); reflection
/// (Gamma(x) Gamma(1 - x) = pi / sin(pi x)) covers x < 1/2.
struct Lanczos {
  Value reflect; // x < 1/2: the formula is for z = -x.
  Value z;       // -x where reflected, x - 1 otherwise.
  Value t;
  Value logT; // log(t), exact also where log's precision is weak.
  Value a;
  Value aPrime; // da/dz = -sum_k c_k / (z + k)^2.

  Lanczos(MathBuilder &m, Value x) {
    reflect = m.lt(x, 0.5);
    z = m.select(reflect, m.neg(x), m.sub(x, 1.0));
    a = m.constant(kLanczosBase);
    aPrime = m.constant(0.0);
    for (auto [k, coefficient] : llvm::enumerate(kLanczosCoefficients)) {
      Value zPlusK = m.add(z, static_cast<double>(k + 1));
      a = m.add(a, m.div(coefficient, zPlusK));
      aPrime = m.sub(aPrime, m.div(coefficient, m.mul(zPlusK, zPlusK)));
    }
    // log(t) = log(g + 1/2) + log1p(z / (g + 1/2)).
    double gPlusHalf = kLanczosGamma + 0.5;
    t = m.add(gPlusHalf, z);
    logT = m.add(std::log(gPlusHalf), m.log1p(m.div(z, gPlusHalf)));
  }
};

// lgamma(x) = log|Gamma(x)|: +inf at the poles (non-positive integers) and
// at +-inf.
Value lgamma(MathBuilder &m, Value x) {
  Lanczos l(m, x);
  // (z + 1/2) log(t) - t, as (z + 1/2 - t / log(t)) log(t): no overflow.
  Value powerTerm = m.mul(m.sub(m.add(l.z, 0.5), m.div(l.t, l.logT)), l.logT);
  Value result = m.add(m.add(std::log(2 * kPi) / 2, powerTerm), m.log(l.a));

  // lgamma(x) = log(pi) - lgamma(1 - x) - log|sin(pi x)|. |sin(pi x)| has
  // period 1 and is symmetric about 1/2: evaluate it at the fraction of |x|
  // folded into [0, 1/2], which is exactly 0 at integers.
  Value absX = m.abs(x);
  Value fraction = m.sub(absX, m.floor(absX));
  fraction = m.select(m.lt(0.5, fraction), m.sub(1.0, fraction), fraction);
  // Below 2^-28 (f64; 2^-14 for f32), sin(pi f) = pi f within a quarter
  // of an epsilon ((pi f)^2 / 6), and log(f) + log(pi) keeps subnormal f
  // exact, where pi f rounds to a few bits (lgamma(5e-324) was 744.486,
  // not 744.440).
  Value logSin = m.select(m.lt(fraction, m.isF64() ? 0x1p-28 : 0x1p-14),
                          m.add(m.log(fraction), std::log(kPi)),
                          m.log(m.sin(m.mul(kPi, fraction))));
  // At the poles sin(pi x) = 0: +inf, where the difference could be
  // inf - inf.
  Value reflected =
      m.select(m.isFinite(logSin), m.sub(m.sub(std::log(kPi), logSin), result),
               m.neg(logSin));
  result = m.select(l.reflect, reflected, result);
  return m.select(m.eq(absX, m.infinity()), m.infinity(), result);
}

// digamma(x) = Gamma'(x) / Gamma(x): -inf at 0, NaN at negative integers.
Value digamma(MathBuilder &m, Value x) {
  Lanczos l(m, x);
  // digamma(z + 1) = log(t) + a'(z) / a(z) - g / t.
  Value result =
      m.sub(m.add(l.logT, m.div(l.aPrime, l.a)), m.div(kLanczosGamma, l.t));

  // digamma(x) = digamma(1 - x) - pi cot(pi x), with x shifted into
  // [-1/2, 1/2] (cot has period 1) so that pi x keeps its precision.
  Value reduced = m.add(x, m.abs(m.floor(m.add(x, 0.5))));
  Value piReduced = m.mul(kPi, reduced);
  Value piCot = m.div(m.mul(kPi, m.cos(piReduced)), m.sin(piReduced));
  result = m.select(l.reflect, m.sub(result, piCot), result);

  Value negativeInteger = m.bitAnd(m.lt(x, 0.0), m.eq(x, m.floor(x)));
  result = m.select(negativeInteger, m.nan(), result);
  return m.select(m.eq(x, 0.0), -m.infinity(), result);
}

//===- zeta and polygamma -------------------------------------------------===//

// The Hurwitz zeta function sum_k (q + k)^-x by the Euler-Maclaurin formula
// after N = 10 terms, with 12 Bernoulli terms (Johansson, "Rigorous
// high-precision computation of the Hurwitz zeta function", formula (5)).
Value zeta(MathBuilder &m, Value x, Value q) {
  // (2k)! / B_2k for k = 12 down to 1.
  static constexpr double kFactorialOverBernoulli[] = {
      -7.1661652561756670113e18,
      1.8152105401943546773e17,
      -4.5979787224074726105e15,
      1.1646782814350067249e14,
      -2.950130727918164224e12,
      7.47242496e10,
      -1.8924375803183791606e9,
      47900160.0,
      -1209600.0,
      30240.0,
      -720.0,
      12.0};
  constexpr int kDirectTerms = 10;
  constexpr int kBernoulliTerms = std::size(kFactorialOverBernoulli);

  Value minusX = m.neg(x);
  Value qPlusN = q;
  Value directSum = m.pow(q, minusX);
  for (int k = 1; k < kDirectTerms; ++k) {
    qPlusN = m.add(qPlusN, 1.0);
    directSum = m.add(directSum, m.pow(qPlusN, minusX));
  }
  qPlusN = m.add(qPlusN, 1.0);
  Value tailPower = m.pow(qPlusN, minusX); // (q + N)^-x
  // The integral of the tail: (q + N)^(1 - x) / (x - 1).
  Value integral = m.div(m.mul(tailPower, qPlusN), m.sub(x, 1.0));

  // sum_k B_2k / (2k)! x (x + 1) ... (x + 2k - 2) (q + N)^(-x - 2k + 1), by
  // Horner's rule from the last term.
  Value inverseSquare = m.div(1.0, m.mul(qPlusN, qPlusN));
  Value horner = m.constant(0.0);
  for (int i = 0; i < kBernoulliTerms - 1; ++i) {
    double risingOffset = 2 * (kBernoulliTerms - 1 - i);
    Value rising = m.mul(m.add(x, risingOffset), m.add(x, risingOffset - 1));
    horner =
        m.mul(rising, m.mul(inverseSquare,
                            m.add(horner, 1.0 / kFactorialOverBernoulli[i])));
  }
  Value bernoulliTerms = m.mul(
      tailPower,
      m.add(0.5, m.mul(m.div(x, qPlusN),
                       m.add(1.0 / kFactorialOverBernoulli[kBernoulliTerms - 1],
                             horner))));
  Value result = m.add(m.add(directSum, integral), bernoulliTerms);
  // Where the tail is below the sum's precision, the sum is the answer.
  Value tailNegligible =
      m.lt(m.abs(tailPower), m.mul(m.abs(directSum), m.epsilon()));
  result = m.select(tailNegligible, directSum, result);

  // Undefined for x < 1, and for q <= 0 unless x is an integer.
  Value xIsInteger = m.eq(x, m.floor(x));
  Value qNotPositive = m.le(q, 0.0);
  result = m.select(m.lt(x, 1.0), m.nan(), result);
  result =
      m.select(m.bitAnd(qNotPositive, m.bitNot(xIsInteger)), m.nan(), result);
  // Poles at the integers q <= 0: +inf for even x, undefined for odd x.
  Value atPole = m.bitAnd(qNotPositive, m.eq(q, m.floor(q)));
  Value xIsEven = m.bitAnd(xIsInteger, m.eq(m.rem(x, 2.0), 0.0));
  result = m.select(atPole, m.select(xIsEven, m.infinity(), m.nan()), result);
  // x = 1: the harmonic series.
  return m.select(m.eq(x, 1.0), m.infinity(), result);
}

// polygamma(n, x) = (-1)^(n + 1) n! zeta(n + 1, x) for natural n > 0, and
// digamma(x) for n = 0; NaN for any other n.
Value polygamma(MathBuilder &m, Value n, Value x) {
  Value sign = m.sub(m.mul(2.0, m.rem(n, 2.0)), 1.0);
  Value nPlusOne = m.add(n, 1.0);
  Value factorial = m.exp(lgamma(m, nPlusOne));
  Value result = m.mul(m.mul(sign, factorial), zeta(m, nPlusOne, x));
  result = m.select(m.eq(n, 0.0), digamma(m, x), result);
  Value natural = m.bitAnd(m.eq(n, m.floor(n)), m.ge(n, 0.0));
  return m.select(natural, result, m.nan());
}

//===- bessel_i1e (Cephes i1.c) -------------------------------------------===//

// i1e(x) = e^-|x| I1(x): Chebyshev series in |x|/2 - 2 for |x| <= 8 and in
// 32/|x| - 2 beyond; I1 is odd.
Value besselI1e(MathBuilder &m, Value x) {
  static constexpr double kF64BelowEight[] = {
      2.77791411276104639959E-18, -2.11142121435816608115E-17,
      1.55363195773620046921E-16, -1.10559694773538630805E-15,
      7.60068429473540693410E-15, -5.04218550472791168711E-14,
      3.22379336594557470981E-13, -1.98397439776494371520E-12,
      1.17361862988909016308E-11, -6.66348972350202774223E-11,
      3.62559028155211703701E-10, -1.88724975172282928790E-9,
      9.38153738649577178388E-9,  -4.44505912879632808065E-8,
      2.00329475355213526229E-7,  -8.56872026469545474066E-7,
      3.47025130813767847674E-6,  -1.32731636560394358279E-5,
      4.78156510755005422638E-5,  -1.61760815825896745588E-4,
      5.12285956168575772895E-4,  -1.51357245063125314899E-3,
      4.15642294431288815669E-3,  -1.05640848946261981558E-2,
      2.47264490306265168283E-2,  -5.29459812080949914269E-2,
      1.02643658689847095384E-1,  -1.76416518357834055153E-1,
      2.52587186443633654823E-1};
  static constexpr double kF64AboveEight[] = {
      7.51729631084210481353E-18,  4.41434832307170791151E-18,
      -4.65030536848935832153E-17, -3.20952592199342395980E-17,
      2.96262899764595013876E-16,  3.30820231092092828324E-16,
      -1.88035477551078244854E-15, -3.81440307243700780478E-15,
      1.04202769841288027642E-14,  4.27244001671195135429E-14,
      -2.10154184277266431302E-14, -4.08355111109219731823E-13,
      -7.19855177624590851209E-13, 2.03562854414708950722E-12,
      1.41258074366137813316E-11,  3.25260358301548823856E-11,
      -1.89749581235054123450E-11, -5.58974346219658380687E-10,
      -3.83538038596423702205E-9,  -2.63146884688951950684E-8,
      -2.51223623787020892529E-7,  -3.88256480887769039346E-6,
      -1.10588938762623716291E-4,  -9.76109749136146840777E-3,
      7.78576235018280120474E-1};
  // f32 uses the last terms of each series (Cephes i1f.c).
  ArrayRef<double> belowEight(kF64BelowEight), aboveEight(kF64AboveEight);
  if (!m.isF64()) {
    belowEight = belowEight.take_back(17);
    aboveEight = aboveEight.take_back(7);
  }
  Value ax = m.abs(x);
  Value small = m.mul(ax, m.chebyshev(m.sub(m.mul(0.5, ax), 2.0), belowEight));
  Value large =
      m.div(m.chebyshev(m.sub(m.div(32.0, ax), 2.0), aboveEight), m.sqrt(ax));
  return keepNaN(m, x, m.mul(m.sign(x), m.select(m.le(ax, 8.0), small, large)));
}

//===- Classification and bits --------------------------------------------===//

Value isInf(MathBuilder &m, Value x) { return m.eq(m.abs(x), m.infinity()); }
Value isPosInf(MathBuilder &m, Value x) { return m.eq(x, m.infinity()); }
Value isNegInf(MathBuilder &m, Value x) { return m.eq(x, -m.infinity()); }

// The float after x in the direction of y, by stepping x's integer
// representation (sign and magnitude) toward y.
Value nextAfter(MathBuilder &m, Value x, Value y) {
  unsigned width = m.getFloatType().getWidth();
  Type intType = m.builder().getIntegerType(width);
  APInt signBit = APInt::getSignMask(width);
  Value xBits = m.bitcast(x, intType), yBits = m.bitcast(y, intType);
  Value magnitudeMask = m.constant(~signBit);
  Value xMagnitude = m.bitAnd(xBits, magnitudeMask);
  Value yMagnitude = m.bitAnd(yBits, magnitudeMask);
  Value signMask = m.constant(signBit);
  Value xSign = m.bitAnd(xBits, signMask);
  Value ySign = m.bitAnd(yBits, signMask);
  Value zero = m.constant(APInt::getZero(width));
  Value one = m.constant(APInt(width, 1));

  // Toward zero where the signs differ or |x| > |y|, away from it otherwise.
  Value towardZero = m.bitOr(m.ne(xSign, ySign), m.gt(xMagnitude, yMagnitude));
  Value step = m.select(towardZero, m.constant(APInt::getAllOnes(width)), one);
  Value result = m.add(xBits, step);
  // From +-0: the smallest subnormal with y's sign, or y itself if it is 0.
  Value fromZero = m.select(m.eq(yMagnitude, zero), yBits, m.bitOr(ySign, one));
  result = m.select(m.eq(xMagnitude, zero), fromZero, result);
  result = m.select(m.eq(x, y), yBits, result);
  Value eitherNaN = m.bitOr(m.ne(x, x), m.ne(y, y));
  result = m.select(eitherNaN, m.bitcast(m.constant(m.nan()), intType), result);
  return m.bitcast(result, m.getFloatType());
}

//===----------------------------------------------------------------------===//
// Complex functions, on (re, im) parts
//===----------------------------------------------------------------------===//

struct ComplexParts {
  Value re, im;
};

// hypot(x, y) for x, y >= 0 as max sqrt(1 + (min/max)^2), with the first
// order term kept where the square root rounds to 1.
Value hypot(MathBuilder &m, Value x, Value y) {
  Value larger = m.max(x, y), smaller = m.min(x, y);
  Value ratio = m.div(smaller, larger);
  Value ratio2 = m.mul(ratio, ratio);
  Value root = m.sqrt(m.add(1.0, ratio2));
  Value rootIsOne = m.bitAnd(m.eq(root, 1.0), m.gt(ratio2, 0.0));
  Value general =
      m.select(rootIsOne, m.add(larger, m.div(m.mul(larger, ratio2), 2.0)),
               m.mul(larger, root));
  return m.select(m.eq(larger, smaller), m.mul(std::sqrt(2.0), larger),
                  general);
}

/// Hull et al.'s complex arcsine ("Implementing the complex arcsine and
/// arccosine functions using exception handling", with the approximation
/// regions merged as in StableHLO's CHLO decomposition):
///   asin(z) = atan2(re z, realDenominator) +- i imagMagnitude
///   acos(z) = atan2(realDenominator, re z) -+ i imagMagnitude
/// with the sign of im z; a = (|z + 1| + |z - 1|) / 2 and
/// imagMagnitude = log(a + sqrt(a^2 - 1)).
struct HullArcsine {
  Value realDenominator;
  Value imagMagnitude;

  HullArcsine(MathBuilder &m, ComplexParts z) {
    Value x = m.abs(z.re), y = m.abs(z.im);
    double safeMax = std::sqrt(m.largest()) / 8;
    double safeMin = std::sqrt(m.smallestNormal()) * 4;
    Value xp1 = m.add(x, 1.0), xm1 = m.sub(x, 1.0);
    Value r = hypot(m, xp1, y), s = hypot(m, m.abs(xm1), y);
    Value a = m.mul(0.5, m.add(r, s));
    Value halfApx = m.mul(0.5, m.add(a, x));
    Value yy = m.mul(y, y);
    Value rpxp1 = m.add(r, xp1), smxm1 = m.sub(s, xm1), spxm1 = m.add(s, xm1);

    // sqrt(a^2 - x^2) without cancellation; ~y where z is huge.
    Value insideUnit = m.sqrt(m.mul(halfApx, m.add(m.div(yy, rpxp1), smxm1)));
    Value outsideUnit =
        m.mul(y, m.sqrt(m.add(m.div(halfApx, rpxp1), m.div(halfApx, spxm1))));
    realDenominator = m.select(m.ge(m.max(x, y), safeMax), y,
                               m.select(m.le(x, 1.0), insideUnit, outsideUnit));

    // Huge |z|: log(2 |z|) = log 2 + log(max) + log1p((x/y)^2) / 2.
    Value yHugeThreshold =
        m.select(m.lt(x, safeMax * 1e12), safeMax * 1e-6, safeMax * 1e2);
    Value yHuge = m.ge(y, yHugeThreshold);
    Value larger = m.select(yHuge, y, x);
    Value xOverY =
        m.select(m.bitAnd(yHuge, m.ne(y, m.infinity())), m.div(x, y), 0.0);
    Value hugeImag = m.add(m.add(std::log(2.0), m.log(larger)),
                           m.mul(0.5, m.log1p(m.mul(xOverY, xOverY))));
    Value isHuge = m.ge(larger, m.select(yHuge, yHugeThreshold, safeMax));

    // Otherwise log1p(a - 1 + sqrt((a - 1)(a + 1))) with a - 1 computed
    // without cancellation; y / sqrt(a^2 - 1) for tiny y inside the unit.
    Value tinyY = m.bitAnd(m.lt(y, safeMin), m.lt(x, 1.0));
    Value halfYY = m.mul(0.5, yy);
    Value ap1 = m.add(a, 1.0);
    Value am1 = m.select(
        tinyY, m.neg(m.div(m.mul(xp1, xm1), ap1)),
        m.select(m.ge(x, 1.0), m.add(m.div(halfYY, rpxp1), m.mul(0.5, spxm1)),
                 m.select(m.le(a, 1.5),
                          m.add(m.div(halfYY, rpxp1), m.div(halfYY, smxm1)),
                          m.sub(a, 1.0))));
    Value root = m.sqrt(m.mul(am1, ap1));
    Value moderateImag =
        m.select(tinyY, m.div(y, root), m.log1p(m.add(am1, root)));
    imagMagnitude = m.select(isHuge, hugeImag, moderateImag);
  }
};

ComplexParts complexAsin(MathBuilder &m, ComplexParts z) {
  HullArcsine arcsine(m, z);
  Value imag = arcsine.imagMagnitude;
  return {m.atan2(z.re, arcsine.realDenominator),
          m.select(m.lt(z.im, 0.0), m.neg(imag), imag)};
}

ComplexParts complexAcos(MathBuilder &m, ComplexParts z) {
  HullArcsine arcsine(m, z);
  Value imag = arcsine.imagMagnitude;
  return {m.atan2(arcsine.realDenominator, z.re),
          m.select(m.lt(z.im, 0.0), imag, m.neg(imag))};
}

// acosh(z) = +-i acos(z), with the sign that gives acosh a non-negative
// real part: i acos(z) for im z >= 0.
ComplexParts complexAcosh(MathBuilder &m, ComplexParts z) {
  ComplexParts w = complexAcos(m, z);
  Value negative = m.lt(z.im, 0.0);
  return {m.select(negative, w.im, m.neg(w.im)),
          m.select(negative, m.neg(w.re), w.re)};
}

// asinh(z) = -i asin(i z).
ComplexParts complexAsinh(MathBuilder &m, ComplexParts z) {
  ComplexParts w = complexAsin(m, {m.neg(z.im), z.re});
  return {w.im, m.neg(w.re)};
}

// atanh(z) = log((1 + z) / (1 - z)) / 2:
//   re = log(|1 + z|^2 / |1 - z|^2) / 4 = log1p(4x / ((1 - x)^2 + y^2)) / 4
//   im = arg((1 + z)(1 - conj z)) / 2 = atan2(2y, (1 - x)(1 + x) - y^2) / 2
ComplexParts complexAtanh(MathBuilder &m, ComplexParts z) {
  Value oneMinusX = m.sub(1.0, z.re);
  Value y2 = m.mul(z.im, z.im);
  Value re = m.mul(
      0.25,
      m.log1p(m.div(m.mul(4.0, z.re), m.add(m.mul(oneMinusX, oneMinusX), y2))));
  Value im =
      m.mul(0.5, m.atan2(m.mul(2.0, z.im), m.sub(oneMinusSquare(m, z.re), y2)));
  return {re, im};
}

// atan(z) = -i atanh(i z).
ComplexParts complexAtan(MathBuilder &m, ComplexParts z) {
  ComplexParts w = complexAtanh(m, {m.neg(z.im), z.re});
  return {w.im, m.neg(w.re)};
}

// cosh(x + iy) = cosh x cos y + i sinh x sin y.
ComplexParts complexCosh(MathBuilder &m, ComplexParts z) {
  return {m.mul(cosh(m, z.re), m.cos(z.im)), m.mul(sinh(m, z.re), m.sin(z.im))};
}

// sinh(x + iy) = sinh x cos y + i cosh x sin y.
ComplexParts complexSinh(MathBuilder &m, ComplexParts z) {
  return {m.mul(sinh(m, z.re), m.cos(z.im)), m.mul(cosh(m, z.re), m.sin(z.im))};
}

// tan(x + iy) = (t + i h) / (1 - i t h) with t = tan x, h = tanh y:
//   re = t (1 - h^2) / (1 + t^2 h^2), with 1 - h^2 = 1 / cosh^2 y exactly,
//   im = h (1 + t^2) / (1 + t^2 h^2).
ComplexParts complexTan(MathBuilder &m, ComplexParts z) {
  Value t = m.tan(z.re), h = m.tanh(z.im);
  Value coshY = cosh(m, z.im);
  Value th = m.mul(t, h);
  Value denominator = m.add(1.0, m.mul(th, th));
  return {m.div(t, m.mul(m.mul(coshY, coshY), denominator)),
          m.div(m.mul(h, m.add(1.0, m.mul(t, t))), denominator)};
}

// (re - im)(re + im) + 2 re im i: re^2 - im^2 without its cancellation.
ComplexParts complexSquare(MathBuilder &m, ComplexParts z) {
  return {m.mul(m.sub(z.re, z.im), m.add(z.re, z.im)),
          m.mul(2.0, m.mul(z.re, z.im))};
}

ComplexParts conj(MathBuilder &m, ComplexParts z) {
  return {z.re, m.neg(z.im)};
}

//===----------------------------------------------------------------------===//
// The table of elementwise decompositions
//===----------------------------------------------------------------------===//

using RealFormula = Value (*)(MathBuilder &, ArrayRef<Value>);
using ComplexFormula = ComplexParts (*)(MathBuilder &, ComplexParts);

template <Value (*Formula)(MathBuilder &, Value)>
Value unary(MathBuilder &m, ArrayRef<Value> operands) {
  return Formula(m, operands[0]);
}

template <Value (*Formula)(MathBuilder &, Value, Value)>
Value binary(MathBuilder &m, ArrayRef<Value> operands) {
  return Formula(m, operands[0], operands[1]);
}

/// Whether f16 and bf16 operands compute in f32 (formulas) or as they are
/// (exact comparisons and bit manipulation).
enum class HalfFloats { InF32, AsIs };

struct ElementwiseRule {
  RealFormula onReal;       // Null: the op takes no real operands.
  ComplexFormula onComplex; // Null: the op takes no complex operands.
  HalfFloats halfFloats;
};

template <typename OpTy>
std::pair<TypeID, ElementwiseRule>
rule(RealFormula onReal, ComplexFormula onComplex = nullptr,
     HalfFloats halfFloats = HalfFloats::InF32) {
  return {TypeID::get<OpTy>(), {onReal, onComplex, halfFloats}};
}

const ElementwiseRule *lookUpElementwiseRule(Operation *op) {
  static const std::pair<TypeID, ElementwiseRule> ruleList[] = {
      rule<chlo::AcosOp>(unary<acos>, complexAcos),
      rule<chlo::AcoshOp>(unary<acosh>, complexAcosh),
      rule<chlo::AsinOp>(unary<asin>, complexAsin),
      rule<chlo::AsinhOp>(unary<asinh>, complexAsinh),
      rule<chlo::AtanOp>(unary<atan>, complexAtan),
      rule<chlo::AtanhOp>(unary<atanh>, complexAtanh),
      rule<chlo::CoshOp>(unary<cosh>, complexCosh),
      rule<chlo::SinhOp>(unary<sinh>, complexSinh),
      rule<chlo::TanOp>(unary<tan>, complexTan),
      // f16 and bf16 multiply in f32 and round once in the lowering.
      rule<chlo::SquareOp>(unary<square>, complexSquare, HalfFloats::AsIs),
      rule<chlo::ConjOp>(nullptr, conj),
      rule<chlo::ErfOp>(unary<erf>),
      rule<chlo::ErfcOp>(unary<erfc>),
      rule<chlo::ErfInvOp>(unary<erfInv>),
      rule<chlo::LgammaOp>(unary<lgamma>),
      rule<chlo::DigammaOp>(unary<digamma>),
      rule<chlo::PolygammaOp>(binary<polygamma>),
      rule<chlo::ZetaOp>(binary<zeta>),
      rule<chlo::BesselI1eOp>(unary<besselI1e>),
      rule<chlo::IsInfOp>(unary<isInf>, nullptr, HalfFloats::AsIs),
      rule<chlo::IsPosInfOp>(unary<isPosInf>, nullptr, HalfFloats::AsIs),
      rule<chlo::IsNegInfOp>(unary<isNegInf>, nullptr, HalfFloats::AsIs),
      rule<chlo::NextAfterOp>(binary<nextAfter>, nullptr, HalfFloats::AsIs),
  };
  static const llvm::DenseMap<TypeID, ElementwiseRule> rules(
      std::begin(ruleList), std::end(ruleList));
  auto it = rules.find(op->getName().getTypeID());
  return it == rules.end() ? nullptr : &it->second;
}

LogicalResult reportUnsupported(Operation *op, Type elementType) {
  return emitUnsupported(op) << " on " << elementType;
}

FailureOr<Value> decomposeElementwise(ImplicitLocOpBuilder &b, Operation *op,
                                      const ElementwiseRule &rule) {
  auto operandType = cast<RankedTensorType>(op->getOperand(0).getType());
  Type elementType = operandType.getElementType();
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());

  if (auto complexType = dyn_cast<ComplexType>(elementType)) {
    auto partType = dyn_cast<FloatType>(complexType.getElementType());
    if (!rule.onComplex || !partType)
      return reportUnsupported(op, elementType);
    MathBuilder m(b, operandType.getShape(), partType);
    RankedTensorType partsType = m.tensorOf(partType);
    Value z = op->getOperand(0);
    ComplexParts result =
        rule.onComplex(m, {stablehlo::RealOp::create(b, partsType, z),
                           stablehlo::ImagOp::create(b, partsType, z)});
    return Value(
        stablehlo::ComplexOp::create(b, resultType, result.re, result.im));
  }

  auto floatType = dyn_cast<FloatType>(elementType);
  if (!rule.onReal || !floatType)
    return reportUnsupported(op, elementType);
  FloatType computeType = floatType;
  if (rule.halfFloats == HalfFloats::InF32 && floatType.getWidth() < 32)
    computeType = b.getF32Type();
  MathBuilder m(b, operandType.getShape(), computeType);
  SmallVector<Value> operands;
  for (Value operand : op->getOperands())
    operands.push_back(computeType == floatType
                           ? operand
                           : stablehlo::ConvertOp::create(
                                 b, m.tensorOf(computeType), operand));
  Value result = rule.onReal(m, operands);
  if (result.getType() != resultType)
    result = stablehlo::ConvertOp::create(b, resultType, result);
  return result;
}

//===----------------------------------------------------------------------===//
// top_k
//===----------------------------------------------------------------------===//

/// How the sort compares elements: floats in total order (-NaN < -inf < ...
/// < -0 < +0 < ... < +inf < +NaN, as XLA's top_k), integers by signedness.
stablehlo::ComparisonType getSortComparisonType(Type elementType) {
  if (isa<FloatType>(elementType))
    return stablehlo::ComparisonType::TOTALORDER;
  if (elementType.isUnsignedInteger() || elementType.isInteger(1))
    return stablehlo::ComparisonType::UNSIGNED;
  return stablehlo::ComparisonType::SIGNED;
}

// top_k(x, k): a stable descending sort of x, with an iota of indices along,
// over the last dimension, and the first k of each.
LogicalResult decomposeTopK(ImplicitLocOpBuilder &b, chlo::TopKOp op) {
  auto operandType = cast<RankedTensorType>(op.getOperand().getType());
  auto indicesType = cast<RankedTensorType>(op.getIndices().getType());
  int64_t lastDim = operandType.getRank() - 1;
  if (lastDim < 0)
    return op.emitOpError("needs an operand of rank 1 or more");
  auto iotaType = operandType.clone(indicesType.getElementType());
  Value iota = stablehlo::IotaOp::create(b, iotaType, lastDim);
  auto sort = stablehlo::SortOp::create(b, TypeRange{operandType, iotaType},
                                        ValueRange{op.getOperand(), iota},
                                        lastDim, /*is_stable=*/true);

  {
    OpBuilder::InsertionGuard guard(b);
    Type elementType = operandType.getElementType();
    auto valueType = RankedTensorType::get({}, elementType);
    auto indexType = RankedTensorType::get({}, indicesType.getElementType());
    Location loc = op.getLoc();
    Block *comparator = b.createBlock(
        &sort.getComparator(), {}, {valueType, valueType, indexType, indexType},
        {loc, loc, loc, loc});
    Value greater = stablehlo::CompareOp::create(
        b, RankedTensorType::get({}, b.getI1Type()), comparator->getArgument(0),
        comparator->getArgument(1), ComparisonDirection::GT,
        stablehlo::ComparisonTypeAttr::get(b.getContext(),
                                           getSortComparisonType(elementType)));
    stablehlo::ReturnOp::create(b, greater);
  }

  SmallVector<int64_t> start(operandType.getRank(), 0);
  SmallVector<int64_t> limit(operandType.getShape());
  limit.back() = op.getValues().getType().getShape().back();
  SmallVector<int64_t> strides(operandType.getRank(), 1);
  Value values = stablehlo::SliceOp::create(
      b, op.getValues().getType(), sort.getResult(0), start, limit, strides);
  Value indices = stablehlo::SliceOp::create(b, indicesType, sort.getResult(1),
                                             start, limit, strides);
  op.replaceAllUsesWith(ValueRange{values, indices});
  op.erase();
  return success();
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

LogicalResult decompose(Operation *op) {
  for (Type type :
       llvm::concat<const Type>(op->getOperandTypes(), op->getResultTypes()))
    if (!cast<RankedTensorType>(type).hasStaticShape())
      return emitUnsupported(op) << " on dynamic shapes";
  ImplicitLocOpBuilder b(op->getLoc(), op);
  if (auto topK = dyn_cast<chlo::TopKOp>(op))
    return decomposeTopK(b, topK);
  const ElementwiseRule *rule = lookUpElementwiseRule(op);
  if (!rule)
    return emitUnsupported(op);
  FailureOr<Value> result = decomposeElementwise(b, op, *rule);
  if (failed(result))
    return failure();
  op->getResult(0).replaceAllUsesWith(*result);
  op->erase();
  return success();
}

struct CHLOToStableHLOPass final
    : impl::CHLOToStableHLOPassBase<CHLOToStableHLOPass> {
  void runOnOperation() override {
    SmallVector<Operation *> chloOps;
    getOperation().walk([&](Operation *op) {
      if (isa<chlo::CHLODialect>(op->getDialect()))
        chloOps.push_back(op);
    });
    bool failedAny = false;
    for (Operation *op : chloOps)
      failedAny |= failed(decompose(op));
    if (failedAny)
      signalPassFailure();
  }
};

} // namespace
} // namespace jaxc
