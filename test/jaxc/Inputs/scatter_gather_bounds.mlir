// Out-of-bounds scatter updates are skipped element by element and gather
// start indices are clamped (StableHLO spec, "scatter" and "gather").
module @jit_main {
  func.func public @main() -> (tensor<5xi32>, tensor<4xf32>, tensor<3x2xi32>, tensor<1x2xi32>) {
    %operand = stablehlo.constant dense<[1, 2, 3, 4, 5]> : tensor<5xi32>
    // Windows of 2 starting at -1, 4, 3 and 7: only the elements landing in
    // [0, 5) are added.
    %starts = stablehlo.constant dense<[[-1], [4], [3], [7]]> : tensor<4x1xi32>
    %updates = stablehlo.constant dense<[[10, 20], [30, 40], [50, 60], [70, 80]]> : tensor<4x2xi32>
    %added = "stablehlo.scatter"(%operand, %starts, %updates) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
    ^bb0(%old: tensor<i32>, %new: tensor<i32>):
      %sum = stablehlo.add %old, %new : tensor<i32>
      stablehlo.return %sum : tensor<i32>
    }) : (tensor<5xi32>, tensor<4x1xi32>, tensor<4x2xi32>) -> tensor<5xi32>
    %added_expected = stablehlo.constant dense<[21, 2, 3, 54, 95]> : tensor<5xi32>
    stablehlo.custom_call @check.expect_eq(%added, %added_expected) {has_side_effect = true} : (tensor<5xi32>, tensor<5xi32>) -> ()

    // The largest ui64 start is out of bounds for its whole window (it must
    // not wrap around to 0); a repeated start keeps the last update.
    %floats = stablehlo.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
    %unsigned_starts = stablehlo.constant dense<[[18446744073709551615], [1], [2]]> : tensor<3x1xui64>
    %new_floats = stablehlo.constant dense<[[10.0, 11.0], [20.0, 21.0], [30.0, 31.0]]> : tensor<3x2xf32>
    %replaced = "stablehlo.scatter"(%floats, %unsigned_starts, %new_floats) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
    ^bb0(%old: tensor<f32>, %new: tensor<f32>):
      stablehlo.return %new : tensor<f32>
    }) : (tensor<4xf32>, tensor<3x1xui64>, tensor<3x2xf32>) -> tensor<4xf32>
    %replaced_expected = stablehlo.constant dense<[1.0, 20.0, 30.0, 31.0]> : tensor<4xf32>
    stablehlo.custom_call @check.expect_eq(%replaced, %replaced_expected) {has_side_effect = true} : (tensor<4xf32>, tensor<4xf32>) -> ()

    // Slices of 2 starting at -3, 4 and 2 start at 0, 3 and 2.
    %table = stablehlo.constant dense<[0, 10, 20, 30, 40]> : tensor<5xi32>
    %gather_starts = stablehlo.constant dense<[[-3], [4], [2]]> : tensor<3x1xi32>
    %slices = "stablehlo.gather"(%table, %gather_starts) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 2>}> : (tensor<5xi32>, tensor<3x1xi32>) -> tensor<3x2xi32>
    %slices_expected = stablehlo.constant dense<[[0, 10], [30, 40], [20, 30]]> : tensor<3x2xi32>
    stablehlo.custom_call @check.expect_eq(%slices, %slices_expected) {has_side_effect = true} : (tensor<3x2xi32>, tensor<3x2xi32>) -> ()

    // The largest ui32 start clamps to the last slice, not to the first.
    %unsigned_start = stablehlo.constant dense<4294967295> : tensor<1x1xui32>
    %last = "stablehlo.gather"(%table, %unsigned_start) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 2>}> : (tensor<5xi32>, tensor<1x1xui32>) -> tensor<1x2xi32>
    %last_expected = stablehlo.constant dense<[[30, 40]]> : tensor<1x2xi32>
    stablehlo.custom_call @check.expect_eq(%last, %last_expected) {has_side_effect = true} : (tensor<1x2xi32>, tensor<1x2xi32>) -> ()
    return %added, %replaced, %slices, %last : tensor<5xi32>, tensor<4xf32>, tensor<3x2xi32>, tensor<1x2xi32>
  }
}
