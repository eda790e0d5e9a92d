// Large loops run on the device's threads, and the results are bitwise the
// same on local-sync, on local-task with several threads, and from run to
// run.
// RUN: jaxc compile %s -o %t.vmfb
// RUN: jaxc run --module=%t.vmfb --device=local-sync --output=@%t.sync0.npy --output=@%t.sync1.npy --output=@%t.sync2.npy
// RUN: env JAXC_THREAD_COUNT=4 jaxc run --module=%t.vmfb --device=local-task --output=@%t.task0.npy --output=@%t.task1.npy --output=@%t.task2.npy
// RUN: cmp %t.sync0.npy %t.task0.npy
// RUN: cmp %t.sync1.npy %t.task1.npy
// RUN: cmp %t.sync2.npy %t.task2.npy
// RUN: env JAXC_THREAD_COUNT=3 jaxc run --module=%t.vmfb --output=@%t.again0.npy --output=@%t.again1.npy --output=@%t.again2.npy
// RUN: cmp %t.task0.npy %t.again0.npy
// RUN: cmp %t.task1.npy %t.again1.npy
// RUN: cmp %t.task2.npy %t.again2.npy

// The elementwise loop and the row sums are handed to the pool; the column
// sums (a loop over rows around small loops over columns) stay serial.
// RUN: jaxc compile %s --compile-to=llvm | FileCheck %s
// CHECK-COUNT-2: llvm.mlir.addressof @main_parallel{{.*}}_chunk
// CHECK-NOT: llvm.mlir.addressof @main_parallel{{.*}}_chunk
module @jit_f {
  func.func public @main() -> (tensor<1024x2048xf32>, tensor<1024xf32>, tensor<2048xf32>) {
    %i = stablehlo.iota dim = 1 : tensor<1024x2048xf32>
    %j = stablehlo.iota dim = 0 : tensor<1024x2048xf32>
    %scale = stablehlo.constant dense<1.000000e-03> : tensor<1024x2048xf32>
    %0 = stablehlo.multiply %i, %scale : tensor<1024x2048xf32>
    %1 = stablehlo.sine %0 : tensor<1024x2048xf32>
    %2 = stablehlo.multiply %1, %j : tensor<1024x2048xf32>
    %3 = stablehlo.divide %2, %0 : tensor<1024x2048xf32>
    %zero = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %rows = stablehlo.reduce(%3 init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<1024x2048xf32>, tensor<f32>) -> tensor<1024xf32>
    %columns = stablehlo.reduce(%3 init: %zero) applies stablehlo.add across dimensions = [0] : (tensor<1024x2048xf32>, tensor<f32>) -> tensor<2048xf32>
    return %3, %rows, %columns : tensor<1024x2048xf32>, tensor<1024xf32>, tensor<2048xf32>
  }
}
