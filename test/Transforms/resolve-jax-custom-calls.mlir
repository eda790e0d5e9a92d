// RUN: jaxc-opt %s --split-input-file --verify-diagnostics --jaxc-resolve-jax-custom-calls | FileCheck %s

// CHECK-LABEL: func.func @placement
// CHECK-NOT: custom_call
// CHECK: %[[S:.*]] = chlo.square %arg0
// CHECK: return %[[S]]
func.func @placement(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.custom_call @annotate_device_placement(%arg0) {has_side_effect = true, mhlo.frontend_attributes = {_xla_buffer_placement = "pinned_host"}} : (tensor<4xf32>) -> tensor<4xf32>
  %1 = stablehlo.custom_call @mhlo.square(%0) {mhlo.attributes = {}, mhlo.version = 1 : i64} : (tensor<4xf32>) -> tensor<4xf32>
  %c = stablehlo.constant dense<true> : tensor<i1>
  %d = stablehlo.constant dense<4> : tensor<i32>
  stablehlo.custom_call @shape_assertion(%c, %d) {api_version = 2 : i32, error_message = "b = {0}", has_side_effect = true} : (tensor<i1>, tensor<i32>) -> ()
  return %1 : tensor<4xf32>
}

// -----

func.func @failing_assertion() {
  %c = stablehlo.constant dense<false> : tensor<i1>
  %d = stablehlo.constant dense<0> : tensor<i32>
  // expected-error @+1 {{Expected value >= 1 for dimension variable 'b', got 0 (= 0)}}
  stablehlo.custom_call @shape_assertion(%c, %d, %d) {api_version = 2 : i32, error_message = "Expected value >= 1 for dimension variable 'b', got {0} (= {1})", has_side_effect = true} : (tensor<i1>, tensor<i32>, tensor<i32>) -> ()
  return
}

// -----

func.func @run_time_assertion(%ok: tensor<i1>) {
  // expected-error @+1 {{@shape_assertion checks a shape known only at run time}}
  stablehlo.custom_call @shape_assertion(%ok) {api_version = 2 : i32, error_message = "never", has_side_effect = true} : (tensor<i1>) -> ()
  return
}
