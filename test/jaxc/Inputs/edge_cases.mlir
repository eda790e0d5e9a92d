// The edge cases of the lowerings, run: empty tensors, rank 0, degenerate
// windows and start indices out of bounds (clamped, as the spec says).
// util.unfoldable_constant keeps the inputs from folding at compile time.
// Expected values computed by hand from the spec's definitions.

func.func @elementwise_and_shape_ops_empty() {
  %x = util.unfoldable_constant dense<> : tensor<0x3xf32>
  %sum = stablehlo.add %x, %x : tensor<0x3xf32>
  check.expect_eq_const %sum, dense<> : tensor<0x3xf32>
  %less = stablehlo.compare LT, %x, %sum : (tensor<0x3xf32>, tensor<0x3xf32>) -> tensor<0x3xi1>
  check.expect_eq_const %less, dense<> : tensor<0x3xi1>
  %converted = stablehlo.convert %x : (tensor<0x3xf32>) -> tensor<0x3xi32>
  check.expect_eq_const %converted, dense<> : tensor<0x3xi32>
  %reversed = stablehlo.reverse %x, dims = [0, 1] : tensor<0x3xf32>
  check.expect_eq_const %reversed, dense<> : tensor<0x3xf32>
  %transposed = stablehlo.transpose %x, dims = [1, 0] : (tensor<0x3xf32>) -> tensor<3x0xf32>
  check.expect_eq_const %transposed, dense<> : tensor<3x0xf32>
  %reshaped = stablehlo.reshape %x : (tensor<0x3xf32>) -> tensor<3x0xf32>
  check.expect_eq_const %reshaped, dense<> : tensor<3x0xf32>
  %broadcast = stablehlo.broadcast_in_dim %x, dims = [1, 2] : (tensor<0x3xf32>) -> tensor<2x0x3xf32>
  check.expect_eq_const %broadcast, dense<> : tensor<2x0x3xf32>
  %iota = stablehlo.iota dim = 0 : tensor<0xi32>
  check.expect_eq_const %iota, dense<> : tensor<0xi32>
  func.return
}

// Reducing an empty dimension gives the init value; reducing no dimension
// applies the reducer to the init value and each element.
func.func @reduce_edges() {
  %empty = util.unfoldable_constant dense<> : tensor<0x3xf32>
  %five = util.unfoldable_constant dense<5.0> : tensor<f32>
  %columns = stablehlo.reduce(%empty init: %five) applies stablehlo.add across dimensions = [0] : (tensor<0x3xf32>, tensor<f32>) -> tensor<3xf32>
  check.expect_eq_const %columns, dense<5.0> : tensor<3xf32>
  %all = stablehlo.reduce(%empty init: %five) applies stablehlo.add across dimensions = [0, 1] : (tensor<0x3xf32>, tensor<f32>) -> tensor<f32>
  check.expect_eq_const %all, dense<5.0> : tensor<f32>
  %x = util.unfoldable_constant dense<[1, 2, 3]> : tensor<3xi32>
  %ten = util.unfoldable_constant dense<10> : tensor<i32>
  %none = stablehlo.reduce(%x init: %ten) applies stablehlo.add across dimensions = [] : (tensor<3xi32>, tensor<i32>) -> tensor<3xi32>
  check.expect_eq_const %none, dense<[11, 12, 13]> : tensor<3xi32>
  %scalar = util.unfoldable_constant dense<4> : tensor<i32>
  %rank0 = stablehlo.reduce(%scalar init: %ten) applies stablehlo.multiply across dimensions = [] : (tensor<i32>, tensor<i32>) -> tensor<i32>
  check.expect_eq_const %rank0, dense<40> : tensor<i32>
  func.return
}

