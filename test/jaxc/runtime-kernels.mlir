// End to end: f32 dot_general and NHWC convolution run on the runtime's
// kernels (jaxc_rt ops after bufferization); expected values from numpy.
// RUN: jaxc compile %s --compile-to=bufferized -o - | FileCheck %s --check-prefix=IR
// IR-COUNT-3: jaxc_rt.matmul_f32
// IR: jaxc_rt.conv2d_f32 {{.*}} strides [2, 2] padding [1, 1] dilation [1, 1] groups 2
// IR-NOT: linalg.generic
// RUN: jaxc run-mlir %s --function=matmul --input=3x5xf32=-3,2,0,-2,3,1,-1,-3,2,0,-2,3,1,-1,-3 --input=5x4xf32=-3,0,-2,1,-1,-3,0,-2,1,-1,-3,0,-2,1,-1,-3,0,-2,1,-1 | FileCheck %s --check-prefix=MATMUL
// MATMUL: 3x4xf32=[11 -14 11 -4][-9 8 5 -3][6 -5 -1 -2]
// RUN: jaxc run-mlir %s --function=batched_transposed --input=2x5x3xf32=-3,2,0,-2,3,1,-1,-3,2,0,-2,3,1,-1,-3,2,0,-2,3,1,-1,-3,2,0,-2,3,1,-1,-3,2 --input=2x4x5xf32=-3,0,-2,1,-1,-3,0,-2,1,-1,-3,0,-2,1,-1,-3,0,-2,1,-1,-3,0,-2,1,-1,-3,0,-2,1,-1,-3,0,-2,1,-1,-3,0,-2,1,-1 | FileCheck %s --check-prefix=BATCHED-TRANSPOSED
// BATCHED-TRANSPOSED: 2x3x4xf32={{\[\[}}10 10 10 10][-1 -1 -1 -1][2 2 2 2]]{{\[\[}}-1 -1 -1 -1][2 2 2 2][5 5 5 5]]
// RUN: jaxc run-mlir %s --function=vecmat --input=5xf32=-3,2,0,-2,3 --input=5x4xf32=-3,0,-2,1,-1,-3,0,-2,1,-1,-3,0,-2,1,-1,-3,0,-2,1,-1 | FileCheck %s --check-prefix=VECMAT
// VECMAT: 4xf32=11 -14 11 -4
// RUN: jaxc run-mlir %s --function=conv --input=1x5x5x2xf32=-3,2,0,-2,3,1,-1,-3,2,0,-2,3,1,-1,-3,2,0,-2,3,1,-1,-3,2,0,-2,3,1,-1,-3,2,0,-2,3,1,-1,-3,2,0,-2,3,1,-1,-3,2,0,-2,3,1,-1,-3 --input=3x3x1x4xf32=-3,0,-2,1,-1,-3,0,-2,1,-1,-3,0,-2,1,-1,-3,0,-2,1,-1,-3,0,-2,1,-1,-3,0,-2,1,-1,-3,0,-2,1,-1,-3 | FileCheck %s --check-prefix=CONV
// CONV: 1x3x3x4xf32={{\[\[\[}}-4 9 -2 -1][-1 -6 5 10][5 -8 0 13]]{{\[\[}}-9 10 5 -6][-15 9 22 -11][-9 -6 -2 -3]]{{\[\[}}12 -5 -8 7][-9 -2 -8 4][-10 11 -4 -6]]]

// A plain matrix product.
func.func @matmul(%a: tensor<3x5xf32>, %b: tensor<5x4xf32>) -> tensor<3x4xf32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0] : (tensor<3x5xf32>, tensor<5x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}
// Both operands transposed: strided views, no copies.
func.func @batched_transposed(%a: tensor<2x5x3xf32>, %b: tensor<2x4x5xf32>) -> tensor<2x3x4xf32> {
  %0 = stablehlo.dot_general %a, %b, batching_dims = [0] x [0], contracting_dims = [1] x [2] : (tensor<2x5x3xf32>, tensor<2x4x5xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}
// No lhs free dimension: m = 1.
func.func @vecmat(%a: tensor<5xf32>, %b: tensor<5x4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.dot %a, %b : (tensor<5xf32>, tensor<5x4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
// Groups, stride and padding, the padded copy folded into the kernel.
func.func @conv(%x: tensor<1x5x5x2xf32>, %w: tensor<3x3x1x4xf32>) -> tensor<1x3x3x4xf32> {
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = [[1, 1], [1, 1]]} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<1x5x5x2xf32>, tensor<3x3x1x4xf32>) -> tensor<1x3x3x4xf32>
  return %0 : tensor<1x3x3x4xf32>
}
