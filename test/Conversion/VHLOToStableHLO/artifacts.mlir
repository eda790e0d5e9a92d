// Portable artifacts written by JAX 0.12 (Inputs/jax-0.12.mlirbc, VHLO
// 1.18.0: sine_v2, gather_v2...) and the same module for VHLO 1.0.0
// (Inputs/jax-0.12-vhlo-1.0.0.mlirbc: sine_v1, gather_v1) give the same
// StableHLO. Made with
//   exported = jax.export.export(jax.jit(f))(x, i, u)
//   exported.mlir_module_serialized
//   hlo.serialize_portable_artifact_str(exported.mlir_module(), "1.0.0")
// for f(x, i, u) = (fori_loop(sin(x) * 2) * 3 + sum(x[i])
//                   + where(x > 0, x, 0), u * 3, [True, False] * 5).
// RUN: jaxc-opt %S/Inputs/jax-0.12.mlirbc --jaxc-vhlo-to-stablehlo | FileCheck %s
// RUN: jaxc-opt %S/Inputs/jax-0.12-vhlo-1.0.0.mlirbc --jaxc-vhlo-to-stablehlo | FileCheck %s
// And through jaxc-opt's own bytecode writer:
// RUN: jaxc-opt %S/Inputs/jax-0.12.mlirbc --emit-bytecode | jaxc-opt --jaxc-vhlo-to-stablehlo | FileCheck %s

// CHECK-LABEL: module @jit_f attributes {jax.uses_shape_polymorphism = false, mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32}
// CHECK: func.func public @main(%[[X:.*]]: tensor<4xf32>, %[[I:.*]]: tensor<2xi32>, %[[U:.*]]: tensor<3xui32>) -> (tensor<4xf32> {jax.result_info = "result[0]"}, tensor<3xui32> {jax.result_info = "result[1]"}, tensor<10xi1> {jax.result_info = "result[2]"})
// CHECK-DAG: %[[THREE:.*]] = stablehlo.constant dense<3> : tensor<ui32>
// CHECK-DAG: %[[BOOLS:.*]] = stablehlo.constant dense<[true, false, true, false, true, false, true, false, true, false]> : tensor<10xi1>
// CHECK: %[[SIN:.*]] = stablehlo.sine %[[X]] : tensor<4xf32>
// CHECK: stablehlo.compare LT, %[[I]], %{{.*}}, SIGNED : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi1>
// CHECK: %[[G:.*]] = "stablehlo.gather"(%[[X]], %{{.*}}) <{dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1>}> : (tensor<4xf32>, tensor<2x1xi32>) -> tensor<2xf32>
// CHECK: stablehlo.reduce(%[[G]] init: %{{.*}}) applies stablehlo.add across dimensions = [0] : (tensor<2xf32>, tensor<f32>) -> tensor<f32>
// CHECK: %[[LOOP:.*]]:2 = stablehlo.while(%{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) : tensor<i32>, tensor<4xf32>
// CHECK: call @_where(
// CHECK: stablehlo.multiply %[[LOOP]]#1, %{{.*}} : tensor<4xf32>
// CHECK: %[[UTHREE:.*]] = stablehlo.broadcast_in_dim %[[THREE]], dims = [] : (tensor<ui32>) -> tensor<3xui32>
// CHECK: %[[PRODUCT:.*]] = stablehlo.multiply %[[U]], %[[UTHREE]] : tensor<3xui32>
// CHECK: return %{{.*}}, %[[PRODUCT]], %[[BOOLS]] : tensor<4xf32>, tensor<3xui32>, tensor<10xi1>
// CHECK: func.func private @_where(%{{.*}}: tensor<4xi1>, %{{.*}}: tensor<4xf32>, %{{.*}}: tensor<f32>) -> tensor<4xf32>