func.func @reduce_window_edges() {
  %x = util.unfoldable_constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %zero = util.unfoldable_constant dense<0> : tensor<i32>
  // A window of one element with stride 2 picks every other element.
  %picked = "stablehlo.reduce_window"(%x, %zero) <{window_dimensions = array<i64: 1>, window_strides = array<i64: 2>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %s = stablehlo.add %a, %b : tensor<i32>
    stablehlo.return %s : tensor<i32>
  }) : (tensor<4xi32>, tensor<i32>) -> tensor<2xi32>
  check.expect_eq_const %picked, dense<[1, 3]> : tensor<2xi32>
  // The first two windows lie entirely in the padding: the init value.
  %low = util.unfoldable_constant dense<-100> : tensor<i32>
  %maxima = "stablehlo.reduce_window"(%x, %low) <{window_dimensions = array<i64: 2>, padding = dense<[[3, 0]]> : tensor<1x2xi64>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %m = stablehlo.maximum %a, %b : tensor<i32>
    stablehlo.return %m : tensor<i32>
  }) : (tensor<4xi32>, tensor<i32>) -> tensor<6xi32>
  check.expect_eq_const %maxima, dense<[-100, -100, 1, 2, 3, 4]> : tensor<6xi32>
  // An empty operand padded on both sides: each window holds one padding
  // element (the init value) and the reduction adds the init value again.
  %empty = util.unfoldable_constant dense<> : tensor<0xf32>
  %five = util.unfoldable_constant dense<5.0> : tensor<f32>
  %padded = "stablehlo.reduce_window"(%empty, %five) <{window_dimensions = array<i64: 1>, padding = dense<[[1, 1]]> : tensor<1x2xi64>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }) : (tensor<0xf32>, tensor<f32>) -> tensor<2xf32>
  check.expect_eq_const %padded, dense<10.0> : tensor<2xf32>
  %low_padded = "stablehlo.reduce_window"(%empty, %five) <{window_dimensions = array<i64: 1>, padding = dense<[[2, 0]]> : tensor<1x2xi64>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }) : (tensor<0xf32>, tensor<f32>) -> tensor<2xf32>
  check.expect_eq_const %low_padded, dense<10.0> : tensor<2xf32>
  // Rank 0: one window of no dimensions, the element and the init value.
  %scalar = util.unfoldable_constant dense<3.0> : tensor<f32>
  %rank0 = "stablehlo.reduce_window"(%scalar, %five) <{window_dimensions = array<i64>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }) : (tensor<f32>, tensor<f32>) -> tensor<f32>
  check.expect_eq_const %rank0, dense<8.0> : tensor<f32>
  // A window larger than the operand fits nowhere.
  %none = "stablehlo.reduce_window"(%x, %zero) <{window_dimensions = array<i64: 5>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %s = stablehlo.add %a, %b : tensor<i32>
    stablehlo.return %s : tensor<i32>
  }) : (tensor<4xi32>, tensor<i32>) -> tensor<0xi32>
  check.expect_eq_const %none, dense<> : tensor<0xi32>
  func.return
}

func.func @pad_edges() {
  %nine = util.unfoldable_constant dense<9> : tensor<i32>
  // An empty operand is all padding; interior padding needs two elements.
  // It "starts" at the end of the result when only low padding is added.
  %empty = util.unfoldable_constant dense<> : tensor<0xi32>
  %all_padding = stablehlo.pad %empty, %nine, low = [2], high = [1], interior = [3] : (tensor<0xi32>, tensor<i32>) -> tensor<3xi32>
  check.expect_eq_const %all_padding, dense<9> : tensor<3xi32>
  %low_only = stablehlo.pad %empty, %nine, low = [3], high = [0], interior = [0] : (tensor<0xi32>, tensor<i32>) -> tensor<3xi32>
  check.expect_eq_const %low_only, dense<9> : tensor<3xi32>
  // Negative padding can crop everything, from either end.
  %x = util.unfoldable_constant dense<[1, 2, 3]> : tensor<3xi32>
  %cropped = stablehlo.pad %x, %nine, low = [-2], high = [-1], interior = [0] : (tensor<3xi32>, tensor<i32>) -> tensor<0xi32>
  check.expect_eq_const %cropped, dense<> : tensor<0xi32>
  %cropped_low = stablehlo.pad %x, %nine, low = [-3], high = [0], interior = [0] : (tensor<3xi32>, tensor<i32>) -> tensor<0xi32>
  check.expect_eq_const %cropped_low, dense<> : tensor<0xi32>
  // [1, 9, 2, 9, 3] less its first element, plus two.
  %mixed = stablehlo.pad %x, %nine, low = [-1], high = [2], interior = [1] : (tensor<3xi32>, tensor<i32>) -> tensor<6xi32>
  check.expect_eq_const %mixed, dense<[9, 2, 9, 3, 9, 9]> : tensor<6xi32>
  // A size-1 dimension has no interior.
  %one = util.unfoldable_constant dense<[[5]]> : tensor<1x1xi32>
  %corner = stablehlo.pad %one, %nine, low = [1, 0], high = [0, 1], interior = [2, 2] : (tensor<1x1xi32>, tensor<i32>) -> tensor<2x2xi32>
  check.expect_eq_const %corner, dense<[[9, 9], [5, 9]]> : tensor<2x2xi32>
  // Rank 0 has nothing to pad.
  %scalar = util.unfoldable_constant dense<4> : tensor<i32>
  %same = stablehlo.pad %scalar, %nine, low = [], high = [], interior = [] : (tensor<i32>, tensor<i32>) -> tensor<i32>
  check.expect_eq_const %same, dense<4> : tensor<i32>
  func.return
}

