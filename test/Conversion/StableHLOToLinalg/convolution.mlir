// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// Loops: the result's dimensions (parallel), then the kernel input feature
// and the kernel spatial dimensions (reduction).
// CHECK-DAG: #[[NHWC_LHS:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 + d5, d2 + d6, d4)>
// CHECK-DAG: #[[HWIO:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d5, d6, d4, d3)>
// CHECK-DAG: #[[RESULT4:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[NCHW_LHS:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, (d1 floordiv 3) * 2 + d4, d2 * 2 + d5, d3 + (-d6 + 2) * 2)>
// CHECK-DAG: #[[OIHW:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d1, d4, d5, d6)>
// CHECK-DAG: #[[BATCH_GROUP_LHS:.*]] = affine_map<(d0, d1, d2, d3, d4) -> ((d2 floordiv 3) * 2 + d0, d1 + d4, d3)>
// CHECK-DAG: #[[WIO:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d4, d3, d2)>
// CHECK-DAG: #[[RESULT3:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2)>

// A transposed convolution in NHWC: lhs_dilation is interior padding of the
// lhs, the edges zero padding; bf16 operands convert to the f32 result type
// before the multiply-add.
// CHECK-LABEL: func.func @nhwc_transposed
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : bf16
// CHECK: %[[ZEROS:.*]] = linalg.fill ins(%[[ZERO]] : bf16) outs(%{{.*}} : tensor<1x9x9x2xbf16>)
// CHECK: %[[PADDED:.*]] = tensor.insert_slice %arg0 into %[[ZEROS]][0, 1, 1, 0] [1, 4, 4, 2] [1, 2, 2, 1] : tensor<1x4x4x2xbf16> into tensor<1x9x9x2xbf16>
// CHECK: %[[ACC:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x7x7x5xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[NHWC_LHS]], #[[HWIO]], #[[RESULT4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
// CHECK-SAME: ins(%[[PADDED]], %arg1 : tensor<1x9x9x2xbf16>, tensor<3x3x2x5xbf16>) outs(%[[ACC]] : tensor<1x7x7x5xf32>)
// CHECK: ^bb0(%[[X:.*]]: bf16, %[[W:.*]]: bf16, %[[SUM:.*]]: f32):
// CHECK: %[[XF:.*]] = arith.extf %[[X]] : bf16 to f32
// CHECK: %[[WF:.*]] = arith.extf %[[W]] : bf16 to f32
// CHECK: %[[PRODUCT:.*]] = arith.mulf %[[XF]], %[[WF]] : f32
// CHECK: %[[NEXT:.*]] = arith.addf %[[SUM]], %[[PRODUCT]] : f32
// CHECK: linalg.yield %[[NEXT]] : f32
func.func @nhwc_transposed(%lhs: tensor<1x4x4x2xbf16>, %rhs: tensor<3x3x2x5xbf16>) -> tensor<1x7x7x5xf32> {
  %0 = stablehlo.convolution(%lhs, %rhs) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {pad = [[1, 1], [1, 1]], lhs_dilate = [2, 2]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x4x4x2xbf16>, tensor<3x3x2x5xbf16>) -> tensor<1x7x7x5xf32>
  return %0 : tensor<1x7x7x5xf32>
}

