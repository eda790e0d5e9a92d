// RUN: jaxc-opt %s --jaxc-flush-subnormal-arguments | FileCheck %s

// A logarithm's operand: with its exponent bits all 0 (zero or subnormal),
// x becomes its sign bit alone. Integer ops, which LLVM cannot fold away
// under denormal-fp-math=preserve-sign.
// CHECK-LABEL: func.func @log_f64
// CHECK: %[[BITS:.*]] = arith.bitcast %arg0 : f64 to i64
// CHECK: %[[EXP_MASK:.*]] = arith.constant 9218868437227405312 : i64
// CHECK: %[[EXP:.*]] = arith.andi %[[BITS]], %[[EXP_MASK]] : i64
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK: %[[TINY:.*]] = arith.cmpi eq, %[[EXP]], %[[ZERO]] : i64
// CHECK: %[[SIGN:.*]] = arith.constant -9223372036854775808 : i64
// CHECK: %[[SIGN_BIT:.*]] = arith.andi %[[BITS]], %[[SIGN]] : i64
// CHECK: %[[FLUSHED_BITS:.*]] = arith.select %[[TINY]], %[[SIGN_BIT]], %[[BITS]] : i64
// CHECK: %[[FLUSHED:.*]] = arith.bitcast %[[FLUSHED_BITS]] : i64 to f64
// CHECK: math.log %[[FLUSHED]] : f64
func.func @log_f64(%x: f64) -> f64 {
  %0 = math.log %x : f64
  return %0 : f64
}

// log2 and log10 too; vectors get splats (f32's exponent field 0x7F800000).
// CHECK-LABEL: func.func @log2_log10_vector
// CHECK: arith.constant dense<2139095040> : vector<8xi32>
// CHECK: %[[A:.*]] = arith.bitcast %{{.*}} : vector<8xi32> to vector<8xf32>
// CHECK: math.log2 %[[A]]
// CHECK: %[[B:.*]] = arith.bitcast %{{.*}} : vector<8xi32> to vector<8xf32>
// CHECK: math.log10 %[[B]]
func.func @log2_log10_vector(%x: vector<8xf32>) -> (vector<8xf32>, vector<8xf32>) {
  %0 = math.log2 %x : vector<8xf32>
  %1 = math.log10 %x : vector<8xf32>
  return %0, %1 : vector<8xf32>, vector<8xf32>
}

// log1p and atan, which glibc answers with a tiny x itself.
// CHECK-LABEL: func.func @log1p_atan
// CHECK: %[[A:.*]] = arith.bitcast %{{.*}} : i32 to f32
// CHECK: math.log1p %[[A]]
// CHECK: %[[B:.*]] = arith.bitcast %{{.*}} : i32 to f32
// CHECK: math.atan %[[B]]
func.func @log1p_atan(%x: f32) -> (f32, f32) {
  %0 = math.log1p %x : f32
  %1 = math.atan %x : f32
  return %0, %1 : f32, f32
}

// atan2(y, 1), chlo.atan's lowering, flushes y; atan2(y, 2) keeps it.
// CHECK-LABEL: func.func @atan_as_atan2
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[Y:.*]] = arith.bitcast %{{.*}} : i32 to f32
// CHECK: math.atan2 %[[Y]], %[[ONE]]
// CHECK: math.atan2 %arg0, %{{.*}} : f32
func.func @atan_as_atan2(%x: f32) -> (f32, f32) {
  %one = arith.constant 1.0 : f32
  %two = arith.constant 2.0 : f32
  %0 = math.atan2 %x, %one : f32
  %1 = math.atan2 %x, %two : f32
  return %0, %1 : f32, f32
}

// Other functions keep their operands: pow and atan2 at subnormals are not
// their values at zero in XLA either, and the rest agree through FTZ/DAZ.
// CHECK-LABEL: func.func @others
// CHECK-NOT: arith.select
// CHECK: math.powf %arg0, %arg1
// CHECK: math.sin %arg0
func.func @others(%x: f64, %y: f64) -> (f64, f64) {
  %0 = math.powf %x, %y : f64
  %1 = math.sin %x : f64
  return %0, %1 : f64, f64
}
