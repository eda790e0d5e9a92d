// jaxc_rt.lapack's verifier checks the call against the routine's table.
// RUN: jaxc-opt %s -split-input-file -verify-diagnostics

func.func @unknown(%a: memref<3x3xf32>, %b: memref<3x3xf32>) {
  // expected-error @+1 {{unknown LAPACK routine 'potri'}}
  jaxc_rt.lapack "potri" (%a) -> (%b) options [] batch_dims 0
      : memref<3x3xf32> -> memref<3x3xf32>
  return
}

// -----

func.func @not_square(%a: memref<3x4xf32>, %b: memref<3x4xf32>, %info: memref<i32>) {
  // expected-error @+1 {{potrf needs a square matrix}}
  jaxc_rt.lapack "potrf" (%a) -> (%b, %info) options [76] batch_dims 0
      : memref<3x4xf32> -> memref<3x4xf32>, memref<i32>
  return
}

// -----

func.func @bad_option(%a: memref<3x3xf32>, %b: memref<3x3xf32>, %info: memref<i32>) {
  // expected-error @+1 {{potrf's uplo must be one of 'LU', got 88}}
  jaxc_rt.lapack "potrf" (%a) -> (%b, %info) options [88] batch_dims 0
      : memref<3x3xf32> -> memref<3x3xf32>, memref<i32>
  return
}

// -----

func.func @batch_mismatch(%a: memref<2x3x3xf32>, %b: memref<2x3x3xf32>, %info: memref<3xi32>) {
  // expected-error @+1 {{potrf's result 1 must be 0-d past 1 batch dimensions}}
  jaxc_rt.lapack "potrf" (%a) -> (%b, %info) options [76] batch_dims 1
      : memref<2x3x3xf32> -> memref<2x3x3xf32>, memref<3xi32>
  return
}

// -----

func.func @integer_matrix(%a: memref<3x3xi32>, %b: memref<3x3xi32>, %info: memref<i32>) {
  // expected-error @+1 {{potrf runs on f32, f64, complex<f32> or complex<f64>}}
  jaxc_rt.lapack "potrf" (%a) -> (%b, %info) options [76] batch_dims 0
      : memref<3x3xi32> -> memref<3x3xi32>, memref<i32>
  return
}

// -----

func.func @strided(%a: memref<3x3xf32, strided<[1, 3]>>, %b: memref<3x3xf32>, %info: memref<i32>) {
  // expected-error @+1 {{operands must be dense row-major}}
  jaxc_rt.lapack "potrf" (%a) -> (%b, %info) options [76] batch_dims 0
      : memref<3x3xf32, strided<[1, 3]>> -> memref<3x3xf32>, memref<i32>
  return
}
