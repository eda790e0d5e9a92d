// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// Forward substitution: x starts as b; x[s, r] -= a[s, t] x[t, r] for the
// t < s solved before, then is divided by a[s, s].
// CHECK-LABEL: func.func @left_lower
// CHECK-SAME: (%[[A:.*]]: tensor<3x3xf32>, %[[B:.*]]: tensor<3x2xf32>)
// CHECK: %[[X:.*]] = scf.for %[[S:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}} = %[[B]])
// CHECK: scf.for %[[R:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[CUR:.*]] = %{{.*}})
// CHECK: %[[UNSOLVED:.*]] = tensor.extract %[[CUR]][%[[S]], %[[R]]]
// CHECK: %[[SUM:.*]] = scf.for %[[T:.*]] = %{{.*}} to %[[S]] step %{{.*}} iter_args(%[[ACC:.*]] = %[[UNSOLVED]]) -> (f32)
// CHECK: %[[COEFF:.*]] = tensor.extract %[[A]][%[[S]], %[[T]]]
// CHECK: %[[SOLVED:.*]] = tensor.extract %[[CUR]][%[[T]], %[[R]]]
// CHECK: %[[TERM:.*]] = arith.mulf %[[COEFF]], %[[SOLVED]] : f32
// CHECK: %[[NEXT:.*]] = arith.subf %[[ACC]], %[[TERM]] : f32
// CHECK: scf.yield %[[NEXT]] : f32
// CHECK: %[[DIAG:.*]] = tensor.extract %[[A]][%[[S]], %[[S]]]
// CHECK: %[[QUOT:.*]] = arith.divf %[[SUM]], %[[DIAG]] : f32
// CHECK: tensor.insert %[[QUOT]] into %[[CUR]][%[[S]], %[[R]]]
// CHECK: return %[[X]]
func.func @left_lower(%a: tensor<3x3xf32>, %b: tensor<3x2xf32>) -> tensor<3x2xf32> {
  %0 = "stablehlo.triangular_solve"(%a, %b) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<3x3xf32>, tensor<3x2xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// x op(a) = b with op(a) = conj(a)^T, a upper: op(a) is lower, so the last
// column is solved first, s = 2 - step, from the later columns t = 2 - k:
// x[r, s] -= x[r, t] conj(a[s, t]). Batch dimensions are an outer loop; a
// unit diagonal is neither read nor divided by.
// CHECK-LABEL: func.func @right_adjoint
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x3xcomplex<f32>>, %[[B:.*]]: tensor<2x4x3xcomplex<f32>>)
// CHECK: scf.for %[[BATCH:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}} = %[[B]])
// CHECK: scf.for %[[STEP:.*]] = %{{.*}} to %{{.*}} step
// CHECK: scf.for %[[R:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[CUR:.*]] = %{{.*}})
// CHECK: %[[S:.*]] = arith.subi %{{.*}}, %[[STEP]] : index
// CHECK: %[[UNSOLVED:.*]] = tensor.extract %[[CUR]][%[[BATCH]], %[[R]], %[[S]]]
// CHECK: %[[SUM:.*]] = scf.for %[[K:.*]] = %{{.*}} to %[[STEP]] step %{{.*}} iter_args(%[[ACC:.*]] = %[[UNSOLVED]]) -> (complex<f32>)
// CHECK: %[[T:.*]] = arith.subi %{{.*}}, %[[K]] : index
// CHECK: %[[ELEMENT:.*]] = tensor.extract %[[A]][%[[BATCH]], %[[S]], %[[T]]]
// CHECK: %[[COEFF:.*]] = complex.conj %[[ELEMENT]] : complex<f32>
// CHECK: %[[SOLVED:.*]] = tensor.extract %[[CUR]][%[[BATCH]], %[[R]], %[[T]]]
// CHECK: %[[TERM:.*]] = complex.mul %[[COEFF]], %[[SOLVED]] : complex<f32>
// CHECK: complex.sub %[[ACC]], %[[TERM]] : complex<f32>
// CHECK-NOT: complex.div
// CHECK: tensor.insert %[[SUM]] into %[[CUR]][%[[BATCH]], %[[R]], %[[S]]]
func.func @right_adjoint(%a: tensor<2x3x3xcomplex<f32>>, %b: tensor<2x4x3xcomplex<f32>>) -> tensor<2x4x3xcomplex<f32>> {
  %0 = "stablehlo.triangular_solve"(%a, %b) <{left_side = false, lower = false, transpose_a = #stablehlo<transpose ADJOINT>, unit_diagonal = true}> : (tensor<2x3x3xcomplex<f32>>, tensor<2x4x3xcomplex<f32>>) -> tensor<2x4x3xcomplex<f32>>
  return %0 : tensor<2x4x3xcomplex<f32>>
}

// f16 is solved in f32 and rounded once at the end.
// CHECK-LABEL: func.func @half
// CHECK-SAME: (%[[A:.*]]: tensor<4x4xf16>, %[[B:.*]]: tensor<4x1xf16>)
// CHECK: %[[WIDE_B:.*]] = linalg.generic {{.*}} ins(%[[B]] : tensor<4x1xf16>)
// CHECK: arith.extf %{{.*}} : f16 to f32
// CHECK: %[[X:.*]] = scf.for {{.*}} iter_args(%{{.*}} = %[[WIDE_B]]) -> (tensor<4x1xf32>)
// CHECK: %[[ELEMENT:.*]] = tensor.extract %[[A]]
// CHECK: %[[COEFF:.*]] = arith.extf %[[ELEMENT]] : f16 to f32
// CHECK: arith.mulf %[[COEFF]], %{{.*}} : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4x1xf32>)
// CHECK: arith.truncf %{{.*}} : f32 to f16
func.func @half(%a: tensor<4x4xf16>, %b: tensor<4x1xf16>) -> tensor<4x1xf16> {
  %0 = "stablehlo.triangular_solve"(%a, %b) <{left_side = true, lower = false, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = true}> : (tensor<4x4xf16>, tensor<4x1xf16>) -> tensor<4x1xf16>
  return %0 : tensor<4x1xf16>
}
