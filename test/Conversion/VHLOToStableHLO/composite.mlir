// Composites: the decomposition a symbol, defaults left out.
// RUN: jaxc-opt %s --jaxc-vhlo-to-stablehlo | FileCheck %s
// RUN: jaxc-opt %S/Inputs/jax-0.12-composite.mlirbc --jaxc-vhlo-to-stablehlo | FileCheck %s --check-prefix=JAX

// CHECK-LABEL: func.func @main
// CHECK: stablehlo.composite "jaxc.scale" %{{.*}} {composite_attributes = {factor = 2.000000e+00 : f32}, decomposition = @increment, version = 2 : i32} : (tensor<i32>) -> tensor<i32>
// CHECK: stablehlo.composite "jaxc.plain" %{{.*}} {decomposition = @increment} : (tensor<i32>) -> tensor<i32>
"vhlo.func_v1"() <{arg_attrs = #vhlo.array_v1<[]>, function_type = #vhlo.type_v1<!vhlo.func_v1<(!vhlo.tensor_v1<!vhlo.i32_v1>) -> !vhlo.tensor_v1<!vhlo.i32_v1>>>, res_attrs = #vhlo.array_v1<[]>, sym_name = #vhlo.string_v1<"main">, sym_visibility = #vhlo.string_v1<"">}> ({
^bb0(%k: !vhlo.tensor_v1<!vhlo.i32_v1>):
  %0 = "vhlo.composite_v2"(%k) <{composite_attributes = #vhlo.dict_v1<{#vhlo.string_v1<"factor"> = #vhlo.float_v1<2.0 : f32>}>, decomposition = #vhlo.string_v1<"increment">, name = #vhlo.string_v1<"jaxc.scale">, version = #vhlo.integer_v1<2 : i32>}> : (!vhlo.tensor_v1<!vhlo.i32_v1>) -> !vhlo.tensor_v1<!vhlo.i32_v1>
  %1 = "vhlo.composite_v1"(%0) <{composite_attributes = #vhlo.dict_v1<{}>, decomposition = #vhlo.string_v1<"increment">, name = #vhlo.string_v1<"jaxc.plain">, version = #vhlo.integer_v1<0 : i32>}> : (!vhlo.tensor_v1<!vhlo.i32_v1>) -> !vhlo.tensor_v1<!vhlo.i32_v1>
  "vhlo.return_v1"(%1) : (!vhlo.tensor_v1<!vhlo.i32_v1>) -> ()
}) : () -> ()
"vhlo.func_v1"() <{arg_attrs = #vhlo.array_v1<[]>, function_type = #vhlo.type_v1<!vhlo.func_v1<(!vhlo.tensor_v1<!vhlo.i32_v1>) -> !vhlo.tensor_v1<!vhlo.i32_v1>>>, res_attrs = #vhlo.array_v1<[]>, sym_name = #vhlo.string_v1<"increment">, sym_visibility = #vhlo.string_v1<"private">}> ({
^bb0(%v: !vhlo.tensor_v1<!vhlo.i32_v1>):
  %one = "vhlo.constant_v1"() <{value = #vhlo.tensor_v1<dense<1> : tensor<i32>>}> : () -> !vhlo.tensor_v1<!vhlo.i32_v1>
  %sum = "vhlo.add_v1"(%v, %one) : (!vhlo.tensor_v1<!vhlo.i32_v1>, !vhlo.tensor_v1<!vhlo.i32_v1>) -> !vhlo.tensor_v1<!vhlo.i32_v1>
  "vhlo.return_v1"(%sum) : (!vhlo.tensor_v1<!vhlo.i32_v1>) -> ()
}) : () -> ()

// jax.lax.composite and lax.top_k (a chlo.top_k composite) as JAX 0.12
// exports them.
// JAX: stablehlo.composite "test.triple" %{{.*}} {decomposition = @test.triple} : (tensor<4xf32>) -> tensor<4xf32>
// JAX: stablehlo.composite "chlo.top_k" %{{.*}} {composite_attributes = {is_stable = true, k = 2 : i64}, decomposition = @chlo.top_k.impl, version = 1 : i32} : (tensor<4xf32>) -> (tensor<2xf32>, tensor<2xi32>)
// JAX: func.func private @test.triple
