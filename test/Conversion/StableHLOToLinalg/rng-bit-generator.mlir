// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg --split-input-file --verify-diagnostics | FileCheck %s

// THREE_FRY below 64 bits splits the output along its first even dimension:
// element (i, j) is word j mod 2 of block i * 2 + j / 2, whose counter is
// the state's plus the block. Twenty rounds, each with one rotation; the
// counter advances by the six blocks.
// CHECK-LABEL: func.func @three_fry_u32
// CHECK-SAME: (%[[STATE:.*]]: tensor<2xi64>)
// CHECK: %[[KEY:.*]] = tensor.extract %[[STATE]][%{{.*}}] : tensor<2xi64>
// CHECK: %[[COUNTER:.*]] = tensor.extract %[[STATE]][%{{.*}}] : tensor<2xi64>
// CHECK: linalg.generic
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK: %[[J:.*]] = linalg.index 1 : index
// CHECK: %[[TWO:.*]] = arith.constant 2 : index
// CHECK: %[[WORD:.*]] = arith.remui %[[J]], %[[TWO]] : index
// CHECK: %[[HALF_J:.*]] = arith.divui %[[J]], %[[TWO]] : index
// CHECK: %[[ROW:.*]] = arith.muli %[[I]], %{{.*}} : index
// CHECK: %[[BLOCK:.*]] = arith.addi %[[ROW]], %[[HALF_J]] : index
// CHECK: %[[OFFSET:.*]] = arith.index_castui %[[BLOCK]] : index to i64
// CHECK: arith.addi %[[COUNTER]], %[[OFFSET]] : i64
// CHECK: arith.constant 466688986 : i32
// CHECK-COUNT-20: arith.shli %{{.*}}, %{{.*}} : i32
// CHECK-NOT: arith.shli %{{.*}}, %{{.*}} : i32
// CHECK: %[[IS_ODD:.*]] = arith.cmpi eq, %[[WORD]], %{{.*}} : index
// CHECK: %[[BITS:.*]] = arith.select %[[IS_ODD]], %{{.*}}, %{{.*}} : i32
// CHECK: linalg.yield %[[BITS]] : i32
// CHECK: %[[BLOCKS:.*]] = arith.constant 6 : i64
// CHECK: %[[NEXT:.*]] = arith.addi %[[COUNTER]], %[[BLOCKS]] : i64
// CHECK: tensor.from_elements %[[KEY]], %[[NEXT]] : tensor<2xi64>
func.func @three_fry_u32(%state: tensor<2xui64>) -> (tensor<2xui64>, tensor<3x4xui32>) {
  %0:2 = stablehlo.rng_bit_generator %state, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<3x4xui32>)
  return %0#0, %0#1 : tensor<2xui64>, tensor<3x4xui32>
}

// -----

// THREE_FRY at 64 bits: block i gives element i, its two words joined low
// first. A scalar is one block.
// CHECK-LABEL: func.func @three_fry_u64_scalar
// CHECK: linalg.generic
// CHECK-COUNT-20: arith.shli %{{.*}}, %{{.*}} : i32
// CHECK: %[[LOW:.*]] = arith.extui %{{.*}} : i32 to i64
// CHECK: %[[HIGH:.*]] = arith.extui %{{.*}} : i32 to i64
// CHECK: %[[SHIFTED:.*]] = arith.shli %[[HIGH]], %{{.*}} : i64
// CHECK: %[[JOINED:.*]] = arith.ori %[[LOW]], %[[SHIFTED]] : i64
// CHECK: linalg.yield %[[JOINED]] : i64
// CHECK: arith.constant 1 : i64
func.func @three_fry_u64_scalar(%state: tensor<2xui64>) -> (tensor<2xui64>, tensor<ui64>) {
  %0:2 = stablehlo.rng_bit_generator %state, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<ui64>)
  return %0#0, %0#1 : tensor<2xui64>, tensor<ui64>
}

// -----

