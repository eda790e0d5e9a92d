// RUN: jaxc-opt %s --split-input-file --verify-diagnostics --jaxc-erase-tokens | FileCheck %s

// Tokens leave signatures, calls, loops and barriers; the data stays.
// CHECK-LABEL: func.func @main(%arg0: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NOT: token
// CHECK: %[[CALL:.*]] = call @helper(%arg0) : (tensor<4xf32>) -> tensor<4xf32>
// CHECK: %[[BARRIER:.*]] = stablehlo.optimization_barrier %[[CALL]] : tensor<4xf32>
// CHECK: stablehlo.while(%{{.*}} = %[[BARRIER]]) : tensor<4xf32>
// CHECK: return %{{.*}} : tensor<4xf32>
func.func @main(%t: !stablehlo.token, %x: tensor<4xf32>) -> (!stablehlo.token, tensor<4xf32>) {
  %0:2 = call @helper(%t, %x) : (!stablehlo.token, tensor<4xf32>) -> (!stablehlo.token, tensor<4xf32>)
  %1:2 = stablehlo.optimization_barrier %0#0, %0#1 : !stablehlo.token, tensor<4xf32>
  %2:2 = stablehlo.while(%it = %1#0, %iv = %1#1) : !stablehlo.token, tensor<4xf32>
    cond {
      %c = stablehlo.constant dense<false> : tensor<i1>
      stablehlo.return %c : tensor<i1>
    } do {
      %n = stablehlo.after_all %it : !stablehlo.token
      stablehlo.return %n, %iv : !stablehlo.token, tensor<4xf32>
    }
  %3 = stablehlo.create_token : !stablehlo.token
  %4 = stablehlo.after_all %2#0, %3 : !stablehlo.token
  return %4, %2#1 : !stablehlo.token, tensor<4xf32>
}
// CHECK-LABEL: func.func private @helper(%arg0: tensor<4xf32>) -> tensor<4xf32>
func.func private @helper(%t: !stablehlo.token, %x: tensor<4xf32>) -> (!stablehlo.token, tensor<4xf32>) {
  return %t, %x : !stablehlo.token, tensor<4xf32>
}

// -----

// A side effect that needs a token is refused, naming the op.
func.func @callback(%t: !stablehlo.token) -> !stablehlo.token {
  // expected-error @+1 {{'stablehlo.custom_call' uses a token}}
  %0 = stablehlo.custom_call @xla_python_cpu_callback(%t) {has_side_effect = true} : (!stablehlo.token) -> !stablehlo.token
  return %0 : !stablehlo.token
}
