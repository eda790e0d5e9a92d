// RUN: jaxc-opt %s --split-input-file --jaxc-extract-checks --verify-diagnostics | FileCheck %s

// Checks leave the body; their operands become hidden results after the
// function's own, described by jaxc.checks.
// CHECK-LABEL: func.func public @main
// CHECK-SAME: -> (tensor<3xf32> {jax.result_info = "r"}, tensor<3xf32>, tensor<3xf32>, tensor<3xi32>, tensor<3xi32>)
// CHECK-SAME: jaxc.checks = [{actual = 0 : i64, expected = 1 : i64, kind = "close", location = "{{.*}}extract-checks.mlir:{{[0-9]+}}:{{[0-9]+}}"}, {actual = 2 : i64, expected = 3 : i64, kind = "eq", location = "{{.*}}"}]
// CHECK-SAME: jaxc.result_count = 1 : i64
// CHECK-NOT: custom_call
// CHECK: return %[[R:.*]], %[[R]], %{{.*}}, %{{.*}}, %{{.*}} :
func.func public @main(%a: tensor<3xf32>, %b: tensor<3xi32>) -> (tensor<3xf32> {jax.result_info = "r"}) {
  %0 = stablehlo.sine %a : tensor<3xf32>
  stablehlo.custom_call @check.expect_close(%0, %a) {has_side_effect = true} : (tensor<3xf32>, tensor<3xf32>) -> ()
  stablehlo.custom_call @check.expect_eq(%b, %b) {has_side_effect = true} : (tensor<3xi32>, tensor<3xi32>) -> ()
  return %0 : tensor<3xf32>
}

// -----

// Other custom calls are left for the lowering to report.
// CHECK-LABEL: func.func public @other
// CHECK: stablehlo.custom_call @foo
// CHECK-NOT: jaxc.checks
func.func public @other(%a: tensor<3xf32>) -> tensor<3xf32> {
  %0 = stablehlo.custom_call @foo(%a) : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func public @unknown(%a: tensor<3xf32>) {
  // expected-error @+1 {{unknown check 'check.expect_magic'}}
  stablehlo.custom_call @check.expect_magic(%a, %a) : (tensor<3xf32>, tensor<3xf32>) -> ()
  return
}
