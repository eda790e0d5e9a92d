// RUN: jaxc-opt %s --jaxc-precise-math-to-libm | FileCheck %s

// CHECK-DAG: func.func private @expm1f(f32) -> f32
// CHECK-DAG: func.func private @log1p(f64) -> f64
// CHECK-LABEL: func.func @f
// CHECK: call @expm1f(%{{.*}}) : (f32) -> f32
// CHECK: call @log1p(%{{.*}}) : (f64) -> f64
// CHECK: math.exp
func.func @f(%x: f32, %y: f64) -> (f32, f64, f32) {
  %0 = math.expm1 %x : f32
  %1 = math.log1p %y : f64
  %2 = math.exp %x : f32
  return %0, %1, %2 : f32, f64, f32
}
