// VHLO that jaxc cannot run is refused, naming the op and why.
// RUN: jaxc-opt %s --jaxc-vhlo-to-stablehlo --split-input-file --verify-diagnostics

"vhlo.func_v1"() <{arg_attrs = #vhlo.array_v1<[]>, function_type = #vhlo.type_v1<!vhlo.func_v1<(!vhlo.tensor_v1<4x!vhlo.f32_v1>) -> !vhlo.tensor_v1<4x!vhlo.f32_v1>>>, res_attrs = #vhlo.array_v1<[]>, sym_name = #vhlo.string_v1<"main">, sym_visibility = #vhlo.string_v1<"public">}> ({
^bb0(%x: !vhlo.tensor_v1<4x!vhlo.f32_v1>):
  // expected-error @+1 {{'vhlo.all_reduce_v2' op is not supported by jaxc yet (a collective: needs several devices)}}
  %0 = "vhlo.all_reduce_v2"(%x) <{channel_id = #vhlo.integer_v1<1 : i64>, replica_groups = #vhlo.tensor_v1<dense<[[0, 1]]> : tensor<1x2xi64>>, use_global_device_ids = #vhlo.bool_v1<false>}> ({
  ^bb0(%a: !vhlo.tensor_v1<!vhlo.f32_v1>, %b: !vhlo.tensor_v1<!vhlo.f32_v1>):
    %s = "vhlo.add_v1"(%a, %b) : (!vhlo.tensor_v1<!vhlo.f32_v1>, !vhlo.tensor_v1<!vhlo.f32_v1>) -> !vhlo.tensor_v1<!vhlo.f32_v1>
    "vhlo.return_v1"(%s) : (!vhlo.tensor_v1<!vhlo.f32_v1>) -> ()
  }) : (!vhlo.tensor_v1<4x!vhlo.f32_v1>) -> !vhlo.tensor_v1<4x!vhlo.f32_v1>
  "vhlo.return_v1"(%0) : (!vhlo.tensor_v1<4x!vhlo.f32_v1>) -> ()
}) : () -> ()

// -----

// An op jaxc's VHLO does not know (a newer version's).
"vhlo.func_v1"() <{arg_attrs = #vhlo.array_v1<[]>, function_type = #vhlo.type_v1<!vhlo.func_v1<(!vhlo.tensor_v1<4x!vhlo.f32_v1>) -> !vhlo.tensor_v1<4x!vhlo.f32_v1>>>, res_attrs = #vhlo.array_v1<[]>, sym_name = #vhlo.string_v1<"main">, sym_visibility = #vhlo.string_v1<"public">}> ({
^bb0(%x: !vhlo.tensor_v1<4x!vhlo.f32_v1>):
  // expected-error @+1 {{'vhlo.add_v9' op is not supported by jaxc yet (an op of a newer VHLO version than jaxc reads)}}
  %0 = "vhlo.add_v9"(%x, %x) : (!vhlo.tensor_v1<4x!vhlo.f32_v1>, !vhlo.tensor_v1<4x!vhlo.f32_v1>) -> !vhlo.tensor_v1<4x!vhlo.f32_v1>
  "vhlo.return_v1"(%0) : (!vhlo.tensor_v1<4x!vhlo.f32_v1>) -> ()
}) : () -> ()

// -----

"vhlo.func_v1"() <{arg_attrs = #vhlo.array_v1<[]>, function_type = #vhlo.type_v1<!vhlo.func_v1<(!vhlo.tensor_v1<2x!vhlo.f32_v1>) -> !vhlo.tensor_v1<2x!vhlo.f32_v1>>>, res_attrs = #vhlo.array_v1<[]>, sym_name = #vhlo.string_v1<"main">, sym_visibility = #vhlo.string_v1<"public">}> ({
^bb0(%x: !vhlo.tensor_v1<2x!vhlo.f32_v1>):
  %s = "vhlo.constant_v1"() <{value = #vhlo.tensor_v1<dense<[1, 2]> : tensor<2xi64>>}> : () -> !vhlo.tensor_v1<2x!vhlo.i64_v1>
  // expected-error @+1 {{'vhlo.dynamic_reshape_v1' op is not supported by jaxc yet (dynamic shapes)}}
  %0 = "vhlo.dynamic_reshape_v1"(%x, %s) : (!vhlo.tensor_v1<2x!vhlo.f32_v1>, !vhlo.tensor_v1<2x!vhlo.i64_v1>) -> !vhlo.tensor_v1<2x!vhlo.f32_v1>
  "vhlo.return_v1"(%0) : (!vhlo.tensor_v1<2x!vhlo.f32_v1>) -> ()
}) : () -> ()

// -----

// A bounded dynamic dimension: the tensor type's encoding.
// expected-error @+1 {{'vhlo.func_v1' op with a bounded dynamic dimension is not supported by jaxc yet ('!vhlo.tensor_v1<?x!vhlo.f32_v1, #vhlo.type_extensions_v1<bounds = [4]>>')}}
"vhlo.func_v1"() <{arg_attrs = #vhlo.array_v1<[]>, function_type = #vhlo.type_v1<!vhlo.func_v1<(!vhlo.tensor_v1<?x!vhlo.f32_v1, #vhlo.type_extensions_v1<bounds = [4]>>) -> ()>>, res_attrs = #vhlo.array_v1<[]>, sym_name = #vhlo.string_v1<"main">, sym_visibility = #vhlo.string_v1<"public">}> ({
^bb0(%x: !vhlo.tensor_v1<?x!vhlo.f32_v1, #vhlo.type_extensions_v1<bounds = [4]>>):
  "vhlo.return_v1"() : () -> ()
}) : () -> ()

// -----

#q = #vhlo.type_v1<!vhlo.func_v1<(!vhlo.tensor_v1<4x!vhlo.f32_v1>) -> !vhlo.tensor_v1<4x!vhlo.f32_v1>>>
"vhlo.func_v1"() <{arg_attrs = #vhlo.array_v1<[]>, function_type = #q, res_attrs = #vhlo.array_v1<[]>, sym_name = #vhlo.string_v1<"main">, sym_visibility = #vhlo.string_v1<"public">}> ({
^bb0(%x: !vhlo.tensor_v1<4x!vhlo.f32_v1>):
  // expected-error @+1 {{'vhlo.uniform_quantize_v1' op is not supported by jaxc yet (quantized types)}}
  %0 = "vhlo.uniform_quantize_v1"(%x) : (!vhlo.tensor_v1<4x!vhlo.f32_v1>) -> !vhlo.tensor_v1<4x!vhlo.quant_v1<flags = 1, storageType = !vhlo.i8_v1, expressedType = !vhlo.f32_v1, scale = 5.000000e-01 : f64, zeroPoint = 0, storageTypeMin = -128, storageTypeMax = 127>>
  %1 = "vhlo.uniform_dequantize_v1"(%0) : (!vhlo.tensor_v1<4x!vhlo.quant_v1<flags = 1, storageType = !vhlo.i8_v1, expressedType = !vhlo.f32_v1, scale = 5.000000e-01 : f64, zeroPoint = 0, storageTypeMin = -128, storageTypeMax = 127>>) -> !vhlo.tensor_v1<4x!vhlo.f32_v1>
  "vhlo.return_v1"(%1) : (!vhlo.tensor_v1<4x!vhlo.f32_v1>) -> ()
}) : () -> ()
