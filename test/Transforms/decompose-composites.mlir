// RUN: jaxc-opt %s --jaxc-decompose-composites | FileCheck %s

// CHECK-LABEL: func.func public @main
// CHECK-NOT: stablehlo.composite
// CHECK: %[[R:.*]] = call @my.double_plus_one(%arg0) : (tensor<8xf32>) -> tensor<8xf32>
// CHECK: return %[[R]]
func.func public @main(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  %0 = stablehlo.composite "my.double_plus_one" %arg0 {composite_attributes = {k = 2 : i64}, decomposition = @my.double_plus_one, version = 1 : i32} : (tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}
func.func private @my.double_plus_one(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  %0 = stablehlo.add %arg0, %arg0 : tensor<8xf32>
  return %0 : tensor<8xf32>
}
