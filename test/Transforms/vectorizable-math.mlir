// RUN: jaxc-opt %s --jaxc-vectorizable-math="ops=math.tanh,math.exp" | FileCheck %s
// RUN: jaxc-opt %s --jaxc-vectorizable-math="ops=math.log,math.log2" | FileCheck %s --check-prefix=LOG

// f32 exp and tanh become arithmetic; f64 and unlisted ops stay.
// CHECK-LABEL: func.func @f32_ops
// CHECK-NOT: math.exp
// CHECK-NOT: math.tanh
// Clamps are a compare and a select (one vminps/vmaxps), not minimumf.
// CHECK-NOT: arith.{{minimumf|maximumf}}
// CHECK: math.roundeven
// CHECK: arith.bitcast
// CHECK: math.copysign
// CHECK: return
func.func @f32_ops(%x: f32) -> (f32, f32) {
  %0 = math.exp %x : f32
  %1 = math.tanh %x : f32
  return %0, %1 : f32, f32
}

// tanh is one formula, m / (m + 2) with m = e^2a - 1: on a = |x| capped by
// a select that keeps NaN (the cap is the compare's first operand), k and r
// from the magic-number sum, 2^k by adding k to the exponent bits of 1.0,
// m = p 2^k + (2^k - 1) in one fma (which carries a NaN p through: adding
// k to p's bits turned NaNs with payloads into numbers), then one division
// and the sign of x.
// CHECK-LABEL: func.func @tanh_f32
// CHECK-SAME: (%[[X:.*]]: vector<16xf32>)
// CHECK-DAG: %[[CAP:.*]] = arith.constant dense<9.250000e+00>
// CHECK-DAG: %[[MAGIC:.*]] = arith.constant dense<0x4B400000>
// CHECK-DAG: %[[ONE:.*]] = arith.constant dense<1.000000e+00>
// CHECK-DAG: %[[TWO:.*]] = arith.constant dense<2.000000e+00>
// CHECK: %[[A:.*]] = math.absf %[[X]]
// CHECK: %[[OVER:.*]] = arith.cmpf olt, %[[CAP]], %[[A]]
// CHECK: %[[CAPPED:.*]] = arith.select %[[OVER]], %[[CAP]], %[[A]]
// CHECK-NOT: arith.select
// CHECK: %[[SUM:.*]] = math.fma %[[CAPPED]], %{{.*}}, %[[MAGIC]]
// CHECK: %[[K:.*]] = arith.subf %[[SUM]], %[[MAGIC]]
// CHECK: %[[R:.*]] = math.fma %[[K]], %{{.*}}, %[[CAPPED]]
// CHECK: %[[TWOR:.*]] = arith.addf %[[R]], %[[R]]
// CHECK: %[[RR:.*]] = arith.mulf %[[R]], %[[R]]
// CHECK: %[[P:.*]] = math.fma %[[RR]], %{{.*}}, %[[TWOR]]
// CHECK: %[[SUMBITS:.*]] = arith.bitcast %[[SUM]] : vector<16xf32> to vector<16xi32>
// CHECK: %[[EXPONENT:.*]] = arith.shli %[[SUMBITS]]
// CHECK: %[[SCALEBITS:.*]] = arith.addi %[[EXPONENT]], %{{.*}}
// CHECK: %[[SCALE:.*]] = arith.bitcast %[[SCALEBITS]]
// CHECK: %[[SCALEM1:.*]] = arith.subf %[[SCALE]], %[[ONE]]
// CHECK-NOT: arith.bitcast %[[P]]
// CHECK: %[[M:.*]] = math.fma %[[P]], %[[SCALE]], %[[SCALEM1]]
// CHECK: %[[DEN:.*]] = arith.addf %[[M]], %[[TWO]]
// CHECK: %[[Q:.*]] = arith.divf %[[M]], %[[DEN]]
// CHECK-NEXT: %[[SIGNED:.*]] = math.copysign %[[Q]], %[[X]]
// Below 2^-13: x itself.
// CHECK-NEXT: %[[TINY:.*]] = arith.cmpf olt, %[[CAPPED]], %{{.*}}
// CHECK-NEXT: arith.select %[[TINY]], %[[X]], %[[SIGNED]]
// CHECK-NEXT: return
func.func @tanh_f32(%x: vector<16xf32>) -> vector<16xf32> {
  %0 = math.tanh %x : vector<16xf32>
  return %0 : vector<16xf32>
}

// CHECK-LABEL: func.func @kept
// CHECK: math.exp %{{.*}} : f64
// CHECK: math.tanh %{{.*}} : f64
// CHECK: math.log %{{.*}} : f32
func.func @kept(%x: f64, %y: f32) -> (f64, f64, f32) {
  %0 = math.exp %x : f64
  %1 = math.tanh %x : f64
  %2 = math.log %y : f32
  return %0, %1, %2 : f64, f64, f32
}

// Vectors of f32 too.
// CHECK-LABEL: func.func @vector
// CHECK-NOT: math.exp
// CHECK: arith.bitcast %{{.*}} : vector<8xi32> to vector<8xf32>
func.func @vector(%x: vector<8xf32>) -> vector<8xf32> {
  %0 = math.exp %x : vector<8xf32>
  return %0 : vector<8xf32>
}

// MLIR's log and log2 approximations read the exponent from the bits, which
// a subnormal has not (log(0x00000001) was -87.34): below 2^-126 the input
// is scaled by 2^23 and the result shifted by 23 ln2 (log2: 23).
// LOG-LABEL: func.func @log_subnormal
// LOG-SAME: (%[[X:.*]]: vector<8xf32>)
// LOG-DAG: %[[LN2x23:.*]] = arith.constant dense<15.9423847>
// LOG-DAG: %[[TWENTYTHREE:.*]] = arith.constant dense<2.300000e+01>
// LOG-DAG: %[[TWOTO23:.*]] = arith.constant dense<0x4B000000>
// LOG-DAG: %[[MINNORMAL:.*]] = arith.constant dense<1.17549435E-38>
// LOG: %[[SUB:.*]] = arith.cmpf olt, %[[X]], %[[MINNORMAL]]
// LOG: %[[SCALED:.*]] = arith.mulf %[[X]], %[[TWOTO23]]
// LOG: arith.select %[[SUB]], %[[SCALED]], %[[X]]
// LOG: %[[SHIFTED:.*]] = arith.subf %[[LOG:.*]], %[[LN2x23]]
// LOG-NEXT: %[[RESULT:.*]] = arith.select %[[SUB]], %[[SHIFTED]], %[[LOG]]
// LOG: %[[SUB2:.*]] = arith.cmpf olt, %[[X]], %[[MINNORMAL]]
// LOG: %[[SHIFTED2:.*]] = arith.subf %[[LOG2:.*]], %[[TWENTYTHREE]]
// LOG-NEXT: %[[RESULT2:.*]] = arith.select %[[SUB2]], %[[SHIFTED2]], %[[LOG2]]
// LOG-NEXT: return %[[RESULT]], %[[RESULT2]]
// LOG-NOT: math.log
func.func @log_subnormal(%x: vector<8xf32>) -> (vector<8xf32>, vector<8xf32>) {
  %0 = math.log %x : vector<8xf32>
  %1 = math.log2 %x : vector<8xf32>
  return %0, %1 : vector<8xf32>, vector<8xf32>
}
