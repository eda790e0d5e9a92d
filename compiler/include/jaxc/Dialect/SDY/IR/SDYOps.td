//===- SDYOps.td - Shardy's ops that JAX emits -------------*- tablegen -*-===//
//
// The ops of Shardy's `sdy` dialect that JAX puts in programs before
// partitioning: meshes, sharding constraints and reshards, barriers and
// groups, and the two region ops (manual and named computations).
// jaxc-drop-single-device-sharding removes them all from one-device
// programs.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_DIALECT_SDY_IR_SDYOPS_TD
#define JAXC_DIALECT_SDY_IR_SDYOPS_TD

include "SDYAttrs.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

class SDY_Op<string mnemonic, list<Trait> traits = []>
    : Op<SDY_Dialect, mnemonic, traits>;

// `sdy.mesh @mesh = <["x"=2, "y"=1]>`
def SDY_MeshOp : SDY_Op<"mesh", [Symbol, HasParent<"mlir::ModuleOp">]> {
  let summary = "A named mesh that shardings refer to";
  let arguments = (ins SymbolNameAttr:$sym_name, SDY_MeshAttr:$mesh);
  let assemblyFormat = "$sym_name `=` $mesh attr-dict";
  let hasVerifier = 1;
}

// `sdy.sharding_constraint %x <@mesh, [{"x"}]> : tensor<8xf32>`
def SDY_ShardingConstraintOp : SDY_Op<"sharding_constraint",
    [Elementwise, SameOperandsAndResultType]> {
  let summary = "Ask for a sharding of a value (an identity)";
  let arguments = (ins AnyTensor:$input, SDY_TensorShardingAttr:$sharding);
  let results = (outs AnyTensor:$result);
  let assemblyFormat = "$input $sharding attr-dict `:` type($result)";
  let hasVerifier = 1;
}

// `sdy.reshard %x <@mesh, [{}]> : tensor<8xf32>`
def SDY_ReshardOp : SDY_Op<"reshard",
    [Pure, Elementwise, SameOperandsAndResultType]> {
  let summary = "Move a value to another sharding (an identity)";
  let arguments = (ins AnyTensor:$input, SDY_TensorShardingAttr:$sharding);
  let results = (outs AnyTensor:$result);
  let assemblyFormat = "$input $sharding attr-dict `:` type($result)";
  let hasVerifier = 1;
}

// `sdy.propagation_barrier %x allowed_direction=FORWARD : tensor<8xf32>`
def SDY_PropagationBarrierOp : SDY_Op<"propagation_barrier",
    [Pure, Elementwise, SameOperandsAndResultType]> {
  let summary = "Limit which way shardings propagate (an identity)";
  let arguments = (ins AnyRankedTensor:$input,
                       SDY_PropagationDirection:$allowed_direction);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $input `allowed_direction` `` `=` `` $allowed_direction attr-dict
      `:` type($input)
  }];
  let hasVerifier = 1;
}

// `sdy.sharding_group %x group_id=0 : tensor<8xf32>`
def SDY_ShardingGroupOp : SDY_Op<"sharding_group"> {
  let summary = "Ask for the same sharding for every value of a group";
  let arguments = (ins AnyRankedTensor:$input, I64Attr:$group_id);
  let assemblyFormat = [{
    $input `group_id` `` `=` `` $group_id attr-dict `:` type($input)
  }];
  let hasVerifier = 1;
}

def SDY_ReturnOp : SDY_Op<"return", [Pure, Terminator,
    ParentOneOf<["ManualComputationOp", "NamedComputationOp"]>]> {
  let summary = "The terminator of manual and named computations";
  let arguments = (ins Variadic<AnyType>:$results);
  let assemblyFormat = "attr-dict ($results^ `:` type($results))?";
}

// sdy.manual_computation(%x) in_shardings=[<@mesh, [{"x"}]>]
//     out_shardings=[<@mesh, [{"x"}]>] manual_axes={"x"}
//     (%local: tensor<4xf32>) { ... sdy.return %y : tensor<4xf32> }
//     : (tensor<8xf32>) -> tensor<8xf32>
def SDY_ManualComputationOp : SDY_Op<"manual_computation",
    [RecursiveMemoryEffects, SingleBlockImplicitTerminator<"ReturnOp">,
     IsolatedFromAbove]> {
  let summary = "A region written per device for the manual axes";
  let description = [{
    The body sees each operand as one device's shard along the manual axes
    (a dimension sharded over manual axes of total size n is n times
    smaller) and returns its shards of the results.
  }];
  let arguments = (ins Variadic<AnyRankedTensor>:$tensors,
                       SDY_TensorShardingPerValueAttr:$in_shardings,
                       SDY_TensorShardingPerValueAttr:$out_shardings,
                       SDY_ManualAxesAttr:$manual_axes);
  let results = (outs Variadic<AnyRankedTensor>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    `(` operands `)`
      `in_shardings` `` `=` `` custom<ShardingList>($in_shardings)
      `out_shardings` `` `=` `` custom<ShardingList>($out_shardings)
      `manual_axes` `` `=` `` custom<ManualAxes>($manual_axes)
      custom<BodyWithArguments>($body)
      attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

// sdy.named_computation<"f">(%x) (%arg: tensor<8xf32>) { ... }
//     : (tensor<8xf32>) -> tensor<8xf32>
def SDY_NamedComputationOp : SDY_Op<"named_computation",
    [RecursiveMemoryEffects, SingleBlockImplicitTerminator<"ReturnOp">,
     IsolatedFromAbove]> {
  let summary = "A named group of ops, inlined for propagation";
  let arguments = (ins StrAttr:$name, Variadic<AnyType>:$operands,
                       OptionalAttr<SDY_TensorShardingPerValueAttr>
                           :$in_shardings,
                       OptionalAttr<SDY_TensorShardingPerValueAttr>
                           :$out_shardings);
  let results = (outs Variadic<AnyType>);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    `<` $name `>` `` `(` $operands `)`
      (`in_shardings` `` `=` `` custom<ShardingList>($in_shardings)^)?
      (`out_shardings` `` `=` `` custom<ShardingList>($out_shardings)^)?
      custom<BodyWithArguments>($body)
      attr-dict `:` functional-type($operands, results)
  }];
  let hasVerifier = 1;
}

#endif // JAXC_DIALECT_SDY_IR_SDYOPS_TD
