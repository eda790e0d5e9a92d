// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg --split-input-file | FileCheck %s

// JAX's LAPACK custom calls become jaxc_rt.lapack on buffers: the operands
// read through read-only casts, every result a fresh allocation (never the
// aliased operand), the backend_config attributes as options.

// CHECK-LABEL: func.func @potrf_batched
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x3xf32>)
// CHECK: %[[M:.*]] = bufferization.to_buffer %[[A]] read_only : tensor<2x3x3xf32> to memref<2x3x3xf32>
// CHECK: %[[L:.*]] = memref.alloc() : memref<2x3x3xf32>
// CHECK: %[[INFO:.*]] = memref.alloc() : memref<2xi32>
// CHECK: jaxc_rt.lapack "potrf"(%[[M]]) -> (%[[L]], %[[INFO]]) options [76] batch_dims 1 : memref<2x3x3xf32> -> memref<2x3x3xf32>, memref<2xi32>
// CHECK: %[[R0:.*]] = bufferization.to_tensor %[[L]] restrict writable
// CHECK: %[[R1:.*]] = bufferization.to_tensor %[[INFO]] restrict writable
// CHECK: return %[[R0]], %[[R1]]
func.func @potrf_batched(%a: tensor<2x3x3xf32>) -> (tensor<2x3x3xf32>, tensor<2xi32>) {
  %0:2 = stablehlo.custom_call @lapack_spotrf_ffi(%a) {backend_config = "", mhlo.backend_config = {uplo = 76 : ui8}, mhlo.frontend_attributes = {num_batch_dims = "1"}, operand_layouts = [dense<[1, 2, 0]> : tensor<3xindex>], output_operand_aliases = [#stablehlo.output_operand_alias<output_tuple_indices = [0], operand_index = 0, operand_tuple_indices = []>], result_layouts = [dense<[1, 2, 0]> : tensor<3xindex>, dense<0> : tensor<1xindex>]} : (tensor<2x3x3xf32>) -> (tensor<2x3x3xf32>, tensor<2xi32>)
  return %0#0, %0#1 : tensor<2x3x3xf32>, tensor<2xi32>
}

// -----

// Unbatched LU: pivots and info are i32.
// CHECK-LABEL: func.func @getrf
// CHECK: jaxc_rt.lapack "getrf"(%{{.*}}) -> (%{{.*}}, %{{.*}}, %{{.*}}) options [] batch_dims 0 : memref<4x3xf64> -> memref<4x3xf64>, memref<3xi32>, memref<i32>
func.func @getrf(%a: tensor<4x3xf64>) -> (tensor<4x3xf64>, tensor<3xi32>, tensor<i32>) {
  %0:3 = stablehlo.custom_call @lapack_dgetrf_ffi(%a) {mhlo.backend_config = {}, mhlo.frontend_attributes = {num_batch_dims = "0"}} : (tensor<4x3xf64>) -> (tensor<4x3xf64>, tensor<3xi32>, tensor<i32>)
  return %0#0, %0#1, %0#2 : tensor<4x3xf64>, tensor<3xi32>, tensor<i32>
}

// -----

// trsm's four characters in the runtime's order: side, uplo, trans_x, diag
// (whatever order the dictionary prints them in).
// CHECK-LABEL: func.func @trsm
// CHECK: jaxc_rt.lapack "trsm"(%{{.*}}, %{{.*}}) -> (%{{.*}}) options [82, 85, 67, 85] batch_dims 0 : memref<3x3xcomplex<f64>>, memref<2x3xcomplex<f64>> -> memref<2x3xcomplex<f64>>
func.func @trsm(%a: tensor<3x3xcomplex<f64>>, %b: tensor<2x3xcomplex<f64>>) -> tensor<2x3xcomplex<f64>> {
  %0 = stablehlo.custom_call @lapack_ztrsm_ffi(%a, %b) {mhlo.backend_config = {diag = 85 : ui8, side = 82 : ui8, trans_x = 67 : ui8, uplo = 85 : ui8}, mhlo.frontend_attributes = {num_batch_dims = "0"}} : (tensor<3x3xcomplex<f64>>, tensor<2x3xcomplex<f64>>) -> tensor<2x3xcomplex<f64>>
  return %0 : tensor<2x3xcomplex<f64>>
}

// -----

// ungqr is orgqr's complex name; the routine keeps one name.
// CHECK-LABEL: func.func @ungqr
// CHECK: jaxc_rt.lapack "orgqr"(%{{.*}}, %{{.*}}) -> (%{{.*}}) options [] batch_dims 1 : memref<2x4x4xcomplex<f32>>, memref<2x3xcomplex<f32>> -> memref<2x4x4xcomplex<f32>>
func.func @ungqr(%a: tensor<2x4x4xcomplex<f32>>, %tau: tensor<2x3xcomplex<f32>>) -> tensor<2x4x4xcomplex<f32>> {
  %0 = stablehlo.custom_call @lapack_cungqr_ffi(%a, %tau) {mhlo.backend_config = {}, mhlo.frontend_attributes = {num_batch_dims = "1"}} : (tensor<2x4x4xcomplex<f32>>, tensor<2x3xcomplex<f32>>) -> tensor<2x4x4xcomplex<f32>>
  return %0 : tensor<2x4x4xcomplex<f32>>
}

// -----

// Real geev: eigenvalues as real and imaginary parts, complex eigenvectors.
// gehrd's low and high are integers.
// CHECK-LABEL: func.func @geev_gehrd
// CHECK: jaxc_rt.lapack "geev"(%{{.*}}) -> (%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) options [86, 78] batch_dims 0 : memref<3x3xf32> -> memref<3xf32>, memref<3xf32>, memref<3x3xcomplex<f32>>, memref<3x3xcomplex<f32>>, memref<i32>
// CHECK: jaxc_rt.lapack "gehrd"(%{{.*}}) -> (%{{.*}}, %{{.*}}, %{{.*}}) options [1, 3] batch_dims 0
func.func @geev_gehrd(%a: tensor<3x3xf32>) -> (tensor<3xf32>, tensor<3x3xf32>) {
  %0:5 = stablehlo.custom_call @lapack_sgeev_ffi(%a) {mhlo.backend_config = {compute_left = 86 : ui8, compute_right = 78 : ui8}, mhlo.frontend_attributes = {num_batch_dims = "0"}} : (tensor<3x3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3x3xcomplex<f32>>, tensor<3x3xcomplex<f32>>, tensor<i32>)
  %1:3 = stablehlo.custom_call @lapack_sgehrd_ffi(%a) {mhlo.backend_config = {high = 3 : i32, low = 1 : i32}, mhlo.frontend_attributes = {num_batch_dims = "0"}} : (tensor<3x3xf32>) -> (tensor<3x3xf32>, tensor<2xf32>, tensor<i32>)
  return %0#0, %1#0 : tensor<3xf32>, tensor<3x3xf32>
}

// -----

// gesvd (SvdAlgorithm.QR) takes gesdd's mode and buffers.
// CHECK-LABEL: func.func @gesvd
// CHECK: jaxc_rt.lapack "gesvd"(%{{.*}}) -> (%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) options [83] batch_dims 0 : memref<4x3xf32> -> memref<4x3xf32>, memref<3xf32>, memref<4x3xf32>, memref<3x3xf32>, memref<i32>
func.func @gesvd(%a: tensor<4x3xf32>) -> tensor<3xf32> {
  %0:5 = stablehlo.custom_call @lapack_sgesvd_ffi(%a) {mhlo.backend_config = {mode = 83 : ui8}, mhlo.frontend_attributes = {num_batch_dims = "0"}} : (tensor<4x3xf32>) -> (tensor<4x3xf32>, tensor<3xf32>, tensor<4x3xf32>, tensor<3x3xf32>, tensor<i32>)
  return %0#1 : tensor<3xf32>
}
