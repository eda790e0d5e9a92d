// RUN: jaxc-opt %s --split-input-file --jaxc-drop-single-device-sharding --verify-diagnostics | FileCheck %s

// What JAX prints for a with_sharding_constraint and in/out shardings on a
// one-device mesh: the constraint is its operand, the annotations go.
// CHECK-LABEL: module @jit_f
// CHECK-SAME: attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32}
// CHECK-NOT: sdy
// CHECK: func.func public @main(%[[ARG:.*]]: tensor<8xf32>) -> (tensor<8xf32> {jax.result_info = "result"})
// CHECK-NEXT: %[[SIN:.*]] = stablehlo.sine %[[ARG]]
// CHECK-NEXT: %[[MUL:.*]] = stablehlo.multiply %[[SIN]], %[[SIN]]
// CHECK-NEXT: return %[[MUL]]
module @jit_f attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  sdy.mesh @mesh = <["x"=1]> {stablehlo.mesh = {axes = [{name = "x", size = 1 : i64}]}}
  func.func public @main(%arg0: tensor<8xf32> {sdy.sharding = #sdy.sharding<@mesh, [{"x"}]>}) -> (tensor<8xf32> {jax.result_info = "result", sdy.sharding = #sdy.sharding<@mesh, [{}]>}) {
    %0 = stablehlo.sine %arg0 : tensor<8xf32>
    %1 = sdy.sharding_constraint %0 <@mesh, [{"x"}]> : tensor<8xf32>
    %2 = sdy.reshard %1 <@mesh, [{}]> : tensor<8xf32>
    %3 = stablehlo.multiply %1, %2 : tensor<8xf32>
    return %3 : tensor<8xf32>
  }
}

// -----

