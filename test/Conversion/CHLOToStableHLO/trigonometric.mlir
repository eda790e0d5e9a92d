// RUN: jaxc-opt %s --jaxc-chlo-to-stablehlo --cse | FileCheck %s

// The decompositions build operands in an unspecified order (C++ argument
// evaluation): CHECK-DAG for the parts, CHECK for the op combining them.

// CHECK-LABEL: func.func @acos
// CHECK-NOT: chlo.
// CHECK-DAG: %[[PI:.*]] = stablehlo.constant dense<3.14159274> : tensor<4xf32>
// CHECK-DAG: %[[ROOT:.*]] = stablehlo.sqrt
// CHECK-DAG: %[[HALF_ANGLE:.*]] = stablehlo.atan2 %[[ROOT]], %{{.*}}
// CHECK-DAG: %[[ANGLE:.*]] = stablehlo.multiply %{{.*}}, %[[HALF_ANGLE]]
// CHECK-DAG: %[[AT_MINUS_ONE:.*]] = stablehlo.compare EQ, %arg0, %{{.*}}
// CHECK: stablehlo.select %[[AT_MINUS_ONE]], %[[PI]], %[[ANGLE]]
func.func @acos(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.acos %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @asin
// CHECK-DAG: %[[ROOT:.*]] = stablehlo.sqrt
// CHECK-DAG: %[[DENOMINATOR:.*]] = stablehlo.add %{{.*}}, %[[ROOT]]
// CHECK-DAG: %[[HALF_ANGLE:.*]] = stablehlo.atan2 %arg0, %[[DENOMINATOR]]
// CHECK: stablehlo.multiply %{{.*}}, %[[HALF_ANGLE]]
func.func @asin(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.asin %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @atan
// CHECK: %[[ONE:.*]] = stablehlo.constant dense<1.000000e+00> : tensor<4xf64>
// CHECK: stablehlo.atan2 %arg0, %[[ONE]] : tensor<4xf64>
func.func @atan(%x: tensor<4xf64>) -> tensor<4xf64> {
  %0 = chlo.atan %x : tensor<4xf64> -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// log1p near 1, log(2) + log(x) from max / 2 on.
// CHECK-LABEL: func.func @acosh
// CHECK-DAG: %[[NEAR_ONE:.*]] = stablehlo.log_plus_one
// CHECK-DAG: %[[LOG_X:.*]] = stablehlo.log %arg0
// CHECK-DAG: %[[LOG_TWO:.*]] = stablehlo.constant dense<0.693147182>
// CHECK-DAG: %[[LARGE:.*]] = stablehlo.add %[[LOG_TWO]], %[[LOG_X]]
// CHECK-DAG: %[[HALF_MAX:.*]] = stablehlo.constant dense<1.70141173E+38>
// CHECK-DAG: %[[IS_LARGE:.*]] = stablehlo.compare GE, %arg0, %[[HALF_MAX]]
// CHECK: stablehlo.select %[[IS_LARGE]], %[[LARGE]], %[[NEAR_ONE]]
func.func @acosh(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.acosh %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// sign(x) times log1p(|x| + x^2 / (1 + sqrt(1 + x^2))), or log(2|x|) from
// sqrt(max) on.
// CHECK-LABEL: func.func @asinh
// CHECK-DAG: %[[ABS:.*]] = stablehlo.abs %arg0
// CHECK-DAG: %[[MODERATE:.*]] = stablehlo.log_plus_one
// CHECK-DAG: %[[SQRT_MAX:.*]] = stablehlo.constant dense<1.3407807929942596E+154>
// CHECK-DAG: %[[IS_LARGE:.*]] = stablehlo.compare GE, %[[ABS]], %[[SQRT_MAX]]
// CHECK-DAG: %[[MAGNITUDE:.*]] = stablehlo.select %[[IS_LARGE]], %{{.*}}, %[[MODERATE]]
// CHECK-DAG: %[[SIGN:.*]] = stablehlo.sign %arg0
// CHECK: stablehlo.multiply %[[SIGN]], %[[MAGNITUDE]]
func.func @asinh(%x: tensor<4xf64>) -> tensor<4xf64> {
  %0 = chlo.asinh %x : tensor<4xf64> -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// (log1p(x) - log1p(-x)) / 2, NaN where |x| > 1.
// CHECK-LABEL: func.func @atanh
// CHECK-DAG: %[[NEG:.*]] = stablehlo.negate %arg0
// CHECK-DAG: %[[LOG_MINUS:.*]] = stablehlo.log_plus_one %[[NEG]]
// CHECK-DAG: %[[LOG_PLUS:.*]] = stablehlo.log_plus_one %arg0
// CHECK-DAG: stablehlo.subtract %[[LOG_PLUS]], %[[LOG_MINUS]]
// CHECK-DAG: %[[NAN:.*]] = stablehlo.constant dense<0x7FC00000>
// CHECK-DAG: %[[OUTSIDE:.*]] = stablehlo.compare GT
// CHECK: stablehlo.select %[[OUTSIDE]], %[[NAN]], %{{.*}}
func.func @atanh(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.atanh %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// e^(x + log(1/2)) + e^(-x + log(1/2)).
// CHECK-LABEL: func.func @cosh
// CHECK-DAG: %[[LOG_HALF:.*]] = stablehlo.constant dense<-0.693147182>
// CHECK-DAG: %[[UP:.*]] = stablehlo.add %arg0, %[[LOG_HALF]]
// CHECK-DAG: %[[EXP_UP:.*]] = stablehlo.exponential %[[UP]]
// CHECK-DAG: %[[DOWN:.*]] = stablehlo.subtract %[[LOG_HALF]], %arg0
// CHECK-DAG: %[[EXP_DOWN:.*]] = stablehlo.exponential %[[DOWN]]
// CHECK: stablehlo.add %[[EXP_UP]], %[[EXP_DOWN]]
func.func @cosh(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.cosh %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// expm1 below |x| = 1, the difference of the two exponentials above.
// CHECK-LABEL: func.func @sinh
// CHECK-DAG: %[[LOG_HALF:.*]] = stablehlo.constant dense<-0.693147182>
// CHECK-DAG: stablehlo.exponential_minus_one %arg0
// CHECK-DAG: %[[UP:.*]] = stablehlo.add %arg0, %[[LOG_HALF]]
// CHECK-DAG: %[[EXP_UP:.*]] = stablehlo.exponential %[[UP]]
// CHECK-DAG: %[[DOWN:.*]] = stablehlo.subtract %[[LOG_HALF]], %arg0
// CHECK-DAG: %[[EXP_DOWN:.*]] = stablehlo.exponential %[[DOWN]]
// CHECK-DAG: %[[LARGE:.*]] = stablehlo.subtract %[[EXP_UP]], %[[EXP_DOWN]]
// CHECK-DAG: %[[ABS:.*]] = stablehlo.abs %arg0
// CHECK-DAG: %[[IS_SMALL:.*]] = stablehlo.compare LT, %[[ABS]]
// CHECK: stablehlo.select %[[IS_SMALL]], %{{.*}}, %[[LARGE]]
func.func @sinh(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.sinh %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @tan
// CHECK: stablehlo.tan %arg0 : tensor<4xf64>
func.func @tan(%x: tensor<4xf64>) -> tensor<4xf64> {
  %0 = chlo.tan %x : tensor<4xf64> -> tensor<4xf64>
  return %0 : tensor<4xf64>
}
