// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[KEPT:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-DAG: #[[VEC:.*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[ALL:.*]] = affine_map<(d0) -> ()>
// CHECK-DAG: #[[ROWS_IN:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[COLUMNS:.*]] = affine_map<(d0, d1) -> (d1)>

// The accumulator starts filled with the init value; the body is the
// reducer on scalars.
// CHECK-LABEL: func.func @sum
// CHECK: %[[INIT:.*]] = tensor.extract %arg1[] : tensor<i32>
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<3xi32>
// CHECK: %[[FILLED:.*]] = linalg.fill ins(%[[INIT]] : i32) outs(%[[EMPTY]] : tensor<3xi32>)
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[KEPT]]], iterator_types = ["reduction", "parallel", "reduction"]}
// CHECK-SAME: ins(%arg0 : tensor<2x3x4xi32>) outs(%[[FILLED]] : tensor<3xi32>)
// CHECK: ^bb0(%[[X:.*]]: i32, %[[ACC:.*]]: i32):
// CHECK: %[[SUM:.*]] = arith.addi %[[ACC]], %[[X]] : i32
// CHECK: linalg.yield %[[SUM]] : i32
func.func @sum(%x: tensor<2x3x4xui32>, %init: tensor<ui32>) -> tensor<3xui32> {
  %0 = stablehlo.reduce(%x init: %init) applies stablehlo.add across dimensions = [0, 2] : (tensor<2x3x4xui32>, tensor<ui32>) -> tensor<3xui32>
  return %0 : tensor<3xui32>
}

// Two inputs, two accumulators: the reducer's compares, ors and selects,
// with its constant, become scalar ops.
// CHECK-LABEL: func.func @argmax
// CHECK: linalg.generic {indexing_maps = [#[[VEC]], #[[VEC]], #[[ALL]], #[[ALL]]], iterator_types = ["reduction"]}
// CHECK-SAME: ins(%arg0, %[[INDICES:.*]] : tensor<5xf32>, tensor<5xi32>) outs(%{{.*}}, %{{.*}} : tensor<f32>, tensor<i32>)
// CHECK: ^bb0(%[[X:.*]]: f32, %[[I:.*]]: i32, %[[MAX:.*]]: f32, %[[ARG:.*]]: i32):
// CHECK: %[[GREATER:.*]] = arith.cmpf ogt, %[[MAX]], %[[X]] : f32
// CHECK: %[[NAN:.*]] = arith.cmpf une, %[[MAX]], %[[MAX]] : f32
// CHECK: %[[KEEP:.*]] = arith.ori %[[GREATER]], %[[NAN]] : i1
// CHECK: %[[EQUAL:.*]] = arith.cmpf oeq, %[[MAX]], %[[X]] : f32
// CHECK: %[[LOWER:.*]] = arith.cmpi slt, %[[ARG]], %[[I]] : i32
// CHECK: %[[TIE:.*]] = arith.andi %[[EQUAL]], %[[LOWER]] : i1
// CHECK: %[[KEEP_INDEX:.*]] = arith.ori %[[KEEP]], %[[TIE]] : i1
// CHECK: %[[NEW_MAX:.*]] = arith.select %[[KEEP]], %[[MAX]], %[[X]] : f32
// CHECK: %[[NEW_ARG:.*]] = arith.select %[[KEEP_INDEX]], %[[ARG]], %[[I]] : i32
// CHECK: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK: %[[SHIFTED:.*]] = arith.muli %[[NEW_ARG]], %[[ONE]] : i32
// CHECK: linalg.yield %[[NEW_MAX]], %[[SHIFTED]] : f32, i32
func.func @argmax(%x: tensor<5xf32>) -> tensor<i32> {
  %indices = stablehlo.iota dim = 0 : tensor<5xi32>
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %zero = stablehlo.constant dense<0> : tensor<i32>
  %0:2 = stablehlo.reduce(%x init: %ninf), (%indices init: %zero) across dimensions = [0] : (tensor<5xf32>, tensor<5xi32>, tensor<f32>, tensor<i32>) -> (tensor<f32>, tensor<i32>)
   reducer(%max: tensor<f32>, %y: tensor<f32>) (%arg: tensor<i32>, %i: tensor<i32>) {
    %1 = stablehlo.compare GT, %max, %y, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %2 = stablehlo.compare NE, %max, %max, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %3 = stablehlo.or %1, %2 : tensor<i1>
    %4 = stablehlo.compare EQ, %max, %y, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %5 = stablehlo.compare LT, %arg, %i, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %6 = stablehlo.and %4, %5 : tensor<i1>
    %7 = stablehlo.or %3, %6 : tensor<i1>
    %8 = stablehlo.select %3, %max, %y : tensor<i1>, tensor<f32>
    %9 = stablehlo.select %7, %arg, %i : tensor<i1>, tensor<i32>
    %one = stablehlo.constant dense<1> : tensor<i32>
    %10 = stablehlo.multiply %9, %one : tensor<i32>
    stablehlo.return %8, %10 : tensor<f32>, tensor<i32>
  }
  return %0#1 : tensor<i32>
}

