// if and case whose branches yield a constant in one branch and a freshly
// computed tensor in another, live beside another allocation: deallocation
// must test at run time which buffers it owns. Each result is checked
// against a branch-free reference built with select.
module @jit_main {
  func.func public @main(%p: tensor<i1>, %i: tensor<i32>, %x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
    %half = stablehlo.constant dense<0.5> : tensor<4xf32>
    %if = "stablehlo.if"(%p) ({
      stablehlo.return %half : tensor<4xf32>
    }, {
      %twice = stablehlo.add %x, %x : tensor<4xf32>
      stablehlo.return %twice : tensor<4xf32>
    }) : (tensor<i1>) -> tensor<4xf32>
    %tens = stablehlo.constant dense<[10.0, 20.0, 30.0, 40.0]> : tensor<4xf32>
    %three = stablehlo.constant dense<3.0> : tensor<4xf32>
    %minus_one = stablehlo.constant dense<-1.0> : tensor<4xf32>
    %case = "stablehlo.case"(%i) ({
      stablehlo.return %tens : tensor<4xf32>
    }, {
      %thrice = stablehlo.multiply %x, %three : tensor<4xf32>
      stablehlo.return %thrice : tensor<4xf32>
    }, {
      stablehlo.return %minus_one : tensor<4xf32>
    }) : (tensor<i32>) -> tensor<4xf32>
    %zero = stablehlo.constant dense<0.0> : tensor<f32>
    %sum = stablehlo.reduce(%if init: %zero) applies stablehlo.add across dimensions = [0] : (tensor<4xf32>, tensor<f32>) -> tensor<f32>
    %sums = stablehlo.broadcast_in_dim %sum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %scaled = stablehlo.multiply %if, %sums : tensor<4xf32>
    %result = stablehlo.add %scaled, %case : tensor<4xf32>

    %ps = stablehlo.broadcast_in_dim %p, dims = [] : (tensor<i1>) -> tensor<4xi1>
    %twice = stablehlo.add %x, %x : tensor<4xf32>
    %if_expected = stablehlo.select %ps, %half, %twice : tensor<4xi1>, tensor<4xf32>
    stablehlo.custom_call @check.expect_eq(%if, %if_expected) {has_side_effect = true} : (tensor<4xf32>, tensor<4xf32>) -> ()
    %c0 = stablehlo.constant dense<0> : tensor<i32>
    %c1 = stablehlo.constant dense<1> : tensor<i32>
    %is0 = stablehlo.compare EQ, %i, %c0, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %is1 = stablehlo.compare EQ, %i, %c1, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %is0s = stablehlo.broadcast_in_dim %is0, dims = [] : (tensor<i1>) -> tensor<4xi1>
    %is1s = stablehlo.broadcast_in_dim %is1, dims = [] : (tensor<i1>) -> tensor<4xi1>
    %thrice = stablehlo.multiply %x, %three : tensor<4xf32>
    %not0 = stablehlo.select %is1s, %thrice, %minus_one : tensor<4xi1>, tensor<4xf32>
    %case_expected = stablehlo.select %is0s, %tens, %not0 : tensor<4xi1>, tensor<4xf32>
    stablehlo.custom_call @check.expect_eq(%case, %case_expected) {has_side_effect = true} : (tensor<4xf32>, tensor<4xf32>) -> ()
    return %result, %if : tensor<4xf32>, tensor<4xf32>
  }
}