func.func @slice_edges() {
  %x = util.unfoldable_constant dense<[1, 2, 3, 4, 5]> : tensor<5xi32>
  %empty = stablehlo.slice %x [2:2] : (tensor<5xi32>) -> tensor<0xi32>
  check.expect_eq_const %empty, dense<> : tensor<0xi32>
  %at_end = stablehlo.slice %x [5:5] : (tensor<5xi32>) -> tensor<0xi32>
  check.expect_eq_const %at_end, dense<> : tensor<0xi32>
  %strided = stablehlo.slice %x [1:5:10] : (tensor<5xi32>) -> tensor<1xi32>
  check.expect_eq_const %strided, dense<2> : tensor<1xi32>
  func.return
}

// Start indices clamp to [0, dim - size]: negative ones to 0, large ones
// (the largest unsigned included) to the last window that fits.
func.func @dynamic_slice_clamping() {
  %x = util.unfoldable_constant dense<[0, 10, 20, 30, 40]> : tensor<5xi32>
  %negative = util.unfoldable_constant dense<-2> : tensor<i32>
  %low = stablehlo.dynamic_slice %x, %negative, sizes = [2] : (tensor<5xi32>, tensor<i32>) -> tensor<2xi32>
  check.expect_eq_const %low, dense<[0, 10]> : tensor<2xi32>
  %four = util.unfoldable_constant dense<4> : tensor<i8>
  %high = stablehlo.dynamic_slice %x, %four, sizes = [2] : (tensor<5xi32>, tensor<i8>) -> tensor<2xi32>
  check.expect_eq_const %high, dense<[30, 40]> : tensor<2xi32>
  %largest = util.unfoldable_constant dense<4294967295> : tensor<ui32>
  %unsigned = stablehlo.dynamic_slice %x, %largest, sizes = [2] : (tensor<5xi32>, tensor<ui32>) -> tensor<2xi32>
  check.expect_eq_const %unsigned, dense<[30, 40]> : tensor<2xi32>
  %whole = stablehlo.dynamic_slice %x, %four, sizes = [5] : (tensor<5xi32>, tensor<i8>) -> tensor<5xi32>
  check.expect_eq_const %whole, dense<[0, 10, 20, 30, 40]> : tensor<5xi32>
  // An empty window's start clamps to the end.
  %nothing = stablehlo.dynamic_slice %x, %four, sizes = [0] : (tensor<5xi32>, tensor<i8>) -> tensor<0xi32>
  check.expect_eq_const %nothing, dense<> : tensor<0xi32>
  func.return
}

func.func @dynamic_update_slice_clamping() {
  %x = util.unfoldable_constant dense<0> : tensor<2x5xi32>
  %update = util.unfoldable_constant dense<[[7, 8]]> : tensor<1x2xi32>
  %row = util.unfoldable_constant dense<1> : tensor<i64>
  %past_end = util.unfoldable_constant dense<4> : tensor<i64>
  %at_end = stablehlo.dynamic_update_slice %x, %update, %row, %past_end : (tensor<2x5xi32>, tensor<1x2xi32>, tensor<i64>, tensor<i64>) -> tensor<2x5xi32>
  check.expect_eq_const %at_end, dense<[[0, 0, 0, 0, 0], [0, 0, 0, 7, 8]]> : tensor<2x5xi32>
  %below = util.unfoldable_constant dense<-5> : tensor<i64>
  %at_start = stablehlo.dynamic_update_slice %x, %update, %below, %below : (tensor<2x5xi32>, tensor<1x2xi32>, tensor<i64>, tensor<i64>) -> tensor<2x5xi32>
  check.expect_eq_const %at_start, dense<[[7, 8, 0, 0, 0], [0, 0, 0, 0, 0]]> : tensor<2x5xi32>
  %largest = util.unfoldable_constant dense<18446744073709551615> : tensor<ui64>
  %zero = util.unfoldable_constant dense<0> : tensor<ui64>
  %unsigned = stablehlo.dynamic_update_slice %x, %update, %zero, %largest : (tensor<2x5xi32>, tensor<1x2xi32>, tensor<ui64>, tensor<ui64>) -> tensor<2x5xi32>
  check.expect_eq_const %unsigned, dense<[[0, 0, 0, 7, 8], [0, 0, 0, 0, 0]]> : tensor<2x5xi32>
  %nothing = util.unfoldable_constant dense<> : tensor<0x2xi32>
  %same = stablehlo.dynamic_update_slice %x, %nothing, %past_end, %past_end : (tensor<2x5xi32>, tensor<0x2xi32>, tensor<i64>, tensor<i64>) -> tensor<2x5xi32>
  check.expect_eq_const %same, dense<0> : tensor<2x5xi32>
  func.return
}

