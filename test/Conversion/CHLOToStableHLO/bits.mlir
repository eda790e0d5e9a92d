// RUN: jaxc-opt %s --jaxc-chlo-to-stablehlo --cse | FileCheck %s

// next_after steps the integer representation of x toward y; it stays in
// the operands' width (bf16: i16).
// CHECK-LABEL: func.func @next_after
// CHECK-DAG: %[[X_BITS:.*]] = stablehlo.bitcast_convert %arg0 : (tensor<4xbf16>) -> tensor<4xi16>
// CHECK-DAG: %[[Y_BITS:.*]] = stablehlo.bitcast_convert %arg1 : (tensor<4xbf16>) -> tensor<4xi16>
// CHECK-DAG: %[[MAGNITUDE_MASK:.*]] = stablehlo.constant dense<32767> : tensor<4xi16>
// CHECK-DAG: %[[X_MAGNITUDE:.*]] = stablehlo.and %[[X_BITS]], %[[MAGNITUDE_MASK]]
// CHECK-DAG: %[[Y_MAGNITUDE:.*]] = stablehlo.and %[[Y_BITS]], %[[MAGNITUDE_MASK]]
// CHECK-DAG: %[[SIGN_MASK:.*]] = stablehlo.constant dense<-32768> : tensor<4xi16>
// CHECK-DAG: %[[X_SIGN:.*]] = stablehlo.and %[[X_BITS]], %[[SIGN_MASK]]
// CHECK-DAG: %[[Y_SIGN:.*]] = stablehlo.and %[[Y_BITS]], %[[SIGN_MASK]]
// CHECK-DAG: %[[ONE:.*]] = stablehlo.constant dense<1> : tensor<4xi16>
// CHECK-DAG: %[[MINUS_ONE:.*]] = stablehlo.constant dense<-1> : tensor<4xi16>
// CHECK-DAG: %[[LARGER:.*]] = stablehlo.compare GT, %[[X_MAGNITUDE]], %[[Y_MAGNITUDE]]
// CHECK-DAG: %[[SIGNS_DIFFER:.*]] = stablehlo.compare NE, %[[X_SIGN]], %[[Y_SIGN]]
// CHECK-DAG: %[[TOWARD_ZERO:.*]] = stablehlo.or %[[SIGNS_DIFFER]], %[[LARGER]]
// CHECK-DAG: %[[STEP:.*]] = stablehlo.select %[[TOWARD_ZERO]], %[[MINUS_ONE]], %[[ONE]]
// CHECK-DAG: %[[STEPPED:.*]] = stablehlo.add %[[X_BITS]], %[[STEP]]
// CHECK-DAG: %[[SMALLEST:.*]] = stablehlo.or %[[Y_SIGN]], %[[ONE]]
// CHECK-DAG: %[[FROM_ZERO:.*]] = stablehlo.select %{{.*}}, %[[Y_BITS]], %[[SMALLEST]]
// CHECK-DAG: %[[NONZERO:.*]] = stablehlo.select %{{.*}}, %[[FROM_ZERO]], %[[STEPPED]]
// CHECK-DAG: %[[EQUAL:.*]] = stablehlo.compare EQ, %arg0, %arg1
// CHECK-DAG: %[[NOT_EQUAL:.*]] = stablehlo.select %[[EQUAL]], %[[Y_BITS]], %[[NONZERO]]
// CHECK-DAG: %[[NAN:.*]] = stablehlo.constant dense<0x7FC0> : tensor<4xbf16>
// CHECK-DAG: %[[NAN_BITS:.*]] = stablehlo.bitcast_convert %[[NAN]]
// CHECK: %[[RESULT:.*]] = stablehlo.select %{{.*}}, %[[NAN_BITS]], %[[NOT_EQUAL]]
// CHECK: stablehlo.bitcast_convert %[[RESULT]] : (tensor<4xi16>) -> tensor<4xbf16>
func.func @next_after(%x: tensor<4xbf16>, %y: tensor<4xbf16>) -> tensor<4xbf16> {
  %0 = chlo.next_after %x, %y : tensor<4xbf16>, tensor<4xbf16> -> tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// Exact comparisons, in the operands' type.
// CHECK-LABEL: func.func @is_inf
// CHECK-NOT: stablehlo.convert
// CHECK-DAG: %[[ABS:.*]] = stablehlo.abs %arg0
// CHECK-DAG: %[[INF:.*]] = stablehlo.constant dense<0x7C00> : tensor<4xf16>
// CHECK-DAG: %[[IS_INF:.*]] = stablehlo.compare EQ, %[[ABS]], %[[INF]]
// CHECK-DAG: %[[IS_POS_INF:.*]] = stablehlo.compare EQ, %arg0, %[[INF]]
// CHECK-DAG: %[[MINUS_INF:.*]] = stablehlo.constant dense<0xFC00> : tensor<4xf16>
// CHECK-DAG: %[[IS_NEG_INF:.*]] = stablehlo.compare EQ, %arg0, %[[MINUS_INF]]
// CHECK: return %[[IS_INF]], %[[IS_POS_INF]], %[[IS_NEG_INF]]
func.func @is_inf(%x: tensor<4xf16>) -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = chlo.is_inf %x : tensor<4xf16> -> tensor<4xi1>
  %1 = chlo.is_pos_inf %x : tensor<4xf16> -> tensor<4xi1>
  %2 = chlo.is_neg_inf %x : tensor<4xf16> -> tensor<4xi1>
  return %0, %1, %2 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}
