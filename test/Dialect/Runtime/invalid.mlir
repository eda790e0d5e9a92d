// The jaxc_rt verifiers reject inconsistent operands.
// RUN: jaxc-opt %s -split-input-file -verify-diagnostics

func.func @matmul_k(%a: memref<1x4x8xf32>, %b: memref<1x7x16xf32>,
                    %c: memref<1x4x16xf32>) {
  // expected-error @+1 {{disagree on k}}
  jaxc_rt.matmul_f32 %a, %b, %c
      : memref<1x4x8xf32>, memref<1x7x16xf32>, memref<1x4x16xf32>
  return
}

// -----

func.func @matmul_out(%a: memref<1x4x8xf32>, %b: memref<1x8x16xf32>,
                      %c: memref<1x4x15xf32>) {
  // expected-error @+1 {{out must be [batch, m, n]}}
  jaxc_rt.matmul_f32 %a, %b, %c
      : memref<1x4x8xf32>, memref<1x8x16xf32>, memref<1x4x15xf32>
  return
}

// -----

func.func @matmul_f64(%a: memref<1x4x8xf64>, %b: memref<1x8x16xf32>,
                      %c: memref<1x4x16xf32>) {
  // expected-error @+1 {{operand #0 must be 3D memref of 32-bit float values}}
  jaxc_rt.matmul_f32 %a, %b, %c
      : memref<1x4x8xf64>, memref<1x8x16xf32>, memref<1x4x16xf32>
  return
}

// -----

func.func @conv_groups(%in: memref<1x9x9x4xf32>, %f: memref<3x3x4x6xf32>,
                       %out: memref<1x5x5x6xf32>) {
  // expected-error @+1 {{input channels must be filter input channels times groups}}
  jaxc_rt.conv2d_f32 %in, %f, %out strides [2, 2] padding [1, 1]
      dilation [1, 1] groups 2
      : memref<1x9x9x4xf32>, memref<3x3x4x6xf32>, memref<1x5x5x6xf32>
  return
}

// -----

func.func @conv_stride(%in: memref<1x9x9x4xf32>, %f: memref<3x3x4x6xf32>,
                       %out: memref<1x5x5x6xf32>) {
  // expected-error @+1 {{strides and dilation must be positive}}
  jaxc_rt.conv2d_f32 %in, %f, %out strides [0, 2] padding [1, 1]
      dilation [1, 1] groups 1
      : memref<1x9x9x4xf32>, memref<3x3x4x6xf32>, memref<1x5x5x6xf32>
  return
}

// -----

func.func @conv_dense(%in: memref<1x9x9x4xf32, strided<[400, 40, 4, 1]>>,
                      %f: memref<3x3x4x6xf32>, %out: memref<1x5x5x6xf32>) {
  // expected-error @+1 {{input must be dense row-major}}
  jaxc_rt.conv2d_f32 %in, %f, %out strides [2, 2] padding [1, 1]
      dilation [1, 1] groups 1
      : memref<1x9x9x4xf32, strided<[400, 40, 4, 1]>>, memref<3x3x4x6xf32>,
        memref<1x5x5x6xf32>
  return
}

// -----

func.func @parallel_for_grain(%a: memref<8xf32>) {
  // expected-error @+1 {{grain must be positive}}
  jaxc_rt.parallel_for @body(%a) count 8 grain 0 : memref<8xf32>
  return
}
func.func private @body(%begin: index, %end: index, %a: memref<8xf32>)

// -----

func.func @parallel_for_body(%a: memref<8xf32>) {
  // expected-error @+1 {{body 'missing' is not a function}}
  jaxc_rt.parallel_for @missing(%a) count 8 grain 1 : memref<8xf32>
  return
}

// -----

func.func @parallel_for_arity(%a: memref<8xf32>) {
  // expected-error @+1 {{body 'body' must take begin, end and the 1 captures}}
  jaxc_rt.parallel_for @body(%a) count 8 grain 1 : memref<8xf32>
  return
}
func.func private @body(%begin: index, %end: index)
