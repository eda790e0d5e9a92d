//===- CheckOps.td - Test assertions of StableHLO and IREE tests -*- tablegen -*-===//
//
// Two test-file forms spell these ops differently; both parse:
//   StableHLO interpreter:  check.expect_eq %a, %b : tensor<4xf32>
//                           check.expect_almost_eq_const %a, dense<..> : T
//                           check.expect_close %a, %b, max_ulp_difference = 3
//                               : T, T
//   IREE e2e tests:         check.expect_eq(%a, %b) : tensor<4xf32>
//                           check.expect_almost_eq_const(%a, dense<..> : T)
//                               : T
// The `util` dialect's unfoldable_constant comes from the IREE form too.
// jaxc-extract-checks turns every check into a runtime check.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_DIALECT_CHECK_IR_CHECKOPS_TD
#define JAXC_DIALECT_CHECK_IR_CHECKOPS_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Check_Dialect : Dialect {
  let name = "check";
  let cppNamespace = "::jaxc::check";
  let summary = "Assertions of StableHLO's and IREE's test files";
  let usePropertiesForAttributes = 1;
}

def Util_Dialect : Dialect {
  let name = "util";
  let cppNamespace = "::jaxc::util";
  let summary = "The one op of IREE's util dialect its e2e tests use";
}

class Check_Op<string mnemonic> : Op<Check_Dialect, mnemonic, []> {
  let hasCustomAssemblyFormat = 1;
}

// Compare two tensors.
class Check_CompareOp<string mnemonic> : Check_Op<mnemonic> {
  let arguments = (ins AnyRankedTensor:$lhs, AnyRankedTensor:$rhs,
                       OptionalAttr<F64Attr>:$tolerance,
                       OptionalAttr<I64Attr>:$max_ulp_difference,
                       OptionalAttr<I64Attr>:$min_ulp_difference);
}

// Compare a tensor with a constant.
class Check_CompareConstOp<string mnemonic> : Check_Op<mnemonic> {
  let arguments = (ins AnyRankedTensor:$lhs, ElementsAttr:$value,
                       OptionalAttr<F64Attr>:$tolerance);
}

def Check_ExpectEqOp : Check_CompareOp<"expect_eq">;
def Check_ExpectAlmostEqOp : Check_CompareOp<"expect_almost_eq">;
def Check_ExpectCloseOp : Check_CompareOp<"expect_close">;
def Check_ExpectEqConstOp : Check_CompareConstOp<"expect_eq_const">;
def Check_ExpectAlmostEqConstOp
    : Check_CompareConstOp<"expect_almost_eq_const">;

// A constant the compiler must not fold away; jaxc has no folding that
// would defeat a test, so it is a plain constant.
def Util_UnfoldableConstantOp
    : Op<Util_Dialect, "unfoldable_constant", [Pure]> {
  let arguments = (ins ElementsAttr:$value);
  let results = (outs AnyRankedTensor:$result);
  let hasCustomAssemblyFormat = 1;
}

#endif // JAXC_DIALECT_CHECK_IR_CHECKOPS_TD