func.func @concatenate_with_empty() {
  %a = util.unfoldable_constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>
  %none = util.unfoldable_constant dense<> : tensor<2x0xi32>
  %b = util.unfoldable_constant dense<[[5], [6]]> : tensor<2x1xi32>
  %joined = stablehlo.concatenate %none, %a, %none, %b, %none, dim = 1 : (tensor<2x0xi32>, tensor<2x2xi32>, tensor<2x0xi32>, tensor<2x1xi32>, tensor<2x0xi32>) -> tensor<2x3xi32>
  check.expect_eq_const %joined, dense<[[1, 2, 5], [3, 4, 6]]> : tensor<2x3xi32>
  %rows = util.unfoldable_constant dense<> : tensor<0x3xf32>
  %still_empty = stablehlo.concatenate %rows, %rows, dim = 0 : (tensor<0x3xf32>, tensor<0x3xf32>) -> tensor<0x3xf32>
  check.expect_eq_const %still_empty, dense<> : tensor<0x3xf32>
  func.return
}

func.func @rank0_shape_ops() {
  %x = util.unfoldable_constant dense<7> : tensor<i32>
  %transposed = stablehlo.transpose %x, dims = [] : (tensor<i32>) -> tensor<i32>
  check.expect_eq_const %transposed, dense<7> : tensor<i32>
  %reversed = stablehlo.reverse %x, dims = [] : tensor<i32>
  check.expect_eq_const %reversed, dense<7> : tensor<i32>
  %broadcast = stablehlo.broadcast_in_dim %x, dims = [] : (tensor<i32>) -> tensor<2x3xi32>
  check.expect_eq_const %broadcast, dense<7> : tensor<2x3xi32>
  %same = stablehlo.broadcast_in_dim %x, dims = [] : (tensor<i32>) -> tensor<i32>
  check.expect_eq_const %same, dense<7> : tensor<i32>
  %none = stablehlo.broadcast_in_dim %x, dims = [] : (tensor<i32>) -> tensor<0x2xi32>
  check.expect_eq_const %none, dense<> : tensor<0x2xi32>
  %one = stablehlo.reshape %x : (tensor<i32>) -> tensor<1x1xi32>
  check.expect_eq_const %one, dense<7> : tensor<1x1xi32>
  func.return
}

func.func @sort_empty_and_single() {
  %empty = util.unfoldable_constant dense<> : tensor<0xf32>
  %sorted = "stablehlo.sort"(%empty) <{dimension = 0 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %lt = stablehlo.compare LT, %a, %b : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }) : (tensor<0xf32>) -> tensor<0xf32>
  check.expect_eq_const %sorted, dense<> : tensor<0xf32>
  %no_rows = util.unfoldable_constant dense<> : tensor<0x3xi32>
  %rows_sorted = "stablehlo.sort"(%no_rows) <{dimension = 1 : i64}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %lt = stablehlo.compare LT, %a, %b : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }) : (tensor<0x3xi32>) -> tensor<0x3xi32>
  check.expect_eq_const %rows_sorted, dense<> : tensor<0x3xi32>
  %column = util.unfoldable_constant dense<[[3], [1]]> : tensor<2x1xi32>
  %each = "stablehlo.sort"(%column) <{dimension = 1 : i64}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %lt = stablehlo.compare LT, %a, %b : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }) : (tensor<2x1xi32>) -> tensor<2x1xi32>
  check.expect_eq_const %each, dense<[[3], [1]]> : tensor<2x1xi32>
  func.return
}

