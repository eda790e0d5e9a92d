// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// Floats compare ordered, except NE which is true for NaN.
// CHECK-LABEL: func.func @float
// CHECK: arith.cmpf oeq
// CHECK: arith.cmpf une
// CHECK: arith.cmpf olt
// CHECK: arith.cmpf ole
// CHECK: arith.cmpf ogt
// CHECK: arith.cmpf oge
func.func @float(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = stablehlo.compare EQ, %x, %y, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %1 = stablehlo.compare NE, %x, %y, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %2 = stablehlo.compare LT, %x, %y, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %3 = stablehlo.compare LE, %x, %y, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %4 = stablehlo.compare GT, %x, %y, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %5 = stablehlo.compare GE, %x, %y : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0, %1, %2, %3, %4, %5 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// Half floats compare as they are.
// CHECK-LABEL: func.func @bf16
// CHECK-NOT: arith.extf
// CHECK: arith.cmpf olt, %{{.*}}, %{{.*}} : bf16
func.func @bf16(%x: tensor<4xbf16>, %y: tensor<4xbf16>) -> tensor<4xi1> {
  %0 = stablehlo.compare LT, %x, %y : (tensor<4xbf16>, tensor<4xbf16>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// TOTALORDER: the bits, with the magnitude bits of negatives flipped,
// compared as signed integers.
// CHECK-LABEL: func.func @total_order
// CHECK: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: i1):
// CHECK: %[[XB:.*]] = arith.bitcast %[[X]] : f32 to i32
// CHECK: %[[XNEG:.*]] = arith.cmpi slt, %[[XB]], %c0_i32 : i32
// CHECK: %[[XFLIP:.*]] = arith.xori %[[XB]], %c2147483647_i32 : i32
// CHECK: %[[XKEY:.*]] = arith.select %[[XNEG]], %[[XFLIP]], %[[XB]] : i32
// CHECK: %[[YB:.*]] = arith.bitcast %[[Y]] : f32 to i32
// CHECK: %[[YKEY:.*]] = arith.select %{{.*}}, %{{.*}}, %[[YB]] : i32
// CHECK: arith.cmpi slt, %[[XKEY]], %[[YKEY]] : i32
func.func @total_order(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xi1> {
  %0 = stablehlo.compare LT, %x, %y, TOTALORDER : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// The compare_type agrees with the element type (the verifier sees to it,
// C3); without one the element type decides: si signed, ui and i1 unsigned.
// CHECK-LABEL: func.func @integers
// CHECK: arith.cmpi slt, %{{.*}}, %{{.*}} : i32
// CHECK: arith.cmpi ult, %{{.*}}, %{{.*}} : i32
// CHECK: arith.cmpi sge, %{{.*}}, %{{.*}} : i8
// CHECK: arith.cmpi uge, %{{.*}}, %{{.*}} : i8
// CHECK: arith.cmpi ugt, %{{.*}}, %{{.*}} : i1
// CHECK: arith.cmpi ne, %{{.*}}, %{{.*}} : i64
func.func @integers(%s: tensor<4xi32>, %b: tensor<4xi8>, %u: tensor<4xui8>, %p: tensor<4xi1>, %l: tensor<4xi64>, %w: tensor<4xui32>) -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = stablehlo.compare LT, %s, %s, SIGNED : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi1>
  %1 = stablehlo.compare LT, %w, %w, UNSIGNED : (tensor<4xui32>, tensor<4xui32>) -> tensor<4xi1>
  %2 = stablehlo.compare GE, %b, %b : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi1>
  %3 = stablehlo.compare GE, %u, %u : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xi1>
  %4 = stablehlo.compare GT, %p, %p : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %5 = stablehlo.compare NE, %l, %l, SIGNED : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi1>
  return %0, %1, %2, %3, %4, %5 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}
