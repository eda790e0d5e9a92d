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

// -----

// ApproxTopK is XLA's CPU fallback: a stable sort along reduction_dim with
// the comparator, then the first top_k; the comparator function goes.
// CHECK-NOT: func.func @top_k_gt_comparator
// CHECK-LABEL: func.func @approx_max_k
// CHECK: %[[SORTED:.*]]:2 = "stablehlo.sort"(%arg0, %{{.*}}) <{dimension = 1 : i64, is_stable = true}>
// CHECK: ^bb0(%[[A:.*]]: tensor<f32>, %[[B:.*]]: tensor<f32>, %{{.*}}: tensor<i32>, %{{.*}}: tensor<i32>):
// CHECK: %[[GT:.*]] = stablehlo.compare GT, %[[A]], %[[B]]
// CHECK: stablehlo.return %[[GT]]
// CHECK: stablehlo.slice %[[SORTED]]#0 [0:4, 0:3]
// CHECK: stablehlo.slice %[[SORTED]]#1 [0:4, 0:3]
func.func @top_k_gt_comparator(%arg0: tensor<f32>, %arg1: tensor<f32>, %arg2: tensor<i32>, %arg3: tensor<i32>) -> tensor<i1> {
  %0 = stablehlo.compare GT, %arg0, %arg1 : (tensor<f32>, tensor<f32>) -> tensor<i1>
  stablehlo.return %0 : tensor<i1>
}
func.func @approx_max_k(%arg0: tensor<4x6xf32>) -> (tensor<4x3xf32>, tensor<4x3xi32>) {
  %0 = stablehlo.iota dim = 1 : tensor<4x6xi32>
  %c = stablehlo.constant dense<-1> : tensor<i32>
  %cst = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %1:2 = stablehlo.custom_call @ApproxTopK(%arg0, %0, %cst, %c) {backend_config = "", called_computations = [@top_k_gt_comparator], mhlo.backend_config = {aggregate_to_topk = true, is_fallback = true, recall_target = 0.949999988 : f32, reduction_dim = 1 : i64, reduction_input_size_override = -1 : i64, top_k = 3 : i64}} : (tensor<4x6xf32>, tensor<4x6xi32>, tensor<f32>, tensor<i32>) -> (tensor<4x3xf32>, tensor<4x3xi32>)
  return %1#0, %1#1 : tensor<4x3xf32>, tensor<4x3xi32>
}

// -----

func.func @cmp(%a: tensor<f32>, %b: tensor<f32>) -> tensor<i1> {
  %0 = stablehlo.compare GT, %a, %b : (tensor<f32>, tensor<f32>) -> tensor<i1>
  stablehlo.return %0 : tensor<i1>
}
func.func @approx_top_k_too_many(%arg0: tensor<6xf32>) -> tensor<9xf32> {
  %cst = stablehlo.constant dense<0xFF800000> : tensor<f32>
  // expected-error @+1 {{@ApproxTopK: reduction_dim 0 and top_k 9 do not fit 'tensor<6xf32>'}}
  %0 = stablehlo.custom_call @ApproxTopK(%arg0, %cst) {called_computations = [@cmp], mhlo.backend_config = {reduction_dim = 0 : i64, top_k = 9 : i64}} : (tensor<6xf32>, tensor<f32>) -> tensor<9xf32>
  return %0 : tensor<9xf32>
}