// Summing over nothing gives zeros, whatever the output buffer held.
func.func @dot_zero_contraction() {
  %lhs = util.unfoldable_constant dense<> : tensor<2x0xf32>
  %rhs = util.unfoldable_constant dense<> : tensor<0x3xf32>
  %product = stablehlo.dot_general %lhs, %rhs, contracting_dims = [1] x [0] : (tensor<2x0xf32>, tensor<0x3xf32>) -> tensor<2x3xf32>
  check.expect_eq_const %product, dense<0.0> : tensor<2x3xf32>
  %batch_lhs = util.unfoldable_constant dense<> : tensor<2x1x0xi32>
  %batch_rhs = util.unfoldable_constant dense<> : tensor<2x0x2xi32>
  %batched = stablehlo.dot_general %batch_lhs, %batch_rhs, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<2x1x0xi32>, tensor<2x0x2xi32>) -> tensor<2x1x2xi32>
  check.expect_eq_const %batched, dense<0> : tensor<2x1x2xi32>
  %vector = util.unfoldable_constant dense<> : tensor<0xf32>
  %dot = stablehlo.dot %vector, %vector : (tensor<0xf32>, tensor<0xf32>) -> tensor<f32>
  check.expect_eq_const %dot, dense<0.0> : tensor<f32>
  %no_rows = util.unfoldable_constant dense<> : tensor<0x2xf32>
  %ones = util.unfoldable_constant dense<1.0> : tensor<2x3xf32>
  %empty = stablehlo.dot_general %no_rows, %ones, contracting_dims = [1] x [0] : (tensor<0x2xf32>, tensor<2x3xf32>) -> tensor<0x3xf32>
  check.expect_eq_const %empty, dense<> : tensor<0x3xf32>
  func.return
}

func.func @convolution_degenerate() {
  // No input features: every output is an empty sum.
  %no_features = util.unfoldable_constant dense<> : tensor<1x0x4xf32>
  %no_kernel = util.unfoldable_constant dense<> : tensor<2x0x1xf32>
  %zeros = stablehlo.convolution(%no_features, %no_kernel) dim_numbers = [b, f, 0]x[o, i, 0]->[b, f, 0], window = {} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x0x4xf32>, tensor<2x0x1xf32>) -> tensor<1x2x4xf32>
  check.expect_eq_const %zeros, dense<0.0> : tensor<1x2x4xf32>
  // A one-element window over two padding elements at each edge: the
  // windows in the padding read zeros.
  %signal = util.unfoldable_constant dense<[[[1, 2, 3]]]> : tensor<1x1x3xi32>
  %two = util.unfoldable_constant dense<2> : tensor<1x1x1xi32>
  %scaled = stablehlo.convolution(%signal, %two) dim_numbers = [b, f, 0]x[o, i, 0]->[b, f, 0], window = {pad = [[2, 2]]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x1x3xi32>, tensor<1x1x1xi32>) -> tensor<1x1x7xi32>
  check.expect_eq_const %scaled, dense<[[[0, 0, 2, 4, 6, 0, 0]]]> : tensor<1x1x7xi32>
  // A window larger than the signal fits nowhere.
  %wide = util.unfoldable_constant dense<1> : tensor<1x1x5xi32>
  %none = stablehlo.convolution(%signal, %wide) dim_numbers = [b, f, 0]x[o, i, 0]->[b, f, 0], window = {} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x1x3xi32>, tensor<1x1x5xi32>) -> tensor<1x1x0xi32>
  check.expect_eq_const %none, dense<> : tensor<1x1x0xi32>
  // An empty batch.
  %no_batch = util.unfoldable_constant dense<> : tensor<0x1x3xi32>
  %nothing = stablehlo.convolution(%no_batch, %two) dim_numbers = [b, f, 0]x[o, i, 0]->[b, f, 0], window = {} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<0x1x3xi32>, tensor<1x1x1xi32>) -> tensor<0x1x3xi32>
  check.expect_eq_const %nothing, dense<> : tensor<0x1x3xi32>
  func.return
}

