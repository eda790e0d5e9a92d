//===- format.h - Print tensors the way iree-run-module does ---*- C++ -*-===//
//
//   3xf32=4.84147 5.9093 6.14112
//   2x3xf32=[1 2 3][4 5 6]
//   2x2x2xi32=[[1 2][3 4]][[5 6][7 8]]
//   f32=3
//   0x3xf32=
//
// Floats print with %g (f16 and bf16 through float), i1 as 1 or 0, integers
// in decimal, complex as 1+2j.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_TOOLING_FORMAT_H
#define JAXC_TOOLING_FORMAT_H

#include <cstdint>
#include <string>
#include <vector>

#include "jaxc/runtime/runtime.h"
#include "jaxc/tooling/host_tensor.h"

namespace jaxc::tooling {

// "2x3"; "" for rank 0.
std::string formatShape(const std::vector<int64_t> &shape);

// "2x3xf32"; "f32" for rank 0.
std::string formatTensorType(jaxc_dtype_t dtype,
                             const std::vector<int64_t> &shape);
std::string formatTensorType(const jaxc_tensor_type_t &type);

// One element, e.g. "4.84147", "-3", "1+2j".
std::string formatElement(const HostTensor &tensor, int64_t flatIndex);

// The whole tensor: type, '=', the elements.
std::string formatBufferView(const HostTensor &tensor);

} // namespace jaxc::tooling

#endif // JAXC_TOOLING_FORMAT_H
