// --denormals: flush (the default) runs the module with subnormal inputs
// read as zero and subnormal results written as zero, as XLA's CPU backend
// does; ieee keeps them. The mode is recorded in the module, shown by
// inspect, and holds on every thread of a parallel loop (the 65536-element
// add is split across the pool).
// RUN: jaxc run-mlir %s --input=4xf32=1e-45,1e-40,1,-1e-42 --input=4xf32=0,0,1,0 | FileCheck %s --check-prefix=FLUSH
// RUN: jaxc run-mlir %s --denormals=ieee --input=4xf32=1e-45,1e-40,1,-1e-42 --input=4xf32=0,0,1,0 | FileCheck %s --check-prefix=IEEE
// RUN: jaxc run-mlir %s --function=wide --input=65536xf32=1e-38 | FileCheck %s --check-prefix=WIDE
// RUN: jaxc compile %s --denormals=ieee -o %t.vmfb && jaxc inspect %t.vmfb | FileCheck %s --check-prefix=INSPECT
// RUN: jaxc compile %s --compile-to=llvmir | FileCheck %s --check-prefix=LLVMIR
// RUN: not jaxc compile %s --denormals=zero -o %t.bad.vmfb 2>&1 | FileCheck %s --check-prefix=BAD

// FLUSH: 4xf32=0 0 2 0
// FLUSH: 4xi1=1 1 1 1
// FLUSH: 4xf32=-inf -inf 0 -inf
// IEEE: 4xf32=1.4013e-45 9.99995e-41 2 -1.00053e-42
// IEEE: 4xi1=0 0 1 0
// IEEE: 4xf32=-103.279 -92.1034 0 nan
func.func @main(%a: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xi1>, tensor<4xf32>) {
  %0 = stablehlo.add %a, %b : tensor<4xf32>
  %1 = stablehlo.compare EQ, %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %2 = stablehlo.log %a : tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xi1>, tensor<4xf32>
}

// 1e-38 * 0.5 is subnormal: flushed to zero on every element.
// WIDE: 65536xf32=0 0 0 0
// WIDE-NOT: e-39
func.func @wide(%x: tensor<65536xf32>) -> tensor<65536xf32> {
  %half = stablehlo.constant dense<0.5> : tensor<65536xf32>
  %0 = stablehlo.multiply %x, %half : tensor<65536xf32>
  return %0 : tensor<65536xf32>
}

// INSPECT: denormals ieee
// LLVMIR: "denormal-fp-math"="preserve-sign,preserve-sign"
// BAD: invalid --denormals=zero: expected flush or ieee
