// Every sdy attribute and op form that Shardy's own bytecode writer encodes
// in shardy_attrs.mlirbc (see gen_shardy_bytecode.py).
sdy.mesh @mesh = <["x"=2, "y"=4]>
sdy.mesh @ordered = <["a"=2, "b"=2], device_ids=[3, 2, 1, 0]>
sdy.mesh @maximal = <[], device_ids=[3]>
sdy.mesh @empty_mesh = <[]>
func.func public @main(%arg0: tensor<8x8xf32> {sdy.sharding = #sdy.sharding<@mesh, [{"x"}, {"y", ?}]>}, %arg1: tensor<f32> {sdy.sharding = #sdy.sharding<@maximal, []>}, %arg2: tensor<4xf32>) -> (tensor<8x8xf32> {sdy.sharding = #sdy.sharding<@mesh, [{}, {}], replicated={"x"}>}) {
  %0 = sdy.sharding_constraint %arg0 <@mesh, [{"x"}p0, {"y":(1)2}p12]> : tensor<8x8xf32>
  %1 = sdy.sharding_constraint %0 <@mesh, [{"y":(2)2}, {?}], replicated={"y":(1)2}> : tensor<8x8xf32>
  %2 = sdy.sharding_constraint %1 <@mesh, [{}, {}], unreduced={"x"}> : tensor<8x8xf32>
  %m = stablehlo.negate %arg0 {sdy.sharding = #sdy.sharding_per_value<[<@mesh, [{}, {}], unreduced=max{"x"}>]>} : tensor<8x8xf32>
  %n = stablehlo.negate %arg0 {sdy.sharding = #sdy.sharding_per_value<[<@mesh, [{}, {}], unreduced=min{"y"}>]>} : tensor<8x8xf32>
  %3 = sdy.reshard %2 <mesh<["p"=2]>, [{"p"}, {}]> : tensor<8x8xf32>
  %4 = sdy.propagation_barrier %3 allowed_direction=BACKWARD : tensor<8x8xf32>
  sdy.sharding_group %4 group_id=3 : tensor<8x8xf32>
  %5 = sdy.manual_computation(%4) in_shardings=[<@mesh, [{"x"}, {}]>] out_shardings=[<@mesh, [{"x", "y"}, {}]>] manual_axes={"x", "y"} (%a: tensor<4x8xf32>) {
    %6 = stablehlo.slice %a [0:1, 0:8] : (tensor<4x8xf32>) -> tensor<1x8xf32>
    sdy.return %6 : tensor<1x8xf32>
  } : (tensor<8x8xf32>) -> tensor<8x8xf32>
  %7 = sdy.named_computation<"g">(%5) in_shardings=[<@mesh, [{"x"}, {}]>] out_shardings=[<@mesh, [{}, {}]>] (%b: tensor<8x8xf32>) {
    %8 = stablehlo.negate %b {sdy.sharding = #sdy.sharding_per_value<[<@mesh, [{}, {"y"}]>]>} : tensor<8x8xf32>
    sdy.return %8 : tensor<8x8xf32>
  } : (tensor<8x8xf32>) -> tensor<8x8xf32>
  %9 = stablehlo.custom_call @foo(%7, %arg2) {sdy.sharding_rule = #sdy.op_sharding_rule<([i, j], [k])->([ij]) {i=8, j=8, k=4} reduction={k} need_replication={i} permutation={j}, custom>} : (tensor<8x8xf32>, tensor<4xf32>) -> tensor<64xf32>
  return %7 : tensor<8x8xf32>
}
