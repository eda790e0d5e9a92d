//===- SDYAttrs.td - Shardy's sharding attributes --------*- tablegen -*-===//
//
// The `sdy` dialect of Shardy (openxla/shardy), JAX's partitioner, as far as
// jaxc needs it: JAX annotates even single-device programs with meshes and
// shardings, and jaxc must read them (text and bytecode), print them back and
// know how many devices each mesh has. Nothing here partitions anything.
//
// The attributes print in Shardy's syntax, e.g.
//   #sdy.sharding<@mesh, [{"x", ?}p0, {}], replicated={"y":(1)2}>
//   #sdy.op_sharding_rule<([i, j])->([k, l], []) {i=3, j=3, k=3, l=3}, custom>
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_DIALECT_SDY_IR_SDYATTRS_TD
#define JAXC_DIALECT_SDY_IR_SDYATTRS_TD

include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/OpBase.td"

def SDY_Dialect : Dialect {
  let name = "sdy";
  let cppNamespace = "::jaxc::sdy";
  let summary = "Shardy's sharding annotations, as JAX emits them";
  let useDefaultAttributePrinterParser = 1;
  let usePropertiesForAttributes = 1;
  // `sdy.sharding` and `sdy.sharding_rule` on ops and function arguments.
  let hasOperationAttrVerify = 1;
  let hasRegionArgAttrVerify = 1;
  let hasRegionResultAttrVerify = 1;
  let extraClassDeclaration = [{
    void registerAttributes();
    void registerBytecodeInterface();
  }];
}

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def SDY_PropagationDirection : I32EnumAttr<"PropagationDirection",
    "the direction shardings may propagate through a barrier", [
      I32EnumAttrCase<"NONE", 0>, I32EnumAttrCase<"FORWARD", 1>,
      I32EnumAttrCase<"BACKWARD", 2>, I32EnumAttrCase<"BOTH", 3>]> {
  // A plain i32 IntegerAttr underneath, as Shardy stores it in bytecode.
  let genSpecializedAttr = 1;
  let cppNamespace = "::jaxc::sdy";
}

// How unreduced axes are to be combined; printed before their list
// (`unreduced={"x"}` is a sum, `unreduced=max{"x"}` a maximum). The values
// are Shardy's: its bytecode stores them.
def SDY_ReductionKind : I32EnumAttr<"ReductionKind", "unreduced axes' reduction",
    [I32EnumAttrCase<"sum", 0>, I32EnumAttrCase<"max", 1>,
     I32EnumAttrCase<"min", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::jaxc::sdy";
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

class SDY_Attr<string name, string attrMnemonic>
    : AttrDef<SDY_Dialect, name> {
  let mnemonic = attrMnemonic;
  let hasCustomAssemblyFormat = 1;
}

// `"x"=4`
def SDY_MeshAxisAttr : SDY_Attr<"MeshAxis", "mesh_axis"> {
  let summary = "A named mesh axis and its size";
  let parameters = (ins StringRefParameter<"axis name">:$name,
                        "int64_t":$size);
}

// `<["x"=2, "y"=4]>`, `<["x"=2], device_ids=[1, 0]>`, `<[], device_ids=[3]>`
// (maximal: one device) or `<[]>` (no axes: one device).
def SDY_MeshAttr : SDY_Attr<"Mesh", "mesh"> {
  let summary = "A mesh of devices: named axes and an optional device order";
  let parameters = (ins
      OptionalArrayRefParameter<"MeshAxisAttr", "axes">:$axes,
      OptionalArrayRefParameter<"int64_t", "device order">:$device_ids);
  let extraClassDeclaration = [{
    // How many devices the mesh spans: the product of its axis sizes, or 1
    // for a mesh without axes (maximal or empty).
    int64_t getDeviceCount() const;
    // The axis named `name`, or null.
    MeshAxisAttr getAxis(llvm::StringRef name) const;
  }];
}

// `(2)4`: a sub-axis of size 4 after the first 2 of its full axis.
def SDY_SubAxisInfoAttr : SDY_Attr<"SubAxisInfo", "sub_axis_info"> {
  let summary = "Where a sub-axis sits in its full axis";
  let parameters = (ins "int64_t":$pre_size, "int64_t":$size);
}

// `"x"` or `"x":(1)2`
def SDY_AxisRefAttr : SDY_Attr<"AxisRef", "axis_ref"> {
  let summary = "A full mesh axis or a sub-axis of one";
  let parameters = (ins StringRefParameter<"axis name">:$name,
                        OptionalParameter<"SubAxisInfoAttr">:$sub_axis_info);
}

// `{"x", "y"}`, `{"x", ?}` (open: may be sharded further), `{}`, `{?}`, with
// an optional priority suffix `p0`.
def SDY_DimensionShardingAttr
    : SDY_Attr<"DimensionSharding", "dimension_sharding"> {
  let summary = "The axes one tensor dimension is sharded over";
  let parameters = (ins
      OptionalArrayRefParameter<"AxisRefAttr", "axes">:$axes,
      "bool":$is_closed,
      OptionalParameter<"std::optional<int64_t>">:$priority);
}

// `<@mesh, [{"x"}, {}], replicated={"y"}, unreduced={"z"}>`, or with the mesh
// inline: `<mesh<["x"=2]>, [{"x"}]>`.
def SDY_TensorShardingAttr : SDY_Attr<"TensorSharding", "sharding"> {
  let summary = "How a tensor is laid out over a mesh";
  let parameters = (ins
      "mlir::Attribute":$mesh_or_ref,
      OptionalArrayRefParameter<"DimensionShardingAttr", "per dimension">
          :$dim_shardings,
      OptionalArrayRefParameter<"AxisRefAttr", "replicated axes">
          :$replicated_axes,
      OptionalArrayRefParameter<"AxisRefAttr", "unreduced axes">
          :$unreduced_axes,
      DefaultValuedParameter<"ReductionKind", "ReductionKind::sum">
          :$reduction);
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    // The mesh this sharding is over: the inline one, or the `sdy.mesh` it
    // names, looked up from `from`; null if there is none.
    MeshAttr getMesh(mlir::Operation *from) const;
    // Every axis reference: dimensions', replicated and unreduced.
    llvm::SmallVector<AxisRefAttr> getAllAxisRefs() const;
  }];
}

