// The verifiers and parsers reject malformed sdy ops and attributes.
// RUN: jaxc-opt %s --split-input-file --verify-diagnostics

// expected-error @+1 {{mesh axis "x" appears twice}}
sdy.mesh @m = <["x"=2, "x"=2]>

// -----

// expected-error @+1 {{mesh axis "x" must have a positive size}}
sdy.mesh @m = <["x"=0]>

// -----

// expected-error @+1 {{mesh has 4 devices but 3 device ids}}
sdy.mesh @m = <["x"=4], device_ids=[0, 1, 2]>

// -----

// expected-error @+1 {{device ids must be a permutation of 0..1}}
sdy.mesh @m = <["x"=2], device_ids=[0, 2]>

// -----

// expected-error @+1 {{a mesh without axes takes one device id, not 2}}
sdy.mesh @m = <[], device_ids=[0, 1]>

// -----

// expected-error @+1 {{device ids must not be negative}}
sdy.mesh @m = <[], device_ids=[-1]>

// -----

func.func @unknown_mesh(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{sharding refers to unknown mesh @nowhere}}
  %0 = sdy.sharding_constraint %arg0 <@nowhere, [{}]> : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

sdy.mesh @mesh = <["x"=2]>
func.func @rank(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{sharding has 2 dimensions but the value has type 'tensor<8xf32>'}}
  %0 = sdy.reshard %arg0 <@mesh, [{}, {}]> : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

sdy.mesh @mesh = <["x"=2]>
func.func @unknown_axis(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{unknown axis "y" (not in the mesh)}}
  %0 = sdy.sharding_constraint %arg0 <@mesh, [{"y"}]> : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

sdy.mesh @mesh = <["x"=4]>
func.func @sub_axis(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{sub-axis "x":(2)4 does not split the axis of size 4}}
  %0 = sdy.sharding_constraint %arg0 <@mesh, [{"x":(2)4}]> : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

