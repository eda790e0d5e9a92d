// JAX prints i1 hex constants one byte per element; MLIR reads them
// bit-packed. Several in a row, a 2-d one, and forms left as they are (a
// scalar, a non-i1 type) must all keep their values.
module @jit_main {
  func.func public @main() -> tensor<i1> {
    %a = stablehlo.constant dense<"0x0001000101"> : tensor<5xi1>
    %a_expected = stablehlo.constant dense<[false, true, false, true, true]> : tensor<5xi1>
    stablehlo.custom_call @check.expect_eq(%a, %a_expected) {has_side_effect = true} : (tensor<5xi1>, tensor<5xi1>) -> ()
    %b = stablehlo.constant dense<"0x010000010100000001"> : tensor<3x3xi1>
    %b_expected = stablehlo.constant dense<[[true, false, false], [true, true, false], [false, false, true]]> : tensor<3x3xi1>
    stablehlo.custom_call @check.expect_eq(%b, %b_expected) {has_side_effect = true} : (tensor<3x3xi1>, tensor<3x3xi1>) -> ()
    %c = stablehlo.constant dense<"0x0100FF02"> : tensor<4xi8>
    %c_expected = stablehlo.constant dense<[1, 0, -1, 2]> : tensor<4xi8>
    stablehlo.custom_call @check.expect_eq(%c, %c_expected) {has_side_effect = true} : (tensor<4xi8>, tensor<4xi8>) -> ()
    %d = stablehlo.constant dense<"0x01"> : tensor<i1>
    return %d : tensor<i1>
  }
}