// PHILOX with two state words: the counter's high half is the key, only
// the low half is written back. 64 bits: two elements per block of four
// words; ten rounds of two multiplications (0xD2511F53, 0xCD9E8D57).
// CHECK-LABEL: func.func @philox_two_words_u64
// CHECK-SAME: (%[[STATE:.*]]: tensor<2xi64>)
// CHECK: %[[KEY:.*]] = tensor.extract %[[STATE]][%{{.*}}] : tensor<2xi64>
// CHECK: %[[COUNTER:.*]] = tensor.extract %[[STATE]][%{{.*}}] : tensor<2xi64>
// CHECK: linalg.generic
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK: %[[TWO:.*]] = arith.constant 2 : index
// CHECK: %[[SLOT:.*]] = arith.remui %[[I]], %[[TWO]] : index
// CHECK: %[[BLOCK:.*]] = arith.divui %[[I]], %[[TWO]] : index
// CHECK: %[[OFFSET:.*]] = arith.index_castui %[[BLOCK]] : index to i64
// CHECK: %[[LOW:.*]] = arith.addi %[[COUNTER]], %[[OFFSET]] : i64
// CHECK: %[[CARRY:.*]] = arith.cmpi ult, %[[LOW]], %[[COUNTER]] : i64
// CHECK: %[[CARRY64:.*]] = arith.extui %[[CARRY]] : i1 to i64
// CHECK: arith.addi %[[KEY]], %[[CARRY64]] : i64
// CHECK: %[[M0:.*]] = arith.constant -766435501 : i32
// CHECK: arith.mului_extended %{{.*}}, %[[M0]] : i32
// CHECK: %[[M1:.*]] = arith.constant -845247145 : i32
// CHECK: arith.mului_extended %{{.*}}, %[[M1]] : i32
// CHECK-COUNT-18: arith.mului_extended
// CHECK-NOT: arith.mului_extended
// CHECK: arith.cmpi eq, %[[SLOT]], %{{.*}} : index
// CHECK: arith.ori %{{.*}}, %{{.*}} : i64
// CHECK: linalg.yield
// CHECK: %[[BLOCKS:.*]] = arith.constant 2 : i64
// CHECK: %[[NEXT:.*]] = arith.addi %[[COUNTER]], %[[BLOCKS]] : i64
// CHECK-NEXT: tensor.from_elements %[[KEY]], %[[NEXT]] : tensor<2xi64>
func.func @philox_two_words_u64(%state: tensor<2xui64>) -> (tensor<2xui64>, tensor<3xui64>) {
  %0:2 = stablehlo.rng_bit_generator %state, algorithm = PHILOX : (tensor<2xui64>) -> (tensor<2xui64>, tensor<3xui64>)
  return %0#0, %0#1 : tensor<2xui64>, tensor<3xui64>
}

// -----

// DEFAULT is PHILOX, as on XLA's CPU backend. Three state words: a 128-bit
// counter, both halves written back. Below 32 bits a word is truncated;
// four elements per block.
// CHECK-LABEL: func.func @default_three_words_u8
// CHECK-SAME: (%[[STATE:.*]]: tensor<3xi64>)
// CHECK: %[[KEY:.*]] = tensor.extract %[[STATE]][%{{.*}}] : tensor<3xi64>
// CHECK: %[[LOW:.*]] = tensor.extract %[[STATE]][%{{.*}}] : tensor<3xi64>
// CHECK: %[[HIGH:.*]] = tensor.extract %[[STATE]][%{{.*}}] : tensor<3xi64>
// CHECK: linalg.generic
// CHECK: %[[FOUR:.*]] = arith.constant 4 : index
// CHECK: arith.remui %{{.*}}, %[[FOUR]] : index
// CHECK: arith.divui %{{.*}}, %[[FOUR]] : index
// CHECK-COUNT-20: arith.mului_extended
// CHECK: %[[BYTE:.*]] = arith.trunci %{{.*}} : i32 to i8
// CHECK: linalg.yield %[[BYTE]] : i8
// CHECK: %[[BLOCKS:.*]] = arith.constant 2 : i64
// CHECK: %[[NEXT_LOW:.*]] = arith.addi %[[LOW]], %[[BLOCKS]] : i64
// CHECK: %[[CARRY:.*]] = arith.cmpi ult, %[[NEXT_LOW]], %[[LOW]] : i64
// CHECK: %[[CARRY64:.*]] = arith.extui %[[CARRY]] : i1 to i64
// CHECK: %[[NEXT_HIGH:.*]] = arith.addi %[[HIGH]], %[[CARRY64]] : i64
// CHECK: tensor.from_elements %[[KEY]], %[[NEXT_LOW]], %[[NEXT_HIGH]] : tensor<3xi64>
func.func @default_three_words_u8(%state: tensor<3xui64>) -> (tensor<3xui64>, tensor<5xui8>) {
  %0:2 = stablehlo.rng_bit_generator %state, algorithm = DEFAULT : (tensor<3xui64>) -> (tensor<3xui64>, tensor<5xui8>)
  return %0#0, %0#1 : tensor<3xui64>, tensor<5xui8>
}