// Barriers, groups, sharding rules and per-op shardings; a mesh without
// axes, a maximal mesh and a 1x1 mesh are all one device.
// CHECK-LABEL: func.func @ops
// CHECK-NOT: sdy
// CHECK: %[[CALL:.*]] = stablehlo.custom_call @lapack_sgetrf_ffi(%{{.*}}) {mhlo.frontend_attributes = {num_batch_dims = "0"}}
// CHECK-NEXT: %[[NEG:.*]] = stablehlo.negate %[[CALL]]
// CHECK-NEXT: stablehlo.custom_call @xla_ffi_python_cpu_callback(%[[NEG]]) {has_side_effect = true} : (tensor<3x3xf32>) -> ()
// CHECK-NEXT: return %[[NEG]]
sdy.mesh @empty_mesh = <[]>
sdy.mesh @maximal = <[], device_ids=[5]>
sdy.mesh @grid = <["x"=1, "y"=1]>
func.func @ops(%arg0: tensor<3x3xf32> {sdy.sharding = #sdy.sharding<@empty_mesh, [{}, {}]>}) -> tensor<3x3xf32> {
  %0 = sdy.propagation_barrier %arg0 allowed_direction=FORWARD : tensor<3x3xf32>
  sdy.sharding_group %0 group_id=0 : tensor<3x3xf32>
  %1 = stablehlo.custom_call @lapack_sgetrf_ffi(%0) {mhlo.frontend_attributes = {num_batch_dims = "0"}, sdy.sharding_rule = #sdy.op_sharding_rule<([i, j])->([k, l]) {i=3, j=3, k=3, l=3}, custom>} : (tensor<3x3xf32>) -> tensor<3x3xf32>
  %2 = stablehlo.negate %1 {sdy.sharding = #sdy.sharding_per_value<[<@maximal, [{}, {}]>]>} : tensor<3x3xf32>
  %3 = sdy.sharding_constraint %2 <@grid, [{"x", ?}, {"y"}p1]> : tensor<3x3xf32>
  stablehlo.custom_call @xla_ffi_python_cpu_callback(%3) {has_side_effect = true, sdy.sharding = #sdy.sharding_per_value<[<@maximal, []>]>} : (tensor<3x3xf32>) -> ()
  return %3 : tensor<3x3xf32>
}

// -----

// Manual and named computations are inlined (nested ones too).
// CHECK-LABEL: func.func @regions
// CHECK-NOT: sdy
// CHECK: %[[A:.*]] = stablehlo.add %[[X:.*]], %[[X]]
// CHECK-NEXT: %[[B:.*]] = stablehlo.multiply %[[A]], %[[Y:.*]]
// CHECK-NEXT: %[[C:.*]] = stablehlo.negate %[[B]]
// CHECK-NEXT: return %[[C]]
sdy.mesh @mesh = <["x"=1]>
func.func @regions(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %0 = sdy.manual_computation(%x, %y) in_shardings=[<@mesh, [{"x"}]>, <@mesh, [{}]>] out_shardings=[<@mesh, [{"x"}]>] manual_axes={"x"} (%a: tensor<4xf32>, %b: tensor<4xf32>) {
    %1 = stablehlo.add %a, %a : tensor<4xf32>
    %2 = sdy.named_computation<"inner">(%1, %b) (%c: tensor<4xf32>, %d: tensor<4xf32>) {
      %3 = stablehlo.multiply %c, %d : tensor<4xf32>
      sdy.return %3 : tensor<4xf32>
    } : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    sdy.return %2 : tensor<4xf32>
  } : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %4 = stablehlo.negate %0 : tensor<4xf32>
  return %4 : tensor<4xf32>
}

// -----

// XLA's sharding custom calls and strings, and Shardy's round-trip
// frontend attributes, on one device.
// CHECK-LABEL: module @xla_forms
// CHECK-SAME: mhlo.frontend_attributes = {keep = "1"}
// CHECK: func.func @main(%[[ARG:.*]]: tensor<8xf32>) -> tensor<8xf32>
// CHECK-NEXT: %[[NEG:.*]] = stablehlo.negate %[[ARG]] : tensor<8xf32>
// CHECK-NEXT: return %[[NEG]]
module @xla_forms attributes {mhlo.frontend_attributes = {keep = "1", xla.sdy.meshes = "{mesh = #sdy.mesh<[\22x\22=1]>}"}} {
  func.func @main(%arg0: tensor<8xf32> {mhlo.sharding = "{replicated}"}) -> (tensor<8xf32> {mhlo.sharding = "{maximal device=0}"}) {
    %0 = stablehlo.custom_call @Sharding(%arg0) {mhlo.sharding = "{devices=[1]0}"} : (tensor<8xf32>) -> tensor<8xf32>
    %1 = stablehlo.custom_call @SPMDFullToShardShape(%0) {mhlo.sharding = "{manual}"} : (tensor<8xf32>) -> tensor<8xf32>
    %2 = stablehlo.negate %1 {mhlo.frontend_attributes = {xla.sdy.sharding = "#sdy.sharding_per_value<[<@mesh, [{}]>]>"}} : tensor<8xf32>
    %3 = stablehlo.custom_call @SPMDShardToFullShape(%2) : (tensor<8xf32>) -> tensor<8xf32>
    %4 = stablehlo.custom_call @xla.sdy.FuncResultSharding(%3) : (tensor<8xf32>) -> tensor<8xf32>
    stablehlo.custom_call @xla.sdy.ShardingGroup(%4) {has_side_effect = true} : (tensor<8xf32>) -> ()
    return %4 : tensor<8xf32>
  }
}

// -----

// Several devices are refused, naming the op and the device count.
sdy.mesh @mesh = <["x"=2]>
func.func @two_devices(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'sdy.sharding_constraint' op needs 2 devices (mesh @mesh); a multi-device program is not supported by jaxc yet (jaxc runs on one device)}}
  %0 = sdy.sharding_constraint %arg0 <@mesh, [{"x"}]> : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

sdy.mesh @mesh = <["x"=2, "y"=4]>
// expected-error @+1 {{'func.func' op needs 8 devices (mesh @mesh)}}
func.func @argument(%arg0: tensor<8xf32> {sdy.sharding = #sdy.sharding<@mesh, [{}]>}) -> tensor<8xf32> {
  return %arg0 : tensor<8xf32>
}

// -----

// A mesh nothing uses still says how many devices the program is for.
// expected-error @+1 {{'sdy.mesh' op needs 4 devices (mesh @mesh)}}
sdy.mesh @mesh = <["x"=4]>

// -----

// expected-error @+1 {{'builtin.module' op needs 2 devices (mhlo.num_partitions = 2)}}
module attributes {mhlo.num_partitions = 2 : i32, mhlo.num_replicas = 1 : i32} {
}

// -----

func.func @inline_mesh(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'stablehlo.negate' op needs 2 devices (an inline mesh)}}
  %0 = stablehlo.negate %arg0 {sdy.sharding = #sdy.sharding_per_value<[<mesh<["x"=2]>, [{"x"}]>]>} : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @hlo_sharding(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'stablehlo.custom_call' op needs 4 devices (mhlo.sharding "{devices=[4]0,1,2,3}")}}
  %0 = stablehlo.custom_call @Sharding(%arg0) {mhlo.sharding = "{devices=[4]0,1,2,3}"} : (tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// expected-error @+1 {{'builtin.module' op needs 2 devices (mesh @mesh)}}
module attributes {mhlo.frontend_attributes = {xla.sdy.meshes = "{mesh = #sdy.mesh<[\22x\22=2]>}"}} {
}

// -----

func.func @shard_shape(%arg0: tensor<8xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{@SPMDFullToShardShape with these operands and results is not supported by jaxc yet}}
  %0 = stablehlo.custom_call @SPMDFullToShardShape(%arg0) : (tensor<8xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