sdy.mesh @mesh = <["x"=4]>
func.func @twice(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  // expected-error @+1 {{axis "x" is used twice in one sharding}}
  %0 = sdy.sharding_constraint %arg0 <@mesh, [{"x"}, {}], replicated={"x"}> : tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// -----

func.func @barrier(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{allowed_direction=BOTH would not be a barrier}}
  %0 = sdy.propagation_barrier %arg0 allowed_direction=BOTH : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @group(%arg0: tensor<8xf32>) {
  // expected-error @+1 {{group_id must not be negative}}
  sdy.sharding_group %arg0 group_id=-1 : tensor<8xf32>
  return
}

// -----

sdy.mesh @mesh = <["x"=2]>
func.func @manual_counts(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{has 2 in_shardings for 1 operands}}
  %0 = sdy.manual_computation(%arg0) in_shardings=[<@mesh, [{"x"}]>, <@mesh, [{"x"}]>] out_shardings=[<@mesh, [{"x"}]>] manual_axes={"x"} (%a: tensor<4xf32>) {
    sdy.return %a : tensor<4xf32>
  } : (tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

sdy.mesh @mesh = <["x"=2]>
func.func @manual_local_type(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{body argument 0 has type 'tensor<8xf32>' but one device's shard is 'tensor<4xf32>'}}
  %0 = sdy.manual_computation(%arg0) in_shardings=[<@mesh, [{"x"}]>] out_shardings=[<@mesh, [{"x"}]>] manual_axes={"x"} (%a: tensor<8xf32>) {
    sdy.return %a : tensor<8xf32>
  } : (tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

sdy.mesh @mesh = <["x"=2]>
func.func @manual_axis(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{manual axis "y" is not in the mesh}}
  %0 = sdy.manual_computation(%arg0) in_shardings=[<@mesh, [{"x"}]>] out_shardings=[<@mesh, [{"x"}]>] manual_axes={"y"} (%a: tensor<8xf32>) {
    sdy.return %a : tensor<8xf32>
  } : (tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

sdy.mesh @mesh = <["x"=4]>
func.func @manual_split(%arg0: tensor<6xf32>) -> tensor<6xf32> {
  // expected-error @+1 {{dimension 0 of 'tensor<6xf32>' does not split into 4 shards}}
  %0 = sdy.manual_computation(%arg0) in_shardings=[<@mesh, [{"x"}]>] out_shardings=[<@mesh, [{}]>] manual_axes={"x"} (%a: tensor<2xf32>) {
    sdy.return %a : tensor<2xf32>
  } : (tensor<6xf32>) -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

func.func @named_types(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{body returns 'tensor<8xi32>' as value 0 but the op has 'tensor<8xf32>'}}
  %0 = sdy.named_computation<"f">(%arg0) (%a: tensor<8xf32>) {
    %1 = stablehlo.convert %a : (tensor<8xf32>) -> tensor<8xi32>
    sdy.return %1 : tensor<8xi32>
  } : (tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @return_parent(%arg0: tensor<8xf32>) {
  // expected-error @+1 {{expects parent op to be one of}}
  sdy.return %arg0 : tensor<8xf32>
}

// -----

sdy.mesh @mesh = <["x"=2]>
// expected-error @+1 {{sharding has 0 dimensions but the value has type 'tensor<8xf32>'}}
func.func @arg_sharding(%arg0: tensor<8xf32> {sdy.sharding = #sdy.sharding<@mesh, []>}) {
  return
}

// -----

sdy.mesh @mesh = <["x"=2]>
// expected-error @+1 {{'sdy.sharding' of a value must be a #sdy.sharding}}
func.func @arg_sharding_kind(%arg0: tensor<8xf32> {sdy.sharding = 1 : i32}) {
  return
}

// -----

sdy.mesh @mesh = <["x"=2]>
func.func @op_sharding(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'sdy.sharding' has 2 shardings for 1 results}}
  %0 = stablehlo.negate %arg0 {sdy.sharding = #sdy.sharding_per_value<[<@mesh, [{}]>, <@mesh, [{}]>]>} : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

sdy.mesh @mesh = <["x"=2]>
func.func @no_results(%arg0: tensor<8xf32>) {
  // expected-error @+1 {{a sharding of 'none' cannot shard dimensions}}
  stablehlo.custom_call @f(%arg0) {sdy.sharding = #sdy.sharding_per_value<[<@mesh, [{"x"}]>]>} : (tensor<8xf32>) -> ()
  return
}

// -----

func.func @rule_count(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{sharding rule maps 2 operands but the op has 1}}
  %0 = stablehlo.custom_call @f(%arg0) {sdy.sharding_rule = #sdy.op_sharding_rule<([i], [i])->([i]) {i=8}>} : (tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @rule_rank(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{sharding rule maps 2 dimensions of result 0, which has type 'tensor<8xf32>'}}
  %0 = stablehlo.custom_call @f(%arg0) {sdy.sharding_rule = #sdy.op_sharding_rule<([i])->([i, j]) {i=8, j=1}>} : (tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// expected-error @+1 {{a dimension maps to a factor without a size}}
func.func @rule_factor() attributes {r = #sdy.op_sharding_rule<([i, j])->([i]) {i=8}>} {
  return
}

// -----

// expected-error @+1 {{expected factor sizes in order i, j, k, ...}}
func.func @rule_order() attributes {r = #sdy.op_sharding_rule<([i])->([i]) {j=8}>} {
  return
}

// -----

// expected-error @+1 {{expected a priority p<n>}}
func.func @priority() attributes {d = #sdy.dimension_sharding<{"x"}q1>} {
  return
}

// -----

// expected-error @+1 {{expected 'max' or 'min' before '{', got 'sum'}}
func.func @reduction() attributes {s = #sdy.sharding<@m, [], unreduced=sum{"x"}>} {
  return
}
