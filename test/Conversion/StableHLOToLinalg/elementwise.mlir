// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// One linalg.generic per op, identity maps, the element computed in the body.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0) -> ()>
// CHECK-DAG: #[[RANK0:.*]] = affine_map<() -> ()>
// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>

// CHECK-LABEL: func.func @add_float
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<4xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[ID]], #[[ID]]], iterator_types = ["parallel"]}
// CHECK-SAME: ins(%arg0, %arg1 : tensor<4xf32>, tensor<4xf32>) outs(%[[INIT]] : tensor<4xf32>)
// CHECK: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[SUM:.*]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK: linalg.yield %[[SUM]] : f32
func.func @add_float(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.add %x, %y : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// On i1, add is or and multiply is and.
// CHECK-LABEL: func.func @pred_add_multiply
// CHECK: arith.ori %{{.*}}, %{{.*}} : i1
// CHECK: arith.andi %{{.*}}, %{{.*}} : i1
func.func @pred_add_multiply(%x: tensor<4xi1>, %y: tensor<4xi1>) -> tensor<4xi1> {
  %0 = stablehlo.add %x, %y : tensor<4xi1>
  %1 = stablehlo.multiply %0, %y : tensor<4xi1>
  return %1 : tensor<4xi1>
}

// CHECK-LABEL: func.func @maximum_by_kind
// CHECK: arith.maximumf
// CHECK: arith.maxsi
// CHECK: arith.maxui
// CHECK: arith.minimumf
// CHECK: arith.minsi
// CHECK: arith.minui
func.func @maximum_by_kind(%f: tensor<4xf32>, %s: tensor<4xi32>, %u: tensor<4xui32>) -> (tensor<4xf32>, tensor<4xi32>, tensor<4xui32>, tensor<4xf32>, tensor<4xi32>, tensor<4xui32>) {
  %0 = stablehlo.maximum %f, %f : tensor<4xf32>
  %1 = stablehlo.maximum %s, %s : tensor<4xi32>
  %2 = stablehlo.maximum %u, %u : tensor<4xui32>
  %3 = stablehlo.minimum %f, %f : tensor<4xf32>
  %4 = stablehlo.minimum %s, %s : tensor<4xi32>
  %5 = stablehlo.minimum %u, %u : tensor<4xui32>
  return %0, %1, %2, %3, %4, %5 : tensor<4xf32>, tensor<4xi32>, tensor<4xui32>, tensor<4xf32>, tensor<4xi32>, tensor<4xui32>
}

// Signed division: x / 0 = -1 and INT_MIN / -1 = INT_MIN, by dividing by 1
// where divsi is undefined.
// CHECK-LABEL: func.func @divide_signed
// CHECK: ^bb0(%[[X:.*]]: i32, %[[Y:.*]]: i32, %{{.*}}: i32):
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK-DAG: %[[ALL_ONES:.*]] = arith.constant -1 : i32
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK: %[[BY_ZERO:.*]] = arith.cmpi eq, %[[Y]], %[[ZERO]] : i32
// CHECK: %[[INT_MIN:.*]] = arith.constant -2147483648 : i32
// CHECK: %[[IS_MIN:.*]] = arith.cmpi eq, %[[X]], %[[INT_MIN]] : i32
// CHECK: %[[IS_NEG_ONE:.*]] = arith.cmpi eq, %[[Y]], %[[ALL_ONES]] : i32
// CHECK: %[[OVERFLOW:.*]] = arith.andi %[[IS_MIN]], %[[IS_NEG_ONE]] : i1
// CHECK: %[[UNDEFINED:.*]] = arith.ori %[[BY_ZERO]], %[[OVERFLOW]] : i1
// CHECK: %[[SAFE:.*]] = arith.select %[[UNDEFINED]], %[[ONE]], %[[Y]] : i32
// CHECK: %[[QUOTIENT:.*]] = arith.divsi %[[X]], %[[SAFE]] : i32
// CHECK: %[[RESULT:.*]] = arith.select %[[BY_ZERO]], %[[ALL_ONES]], %[[QUOTIENT]] : i32
// CHECK: linalg.yield %[[RESULT]] : i32
func.func @divide_signed(%x: tensor<4xi32>, %y: tensor<4xi32>) -> tensor<4xi32> {
  %0 = stablehlo.divide %x, %y : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// CHECK-LABEL: func.func @divide_unsigned
// CHECK-NOT: arith.divsi
// CHECK: arith.divui
func.func @divide_unsigned(%x: tensor<4xui8>, %y: tensor<4xui8>) -> tensor<4xui8> {
  %0 = stablehlo.divide %x, %y : tensor<4xui8>
  return %0 : tensor<4xui8>
}

// x % 0 = x.
// CHECK-LABEL: func.func @remainder
// CHECK: arith.remf
// CHECK: ^bb0(%[[X:.*]]: i16, %[[Y:.*]]: i16, %{{.*}}: i16):
// CHECK: %[[BY_ZERO:.*]] = arith.cmpi eq, %[[Y]]
// CHECK: %[[REM:.*]] = arith.remsi %[[X]]
// CHECK: arith.select %[[BY_ZERO]], %[[X]], %[[REM]] : i16
func.func @remainder(%f: tensor<4xf64>, %s: tensor<4xi16>) -> (tensor<4xf64>, tensor<4xi16>) {
  %0 = stablehlo.remainder %f, %f : tensor<4xf64>
  %1 = stablehlo.remainder %s, %s : tensor<4xi16>
  return %0, %1 : tensor<4xf64>, tensor<4xi16>
}

// bf16 and f16 arithmetic computes in f32 and rounds back; negate does not.
// CHECK-LABEL: func.func @half_in_f32
// CHECK: ^bb0(%[[X:.*]]: bf16, %[[Y:.*]]: bf16, %{{.*}}: bf16):
// CHECK: %[[WX:.*]] = arith.extf %[[X]] : bf16 to f32
// CHECK: %[[WY:.*]] = arith.extf %[[Y]] : bf16 to f32
// CHECK: %[[MUL:.*]] = arith.mulf %[[WX]], %[[WY]] : f32
// CHECK: %[[ROUNDED:.*]] = arith.truncf %[[MUL]] : f32 to bf16
// CHECK: linalg.yield %[[ROUNDED]] : bf16
// CHECK: ^bb0(%[[H:.*]]: f16, %{{.*}}: f16):
// CHECK: %[[WH:.*]] = arith.extf %[[H]] : f16 to f32
// CHECK: %[[EXP:.*]] = math.exp %[[WH]] : f32
// CHECK: arith.truncf %[[EXP]] : f32 to f16
// CHECK: ^bb0(%[[N:.*]]: bf16, %{{.*}}: bf16):
// CHECK-NEXT: %[[NEG:.*]] = arith.negf %[[N]] : bf16
// CHECK-NEXT: linalg.yield %[[NEG]] : bf16
func.func @half_in_f32(%x: tensor<4xbf16>, %h: tensor<4xf16>) -> (tensor<4xbf16>, tensor<4xf16>, tensor<4xbf16>) {
  %0 = stablehlo.multiply %x, %x : tensor<4xbf16>
  %1 = stablehlo.exponential %h : tensor<4xf16>
  %2 = stablehlo.negate %x : tensor<4xbf16>
  return %0, %1, %2 : tensor<4xbf16>, tensor<4xf16>, tensor<4xbf16>
}

// Shifts past the bit width give 0, or the sign fill for arithmetic shifts.
// CHECK-LABEL: func.func @shifts
// CHECK: ^bb0(%[[X:.*]]: i32, %[[S:.*]]: i32, %{{.*}}: i32):
// CHECK: %[[SHL:.*]] = arith.shli %[[X]], %[[S]] : i32
// CHECK: %[[PAST:.*]] = arith.cmpi uge, %[[S]], %c32_i32 : i32
// CHECK: arith.select %[[PAST]], %c0_i32, %[[SHL]] : i32
// CHECK: arith.shrui
// CHECK: ^bb0(%[[Y:.*]]: i32, %[[T:.*]]: i32, %{{.*}}: i32):
// CHECK: %[[SHR:.*]] = arith.shrsi %[[Y]], %[[T]] : i32
// CHECK: %[[PAST2:.*]] = arith.cmpi uge, %[[T]], %c32_i32{{.*}} : i32
// CHECK: %[[FILL:.*]] = arith.shrsi %[[Y]], %c31_i32 : i32
// CHECK: arith.select %[[PAST2]], %[[FILL]], %[[SHR]] : i32
func.func @shifts(%x: tensor<4xi32>, %s: tensor<4xi32>) -> (tensor<4xi32>, tensor<4xi32>, tensor<4xi32>) {
  %0 = stablehlo.shift_left %x, %s : tensor<4xi32>
  %1 = stablehlo.shift_right_logical %x, %s : tensor<4xi32>
  %2 = stablehlo.shift_right_arithmetic %x, %s : tensor<4xi32>
  return %0, %1, %2 : tensor<4xi32>, tensor<4xi32>, tensor<4xi32>
}

// Float sign is copysign(x != 0 ? 1 : 0, x), and x for NaN: a fresh signed
// zero, so that a subnormal x read as zero (DAZ) gives +-0, not x.
// CHECK-LABEL: func.func @sign
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[NONZERO:.*]] = arith.cmpf one, %[[X]], %[[ZERO:.*]] : f32
// CHECK: %[[MAGNITUDE:.*]] = arith.select %[[NONZERO]], %{{.*}}, %[[ZERO]] : f32
// CHECK: %[[SIGNED:.*]] = math.copysign %[[MAGNITUDE]], %[[X]] : f32
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %[[X]], %[[X]] : f32
// CHECK: arith.select %[[NAN]], %[[X]], %[[SIGNED]] : f32
// CHECK: ^bb0(%[[I:.*]]: i8, %{{.*}}: i8):
// CHECK: %[[NONZERO:.*]] = arith.cmpi ne, %[[I]], %c0_i8 : i8
// CHECK: %[[ONE:.*]] = arith.extui %[[NONZERO]] : i1 to i8
// CHECK: %[[SPREAD:.*]] = arith.shrsi %[[I]], %c7_i8 : i8
// CHECK: arith.ori %[[SPREAD]], %[[ONE]] : i8
func.func @sign(%f: tensor<4xf32>, %i: tensor<4xi8>) -> (tensor<4xf32>, tensor<4xi8>) {
  %0 = stablehlo.sign %f : tensor<4xf32>
  %1 = stablehlo.sign %i : tensor<4xi8>
  return %0, %1 : tensor<4xf32>, tensor<4xi8>
}

// CHECK-LABEL: func.func @bits
// CHECK: %[[TRUE:.*]] = arith.constant true
// CHECK: arith.xori %{{.*}}, %[[TRUE]] : i1
// CHECK: math.ctpop %{{.*}} : i32
// CHECK: math.ctlz %{{.*}} : i64
// CHECK: math.absi %{{.*}} : i16
func.func @bits(%p: tensor<4xi1>, %i: tensor<4xi32>, %l: tensor<4xi64>, %s: tensor<4xi16>) -> (tensor<4xi1>, tensor<4xi32>, tensor<4xi64>, tensor<4xi16>) {
  %0 = stablehlo.not %p : tensor<4xi1>
  %1 = stablehlo.popcnt %i : tensor<4xi32>
  %2 = stablehlo.count_leading_zeros %l : tensor<4xi64>
  %3 = stablehlo.abs %s : tensor<4xi16>
  return %0, %1, %2, %3 : tensor<4xi1>, tensor<4xi32>, tensor<4xi64>, tensor<4xi16>
}

// CHECK-LABEL: func.func @float_functions
// CHECK: math.log1p
// CHECK: math.expm1
// CHECK: math.rsqrt
// CHECK: math.atan2
// CHECK: math.powf
// CHECK: math.roundeven
// CHECK: math.round
// logistic: 1 / (1 + exp(-x)).
// CHECK: %[[NEG:.*]] = arith.negf
// CHECK: %[[EXP:.*]] = math.exp %[[NEG]]
// CHECK: %[[DEN:.*]] = arith.addf %[[ONE:.*]], %[[EXP]]
// CHECK: arith.divf %[[ONE]], %[[DEN]]
// is_finite: |x| != inf, ordered (NaN is not finite).
// CHECK: %[[ABS:.*]] = math.absf
// CHECK: arith.cmpf one, %[[ABS]], %cst{{.*}} : f32
func.func @float_functions(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xi1>) {
  %0 = stablehlo.log_plus_one %x : tensor<4xf32>
  %1 = stablehlo.exponential_minus_one %x : tensor<4xf32>
  %2 = stablehlo.rsqrt %x : tensor<4xf32>
  %3 = stablehlo.atan2 %x, %x : tensor<4xf32>
  %4 = stablehlo.power %x, %x : tensor<4xf32>
  %5 = stablehlo.round_nearest_even %x : tensor<4xf32>
  %6 = stablehlo.round_nearest_afz %x : tensor<4xf32>
  %7 = stablehlo.logistic %x : tensor<4xf32>
  %8 = stablehlo.is_finite %x : (tensor<4xf32>) -> tensor<4xi1>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xi1>
}

// Integer power: squaring over the exponent's bits; negative exponents give
// 0 unless the base is 1 or -1.
// CHECK-LABEL: func.func @power_int
// CHECK: ^bb0(%[[B:.*]]: i32, %[[E:.*]]: i32, %{{.*}}: i32):
// CHECK: %[[ABS_E:.*]] = math.absi %[[E]] : i32
// CHECK: %[[LOOP:.*]]:3 = scf.for %{{.*}} = %c0 to %c32 step %c1 iter_args(%{{.*}} = %c1_i32, %{{.*}} = %[[B]], %{{.*}} = %[[ABS_E]])
// CHECK: %[[NEGATIVE:.*]] = arith.cmpi slt, %[[E]], %c0_i32
// CHECK: %[[UNIT:.*]] = arith.ori
// CHECK: %[[IF_NEGATIVE:.*]] = arith.select %[[UNIT]], %[[LOOP]]#0, %c0_i32
// CHECK: arith.select %[[NEGATIVE]], %[[IF_NEGATIVE]], %[[LOOP]]#0
func.func @power_int(%b: tensor<4xi32>, %e: tensor<4xi32>) -> tensor<4xi32> {
  %0 = stablehlo.power %b, %e : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// A rank-0 pred or bound is read as a scalar everywhere.
// CHECK-LABEL: func.func @select_clamp_rank0
// CHECK: linalg.generic {indexing_maps = [#[[SCALAR]], #[[ID]], #[[ID]], #[[ID]]]
// CHECK: arith.select
// CHECK: linalg.generic {indexing_maps = [#[[SCALAR]], #[[ID]], #[[SCALAR]], #[[ID]]]
// CHECK: ^bb0(%[[LO:.*]]: f32, %[[X:.*]]: f32, %[[HI:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[AT_LEAST:.*]] = arith.maximumf %[[X]], %[[LO]] : f32
// CHECK: arith.minimumf %[[AT_LEAST]], %[[HI]] : f32
func.func @select_clamp_rank0(%p: tensor<i1>, %x: tensor<4xf32>, %y: tensor<4xf32>, %lo: tensor<f32>, %hi: tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = stablehlo.select %p, %x, %y : tensor<i1>, tensor<4xf32>
  %1 = stablehlo.clamp %lo, %x, %hi : (tensor<f32>, tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// Rank 0: a generic with no loops.
// CHECK-LABEL: func.func @rank0
// CHECK: linalg.generic {indexing_maps = [#[[RANK0]], #[[RANK0]], #[[RANK0]]], iterator_types = []}
// CHECK: arith.subi
func.func @rank0(%x: tensor<i64>) -> tensor<i64> {
  %0 = stablehlo.subtract %x, %x : tensor<i64>
  return %0 : tensor<i64>
}

// e5m2 on f32: round to 2 mantissa bits (drop 21), clamp to a 5-bit
// exponent (biased f32 exponents 113..142 stay), keep NaN.
// CHECK-LABEL: func.func @reduce_precision
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[BITS:.*]] = arith.bitcast %[[X]] : f32 to i32
// CHECK: %[[IS_NAN:.*]] = arith.cmpi ugt, %{{.*}}, %c2139095040_i32 : i32
// CHECK: arith.andi %[[BITS]], %c2097152_i32 : i32
// CHECK: arith.shrui %{{.*}}, %c21_i32 : i32
// CHECK: arith.addi %{{.*}}, %c1048575_i32 : i32
// CHECK: arith.andi %{{.*}}, %c-2097152_i32 : i32
// CHECK: arith.cmpi ugt, %{{.*}}, %c1191182336_i32 : i32
// CHECK: arith.cmpi ule, %{{.*}}, %c939524096_i32 : i32
// CHECK: %[[RESULT:.*]] = arith.bitcast %{{.*}} : i32 to f32
// CHECK: arith.select %[[IS_NAN]], %[[X]], %[[RESULT]] : f32
func.func @reduce_precision(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.reduce_precision %x, format = e5m2 : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// Empty tensors: the same generic, which runs no iteration.
// CHECK-LABEL: func.func @empty
// CHECK: linalg.generic {indexing_maps = [#[[ID2]], #[[ID2]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg0 : tensor<0x3xf32>, tensor<0x3xf32>) outs(%{{.*}} : tensor<0x3xf32>)
// CHECK: arith.addf
func.func @empty(%x: tensor<0x3xf32>) -> tensor<0x3xf32> {
  %0 = stablehlo.add %x, %x : tensor<0x3xf32>
  return %0 : tensor<0x3xf32>
}
