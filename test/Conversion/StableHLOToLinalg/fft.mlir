// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// The input map of a step along dimension 0 of a matrix.
// CHECK: #[[TRANSPOSED:.*]] = affine_map<(d0, d1, d2) -> (d2, d1)>

// A real input is widened to f64 and transformed along its last dimension
// into the n/2 + 1 first outputs: y[q] = sum_p x[p] e^(-2 pi i ((p q) mod 4)
// / 4), the roots of unity read from tables (exact at quarter turns), the
// parts summed separately, then rounded to complex<f32>.
// CHECK-LABEL: func.func @rfft
// CHECK-SAME: (%[[X:.*]]: tensor<2x4xf32>)
// CHECK: %[[WIDE:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<2x4xf32>)
// CHECK: arith.extf %{{.*}} : f32 to f64
// CHECK-DAG: %[[COS:.*]] = arith.constant dense<[1.000000e+00, 0.000000e+00, -1.000000e+00, 0.000000e+00]> : tensor<4xf64>
// CHECK-DAG: %[[SIN:.*]] = arith.constant dense<[0.000000e+00, -1.000000e+00, 0.000000e+00, 1.000000e+00]> : tensor<4xf64>
// CHECK: %[[Y:.*]]:2 = linalg.generic {{{.*}}iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[WIDE]] : tensor<2x4xf64>) outs(%{{.*}}, %{{.*}} : tensor<2x3xf64>, tensor<2x3xf64>)
// CHECK: ^bb0(%[[IN:.*]]: f64, %[[RE:.*]]: f64, %[[IM:.*]]: f64):
// CHECK: %[[Q:.*]] = linalg.index 1 : index
// CHECK: %[[P:.*]] = linalg.index 2 : index
// CHECK: %[[PQ:.*]] = arith.muli %[[P]], %[[Q]] : index
// CHECK: %[[N:.*]] = arith.constant 4 : index
// CHECK: %[[M:.*]] = arith.remui %[[PQ]], %[[N]] : index
// CHECK: %[[C:.*]] = tensor.extract %[[COS]][%[[M]]] : tensor<4xf64>
// CHECK: %[[S:.*]] = tensor.extract %[[SIN]][%[[M]]] : tensor<4xf64>
// CHECK: %[[XC:.*]] = arith.mulf %[[IN]], %[[C]] : f64
// CHECK: %[[XS:.*]] = arith.mulf %[[IN]], %[[S]] : f64
// CHECK: %[[NEW_RE:.*]] = arith.addf %[[RE]], %[[XC]] : f64
// CHECK: %[[NEW_IM:.*]] = arith.addf %[[IM]], %[[XS]] : f64
// CHECK: linalg.yield %[[NEW_RE]], %[[NEW_IM]] : f64, f64
// CHECK: linalg.generic {{.*}} ins(%[[Y]]#0, %[[Y]]#1 : tensor<2x3xf64>, tensor<2x3xf64>)
// CHECK: %[[RE32:.*]] = arith.truncf %{{.*}} : f64 to f32
// CHECK: %[[IM32:.*]] = arith.truncf %{{.*}} : f64 to f32
// CHECK: complex.create %[[RE32]], %[[IM32]] : complex<f32>
func.func @rfft(%x: tensor<2x4xf32>) -> tensor<2x3xcomplex<f32>> {
  %0 = stablehlo.fft %x, type = RFFT, length = [4] : (tensor<2x4xf32>) -> tensor<2x3xcomplex<f32>>
  return %0 : tensor<2x3xcomplex<f32>>
}

// IRFFT over two dimensions: an inverse complex step along dimension 0
// (e^(+2 pi i pq / 3)), then a complex-to-real one along dimension 1 whose
// 3 inputs stand for 4 (inputs 0 and 2 once, input 1 twice, for its mirror
// image 3); the result is divided by 3 * 4.
// CHECK-LABEL: func.func @irfft
// CHECK-SAME: (%[[X:.*]]: tensor<3x3xcomplex<f64>>)
// CHECK: complex.re
// CHECK: complex.im
// CHECK: arith.constant dense<[1.000000e+00, -5.000000e-01, -5.000000e-01]> : tensor<3xf64>
// CHECK: arith.constant dense<[0.000000e+00, 0.8660254037844386, -0.8660254037844386]> : tensor<3xf64>
// CHECK: %[[Y:.*]]:2 = linalg.generic {indexing_maps = [#[[TRANSPOSED]], #[[TRANSPOSED]], #{{.*}}, #{{.*}}], iterator_types = ["parallel", "parallel", "reduction"]} ins(%{{.*}}, %{{.*}} : tensor<3x3xf64>, tensor<3x3xf64>) outs(%{{.*}}, %{{.*}} : tensor<3x3xf64>, tensor<3x3xf64>)
// CHECK: %[[Q:.*]] = linalg.index 0 : index
// CHECK: %[[P:.*]] = linalg.index 2 : index
// CHECK: arith.muli %[[P]], %[[Q]] : index
// CHECK: linalg.yield %{{.*}}, %{{.*}} : f64, f64
// CHECK: arith.constant dense<[0.000000e+00, 1.000000e+00, 0.000000e+00, -1.000000e+00]> : tensor<4xf64>
// CHECK: %[[REAL:.*]] = linalg.generic {{.*}} ins(%[[Y]]#0, %[[Y]]#1 : tensor<3x3xf64>, tensor<3x3xf64>) outs(%{{.*}} : tensor<3x4xf64>)
// CHECK: %[[P:.*]] = linalg.index 2 : index
// CHECK: %[[TERM:.*]] = arith.subf %{{.*}}, %{{.*}} : f64
// CHECK: %[[IS_FIRST:.*]] = arith.cmpi eq, %[[P]], %{{.*}} : index
// CHECK: %[[TWICE_P:.*]] = arith.addi %[[P]], %[[P]] : index
// CHECK: %[[N:.*]] = arith.constant 4 : index
// CHECK: %[[IS_MIDDLE:.*]] = arith.cmpi eq, %[[TWICE_P]], %[[N]] : index
// CHECK: %[[ONCE:.*]] = arith.ori %[[IS_FIRST]], %[[IS_MIDDLE]] : i1
// CHECK: %[[WEIGHT:.*]] = arith.select %[[ONCE]], %{{.*}}, %{{.*}} : f64
// CHECK: %[[WEIGHTED:.*]] = arith.mulf %[[TERM]], %[[WEIGHT]] : f64
// CHECK: arith.addf %{{.*}}, %[[WEIGHTED]] : f64
// CHECK: linalg.generic {{.*}} ins(%[[REAL]] : tensor<3x4xf64>)
// CHECK: %[[TWELVE:.*]] = arith.constant 1.200000e+01 : f64
// CHECK: arith.divf %{{.*}}, %[[TWELVE]] : f64
func.func @irfft(%x: tensor<3x3xcomplex<f64>>) -> tensor<3x4xf64> {
  %0 = stablehlo.fft %x, type = IRFFT, length = [3, 4] : (tensor<3x3xcomplex<f64>>) -> tensor<3x4xf64>
  return %0 : tensor<3x4xf64>
}
