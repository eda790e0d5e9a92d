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

// [begin, end) is memory that stays unchanged until forgotten: a loaded
// module's constants. A B operand inside it is packed once and the packing
// reused by later calls. If `fileBacked` (a read-only mapping of a file that
// is not rewritten), the pages of a packed B are dropped from the process
// once packed: the kernels read only the packing, and any other reader gets
// them back from the page cache. Peak memory then holds the weights once.
void registerConstantMemory(const void *begin, const void *end,
                            bool fileBacked);
// Drops the packings of B operands in [begin, end); call before unmapping.
void forgetConstantMemory(const void *begin, const void *end);

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_KERNELS_KERNELS_H
