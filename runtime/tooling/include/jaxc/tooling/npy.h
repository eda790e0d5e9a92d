//===- npy.h - NumPy .npy files --------------------------------*- C++ -*-===//
//
// Reads format versions 1.0 and 2.0, writes 1.0. Little-endian, C order.
// dtypes: |b1 (i1), |i1 <i2 <i4 <i8, |u1 <u2 <u4 <u8, <f2 <f4 <f8, <c8 <c16.
// bf16 has no NumPy dtype, so it cannot be written.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_TOOLING_NPY_H
#define JAXC_TOOLING_NPY_H

#include <string>
#include <string_view>

#include "jaxc/tooling/host_tensor.h"
#include "jaxc/tooling/status.h"

namespace jaxc::tooling {

// Parses the bytes of a .npy file; `name` is used in error messages.
Expected<HostTensor> parseNpy(std::string_view bytes, std::string_view name);

// The bytes of a version 1.0 .npy file holding the tensor.
Expected<std::string> serializeNpy(const HostTensor &tensor);

// The same on files; errors name the path.
Expected<HostTensor> readNpyFile(const std::string &path);
Status writeNpyFile(const std::string &path, const HostTensor &tensor);

} // namespace jaxc::tooling

#endif // JAXC_TOOLING_NPY_H