// `<[<@mesh, [{"x"}]>, <@mesh, []>]>`, one sharding per op result.
def SDY_TensorShardingPerValueAttr
    : SDY_Attr<"TensorShardingPerValue", "sharding_per_value"> {
  let summary = "One tensor sharding per value";
  let parameters = (ins
      OptionalArrayRefParameter<"TensorShardingAttr", "shardings">
          :$shardings);
}

// `{"x", "y"}`: the axes a manual computation's body is written per device
// for.
def SDY_ManualAxesAttr : SDY_Attr<"ManualAxes", "manual_axes"> {
  let summary = "The mesh axes a manual computation is manual on";
  let parameters = (ins
      OptionalArrayRefParameter<"mlir::StringAttr", "axis names">:$value);
}

// `ij`: the factors (i = 0, j = 1, ..., z = 17, z_1 = 18, ...) a dimension
// maps to.
def SDY_DimMappingAttr : SDY_Attr<"DimMapping", "dim_mapping"> {
  let summary = "The factors one dimension of a sharding rule maps to";
  let parameters = (ins
      OptionalArrayRefParameter<"int64_t", "factor indices">:$factor_indices);
}

// `[i, jk]`
def SDY_TensorMappingAttr : SDY_Attr<"TensorMapping", "tensor_mapping"> {
  let summary = "The factor mapping of each dimension of one tensor";
  let parameters = (ins
      OptionalArrayRefParameter<"DimMappingAttr", "per dimension">
          :$dim_mappings);
}

// `<([i, j], [j])->([i]) {i=4, j=2} reduction={j}, custom>`
def SDY_OpShardingRuleAttr : SDY_Attr<"OpShardingRule", "op_sharding_rule"> {
  let summary = "How an op's operands and results may be partitioned";
  let parameters = (ins
      OptionalArrayRefParameter<"int64_t", "factor sizes">:$factor_sizes,
      OptionalArrayRefParameter<"TensorMappingAttr", "operands">
          :$operand_mappings,
      OptionalArrayRefParameter<"TensorMappingAttr", "results">
          :$result_mappings,
      OptionalArrayRefParameter<"int64_t", "factors">:$reduction_factors,
      OptionalArrayRefParameter<"int64_t", "factors">
          :$need_replication_factors,
      OptionalArrayRefParameter<"int64_t", "factors">:$permutation_factors,
      OptionalArrayRefParameter<"int64_t", "factors">
          :$blocked_propagation_factors,
      "bool":$is_custom_rule);
  let genVerifyDecl = 1;
}

#endif // JAXC_DIALECT_SDY_IR_SDYATTRS_TD
