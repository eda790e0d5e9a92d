// Parse -> print -> parse is stable for every sdy attribute and op form, in
// the pretty and the generic form, and through bytecode.
// RUN: jaxc-opt %s | jaxc-opt | FileCheck %s
// RUN: jaxc-opt %s --mlir-print-op-generic | jaxc-opt | FileCheck %s
// RUN: jaxc-opt %s --emit-bytecode | jaxc-opt | FileCheck %s

// CHECK: sdy.mesh @mesh = <["x"=1]> {stablehlo.mesh = {axes = [{name = "x", size = 1 : i64}]}}
sdy.mesh @mesh = <["x"=1]> {stablehlo.mesh = {axes = [{name = "x", size = 1 : i64}]}}
// CHECK: sdy.mesh @mesh2 = <["x"=2, "y"=4]>
sdy.mesh @mesh2 = <["x"=2, "y"=4]>
// CHECK: sdy.mesh @ordered = <["a"=2, "b"=2], device_ids=[3, 2, 1, 0]>
sdy.mesh @ordered = <["a"=2, "b"=2], device_ids=[3, 2, 1, 0]>
// CHECK: sdy.mesh @maximal = <[], device_ids=[3]>
sdy.mesh @maximal = <[], device_ids=[3]>
// CHECK: sdy.mesh @empty_mesh = <[]>
sdy.mesh @empty_mesh = <[]>

