// The spec's examples of sort, select_and_scatter and convolution, a stable
// sort with ties and a grouped, strided, padded, reversed convolution; the
// program checks its own results.
module @jit_main {
  func.func public @main() -> (tensor<2x3xi64>, tensor<5xi32>, tensor<4x2xi32>, tensor<1x2x2x1xi32>, tensor<1x4x3xi32>) {
    // Sorted along dimension 0 by the first operand, descending.
    %input0 = stablehlo.constant dense<[[1, 2, 3], [3, 2, 1]]> : tensor<2x3xi64>
    %input1 = stablehlo.constant dense<[[3, 2, 1], [1, 2, 3]]> : tensor<2x3xi64>
    %sorted:2 = "stablehlo.sort"(%input0, %input1) <{dimension = 0 : i64, is_stable = true}> ({
    ^bb0(%a: tensor<i64>, %b: tensor<i64>, %c: tensor<i64>, %d: tensor<i64>):
      %gt = stablehlo.compare GT, %a, %b : (tensor<i64>, tensor<i64>) -> tensor<i1>
      stablehlo.return %gt : tensor<i1>
    }) : (tensor<2x3xi64>, tensor<2x3xi64>) -> (tensor<2x3xi64>, tensor<2x3xi64>)
    %sorted0_expected = stablehlo.constant dense<[[3, 2, 3], [1, 2, 1]]> : tensor<2x3xi64>
    %sorted1_expected = stablehlo.constant dense<[[1, 2, 1], [3, 2, 3]]> : tensor<2x3xi64>
    stablehlo.custom_call @check.expect_eq(%sorted#0, %sorted0_expected) {has_side_effect = true} : (tensor<2x3xi64>, tensor<2x3xi64>) -> ()
    stablehlo.custom_call @check.expect_eq(%sorted#1, %sorted1_expected) {has_side_effect = true} : (tensor<2x3xi64>, tensor<2x3xi64>) -> ()

    // Equal keys keep the order of their values.
    %keys = stablehlo.constant dense<[2, 1, 2, 1, 0]> : tensor<5xi32>
    %positions = stablehlo.constant dense<[0, 1, 2, 3, 4]> : tensor<5xi32>
    %stable:2 = "stablehlo.sort"(%keys, %positions) <{dimension = -1 : i64}> ({
    ^bb0(%a: tensor<i32>, %b: tensor<i32>, %c: tensor<i32>, %d: tensor<i32>):
      %lt = stablehlo.compare LT, %a, %b : (tensor<i32>, tensor<i32>) -> tensor<i1>
      stablehlo.return %lt : tensor<i1>
    }) : (tensor<5xi32>, tensor<5xi32>) -> (tensor<5xi32>, tensor<5xi32>)
    %stable_expected = stablehlo.constant dense<[4, 1, 3, 0, 2]> : tensor<5xi32>
    stablehlo.custom_call @check.expect_eq(%stable#1, %stable_expected) {has_side_effect = true} : (tensor<5xi32>, tensor<5xi32>) -> ()

    // The padding row takes no part in the second window of each column.
    %operand = stablehlo.constant dense<[[1, 5], [2, 5], [3, 6], [4, 4]]> : tensor<4x2xi32>
    %source = stablehlo.constant dense<[[5, 6], [7, 8]]> : tensor<2x2xi32>
    %zero = stablehlo.constant dense<0> : tensor<i32>
    %scattered = "stablehlo.select_and_scatter"(%operand, %source, %zero) <{window_dimensions = array<i64: 3, 1>, window_strides = array<i64: 2, 1>, padding = dense<[[0, 1], [0, 0]]> : tensor<2x2xi64>}> ({
    ^bb0(%a: tensor<i32>, %b: tensor<i32>):
      %ge = stablehlo.compare GE, %a, %b : (tensor<i32>, tensor<i32>) -> tensor<i1>
      stablehlo.return %ge : tensor<i1>
    }, {
    ^bb0(%a: tensor<i32>, %b: tensor<i32>):
      %sum = stablehlo.add %a, %b : tensor<i32>
      stablehlo.return %sum : tensor<i32>
    }) : (tensor<4x2xi32>, tensor<2x2xi32>, tensor<i32>) -> tensor<4x2xi32>
    %scattered_expected = stablehlo.constant dense<[[0, 0], [0, 0], [5, 14], [7, 0]]> : tensor<4x2xi32>
    stablehlo.custom_call @check.expect_eq(%scattered, %scattered_expected) {has_side_effect = true} : (tensor<4x2xi32>, tensor<4x2xi32>) -> ()

    // lhs_dilation spreads the image; a stride of 4 reads every other row
    // and column of it.
    %image = stablehlo.constant dense<[[[[1], [2], [5], [6]], [[3], [4], [7], [8]], [[10], [11], [14], [15]], [[12], [13], [16], [17]]]]> : tensor<1x4x4x1xi32>
    %ones = stablehlo.constant dense<1> : tensor<3x3x1x1xi32>
    %dilated = stablehlo.convolution(%image, %ones) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [4, 4], lhs_dilate = [2, 2]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x4x4x1xi32>, tensor<3x3x1x1xi32>) -> tensor<1x2x2x1xi32>
    %dilated_expected = stablehlo.constant dense<[[[[10], [26]], [[46], [62]]]]> : tensor<1x2x2x1xi32>
    stablehlo.custom_call @check.expect_eq(%dilated, %dilated_expected) {has_side_effect = true} : (tensor<1x2x2x1xi32>, tensor<1x2x2x1xi32>) -> ()

    // Two feature groups (output features 0-1 read input features 0-1,
    // 2-3 read 2-3), stride 2, one padding element at each edge and the
    // window reversed.
    %signal = stablehlo.constant dense<[[[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12, 13, 14, 15], [16, 17, 18, 19, 20]]]> : tensor<1x4x5xi32>
    %filters = stablehlo.constant dense<[[[1, 0, -1], [2, 1, 0]], [[0, 1, 0], [1, 1, 1]], [[-1, 2, 0], [0, 0, 3]], [[1, -2, 1], [2, 0, 2]]]> : tensor<4x2x3xi32>
    %grouped = stablehlo.convolution(%signal, %filters) dim_numbers = [b, f, 0]x[o, i, 0]->[b, f, 0], window = {stride = [2], pad = [[1, 1]], reverse = [true]} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<1x4x5xi32>, tensor<4x2x3xi32>) -> tensor<1x4x3xi32>
    %grouped_expected = stablehlo.constant dense<[[[22, 28, 6], [14, 27, 24], [10, 63, 87], [24, 72, 22]]]> : tensor<1x4x3xi32>
    stablehlo.custom_call @check.expect_eq(%grouped, %grouped_expected) {has_side_effect = true} : (tensor<1x4x3xi32>, tensor<1x4x3xi32>) -> ()
    return %sorted#0, %stable#0, %scattered, %dilated, %grouped : tensor<2x3xi64>, tensor<5xi32>, tensor<4x2xi32>, tensor<1x2x2x1xi32>, tensor<1x4x3xi32>
  }
}
