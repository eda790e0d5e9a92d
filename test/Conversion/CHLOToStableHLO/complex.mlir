// RUN: jaxc-opt %s --jaxc-chlo-to-stablehlo --cse | FileCheck %s

// Complex operands decompose into real arithmetic on their parts.

// CHECK-LABEL: func.func @conj
// CHECK: %[[RE:.*]] = stablehlo.real %arg0 : (tensor<4xcomplex<f32>>) -> tensor<4xf32>
// CHECK: %[[IM:.*]] = stablehlo.imag %arg0 : (tensor<4xcomplex<f32>>) -> tensor<4xf32>
// CHECK: %[[NEG_IM:.*]] = stablehlo.negate %[[IM]]
// CHECK: %[[RESULT:.*]] = stablehlo.complex %[[RE]], %[[NEG_IM]] : tensor<4xcomplex<f32>>
// CHECK: return %[[RESULT]]
func.func @conj(%z: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = chlo.conj %z : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// Hull et al.'s arcsine of i z: real part atan2(re(i z), ...), both parts
// signed by the input's.
// CHECK-LABEL: func.func @asinh
// CHECK-DAG: %[[RE:.*]] = stablehlo.real %arg0
// CHECK-DAG: %[[IM:.*]] = stablehlo.imag %arg0
// CHECK-DAG: %[[IZ_RE:.*]] = stablehlo.negate %[[IM]]
// CHECK-DAG: stablehlo.log_plus_one
// CHECK-DAG: %[[W_RE:.*]] = stablehlo.atan2 %[[IZ_RE]], %{{.*}} : tensor<4xf64>
// CHECK-DAG: %[[IS_NEGATIVE:.*]] = stablehlo.compare LT, %[[RE]]
// CHECK-DAG: %[[W_IM:.*]] = stablehlo.select %[[IS_NEGATIVE]]
// CHECK-DAG: %[[NEG_W_RE:.*]] = stablehlo.negate %[[W_RE]]
// CHECK: stablehlo.complex %[[W_IM]], %[[NEG_W_RE]] : tensor<4xcomplex<f64>>
func.func @asinh(%z: tensor<4xcomplex<f64>>) -> tensor<4xcomplex<f64>> {
  %0 = chlo.asinh %z : tensor<4xcomplex<f64>> -> tensor<4xcomplex<f64>>
  return %0 : tensor<4xcomplex<f64>>
}

// (t + i h) / (1 - i t h) with t = tan(re z), h = tanh(im z).
// CHECK-LABEL: func.func @tan
// CHECK-DAG: %[[RE:.*]] = stablehlo.real %arg0
// CHECK-DAG: %[[IM:.*]] = stablehlo.imag %arg0
// CHECK-DAG: %[[T:.*]] = stablehlo.tan %[[RE]] : tensor<4xf32>
// CHECK-DAG: %[[H:.*]] = stablehlo.tanh %[[IM]] : tensor<4xf32>
// CHECK-DAG: stablehlo.multiply %[[T]], %[[H]]
// CHECK-DAG: %[[RESULT_RE:.*]] = stablehlo.divide %[[T]], %{{.*}}
// CHECK-DAG: %[[H_NUMERATOR:.*]] = stablehlo.multiply %[[H]], %{{.*}}
// CHECK-DAG: %[[RESULT_IM:.*]] = stablehlo.divide %[[H_NUMERATOR]], %{{.*}}
// CHECK: stablehlo.complex %[[RESULT_RE]], %[[RESULT_IM]] : tensor<4xcomplex<f32>>
func.func @tan(%z: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = chlo.tan %z : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// re = log1p(4x / ((1 - x)^2 + y^2)) / 4, im = atan2(2y, 1 - x^2 - y^2) / 2.
// CHECK-LABEL: func.func @atanh
// CHECK-DAG: %[[IM:.*]] = stablehlo.imag %arg0
// CHECK-DAG: %[[QUARTER:.*]] = stablehlo.constant dense<2.500000e-01>
// CHECK-DAG: %[[LOG:.*]] = stablehlo.log_plus_one
// CHECK-DAG: %[[RESULT_RE:.*]] = stablehlo.multiply %[[QUARTER]], %[[LOG]]
// CHECK-DAG: %[[TWO:.*]] = stablehlo.constant dense<2.000000e+00>
// CHECK-DAG: %[[TWO_Y:.*]] = stablehlo.multiply %[[TWO]], %[[IM]]
// CHECK-DAG: %[[ANGLE:.*]] = stablehlo.atan2 %[[TWO_Y]], %{{.*}}
// CHECK-DAG: %[[HALF:.*]] = stablehlo.constant dense<5.000000e-01>
// CHECK-DAG: %[[RESULT_IM:.*]] = stablehlo.multiply %[[HALF]], %[[ANGLE]]
// CHECK: stablehlo.complex %[[RESULT_RE]], %[[RESULT_IM]]
func.func @atanh(%z: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = chlo.atanh %z : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}
