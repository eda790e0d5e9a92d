// RUN: jaxc-opt %s --jaxc-expand-arith | FileCheck %s
// RUN: jaxc-opt %s --jaxc-expand-arith=select-bf16-min-max | FileCheck %s --check-prefix=SELECT

// maximumf/minimumf stay (for llvm.maximum/minimum); bf16 conversions
// become integer arithmetic.
// CHECK-LABEL: func.func @bf16_maximum
// CHECK: arith.maximumf %{{.*}}, %{{.*}} : vector<8xf32>
// CHECK-NOT: arith.truncf
// CHECK-NOT: arith.extf
// CHECK-LABEL: func.func @bf16_minimum

// With select-bf16-min-max: compares in f32, a select of the bf16 operands,
// the lhs on a tie only if it is the preferred zero (+0 for maximum, -0 for
// minimum), a NaN as the canonical quiet NaN.
// SELECT-LABEL: func.func @bf16_maximum
// SELECT-SAME: (%[[A:.*]]: vector<8xbf16>, %[[B:.*]]: vector<8xbf16>)
// SELECT-DAG: %[[NAN:.*]] = arith.cmpf uno, %[[X:.*]], %[[Y:.*]] : vector<8xf32>
// SELECT-DAG: %[[LHS_WINS:.*]] = arith.cmpf ogt, %[[X]], %[[Y]] : vector<8xf32>
// SELECT-DAG: %[[RHS_WINS:.*]] = arith.cmpf ogt, %[[Y]], %[[X]] : vector<8xf32>
// SELECT-DAG: %[[ZERO:.*]] = arith.constant dense<0> : vector<8xi16>
// SELECT-DAG: %[[PREFERRED:.*]] = arith.cmpi eq, %{{.*}}, %[[ZERO]] : vector<8xi16>
// SELECT: %[[CHOSEN:.*]] = arith.select %{{.*}}, %[[A]], %[[B]] : vector<8xi1>, vector<8xbf16>
// SELECT: arith.select %[[NAN]], %{{.*}}, %[[CHOSEN]] : vector<8xi1>, vector<8xbf16>
// SELECT-NOT: arith.maximumf
func.func @bf16_maximum(%a: vector<8xbf16>, %b: vector<8xbf16>) -> vector<8xbf16> {
  %x = arith.extf %a : vector<8xbf16> to vector<8xf32>
  %y = arith.extf %b : vector<8xbf16> to vector<8xf32>
  %m = arith.maximumf %x, %y : vector<8xf32>
  %r = arith.truncf %m : vector<8xf32> to vector<8xbf16>
  return %r : vector<8xbf16>
}

// SELECT-LABEL: func.func @bf16_minimum
// SELECT-DAG: arith.cmpf olt
// SELECT-DAG: arith.constant -32768 : i16
// SELECT-NOT: arith.minimumf
func.func @bf16_minimum(%a: bf16, %b: bf16) -> bf16 {
  %x = arith.extf %a : bf16 to f32
  %y = arith.extf %b : bf16 to f32
  %m = arith.minimumf %x, %y : f32
  %r = arith.truncf %m : f32 to bf16
  return %r : bf16
}

// An f16 maximum is left to llvm.maximum in either mode.
// SELECT-LABEL: func.func @f16_maximum
// SELECT: arith.maximumf
func.func @f16_maximum(%a: f16, %b: f16) -> f16 {
  %x = arith.extf %a : f16 to f32
  %y = arith.extf %b : f16 to f32
  %m = arith.maximumf %x, %y : f32
  %r = arith.truncf %m : f32 to f16
  return %r : f16
}