func.func @select_and_scatter_windows() {
  %zero = util.unfoldable_constant dense<0> : tensor<i32>
  // One-element windows select every element once: init + source.
  %operand = util.unfoldable_constant dense<[3, 1, 2]> : tensor<3xi32>
  %source = util.unfoldable_constant dense<[10, 20, 30]> : tensor<3xi32>
  %one = util.unfoldable_constant dense<1> : tensor<i32>
  %each = "stablehlo.select_and_scatter"(%operand, %source, %one) <{window_dimensions = array<i64: 1>, window_strides = array<i64: 1>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %ge = stablehlo.compare GE, %a, %b : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %ge : tensor<i1>
  }, {
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %s = stablehlo.add %a, %b : tensor<i32>
    stablehlo.return %s : tensor<i32>
  }) : (tensor<3xi32>, tensor<3xi32>, tensor<i32>) -> tensor<3xi32>
  check.expect_eq_const %each, dense<[11, 21, 31]> : tensor<3xi32>
  // Overlapping windows [1, 5], [5, 2], [2, 0] select 5 twice; in [4, 4, 4]
  // each window's tie goes to its first element (GE).
  %peaks = util.unfoldable_constant dense<[1, 5, 2, 0]> : tensor<4xi32>
  %overlapping = "stablehlo.select_and_scatter"(%peaks, %source, %zero) <{window_dimensions = array<i64: 2>, window_strides = array<i64: 1>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %ge = stablehlo.compare GE, %a, %b : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %ge : tensor<i1>
  }, {
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %s = stablehlo.add %a, %b : tensor<i32>
    stablehlo.return %s : tensor<i32>
  }) : (tensor<4xi32>, tensor<3xi32>, tensor<i32>) -> tensor<4xi32>
  check.expect_eq_const %overlapping, dense<[0, 30, 30, 0]> : tensor<4xi32>
  %flat = util.unfoldable_constant dense<[4, 4, 4]> : tensor<3xi32>
  %pair = util.unfoldable_constant dense<[7, 9]> : tensor<2xi32>
  %ties = "stablehlo.select_and_scatter"(%flat, %pair, %zero) <{window_dimensions = array<i64: 2>, window_strides = array<i64: 1>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %ge = stablehlo.compare GE, %a, %b : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %ge : tensor<i1>
  }, {
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %s = stablehlo.add %a, %b : tensor<i32>
    stablehlo.return %s : tensor<i32>
  }) : (tensor<3xi32>, tensor<2xi32>, tensor<i32>) -> tensor<3xi32>
  check.expect_eq_const %ties, dense<[7, 9, 0]> : tensor<3xi32>
  // Rank 0: one window, its only element selected.
  %scalar = util.unfoldable_constant dense<4> : tensor<i32>
  %six = util.unfoldable_constant dense<6> : tensor<i32>
  %rank0 = "stablehlo.select_and_scatter"(%scalar, %six, %one) <{window_dimensions = array<i64>, window_strides = array<i64>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %ge = stablehlo.compare GE, %a, %b : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %ge : tensor<i1>
  }, {
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %s = stablehlo.add %a, %b : tensor<i32>
    stablehlo.return %s : tensor<i32>
  }) : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<i32>
  check.expect_eq_const %rank0, dense<7> : tensor<i32>
  // An empty operand has no windows.
  %nothing = util.unfoldable_constant dense<> : tensor<0xi32>
  %empty = "stablehlo.select_and_scatter"(%nothing, %nothing, %zero) <{window_dimensions = array<i64: 1>, window_strides = array<i64: 1>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %ge = stablehlo.compare GE, %a, %b : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %ge : tensor<i1>
  }, {
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %s = stablehlo.add %a, %b : tensor<i32>
    stablehlo.return %s : tensor<i32>
  }) : (tensor<0xi32>, tensor<0xi32>, tensor<i32>) -> tensor<0xi32>
  check.expect_eq_const %empty, dense<> : tensor<0xi32>
  func.return
}

// No start indices: nothing is gathered or scattered.
func.func @gather_scatter_empty() {
  %table = util.unfoldable_constant dense<[0, 10, 20, 30, 40]> : tensor<5xi32>
  %starts = util.unfoldable_constant dense<> : tensor<0x1xi32>
  %gathered = "stablehlo.gather"(%table, %starts) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 2>}> : (tensor<5xi32>, tensor<0x1xi32>) -> tensor<0x2xi32>
  check.expect_eq_const %gathered, dense<> : tensor<0x2xi32>
  %updates = util.unfoldable_constant dense<> : tensor<0x2xi32>
  %scattered = "stablehlo.scatter"(%table, %starts, %updates) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%old: tensor<i32>, %new: tensor<i32>):
    %sum = stablehlo.add %old, %new : tensor<i32>
    stablehlo.return %sum : tensor<i32>
  }) : (tensor<5xi32>, tensor<0x1xi32>, tensor<0x2xi32>) -> tensor<5xi32>
  check.expect_eq_const %scattered, dense<[0, 10, 20, 30, 40]> : tensor<5xi32>
  func.return
}
