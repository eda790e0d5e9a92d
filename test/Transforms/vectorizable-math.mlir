// RUN: jaxc-opt %s --jaxc-vectorizable-math="ops=math.tanh,math.exp" | FileCheck %s

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

// tanh's two branches share one division: selects pick its operands, and
// an fma of its quotient gives the magnitude.
// CHECK-LABEL: func.func @tanh_f32
// CHECK: arith.cmpf ult
// CHECK: arith.select
// CHECK: arith.divf
// CHECK-NOT: arith.divf
// CHECK: math.fma
// CHECK-NEXT: math.copysign
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