// Canonicalization hoists reducer constants out of the region; they are
// still scalars in the body.
// CHECK-LABEL: func.func @hoisted_constant
// CHECK: ^bb0(%[[X:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK: %[[SUM:.*]] = arith.addf %[[ACC]], %[[X]] : f32
// CHECK: %[[TWO:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: %[[SCALED:.*]] = arith.mulf %[[SUM]], %[[TWO]] : f32
// CHECK: linalg.yield %[[SCALED]] : f32
func.func @hoisted_constant(%x: tensor<4xf32>, %init: tensor<f32>) -> tensor<f32> {
  %two = stablehlo.constant dense<2.0> : tensor<f32>
  %0 = stablehlo.reduce(%x init: %init) across dimensions = [0] : (tensor<4xf32>, tensor<f32>) -> tensor<f32>
   reducer(%a: tensor<f32>, %b: tensor<f32>) {
    %1 = stablehlo.add %a, %b : tensor<f32>
    %2 = stablehlo.multiply %1, %two : tensor<f32>
    stablehlo.return %2 : tensor<f32>
  }
  return %0 : tensor<f32>
}

// An empty reduced dimension leaves the init value (the generic runs no
// iteration); no reduced dimension applies the reducer to the init value
// and each element, in a generic with parallel loops only.
// CHECK-LABEL: func.func @reduce_edges
// CHECK: %[[INIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<3xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[ROWS_IN]], #[[COLUMNS]]], iterator_types = ["reduction", "parallel"]} ins(%arg0 : tensor<0x3xf32>) outs(%[[INIT]] : tensor<3xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[VEC]], #[[VEC]]], iterator_types = ["parallel"]} ins(%arg1 : tensor<3xi32>)
// CHECK: arith.addi
func.func @reduce_edges(%e: tensor<0x3xf32>, %x: tensor<3xi32>, %f: tensor<f32>, %i: tensor<i32>) -> (tensor<3xf32>, tensor<3xi32>) {
  %0 = stablehlo.reduce(%e init: %f) applies stablehlo.add across dimensions = [0] : (tensor<0x3xf32>, tensor<f32>) -> tensor<3xf32>
  %1 = stablehlo.reduce(%x init: %i) applies stablehlo.add across dimensions = [] : (tensor<3xi32>, tensor<i32>) -> tensor<3xi32>
  return %0, %1 : tensor<3xf32>, tensor<3xi32>
}

// A float sum may be reassociated (LLVM then vectorizes it with partial
// sums); a max keeps its form.
// CHECK-LABEL: func.func @float_sum_reassociates
// CHECK: arith.addf %{{.*}}, %{{.*}} fastmath<reassoc> : f32
// CHECK: arith.maximumf %{{.*}}, %{{.*}} : f32
func.func @float_sum_reassociates(%x: tensor<4x8xf32>, %zero: tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = stablehlo.reduce(%x init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  %1 = stablehlo.reduce(%x init: %zero) applies stablehlo.maximum across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}
