//===- VHLOBase.td - The VHLO dialect ----------------------*- tablegen -*-===//
//
// VHLO ("versioned StableHLO") is the dialect of StableHLO's portable
// artifacts: what jax.export's mlir_module_serialized holds is MLIR bytecode
// of a builtin.module whose functions, ops, types and attributes are all
// VHLO's, each spelled with its version (vhlo.add_v1, !vhlo.f32_v1,
// #vhlo.integer_v1...). Written from the format's public description
// (openxla/stablehlo, VhloBytecode.cpp and the Vhlo*.td files): the type and
// attribute codes of the bytecode, the ops and the names of their
// attributes. jaxc reads it and converts it to its own StableHLO dialect
// (jaxc-vhlo-to-stablehlo); see docs/vhlo.md.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_DIALECT_VHLO_IR_VHLOBASE_TD
#define JAXC_DIALECT_VHLO_IR_VHLOBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def VHLO_Dialect : Dialect {
  let name = "vhlo";
  let cppNamespace = "::jaxc::vhlo";
  let summary = "Versioned StableHLO, the dialect of portable artifacts";
  let description = [{
    Types and attributes are ODS definitions with VHLO's text syntax; ops
    are declared with their attribute names (stored as properties, which is
    how the bytecode orders them), or accepted as unknown ops otherwise.
  }];
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
  let usePropertiesForAttributes = 1;
  let extraClassDeclaration = [{
    void registerTypes();
    void registerAttributes();
  }];
}

#endif // JAXC_DIALECT_VHLO_IR_VHLOBASE_TD
