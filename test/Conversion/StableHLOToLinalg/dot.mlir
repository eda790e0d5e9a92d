// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// Loops: batch, lhs free, rhs free (the result's order), then contracting.
// Here the batch dimension is 1 on both sides: loop d0 is batch, d1 the lhs
// free dimension, d2 the rhs free one and d3 the contraction.
// CHECK-DAG: #[[LHS:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d0, d3)>
// CHECK-DAG: #[[RHS:.*]] = affine_map<(d0, d1, d2, d3) -> (d3, d0, d2)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-DAG: #[[MM_LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[MM_RHS:.*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-DAG: #[[MM_OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @batching_and_contracting
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<2x3x5xf32>
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<2x3x5xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%arg0, %arg1 : tensor<3x2x4xf32>, tensor<4x2x5xf32>) outs(%[[INIT]] : tensor<2x3x5xf32>)
// CHECK: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK: %[[PRODUCT:.*]] = arith.mulf %[[X]], %[[Y]] : f32
// CHECK: %[[SUM:.*]] = arith.addf %[[ACC]], %[[PRODUCT]] : f32
// CHECK: linalg.yield %[[SUM]] : f32
func.func @batching_and_contracting(%x: tensor<3x2x4xf32>, %y: tensor<4x2x5xf32>) -> tensor<2x3x5xf32> {
  %0 = stablehlo.dot_general %x, %y, batching_dims = [1] x [1], contracting_dims = [2] x [0] : (tensor<3x2x4xf32>, tensor<4x2x5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// Operands convert to the result type first, each by its own signedness.
// CHECK-LABEL: func.func @mixed_int
// CHECK: linalg.fill ins(%c0_i32 : i32)
// CHECK: ^bb0(%[[X:.*]]: i8, %[[Y:.*]]: i8, %[[ACC:.*]]: i32):
// CHECK: %[[WX:.*]] = arith.extsi %[[X]] : i8 to i32
// CHECK: %[[WY:.*]] = arith.extui %[[Y]] : i8 to i32
// CHECK: %[[PRODUCT:.*]] = arith.muli %[[WX]], %[[WY]] : i32
// CHECK: arith.addi %[[ACC]], %[[PRODUCT]] : i32
func.func @mixed_int(%x: tensor<3x4xi8>, %y: tensor<4xui8>) -> tensor<3xi32> {
  %0 = stablehlo.dot_general %x, %y, contracting_dims = [1] x [0] : (tensor<3x4xi8>, tensor<4xui8>) -> tensor<3xi32>
  return %0 : tensor<3xi32>
}

// bf16 products accumulate in f32 and round once at the end.
// CHECK-LABEL: func.func @bf16_dot
// CHECK: %[[ACC_INIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<3x2xf32>)
// CHECK: %[[ACC:.*]] = linalg.generic
// CHECK-SAME: outs(%[[ACC_INIT]] : tensor<3x2xf32>)
// CHECK: arith.extf %{{.*}} : bf16 to f32
// CHECK: arith.addf %{{.*}}, %{{.*}} : f32
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[ACC]] : tensor<3x2xf32>) outs(%{{.*}} : tensor<3x2xbf16>)
// CHECK: arith.truncf %{{.*}} : f32 to bf16
func.func @bf16_dot(%x: tensor<3x4xbf16>, %y: tensor<4x2xbf16>) -> tensor<3x2xbf16> {
  %0 = stablehlo.dot %x, %y : (tensor<3x4xbf16>, tensor<4x2xbf16>) -> tensor<3x2xbf16>
  return %0 : tensor<3x2xbf16>
}

// An algorithm that names what jaxc computes anyway (JAX's BF16_BF16_F32
// for bf16 operands, f32 result) lowers as the plain dot_general.
// CHECK-LABEL: func.func @bf16_algorithm
// CHECK: linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<3x2xf32>)
// CHECK: arith.extf %{{.*}} : bf16 to f32
// CHECK: arith.mulf %{{.*}}, %{{.*}} : f32
// CHECK: arith.addf %{{.*}}, %{{.*}} : f32
func.func @bf16_algorithm(%x: tensor<3x4xbf16>, %y: tensor<4x2xbf16>) -> tensor<3x2xf32> {
  %0 = stablehlo.dot_general %x, %y, contracting_dims = [1] x [0], algorithm = <lhs_precision_type = bf16, rhs_precision_type = bf16, accumulation_type = f32, lhs_component_count = 1, rhs_component_count = 1, num_primitive_operations = 1, allow_imprecise_accumulation = false> : (tensor<3x4xbf16>, tensor<4x2xbf16>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// The i1 dot is an or of ands.
// CHECK-LABEL: func.func @pred_dot
// CHECK: linalg.fill ins(%false : i1) outs(%{{.*}} : tensor<i1>)
// CHECK: iterator_types = ["reduction"]
// CHECK: %[[BOTH:.*]] = arith.andi
// CHECK: arith.ori %{{.*}}, %[[BOTH]] : i1
func.func @pred_dot(%x: tensor<4xi1>, %y: tensor<4xi1>) -> tensor<i1> {
  %0 = stablehlo.dot %x, %y : (tensor<4xi1>, tensor<4xi1>) -> tensor<i1>
  return %0 : tensor<i1>
}

// A zero-size contraction sums nothing: the result is the zero fill.
// CHECK-LABEL: func.func @zero_size_contraction
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[FILLED:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<2x3xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[MM_LHS]], #[[MM_RHS]], #[[MM_OUT]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<2x0xf32>, tensor<0x3xf32>) outs(%[[FILLED]] : tensor<2x3xf32>)
func.func @zero_size_contraction(%a: tensor<2x0xf32>, %b: tensor<0x3xf32>) -> tensor<2x3xf32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0] : (tensor<2x0xf32>, tensor<0x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// A transposed operand is read through its source: x . W^T indexes W
// [n, k] as (d1, d2). (The transpose, left unused, goes in the phase's
// canonicalization.)
// CHECK-LABEL: func.func @transposed_rhs
// CHECK-SAME: (%[[X:.*]]: tensor<2x8xf32>, %[[W:.*]]: tensor<5x8xf32>)
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[X]], %[[W]] : tensor<2x8xf32>, tensor<5x8xf32>) outs(%{{.*}} : tensor<2x5xf32>)
func.func @transposed_rhs(%x: tensor<2x8xf32>, %w: tensor<5x8xf32>) -> tensor<2x5xf32> {
  %t = stablehlo.transpose %w, dims = [1, 0] : (tensor<5x8xf32>) -> tensor<8x5xf32>
  %0 = stablehlo.dot_general %x, %t, contracting_dims = [1] x [0] : (tensor<2x8xf32>, tensor<8x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}
