// RUN: jaxc-opt %s --split-input-file --jaxc-results-to-out-params | FileCheck %s

// A fresh allocation returned once is computed in the caller's buffer; a
// value returned twice, an argument or a global is copied.
// CHECK-LABEL: func.func @results
// CHECK-SAME: (%[[IN:.*]]: memref<4xf32>, %[[OUT0:.*]]: memref<4xf32>, %[[OUT1:.*]]: memref<4xf32>, %[[OUT2:.*]]: memref<4xf32>, %[[OUT3:.*]]: memref<4xf32>)
// CHECK-NOT: memref.alloc
// CHECK: linalg.copy ins(%[[IN]] : memref<4xf32>) outs(%[[OUT0]] : memref<4xf32>)
// CHECK: %[[TWICE:.*]] = memref.alloc
// CHECK: memref.copy %[[TWICE]], %[[OUT1]]
// CHECK: memref.copy %[[TWICE]], %[[OUT2]]
// CHECK: memref.copy %[[IN]], %[[OUT3]]
// CHECK: return{{$}}
func.func @results(%in: memref<4xf32>) -> (memref<4xf32>, memref<4xf32>, memref<4xf32>, memref<4xf32>) {
  %once = memref.alloc() : memref<4xf32>
  linalg.copy ins(%in : memref<4xf32>) outs(%once : memref<4xf32>)
  %twice = memref.alloc() : memref<4xf32>
  return %once, %twice, %twice, %in : memref<4xf32>, memref<4xf32>, memref<4xf32>, memref<4xf32>
}

// -----

// Empty buffers of rank > 1 travel as rank-1 empty buffers.
// CHECK-LABEL: func.func @empty
// CHECK-SAME: (%[[ARG:.*]]: memref<0xf32>, %[[OUT:.*]]: memref<0xf32>)
// CHECK-DAG: memref.reinterpret_cast %[[ARG]] to offset: [0], sizes: [2, 0], strides: [0, 1] : memref<0xf32> to memref<2x0xf32>
// CHECK-DAG: memref.reinterpret_cast %[[OUT]] to offset: [0], sizes: [2, 0], strides: [0, 1] : memref<0xf32> to memref<2x0xf32>
func.func @empty(%in: memref<2x0xf32>) -> memref<2x0xf32> {
  return %in : memref<2x0xf32>
}

// -----

// CHECK-LABEL: func.func @empty_middle
// CHECK: memref.reinterpret_cast %{{.*}} to offset: [0], sizes: [2, 3, 0, 6], strides: [0, 0, 6, 1] : memref<0xf32> to memref<2x3x0x6xf32>
func.func @empty_middle(%in: memref<2x3x0x6xf32>) -> memref<2x3x0x6xf32> {
  return %in : memref<2x3x0x6xf32>
}