// CHECK-LABEL: func.func public @main
// CHECK-SAME: {sdy.sharding = #sdy.sharding<@mesh, [{"x"}]>}
// CHECK-SAME: {jax.result_info = "result", sdy.sharding = #sdy.sharding<@mesh, [{}]>}
func.func public @main(%arg0: tensor<8xf32> {sdy.sharding = #sdy.sharding<@mesh, [{"x"}]>}) -> (tensor<8xf32> {jax.result_info = "result", sdy.sharding = #sdy.sharding<@mesh, [{}]>}) {
  // CHECK: sdy.sharding_constraint %{{.*}} <@mesh, [{"x"}]> : tensor<8xf32>
  %0 = sdy.sharding_constraint %arg0 <@mesh, [{"x"}]> : tensor<8xf32>
  // CHECK: sdy.reshard %{{.*}} <@mesh, [{}]> : tensor<8xf32>
  %1 = sdy.reshard %0 <@mesh, [{}]> : tensor<8xf32>
  return %1 : tensor<8xf32>
}

// Every dimension-sharding and tensor-sharding form.
// CHECK-LABEL: func.func @shardings
func.func @shardings(%arg0: tensor<8x8xf32>, %s: tensor<f32>) -> tensor<8x8xf32> {
  // CHECK: <@mesh2, [{?}, {"y", ?}]>
  %0 = sdy.sharding_constraint %arg0 <@mesh2, [{?}, {"y", ?}]> : tensor<8x8xf32>
  // CHECK: <@mesh2, [{"x"}p0, {"y":(1)2}p12]>
  %1 = sdy.sharding_constraint %0 <@mesh2, [{"x"}p0, {"y":(1)2}p12]> : tensor<8x8xf32>
  // CHECK: <@mesh2, [{"y":(2)2, "x"}, {}], replicated={"y":(1)2}>
  %2 = sdy.sharding_constraint %1 <@mesh2, [{"y":(2)2, "x"}, {}], replicated={"y":(1)2}> : tensor<8x8xf32>
  // CHECK: <@mesh2, [{}, {}], unreduced={"x"}>
  %3 = sdy.sharding_constraint %2 <@mesh2, [{}, {}], unreduced={"x"}> : tensor<8x8xf32>
  // CHECK: <@mesh2, [{}, {}], replicated={"y"}, unreduced={"x"}>
  %4 = sdy.sharding_constraint %3 <@mesh2, [{}, {}], replicated={"y"}, unreduced={"x"}> : tensor<8x8xf32>
  // CHECK: <mesh<["p"=2]>, [{"p"}, {}]>
  %5 = sdy.sharding_constraint %4 <mesh<["p"=2]>, [{"p"}, {}]> : tensor<8x8xf32>
  // CHECK: <@maximal, []>
  %6 = sdy.sharding_constraint %s <@maximal, []> : tensor<f32>
  // CHECK: <@mesh2, [{}, {}], unreduced=max{"x"}>
  %7 = sdy.sharding_constraint %5 <@mesh2, [{}, {}], unreduced=max{"x"}> : tensor<8x8xf32>
  return %7 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @barriers_and_groups
func.func @barriers_and_groups(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // CHECK: sdy.propagation_barrier %{{.*}} allowed_direction=NONE : tensor<8xf32>
  %0 = sdy.propagation_barrier %arg0 allowed_direction=NONE : tensor<8xf32>
  // CHECK: sdy.propagation_barrier %{{.*}} allowed_direction=BACKWARD : tensor<8xf32>
  %1 = sdy.propagation_barrier %0 allowed_direction=BACKWARD : tensor<8xf32>
  // CHECK: sdy.sharding_group %{{.*}} group_id=3 : tensor<8xf32>
  sdy.sharding_group %1 group_id=3 : tensor<8xf32>
  return %1 : tensor<8xf32>
}

// CHECK-LABEL: func.func @manual
func.func @manual(%arg0: tensor<8x4xf32>, %arg1: tensor<4xf32>) -> tensor<8x4xf32> {
  // CHECK: sdy.manual_computation(%{{.*}}, %{{.*}}) in_shardings=[<@mesh2, [{"x"}, {}]>, <@mesh2, [{}]>] out_shardings=[<@mesh2, [{"x", "y"}, {}]>] manual_axes={"x", "y"} (%{{.*}}: tensor<4x4xf32>, %{{.*}}: tensor<4xf32>) {
  // CHECK: sdy.return %{{.*}} : tensor<1x4xf32>
  // CHECK-NEXT: } : (tensor<8x4xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  %0 = sdy.manual_computation(%arg0, %arg1) in_shardings=[<@mesh2, [{"x"}, {}]>, <@mesh2, [{}]>] out_shardings=[<@mesh2, [{"x", "y"}, {}]>] manual_axes={"x", "y"} (%a: tensor<4x4xf32>, %b: tensor<4xf32>) {
    %1 = stablehlo.slice %a [0:1, 0:4] : (tensor<4x4xf32>) -> tensor<1x4xf32>
    sdy.return %1 : tensor<1x4xf32>
  } : (tensor<8x4xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  // CHECK: manual_axes={} (%{{.*}}: tensor<8x4xf32>)
  %2 = sdy.manual_computation(%0) in_shardings=[<@mesh2, [{"x"}, {}]>] out_shardings=[<@mesh2, [{}, {}]>] manual_axes={} (%c: tensor<8x4xf32>) {
    sdy.return %c : tensor<8x4xf32>
  } : (tensor<8x4xf32>) -> tensor<8x4xf32>
  return %2 : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @named
func.func @named(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // CHECK: sdy.named_computation<"f">(%{{.*}}) (%{{.*}}: tensor<8xf32>) {
  %0 = sdy.named_computation<"f">(%arg0) (%a: tensor<8xf32>) {
    sdy.return %a : tensor<8xf32>
  } : (tensor<8xf32>) -> tensor<8xf32>
  // CHECK: sdy.named_computation<"g">(%{{.*}}) in_shardings=[<@mesh, [{"x"}]>] out_shardings=[<@mesh, [{}]>] (%{{.*}}: tensor<8xf32>) {
  %1 = sdy.named_computation<"g">(%0) in_shardings=[<@mesh, [{"x"}]>] out_shardings=[<@mesh, [{}]>] (%b: tensor<8xf32>) {
    %2 = stablehlo.negate %b : tensor<8xf32>
    sdy.return %2 : tensor<8xf32>
  } : (tensor<8xf32>) -> tensor<8xf32>
  return %1 : tensor<8xf32>
}

// Shardings and sharding rules on ops, as JAX puts them on custom calls.
// CHECK-LABEL: func.func @on_ops
func.func @on_ops(%arg0: tensor<3x3xf32>) -> (tensor<3x3xf32>, tensor<3xi32>, tensor<i32>) {
  // CHECK: sdy.sharding = #sdy.sharding_per_value<[<@mesh, [{}, {}]>, <@mesh, [{}]>, <@mesh, []>]>
  // CHECK-SAME: sdy.sharding_rule = #sdy.op_sharding_rule<([i, j])->([k, l], [m], []) {i=3, j=3, k=3, l=3, m=3}, custom>
  %0:3 = stablehlo.custom_call @lapack_sgetrf_ffi(%arg0) {sdy.sharding = #sdy.sharding_per_value<[<@mesh, [{}, {}]>, <@mesh, [{}]>, <@mesh, []>]>, sdy.sharding_rule = #sdy.op_sharding_rule<([i, j])->([k, l], [m], []) {i=3, j=3, k=3, l=3, m=3}, custom>} : (tensor<3x3xf32>) -> (tensor<3x3xf32>, tensor<3xi32>, tensor<i32>)
  // CHECK: #sdy.op_sharding_rule<([i, j])->([ij]) {i=3, j=3} reduction={j} need_replication={i} permutation={j} blocked_propagation={i}>
  %1 = stablehlo.custom_call @foo(%arg0) {sdy.sharding_rule = #sdy.op_sharding_rule<([i, j])->([ij]) {i=3, j=3} reduction={j} need_replication={i} permutation={j} blocked_propagation={i}>} : (tensor<3x3xf32>) -> tensor<9xf32>
  // CHECK: #sdy.op_sharding_rule<([], [])->([])>
  %2 = stablehlo.custom_call @bar(%0#2, %0#2) {sdy.sharding_rule = #sdy.op_sharding_rule<([], [])->([])>} : (tensor<i32>, tensor<i32>) -> tensor<i32>
  // A result-less op names the device it runs on (JAX's host callbacks).
  // CHECK: stablehlo.custom_call @xla_ffi_python_cpu_callback(%{{.*}}) {has_side_effect = true, sdy.sharding = #sdy.sharding_per_value<[<@maximal, []>]>}
  stablehlo.custom_call @xla_ffi_python_cpu_callback(%arg0) {has_side_effect = true, sdy.sharding = #sdy.sharding_per_value<[<@maximal, []>]>} : (tensor<3x3xf32>) -> ()
  return %0#0, %0#1, %2 : tensor<3x3xf32>, tensor<3xi32>, tensor<i32>
}

// Factor symbols past z: z_1, z_2, ... (and runs of them).
// CHECK-LABEL: func.func @many_factors
func.func @many_factors(%arg0: tensor<1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x2xf32>) -> tensor<1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x2xf32> {
  // CHECK: ([i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z, z_1, z_2])->([i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, zz_1z_2])
  // CHECK-SAME: {i=1, j=1, k=1, l=1, m=1, n=1, o=1, p=1, q=1, r=1, s=1, t=1, u=1, v=1, w=1, x=1, y=1, z=1, z_1=1, z_2=2}
  %0 = stablehlo.custom_call @foo(%arg0) {sdy.sharding_rule = #sdy.op_sharding_rule<([i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z, z_1, z_2])->([i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, zz_1z_2]) {i=1, j=1, k=1, l=1, m=1, n=1, o=1, p=1, q=1, r=1, s=1, t=1, u=1, v=1, w=1, x=1, y=1, z=1, z_1=1, z_2=2}>} : (tensor<1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x2xf32>) -> tensor<1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x2xf32>
  return %0 : tensor<1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x2xf32>
}

// The standalone forms of the attributes that otherwise only appear inside
// others.
// CHECK-LABEL: func.func @standalone
// CHECK-SAME: a = #sdy.mesh_axis<"x"=2>
// CHECK-SAME: b = #sdy.sub_axis_info<(1)2>
// CHECK-SAME: c = #sdy.axis_ref<"x":(1)2>
// CHECK-SAME: d = #sdy.dimension_sharding<{"x", ?}p3>
// CHECK-SAME: e = #sdy.manual_axes<{"x", "y"}>
// CHECK-SAME: f = #sdy.dim_mapping<ij>
// CHECK-SAME: g = #sdy.tensor_mapping<[i, jk]>
// CHECK-SAME: h = #sdy.mesh<["x"=2], device_ids=[1, 0]>
func.func @standalone() attributes {a = #sdy.mesh_axis<"x"=2>, b = #sdy.sub_axis_info<(1)2>, c = #sdy.axis_ref<"x":(1)2>, d = #sdy.dimension_sharding<{"x", ?}p3>, e = #sdy.manual_axes<{"x", "y"}>, f = #sdy.dim_mapping<ij>, g = #sdy.tensor_mapping<[i, jk]>, h = #sdy.mesh<["x"=2], device_ids=[1, 0]>} {
  return
}
