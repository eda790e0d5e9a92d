//===- kernels.h - The f32 kernels of jaxc_context_t ------------*- C++ -*-===//
//
// The matmul_f32 and conv2d_f32 services (module_format.h). Every output
// element is one chain of fused multiply-adds over k in increasing order,
// starting from +0, whatever the thread count, the tiling or the CPU's
// microkernel, so results are bitwise reproducible.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_KERNELS_KERNELS_H
#define JAXC_RUNTIME_SRC_KERNELS_KERNELS_H

#include "jaxc/runtime/module_format.h"

namespace jaxc::runtime::impl {

void jaxcMatmulF32(jaxc_context_t *ctx, const jaxc_matmul_f32_args_t *args);
void jaxcConv2dF32(jaxc_context_t *ctx, const jaxc_conv2d_f32_args_t *args);

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_KERNELS_KERNELS_H
