// RUN: jaxc-opt %s --jaxc-chlo-to-stablehlo --cse | FileCheck %s

// The formulas compute f16 and bf16 in f32 and round once at the end.

// CHECK-LABEL: func.func @asin_bf16
// CHECK: %[[WIDE:.*]] = stablehlo.convert %arg0 : (tensor<4xbf16>) -> tensor<4xf32>
// CHECK: stablehlo.atan2 %[[WIDE]], %{{.*}} : tensor<4xf32>
// CHECK: %[[NARROW:.*]] = stablehlo.convert %{{.*}} : (tensor<4xf32>) -> tensor<4xbf16>
// CHECK-NEXT: return %[[NARROW]]
func.func @asin_bf16(%x: tensor<4xbf16>) -> tensor<4xbf16> {
  %0 = chlo.asin %x : tensor<4xbf16> -> tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// Both operands widen; the f32 coefficients are used.
// CHECK-LABEL: func.func @polygamma_f16
// CHECK-DAG: %[[N:.*]] = stablehlo.convert %arg0 : (tensor<4xf16>) -> tensor<4xf32>
// CHECK-DAG: %[[X:.*]] = stablehlo.convert %arg1 : (tensor<4xf16>) -> tensor<4xf32>
// CHECK-DAG: stablehlo.floor %[[N]] : tensor<4xf32>
// CHECK-DAG: stablehlo.power %[[X]], %{{.*}} : tensor<4xf32>
// CHECK: %[[NARROW:.*]] = stablehlo.convert %{{.*}} : (tensor<4xf32>) -> tensor<4xf16>
// CHECK-NEXT: return %[[NARROW]]
func.func @polygamma_f16(%n: tensor<4xf16>, %x: tensor<4xf16>) -> tensor<4xf16> {
  %0 = chlo.polygamma %n, %x : tensor<4xf16>, tensor<4xf16> -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// CHECK-LABEL: func.func @erf_f16
// CHECK: stablehlo.convert %arg0 : (tensor<2x3xf16>) -> tensor<2x3xf32>
// CHECK: stablehlo.constant dense<-2.72614237E-10> : tensor<2x3xf32>
// CHECK: %[[NARROW:.*]] = stablehlo.convert %{{.*}} : (tensor<2x3xf32>) -> tensor<2x3xf16>
// CHECK-NEXT: return %[[NARROW]]
func.func @erf_f16(%x: tensor<2x3xf16>) -> tensor<2x3xf16> {
  %0 = chlo.erf %x : tensor<2x3xf16> -> tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}