// NCHW with 2 feature groups: output features 0-2 read input features 0-1,
// 3-5 read 2-3. Strides scale the output index and rhs_dilation the kernel
// index, which a reversed window dimension runs backwards; negative padding
// crops.
// CHECK-LABEL: func.func @nchw_grouped
// CHECK: %[[PADDED:.*]] = tensor.insert_slice %arg0 into %{{.*}}[0, 0, 1, 0] [2, 4, 9, 9] [1, 1, 1, 1] : tensor<2x4x9x9xf32> into tensor<2x4x10x9xf32>
// CHECK: %[[CROPPED:.*]] = tensor.extract_slice %[[PADDED]][0, 0, 0, 1] [2, 4, 10, 7] [1, 1, 1, 1] : tensor<2x4x10x9xf32> to tensor<2x4x10x7xf32>
// CHECK: linalg.generic {indexing_maps = [#[[NCHW_LHS]], #[[OIHW]], #[[RESULT4]]]
// CHECK-SAME: ins(%[[CROPPED]], %arg1 : tensor<2x4x10x7xf32>, tensor<6x2x3x3xf32>) outs(%{{.*}} : tensor<2x6x4x3xf32>)
func.func @nchw_grouped(%lhs: tensor<2x4x9x9xf32>, %rhs: tensor<6x2x3x3xf32>) -> tensor<2x6x4x3xf32> {
  %0 = stablehlo.convolution(%lhs, %rhs) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {stride = [2, 1], pad = [[1, 0], [-1, -1]], rhs_dilate = [1, 2], reverse = [false, true]} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<2x4x9x9xf32>, tensor<6x2x3x3xf32>) -> tensor<2x6x4x3xf32>
  return %0 : tensor<2x6x4x3xf32>
}

// 2 batch groups: output features 0-2 read lhs batches 0-1, 3-5 read 2-3.
// Without padding the lhs is read as it is; i8 operands widen to i32.
// CHECK-LABEL: func.func @batch_groups
// CHECK-NOT: tensor.insert_slice
// CHECK: linalg.generic {indexing_maps = [#[[BATCH_GROUP_LHS]], #[[WIO]], #[[RESULT3]]], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction"]}
// CHECK-SAME: ins(%arg0, %arg1 : tensor<4x3x5xi8>, tensor<3x5x6xi8>) outs(%{{.*}} : tensor<2x1x6xi32>)
// CHECK: arith.extsi %{{.*}} : i8 to i32
// CHECK: arith.muli
// CHECK: arith.addi
func.func @batch_groups(%lhs: tensor<4x3x5xi8>, %rhs: tensor<3x5x6xi8>) -> tensor<2x1x6xi32> {
  %0 = stablehlo.convolution(%lhs, %rhs) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {} {batch_group_count = 2 : i64, feature_group_count = 1 : i64} : (tensor<4x3x5xi8>, tensor<3x5x6xi8>) -> tensor<2x1x6xi32>
  return %0 : tensor<2x1x6xi32>
}

// An f16 result accumulates in f32 and is rounded once, as dot_general's.
// CHECK-LABEL: func.func @half
// CHECK: %[[SUMS:.*]] = linalg.generic
// CHECK-SAME: outs(%{{.*}} : tensor<1x2x1xf32>)
// CHECK: arith.addf %{{.*}}, %{{.*}} : f32
// CHECK: linalg.generic {{.*}} ins(%[[SUMS]] : tensor<1x2x1xf32>) outs(%{{.*}} : tensor<1x2x1xf16>)
// CHECK: arith.truncf %{{.*}} : f32 to f16
func.func @half(%lhs: tensor<1x3x1xf16>, %rhs: tensor<2x1x1xf16>) -> tensor<1x2x1xf16> {
  %0 = stablehlo.convolution(%lhs, %rhs) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x3x1xf16>, tensor<2x1x1xf16>) -> tensor<1x2x1xf16>
  return %0 : tensor<1x2x1xf16>
}

// A window larger than the input leaves an empty result.
// CHECK-LABEL: func.func @empty
// CHECK-NEXT: %[[EMPTY:.*]] = tensor.empty() : tensor<2x3x0x6xf32>
// CHECK-NEXT: return %[[EMPTY]]
func.func @empty(%lhs: tensor<2x3x9x10xf32>, %rhs: tensor<3x3x10x5xf32>) -> tensor<2x3x0x6xf32> {
  %0 = stablehlo.convolution(%lhs, %rhs) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<2x3x9x10xf32>, tensor<3x3x10x5xf32>) -> tensor<2x3x0x6xf32>
  return %0 : tensor<2x3x0x6xf32>
}
