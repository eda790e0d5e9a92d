//===- CHLOOps.td - CHLO: JAX's client-side math ops ----*- tablegen -*-===//
//
// CHLO ops are defined by their math; jaxc decomposes them into StableHLO
// (lib/Conversion/CHLOToStableHLO) before lowering.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_DIALECT_CHLO_IR_CHLOOPS_TD
#define JAXC_DIALECT_CHLO_IR_CHLOOPS_TD

include "mlir/IR/OpBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def CHLO_Dialect : Dialect {
  let name = "chlo";
  let cppNamespace = "::jaxc::chlo";
  let summary = "CHLO: math ops JAX emits beside StableHLO";
  let usePropertiesForAttributes = 1;
  // Ops jaxc does not register are refused as unsupported, naming them.
  let extraClassDeclaration = [{
    std::optional<ParseOpHook>
    getParseOperationHook(::llvm::StringRef opName) const override;
  }];
}

def CHLO_Tensor : RankedTensorOf<[AnyType]>;

class CHLO_Op<string mnemonic, list<Trait> traits = []>
    : Op<CHLO_Dialect, mnemonic, traits # [Pure]>;

class CHLO_UnaryElementwiseOp<string mnemonic>
    : CHLO_Op<mnemonic, [Elementwise, AllTypesMatch<["operand", "result"]>]> {
  let arguments = (ins CHLO_Tensor:$operand);
  let results = (outs CHLO_Tensor:$result);
  let assemblyFormat = [{
    $operand attr-dict `:` type($operand) `->` type($result)
  }];
}

// Classifies floats: i1 of the operand's shape.
class CHLO_FloatClassOp<string mnemonic>
    : CHLO_Op<mnemonic, [Elementwise, SameOperandsAndResultShape]> {
  let arguments = (ins RankedTensorOf<[AnyFloat]>:$operand);
  let results = (outs RankedTensorOf<[I1]>:$result);
  let assemblyFormat = [{
    $operand attr-dict `:` type($operand) `->` type($result)
  }];
}

def CHLO_AcosOp : CHLO_UnaryElementwiseOp<"acos">;
def CHLO_AcoshOp : CHLO_UnaryElementwiseOp<"acosh">;
def CHLO_AsinOp : CHLO_UnaryElementwiseOp<"asin">;
def CHLO_AsinhOp : CHLO_UnaryElementwiseOp<"asinh">;
def CHLO_AtanOp : CHLO_UnaryElementwiseOp<"atan">;
def CHLO_AtanhOp : CHLO_UnaryElementwiseOp<"atanh">;
def CHLO_BesselI1eOp : CHLO_UnaryElementwiseOp<"bessel_i1e">;
def CHLO_ConjOp : CHLO_UnaryElementwiseOp<"conj">;
def CHLO_CoshOp : CHLO_UnaryElementwiseOp<"cosh">;
def CHLO_DigammaOp : CHLO_UnaryElementwiseOp<"digamma">;
def CHLO_ErfOp : CHLO_UnaryElementwiseOp<"erf">;
def CHLO_ErfInvOp : CHLO_UnaryElementwiseOp<"erf_inv">;
def CHLO_ErfcOp : CHLO_UnaryElementwiseOp<"erfc">;
def CHLO_IsInfOp : CHLO_FloatClassOp<"is_inf">;
def CHLO_IsNegInfOp : CHLO_FloatClassOp<"is_neg_inf">;
def CHLO_IsPosInfOp : CHLO_FloatClassOp<"is_pos_inf">;
def CHLO_LgammaOp : CHLO_UnaryElementwiseOp<"lgamma">;
def CHLO_SinhOp : CHLO_UnaryElementwiseOp<"sinh">;
def CHLO_SquareOp : CHLO_UnaryElementwiseOp<"square">;
def CHLO_TanOp : CHLO_UnaryElementwiseOp<"tan">;

def CHLO_NextAfterOp
    : CHLO_Op<"next_after", [Elementwise,
                             AllTypesMatch<["x", "y", "result"]>]> {
  let arguments = (ins CHLO_Tensor:$x, CHLO_Tensor:$y);
  let results = (outs CHLO_Tensor:$result);
  let assemblyFormat = [{
    $x `,` $y attr-dict `:` type($x) `,` type($y) `->` type($result)
  }];
}

def CHLO_PolygammaOp
    : CHLO_Op<"polygamma", [Elementwise,
                            AllTypesMatch<["n", "x", "result"]>]> {
  let arguments = (ins CHLO_Tensor:$n, CHLO_Tensor:$x);
  let results = (outs CHLO_Tensor:$result);
  let assemblyFormat = [{
    $n `,` $x attr-dict `:` type($n) `,` type($x) `->` type($result)
  }];
}

def CHLO_ZetaOp
    : CHLO_Op<"zeta", [Elementwise, AllTypesMatch<["x", "q", "result"]>]> {
  let arguments = (ins CHLO_Tensor:$x, CHLO_Tensor:$q);
  let results = (outs CHLO_Tensor:$result);
  let assemblyFormat = [{
    $x `,` $q attr-dict `:` type($x) `,` type($q) `->` type($result)
  }];
}

def CHLO_TopKOp : CHLO_Op<"top_k"> {
  let arguments = (ins CHLO_Tensor:$operand, I64Attr:$k);
  let results = (outs CHLO_Tensor:$values, CHLO_Tensor:$indices);
  let assemblyFormat = [{
    `(` $operand `,` `k` `=` $k `)` attr-dict `:`
      type($operand) `->` `(` type($values) `,` type($indices) `)`
  }];  let hasVerifier = 1;
}

#endif // JAXC_DIALECT_CHLO_IR_CHLOOPS_TD
