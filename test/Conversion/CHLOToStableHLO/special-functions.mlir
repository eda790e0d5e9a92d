// RUN: jaxc-opt %s --jaxc-chlo-to-stablehlo --cse | FileCheck %s

// The decompositions build operands in an unspecified order (C++ argument
// evaluation): CHECK-DAG for the parts, CHECK for the op combining them.

// f32: Eigen's rational approximation on x clamped to [-4, 4], clamped to
// [-1, 1].
// CHECK-LABEL: func.func @erf_f32
// CHECK-NOT: chlo.
// CHECK-DAG: %[[FOUR:.*]] = stablehlo.constant dense<4.000000e+00>
// CHECK-DAG: %[[BELOW_FOUR:.*]] = stablehlo.minimum %arg0, %[[FOUR]]
// CHECK-DAG: %[[CLAMPED:.*]] = stablehlo.maximum %{{.*}}, %[[BELOW_FOUR]]
// CHECK-DAG: stablehlo.constant dense<-2.72614237E-10>
// CHECK-DAG: stablehlo.constant dense<-0.0142647391>
// x (P/Q): x P would leave the normals for x near 2^-126.
// CHECK: %[[PQ:.*]] = stablehlo.divide
// CHECK: %[[RATIO:.*]] = stablehlo.multiply %[[CLAMPED]], %[[PQ]]
// CHECK: %[[BELOW_ONE:.*]] = stablehlo.minimum %[[RATIO]]
// CHECK: stablehlo.maximum %{{.*}}, %[[BELOW_ONE]]
func.func @erf_f32(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.erf %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// f64: Cephes, x T(x^2) / U(x^2) inside the unit, 1 - erfc(x) outside.
// CHECK-LABEL: func.func @erf_f64
// CHECK-DAG: %[[ABS:.*]] = stablehlo.abs %arg0
// CHECK-DAG: %[[ONE:.*]] = stablehlo.constant dense<1.000000e+00>
// CHECK-DAG: stablehlo.constant dense<9.6049737398705161>
// CHECK-DAG: stablehlo.constant dense<49267.394260863592>
// CHECK-DAG: stablehlo.constant dense<-709.78271289338397>
// CHECK-DAG: %[[OUTSIDE:.*]] = stablehlo.subtract %[[ONE]], %{{.*}}
// CHECK-DAG: %[[IS_INSIDE:.*]] = stablehlo.compare LT, %[[ABS]], %[[ONE]]
// CHECK: stablehlo.select %[[IS_INSIDE]], %{{.*}}, %[[OUTSIDE]]
func.func @erf_f64(%x: tensor<4xf64>) -> tensor<4xf64> {
  %0 = chlo.erf %x : tensor<4xf64> -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// 1 - erf(x) inside the unit; e^(-x^2) / |x| P(1/x^2) outside, 2 - erfc(-x)
// for negative x.
// CHECK-LABEL: func.func @erfc
// CHECK-DAG: %[[ONE:.*]] = stablehlo.constant dense<1.000000e+00>
// CHECK-DAG: %[[TWO:.*]] = stablehlo.constant dense<2.000000e+00>
// CHECK-DAG: stablehlo.constant dense<2.326820e-02>
// CHECK-DAG: stablehlo.constant dense<-10.477664>
// CHECK-DAG: %[[REFLECTED:.*]] = stablehlo.subtract %[[TWO]], %{{.*}}
// CHECK-DAG: %[[IS_NEGATIVE:.*]] = stablehlo.compare LT, %arg0
// CHECK-DAG: %[[OUTSIDE:.*]] = stablehlo.select %[[IS_NEGATIVE]], %[[REFLECTED]], %{{.*}}
// CHECK-DAG: %[[INSIDE:.*]] = stablehlo.subtract %[[ONE]], %{{.*}}
// CHECK-DAG: %[[IS_INSIDE:.*]] = stablehlo.compare LT, %{{.*}}, %[[ONE]]
// CHECK: stablehlo.select %[[IS_INSIDE]], %[[INSIDE]], %[[OUTSIDE]]
func.func @erfc(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.erfc %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// Giles: three polynomials in w = -log1p(-x^2) for f64, +-inf at +-1.
// CHECK-LABEL: func.func @erf_inv
// CHECK-DAG: %[[LOG1P:.*]] = stablehlo.log_plus_one
// CHECK-DAG: %[[W:.*]] = stablehlo.negate %[[LOG1P]]
// CHECK-DAG: stablehlo.constant dense<-3.6444120640178197E-21>
// CHECK-DAG: stablehlo.constant dense<2.2137376921775787E-9>
// CHECK-DAG: stablehlo.constant dense<-2.7109920616438573E-11>
// CHECK-DAG: %[[BELOW_16:.*]] = stablehlo.compare LT, %[[W]]
// CHECK-DAG: %[[MIDDLE_OR_TAIL:.*]] = stablehlo.select %[[BELOW_16]]
// CHECK-DAG: %[[BELOW_6_25:.*]] = stablehlo.compare LT, %[[W]]
// CHECK-DAG: %[[P:.*]] = stablehlo.select %[[BELOW_6_25]], %{{.*}}, %[[MIDDLE_OR_TAIL]]
// CHECK-DAG: %[[RESULT:.*]] = stablehlo.multiply %[[P]], %arg0
// CHECK-DAG: %[[INF:.*]] = stablehlo.constant dense<0x7FF0000000000000>
// CHECK-DAG: %[[SIGNED_INF:.*]] = stablehlo.multiply %arg0, %[[INF]]
// CHECK-DAG: %[[AT_ONE:.*]] = stablehlo.compare EQ
// CHECK: stablehlo.select %[[AT_ONE]], %[[SIGNED_INF]], %[[RESULT]]
func.func @erf_inv(%x: tensor<4xf64>) -> tensor<4xf64> {
  %0 = chlo.erf_inv %x : tensor<4xf64> -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// Lanczos with reflection below 1/2; +inf at +-inf.
// CHECK-LABEL: func.func @lgamma
// CHECK-DAG: %[[HALF:.*]] = stablehlo.constant dense<5.000000e-01>
// CHECK-DAG: %[[REFLECT:.*]] = stablehlo.compare LT, %arg0, %[[HALF]]
// CHECK-DAG: stablehlo.constant dense<676.520386>
// CHECK-DAG: stablehlo.constant dense<1.50563267E-7>
// CHECK-DAG: stablehlo.constant dense<0.918938517>
// CHECK-DAG: %[[SIN:.*]] = stablehlo.sine
// CHECK-DAG: %[[LOG_SIN:.*]] = stablehlo.log %[[SIN]]
// Tiny |x| takes log|x| instead, as pi x rounds a subnormal x.
// CHECK-DAG: %[[LOG_REFLECTION:.*]] = stablehlo.select %{{.*}}, %{{.*}}, %[[LOG_SIN]]
// CHECK-DAG: %[[FINITE:.*]] = stablehlo.is_finite %[[LOG_REFLECTION]]
// CHECK-DAG: %[[REFLECTED:.*]] = stablehlo.select %[[FINITE]]
// CHECK-DAG: %[[RESULT:.*]] = stablehlo.select %[[REFLECT]], %[[REFLECTED]], %{{.*}}
// CHECK-DAG: %[[INF:.*]] = stablehlo.constant dense<0x7F800000>
// CHECK-DAG: %[[IS_INF:.*]] = stablehlo.compare EQ, %{{.*}}, %[[INF]]
// CHECK: stablehlo.select %[[IS_INF]], %[[INF]], %[[RESULT]]
func.func @lgamma(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.lgamma %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// Lanczos with reflection (pi cot(pi x)); NaN at negative integers, -inf
// at 0.
// CHECK-LABEL: func.func @digamma
// CHECK-DAG: stablehlo.constant dense<676.520386>
// CHECK-DAG: stablehlo.cosine
// CHECK-DAG: stablehlo.sine
// CHECK-DAG: %[[NAN:.*]] = stablehlo.constant dense<0x7FC00000>
// CHECK-DAG: %[[WITH_NAN:.*]] = stablehlo.select %{{.*}}, %[[NAN]], %{{.*}}
// CHECK-DAG: %[[MINUS_INF:.*]] = stablehlo.constant dense<0xFF800000>
// CHECK-DAG: %[[ZERO:.*]] = stablehlo.constant dense<0.000000e+00>
// CHECK-DAG: %[[IS_ZERO:.*]] = stablehlo.compare EQ, %arg0, %[[ZERO]]
// CHECK: stablehlo.select %[[IS_ZERO]], %[[MINUS_INF]], %[[WITH_NAN]]
func.func @digamma(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.digamma %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// Cephes' Chebyshev series: in |x|/2 - 2 up to 8 (17 terms for f32), in
// 32/|x| - 2 beyond (7 terms); odd.
// CHECK-LABEL: func.func @bessel_i1e
// CHECK-DAG: %[[ABS:.*]] = stablehlo.abs %arg0
// CHECK-DAG: stablehlo.constant dense<9.38153732E-9>
// CHECK-DAG: stablehlo.constant dense<0.252587199>
// CHECK-DAG: stablehlo.constant dense<3.200000e+01>
// CHECK-DAG: stablehlo.constant dense<-3.83538046E-9>
// CHECK-DAG: stablehlo.constant dense<0.778576254>
// CHECK-DAG: %[[EIGHT:.*]] = stablehlo.constant dense<8.000000e+00>
// CHECK-DAG: %[[IS_SMALL:.*]] = stablehlo.compare LE, %[[ABS]], %[[EIGHT]]
// CHECK-DAG: %[[MAGNITUDE:.*]] = stablehlo.select %[[IS_SMALL]]
// CHECK-DAG: %[[SIGN:.*]] = stablehlo.sign %arg0
// CHECK: stablehlo.multiply %[[SIGN]], %[[MAGNITUDE]]
func.func @bessel_i1e(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.bessel_i1e %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// Euler-Maclaurin after 10 terms; inf at x = 1.
// CHECK-LABEL: func.func @zeta
// CHECK-COUNT-11: stablehlo.power
// CHECK-NOT: stablehlo.power
// CHECK-DAG: stablehlo.constant dense<-1.3954464685812522E-19>
// CHECK-DAG: %[[INF:.*]] = stablehlo.constant dense<0x7FF0000000000000>
// CHECK: %[[AT_ONE:.*]] = stablehlo.compare EQ, %arg0
// CHECK: stablehlo.select %[[AT_ONE]], %[[INF]], %{{.*}}
// CHECK-NEXT: return
func.func @zeta(%x: tensor<4xf64>, %q: tensor<4xf64>) -> tensor<4xf64> {
  %0 = chlo.zeta %x, %q : tensor<4xf64>, tensor<4xf64> -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// digamma for n = 0, (-1)^(n + 1) n! zeta(n + 1, x) above; NaN unless n is
// natural.
// CHECK-LABEL: func.func @polygamma
// CHECK-DAG: stablehlo.power
// CHECK-DAG: stablehlo.cosine
// CHECK-DAG: %[[NAN:.*]] = stablehlo.constant dense<0x7FC00000>
// CHECK-DAG: %[[FLOOR:.*]] = stablehlo.floor %arg0
// CHECK-DAG: %[[IS_INTEGER:.*]] = stablehlo.compare EQ, %arg0, %[[FLOOR]]
// CHECK-DAG: %[[NOT_NEGATIVE:.*]] = stablehlo.compare GE, %arg0
// CHECK-DAG: %[[NATURAL:.*]] = stablehlo.and %[[IS_INTEGER]], %[[NOT_NEGATIVE]]
// CHECK: stablehlo.select %[[NATURAL]], %{{.*}}, %[[NAN]]
func.func @polygamma(%n: tensor<4xf32>, %x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.polygamma %n, %x : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
