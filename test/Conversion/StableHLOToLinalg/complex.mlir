// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// complex<f32> and complex<f64> elements: mostly one complex dialect op each,
// left for convert-complex-to-standard to expand.

// CHECK-LABEL: func.func @add
// CHECK: ^bb0(%[[X:.*]]: complex<f32>, %[[Y:.*]]: complex<f32>, %{{.*}}: complex<f32>):
// CHECK: %[[SUM:.*]] = complex.add %[[X]], %[[Y]] : complex<f32>
// CHECK: linalg.yield %[[SUM]] : complex<f32>
func.func @add(%x: tensor<4xcomplex<f32>>, %y: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = stablehlo.add %x, %y : tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// (a + bi)(c + di) with ac and bc fused, as XLA's CPU backend rounds it.
// CHECK-LABEL: func.func @multiply
// CHECK: ^bb0(%[[X:.*]]: complex<f32>, %[[Y:.*]]: complex<f32>, %{{.*}}: complex<f32>):
// CHECK-DAG: %[[A:.*]] = complex.re %[[X]] : complex<f32>
// CHECK-DAG: %[[B:.*]] = complex.im %[[X]] : complex<f32>
// CHECK-DAG: %[[C:.*]] = complex.re %[[Y]] : complex<f32>
// CHECK-DAG: %[[D:.*]] = complex.im %[[Y]] : complex<f32>
// CHECK-DAG: %[[BD:.*]] = arith.mulf %[[B]], %[[D]] : f32
// CHECK-DAG: %[[NEG_BD:.*]] = arith.negf %[[BD]] : f32
// CHECK-DAG: %[[REAL:.*]] = math.fma %[[A]], %[[C]], %[[NEG_BD]] : f32
// CHECK-DAG: %[[AD:.*]] = arith.mulf %[[A]], %[[D]] : f32
// CHECK-DAG: %[[IMAG:.*]] = math.fma %[[B]], %[[C]], %[[AD]] : f32
// CHECK: %[[PRODUCT:.*]] = complex.create %[[REAL]], %[[IMAG]] : complex<f32>
// CHECK: linalg.yield %[[PRODUCT]] : complex<f32>
func.func @multiply(%x: tensor<4xcomplex<f32>>, %y: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = stablehlo.multiply %x, %y : tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// CHECK-LABEL: func.func @unary
// CHECK: complex.div
// CHECK: complex.neg
// CHECK: complex.sign
// CHECK: complex.exp
// CHECK: complex.expm1
// CHECK: complex.log
// CHECK: complex.log1p
// CHECK: complex.sqrt
// CHECK: complex.rsqrt
// CHECK: complex.tan
// CHECK: complex.tanh
// CHECK: complex.pow
func.func @unary(%x: tensor<4xcomplex<f64>>) -> tensor<4xcomplex<f64>> {
  %0 = stablehlo.divide %x, %x : tensor<4xcomplex<f64>>
  %1 = stablehlo.negate %0 : tensor<4xcomplex<f64>>
  %2 = stablehlo.sign %1 : tensor<4xcomplex<f64>>
  %3 = stablehlo.exponential %2 : tensor<4xcomplex<f64>>
  %4 = stablehlo.exponential_minus_one %3 : tensor<4xcomplex<f64>>
  %5 = stablehlo.log %4 : tensor<4xcomplex<f64>>
  %6 = stablehlo.log_plus_one %5 : tensor<4xcomplex<f64>>
  %7 = stablehlo.sqrt %6 : tensor<4xcomplex<f64>>
  %8 = stablehlo.rsqrt %7 : tensor<4xcomplex<f64>>
  %9 = stablehlo.tan %8 : tensor<4xcomplex<f64>>
  %10 = stablehlo.tanh %9 : tensor<4xcomplex<f64>>
  %11 = stablehlo.power %10, %x : tensor<4xcomplex<f64>>
  return %11 : tensor<4xcomplex<f64>>
}

// The magnitude is real.
// CHECK-LABEL: func.func @abs
// CHECK: ^bb0(%[[X:.*]]: complex<f64>, %{{.*}}: f64):
// CHECK: %[[ABS:.*]] = complex.abs %[[X]] : complex<f64>
// CHECK: linalg.yield %[[ABS]] : f64
func.func @abs(%x: tensor<4xcomplex<f64>>) -> tensor<4xf64> {
  %0 = stablehlo.abs %x : (tensor<4xcomplex<f64>>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// sinh and cosh from libm: complex.sin's (e^y - e^-y) / 2 cancels for small y.
// CHECK-LABEL: func.func @sine_cosine
// CHECK: ^bb0(%[[Z:.*]]: complex<f64>, %{{.*}}: complex<f64>):
// CHECK-DAG: %[[X:.*]] = complex.re %[[Z]] : complex<f64>
// CHECK-DAG: %[[Y:.*]] = complex.im %[[Z]] : complex<f64>
// CHECK-DAG: %[[SIN_X:.*]] = math.sin %[[X]] : f64
// CHECK-DAG: %[[COSH_Y:.*]] = math.cosh %[[Y]] : f64
// CHECK-DAG: %[[COS_X:.*]] = math.cos %[[X]] : f64
// CHECK-DAG: %[[SINH_Y:.*]] = math.sinh %[[Y]] : f64
// CHECK-DAG: %[[REAL:.*]] = arith.mulf %[[SIN_X]], %[[COSH_Y]] : f64
// CHECK-DAG: %[[IMAG:.*]] = arith.mulf %[[COS_X]], %[[SINH_Y]] : f64
// CHECK: complex.create %[[REAL]], %[[IMAG]] : complex<f64>
// CHECK: ^bb0(%[[Z:.*]]: complex<f64>, %{{.*}}: complex<f64>):
// CHECK-DAG: %[[X:.*]] = complex.re %[[Z]] : complex<f64>
// CHECK-DAG: %[[Y:.*]] = complex.im %[[Z]] : complex<f64>
// CHECK-DAG: %[[COS_X:.*]] = math.cos %[[X]] : f64
// CHECK-DAG: %[[COSH_Y:.*]] = math.cosh %[[Y]] : f64
// CHECK-DAG: %[[SIN_X:.*]] = math.sin %[[X]] : f64
// CHECK-DAG: %[[SINH_Y:.*]] = math.sinh %[[Y]] : f64
// CHECK-DAG: %[[REAL:.*]] = arith.mulf %[[COS_X]], %[[COSH_Y]] : f64
// CHECK-DAG: %[[SIN_SINH:.*]] = arith.mulf %[[SIN_X]], %[[SINH_Y]] : f64
// CHECK: %[[IMAG:.*]] = arith.negf %[[SIN_SINH]] : f64
// CHECK: complex.create %[[REAL]], %[[IMAG]] : complex<f64>
func.func @sine_cosine(%x: tensor<4xcomplex<f64>>) -> (tensor<4xcomplex<f64>>, tensor<4xcomplex<f64>>) {
  %0 = stablehlo.sine %x : tensor<4xcomplex<f64>>
  %1 = stablehlo.cosine %x : tensor<4xcomplex<f64>>
  return %0, %1 : tensor<4xcomplex<f64>>, tensor<4xcomplex<f64>>
}

// real, imag, complex; on a float, real is the float and imag is 0.
// CHECK-LABEL: func.func @parts
// CHECK: ^bb0(%[[Z:.*]]: complex<f32>, %{{.*}}: f32):
// CHECK: %[[RE:.*]] = complex.re %[[Z]] : complex<f32>
// CHECK: linalg.yield %[[RE]] : f32
// CHECK: ^bb0(%[[Z:.*]]: complex<f32>, %{{.*}}: f32):
// CHECK: %[[IM:.*]] = complex.im %[[Z]] : complex<f32>
// CHECK: linalg.yield %[[IM]] : f32
// CHECK: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: complex<f32>):
// CHECK: %[[CREATED:.*]] = complex.create %[[X]], %[[Y]] : complex<f32>
// CHECK: linalg.yield %[[CREATED]] : complex<f32>
// CHECK: ^bb0(%[[F:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: linalg.yield %[[F]] : f32
// CHECK: ^bb0(%{{.*}}: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: linalg.yield %[[ZERO]] : f32
func.func @parts(%z: tensor<4xcomplex<f32>>, %f: tensor<4xf32>) -> (tensor<4xcomplex<f32>>, tensor<4xf32>, tensor<4xf32>) {
  %re = stablehlo.real %z : (tensor<4xcomplex<f32>>) -> tensor<4xf32>
  %im = stablehlo.imag %z : (tensor<4xcomplex<f32>>) -> tensor<4xf32>
  %0 = stablehlo.complex %re, %im : tensor<4xcomplex<f32>>
  %1 = stablehlo.real %f : (tensor<4xf32>) -> tensor<4xf32>
  %2 = stablehlo.imag %f : (tensor<4xf32>) -> tensor<4xf32>
  return %0, %1, %2 : tensor<4xcomplex<f32>>, tensor<4xf32>, tensor<4xf32>
}

// Lexicographic on (real, imaginary): EQ needs both parts equal, NE either
// unequal (true for NaN); LE is re < re' or (re == re' and im <= im').
// CHECK-LABEL: func.func @compare_and_select
// CHECK: ^bb0(%[[X:.*]]: complex<f32>, %[[Y:.*]]: complex<f32>, %{{.*}}: i1):
// CHECK-DAG: %[[X_RE:.*]] = complex.re %[[X]] : complex<f32>
// CHECK-DAG: %[[X_IM:.*]] = complex.im %[[X]] : complex<f32>
// CHECK-DAG: %[[Y_RE:.*]] = complex.re %[[Y]] : complex<f32>
// CHECK-DAG: %[[Y_IM:.*]] = complex.im %[[Y]] : complex<f32>
// CHECK-DAG: %[[IM_EQ:.*]] = arith.cmpf oeq, %[[X_IM]], %[[Y_IM]] : f32
// CHECK-DAG: %[[RE_EQ:.*]] = arith.cmpf oeq, %[[X_RE]], %[[Y_RE]] : f32
// CHECK: %[[EQ:.*]] = arith.andi %[[RE_EQ]], %[[IM_EQ]] : i1
// CHECK: linalg.yield %[[EQ]] : i1
// CHECK: ^bb0(%[[X:.*]]: complex<f32>, %[[Y:.*]]: complex<f32>, %{{.*}}: i1):
// CHECK-DAG: %[[X_RE:.*]] = complex.re %[[X]] : complex<f32>
// CHECK-DAG: %[[X_IM:.*]] = complex.im %[[X]] : complex<f32>
// CHECK-DAG: %[[Y_RE:.*]] = complex.re %[[Y]] : complex<f32>
// CHECK-DAG: %[[Y_IM:.*]] = complex.im %[[Y]] : complex<f32>
// CHECK-DAG: %[[IM_NE:.*]] = arith.cmpf une, %[[X_IM]], %[[Y_IM]] : f32
// CHECK-DAG: %[[RE_NE:.*]] = arith.cmpf une, %[[X_RE]], %[[Y_RE]] : f32
// CHECK: %[[NE:.*]] = arith.ori %[[RE_NE]], %[[IM_NE]] : i1
// CHECK: linalg.yield %[[NE]] : i1
// CHECK: ^bb0(%[[X:.*]]: complex<f32>, %[[Y:.*]]: complex<f32>, %{{.*}}: i1):
// CHECK-DAG: %[[X_RE:.*]] = complex.re %[[X]] : complex<f32>
// CHECK-DAG: %[[X_IM:.*]] = complex.im %[[X]] : complex<f32>
// CHECK-DAG: %[[Y_RE:.*]] = complex.re %[[Y]] : complex<f32>
// CHECK-DAG: %[[Y_IM:.*]] = complex.im %[[Y]] : complex<f32>
// CHECK-DAG: %[[IM_LE:.*]] = arith.cmpf ole, %[[X_IM]], %[[Y_IM]] : f32
// CHECK-DAG: %[[RE_EQ:.*]] = arith.cmpf oeq, %[[X_RE]], %[[Y_RE]] : f32
// CHECK: %[[IM_DECIDES:.*]] = arith.andi %[[RE_EQ]], %[[IM_LE]] : i1
// CHECK: %[[RE_LT:.*]] = arith.cmpf olt, %[[X_RE]], %[[Y_RE]] : f32
// CHECK: %[[LE:.*]] = arith.ori %[[RE_LT]], %[[IM_DECIDES]] : i1
// CHECK: linalg.yield %[[LE]] : i1
// CHECK: ^bb0(%[[PRED:.*]]: i1, %[[X:.*]]: complex<f32>, %[[Y:.*]]: complex<f32>, %{{.*}}: complex<f32>):
// CHECK: arith.select %[[PRED]], %[[X]], %[[Y]] : complex<f32>
func.func @compare_and_select(%x: tensor<4xcomplex<f32>>, %y: tensor<4xcomplex<f32>>) -> (tensor<4xi1>, tensor<4xi1>, tensor<4xcomplex<f32>>) {
  %0 = stablehlo.compare EQ, %x, %y, FLOAT : (tensor<4xcomplex<f32>>, tensor<4xcomplex<f32>>) -> tensor<4xi1>
  %1 = stablehlo.compare NE, %x, %y, FLOAT : (tensor<4xcomplex<f32>>, tensor<4xcomplex<f32>>) -> tensor<4xi1>
  %2 = stablehlo.compare LE, %x, %y, FLOAT : (tensor<4xcomplex<f32>>, tensor<4xcomplex<f32>>) -> tensor<4xi1>
  %3 = stablehlo.select %2, %x, %y : tensor<4xi1>, tensor<4xcomplex<f32>>
  return %0, %1, %3 : tensor<4xi1>, tensor<4xi1>, tensor<4xcomplex<f32>>
}

// A real number is the real part; a complex one converts part by part, or by
// its real part to a real type.
// CHECK-LABEL: func.func @convert
// CHECK: ^bb0(%[[U:.*]]: i8, %{{.*}}: complex<f64>):
// CHECK: %[[RE:.*]] = arith.uitofp %[[U]] : i8 to f64
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f64
// CHECK: complex.create %[[RE]], %[[ZERO]] : complex<f64>
// CHECK: ^bb0(%[[Z:.*]]: complex<f32>, %{{.*}}: complex<f64>):
// CHECK: %[[RE:.*]] = complex.re %[[Z]] : complex<f32>
// CHECK: %[[WIDE_RE:.*]] = arith.extf %[[RE]] : f32 to f64
// CHECK: %[[IM:.*]] = complex.im %[[Z]] : complex<f32>
// CHECK: %[[WIDE_IM:.*]] = arith.extf %[[IM]] : f32 to f64
// CHECK: complex.create %[[WIDE_RE]], %[[WIDE_IM]] : complex<f64>
// CHECK: ^bb0(%[[Z:.*]]: complex<f32>, %{{.*}}: i32):
// CHECK: %[[RE:.*]] = complex.re %[[Z]] : complex<f32>
// CHECK: arith.fptosi %[[RE]] : f32 to i32
func.func @convert(%u: tensor<4xui8>, %z: tensor<4xcomplex<f32>>) -> (tensor<4xcomplex<f64>>, tensor<4xcomplex<f64>>, tensor<4xi32>) {
  %0 = stablehlo.convert %u : (tensor<4xui8>) -> tensor<4xcomplex<f64>>
  %1 = stablehlo.convert %z : (tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f64>>
  %2 = stablehlo.convert %z : (tensor<4xcomplex<f32>>) -> tensor<4xi32>
  return %0, %1, %2 : tensor<4xcomplex<f64>>, tensor<4xcomplex<f64>>, tensor<4xi32>
}

// CHECK-LABEL: func.func @constant
// CHECK: arith.constant dense<[(1.000000e+00,2.000000e+00), (3.000000e+00,-4.000000e+00)]> : tensor<2xcomplex<f32>>
func.func @constant() -> tensor<2xcomplex<f32>> {
  %0 = stablehlo.constant dense<[(1.0, 2.0), (3.0, -4.0)]> : tensor<2xcomplex<f32>>
  return %0 : tensor<2xcomplex<f32>>
}

// A splat constant in a reducer becomes a complex.constant.
// CHECK-LABEL: func.func @reduce
// CHECK: ^bb0(%[[X:.*]]: complex<f32>, %[[ACC:.*]]: complex<f32>):
// CHECK: complex.constant [5.000000e-01 : f32, 0.000000e+00 : f32] : complex<f32>
// CHECK: %[[PRODUCT:.*]] = complex.create
// CHECK: %[[SUM:.*]] = complex.add %[[ACC]], %[[PRODUCT]] : complex<f32>
// CHECK: linalg.yield %[[SUM]] : complex<f32>
func.func @reduce(%x: tensor<4xcomplex<f32>>, %init: tensor<complex<f32>>) -> tensor<complex<f32>> {
  %0 = stablehlo.reduce(%x init: %init) across dimensions = [0] : (tensor<4xcomplex<f32>>, tensor<complex<f32>>) -> tensor<complex<f32>>
   reducer(%a: tensor<complex<f32>>, %b: tensor<complex<f32>>) {
    %half = stablehlo.constant dense<(0.5, 0.0)> : tensor<complex<f32>>
    %1 = stablehlo.multiply %b, %half : tensor<complex<f32>>
    %2 = stablehlo.add %a, %1 : tensor<complex<f32>>
    stablehlo.return %2 : tensor<complex<f32>>
  }
  return %0 : tensor<complex<f32>>
}

// The accumulator starts at a complex zero; integer operands convert first.
// CHECK-LABEL: func.func @dot
// CHECK: %[[ZERO:.*]] = complex.constant [0.000000e+00 : f32, 0.000000e+00 : f32] : complex<f32>
// CHECK: linalg.fill ins(%[[ZERO]] : complex<f32>)
// CHECK: ^bb0(%[[X:.*]]: i8, %[[Y:.*]]: complex<f32>, %[[ACC:.*]]: complex<f32>):
// CHECK: %[[RE:.*]] = arith.sitofp %[[X]] : i8 to f32
// CHECK: %[[WIDE_X:.*]] = complex.create %[[RE]], %{{.*}} : complex<f32>
// CHECK: %[[PRODUCT:.*]] = complex.mul %[[WIDE_X]], %[[Y]] : complex<f32>
// CHECK: %[[SUM:.*]] = complex.add %[[ACC]], %[[PRODUCT]] : complex<f32>
// CHECK: linalg.yield %[[SUM]] : complex<f32>
func.func @dot(%x: tensor<3x4xi8>, %y: tensor<4xcomplex<f32>>) -> tensor<3xcomplex<f32>> {
  %0 = stablehlo.dot_general %x, %y, contracting_dims = [1] x [0] : (tensor<3x4xi8>, tensor<4xcomplex<f32>>) -> tensor<3xcomplex<f32>>
  return %0 : tensor<3xcomplex<f32>>
}

// CHECK-LABEL: func.func @iota
// CHECK: %[[I64:.*]] = arith.index_cast %{{.*}} : index to i64
// CHECK: %[[RE:.*]] = arith.sitofp %[[I64]] : i64 to f32
// CHECK: complex.create %[[RE]], %{{.*}} : complex<f32>
func.func @iota() -> tensor<4xcomplex<f32>> {
  %0 = stablehlo.iota dim = 0 : tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// A bitcast to the same complex type changes nothing.
// CHECK-LABEL: func.func @bitcast
// CHECK: ^bb0(%[[Z:.*]]: complex<f32>, %{{.*}}: complex<f32>):
// CHECK-NEXT: linalg.yield %[[Z]] : complex<f32>
func.func @bitcast(%z: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = stablehlo.bitcast_convert %z : (tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}
