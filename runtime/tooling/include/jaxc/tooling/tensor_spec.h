//===- tensor_spec.h - Parse IREE's --input= tensor syntax -----*- C++ -*-===//
//
// The syntax of iree-run-module's --input and --expected_output:
//
//   2x3xf32=1,2,3,4,5,6        values separated by commas and/or spaces
//   2x3xf32=[1 2 3][4 5 6]     brackets are separators (they must balance)
//   f32=3.5                    rank 0
//   3xf32=0                    one value for N elements is splatted
//   1x3x224x224xf32            no values: zero-filled
//   3xi1=true,false,1          i1 takes true/false/1/0
//   2xcomplex<f32>=1,2,3,4     complex: real,imag pairs, or 1+2j per value
//   @path.npy                  a NumPy file
//
// Element types: i1 i8 i16 i32 i64 ui8 ui16 ui32 ui64 f16 bf16 f32 f64
// complex<f32> complex<f64>. Floats take decimal, hex (0x1.8p1), nan, inf
// and -inf; integers are range-checked against their type.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_TOOLING_TENSOR_SPEC_H
#define JAXC_TOOLING_TENSOR_SPEC_H

#include <cstdint>
#include <string_view>

#include "jaxc/tooling/host_tensor.h"
#include "jaxc/tooling/status.h"

namespace jaxc::tooling {

// This machine's physical memory in bytes.
uint64_t physicalMemoryBytes();

// Errors quote the spec and the flag it came from, e.g.
//   invalid --input "3xf32=1,2": 2 values for 3 elements
//   invalid --input "3xf32=1,abc,3": bad number "abc" at position 1
// where a position counts values from 0.
// A tensor of more than `maxBytes` (this machine's memory by default) is
// refused before anything is allocated: "invalid --input
// \"2241x3224x2224xf32\": shape 2241x3224x2224 of f32 needs 64273457664
// bytes, more than this machine's 25769803776".
Expected<HostTensor> parseTensorSpec(std::string_view spec,
                                     std::string_view flagName = "--input",
                                     uint64_t maxBytes = physicalMemoryBytes());

} // namespace jaxc::tooling

#endif // JAXC_TOOLING_TENSOR_SPEC_H
