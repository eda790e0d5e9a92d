//===- matmul_f32.cc - Packed f32 GEMM and the matmul_f32 service ---------===//
//
// The loops around the microkernel (gemm.h). B is packed once per call, all
// of it, in parallel; then each task (batch, M block, N block) packs its
// rows of A one K block at a time and sweeps its B panels, each panel
// staying in L1 while the A slivers stream from L2. K blocks run in
// increasing order and the microkernel continues from the C the previous
// block stored, which continues each element's fma chain exactly.
//
//===----------------------------------------------------------------------===//

#include "gemm.h"
#include "kernels.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>
#include <type_traits>

#include <sys/mman.h>
#include <unistd.h>

namespace jaxc::runtime::impl {
namespace {

int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

struct FreeDeleter {
  void operator()(float *data) const { std::free(data); }
};
using AlignedFloats = std::unique_ptr<float[], FreeDeleter>;

AlignedFloats allocateAligned(int64_t count) {
  size_t bytes = (static_cast<size_t>(count) * sizeof(float) + 63) & ~63ul;
  return AlignedFloats(static_cast<float *>(std::aligned_alloc(64, bytes)));
}

// A thread's packing buffer, grown on demand and kept for the next call, so
// that packing allocates nothing in the steady state.
class Scratch {
public:
  float *get(int64_t count) {
    if (count > capacity) {
      data = allocateAligned(count);
      capacity = count;
    }
    return data.get();
  }

private:
  AlignedFloats data;
  int64_t capacity = 0;
};

// The packed B of the call (on the calling thread) and each worker's
// packed A block, or (packing B in the tasks) the call's packed A.
thread_local Scratch packedBScratch;
thread_local Scratch packedAScratch;
thread_local Scratch sharedAScratch;

// Drops the whole pages of [begin, end) from the process. Only for a
// read-only file mapping: touched again, they are read back from the file.
void dropPages(const void *begin, const void *end) {
  uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  uintptr_t first =
      (reinterpret_cast<uintptr_t>(begin) + page - 1) & ~(page - 1);
  uintptr_t last = reinterpret_cast<uintptr_t>(end) & ~(page - 1);
  if (first < last)
    madvise(reinterpret_cast<void *>(first), last - first, MADV_DONTNEED);
}

// Packings of B operands in constant memory (a module's weights), kept
// across calls: weights are then packed once, not on every call.
class ConstantPackings {
public:
  void addRange(const void *begin, const void *end, bool fileBacked) {
    std::lock_guard<std::mutex> lock(mutex);
    ranges.push_back({begin, end, fileBacked});
  }

  void removeRange(const void *begin, const void *end) {
    std::lock_guard<std::mutex> lock(mutex);
    ranges.erase(std::remove_if(ranges.begin(), ranges.end(),
                                [&](const Range &range) {
                                  return range.begin == begin &&
                                         range.end == end;
                                }),
                 ranges.end());
    for (auto it = packings.begin(); it != packings.end();) {
      const void *b = std::get<0>(it->first);
      if (b >= begin && b < end) {
        bytes -= it->second.bytes;
        it = packings.erase(it);
      } else {
        ++it;
      }
    }
  }

  // The packing of g's B for `kernel`, made by pack(buffer) on first use;
  // null when B is not in constant memory or the cache is full.
  template <typename Pack>
  const float *get(const GemmProblem &g, const Microkernel &kernel,
                   int64_t count, Pack &&pack) {
    if (g.bBatch < 0 || g.bRow < 0 || g.bCol < 0)
      return nullptr;
    const float *last = g.b + (g.batch - 1) * g.bBatch + (g.k - 1) * g.bRow +
                        (g.n - 1) * g.bCol;
    Key key{g.b, g.batch, g.k, g.n, g.bBatch, g.bRow, g.bCol, &kernel};
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = packings.find(key); it != packings.end())
      return it->second.data.get();
    size_t size = static_cast<size_t>(count) * sizeof(float);
    auto range =
        std::find_if(ranges.begin(), ranges.end(), [&](const Range &range) {
          return g.b >= range.begin &&
                 static_cast<const void *>(last + 1) <= range.end;
        });
    if (range == ranges.end() || bytes + size > kMaxBytes)
      return nullptr;
    Packing &packing = packings[key];
    packing.data = allocateAligned(count);
    packing.bytes = size;
    bytes += size;
    pack(packing.data.get());
    if (range->fileBacked)
      dropPages(g.b, last + 1);
    return packing.data.get();
  }

private:
  // Packings beyond this pack on every call, as other operands do.
  static constexpr size_t kMaxBytes = size_t{1} << 30;
  struct Range {
    const void *begin, *end;
    bool fileBacked;
  };
  using Key = std::tuple<const float *, int64_t, int64_t, int64_t, int64_t,
                         int64_t, int64_t, const Microkernel *>;
  struct Packing {
    AlignedFloats data;
    size_t bytes = 0;
  };

  std::mutex mutex;
  std::vector<Range> ranges;
  std::map<Key, Packing> packings;
  size_t bytes = 0;
};

// Never destroyed: modules may be freed during static destruction.
ConstantPackings &constantPackings() {
  static auto *packings = new ConstantPackings;
  return *packings;
}

// dst[p * nr + j] = B(p, j) for p < kc, j < cols; zero for cols <= j < nr.
void packBPanel(const Microkernel &kernel, float *dst, const float *src,
                int64_t kc, int64_t cols, int64_t rowStride,
                int64_t colStride) {
  int64_t nr = kernel.nr;
  if (colStride == 1) {
    kernel.packPanel(dst, src, rowStride, kc, cols);
    return;
  }
  // Read along the smaller stride (a transposed B reads down its columns).
  if (std::abs(rowStride) < std::abs(colStride)) {
    for (int64_t j = 0; j < cols; ++j)
      for (int64_t p = 0; p < kc; ++p)
        dst[p * nr + j] = src[p * rowStride + j * colStride];
  } else {
    for (int64_t p = 0; p < kc; ++p)
      for (int64_t j = 0; j < cols; ++j)
        dst[p * nr + j] = src[p * rowStride + j * colStride];
  }
  for (int64_t p = 0; p < kc; ++p)
    std::fill(dst + p * nr + cols, dst + (p + 1) * nr, 0.0f);
}

// Fetches rows [begin, end) of a row-major B panel of nr columns at
// `panel` into the L2 cache: both ends of each row, which may straddle two
// cache lines.
void prefetchPanelRows(const float *panel, int64_t rowStride, int64_t begin,
                       int64_t end, int64_t nr) {
  for (int64_t p = begin; p < end; ++p) {
    const float *row = panel + p * rowStride;
    __builtin_prefetch(row, /*rw=*/0, /*locality=*/2);
    __builtin_prefetch(row + nr - 1, /*rw=*/0, /*locality=*/2);
  }
}

// How the problem is cut: K blocks for the cache, (M block, N block) tasks
// for the threads.
struct Blocking {
  int64_t kc, kBlocks;
  int64_t panels, nPadded; // B panels of nr columns
  int64_t mc, mBlocks;     // rows per task, a multiple of mr
  int64_t panelsPerTask, nBlocks;
};

Blocking chooseBlocking(const GemmProblem &g, const Microkernel &kernel,
                        int64_t threads) {
  Blocking blocking;
  // A C with non-unit column stride (the C^T = B^T A^T path) goes through
  // the tile buffer, and each K block after the first reads its tile back:
  // up to kStridedCDepth, one K block (the B panel then streams from L2)
  // instead of 3 gathers and 3 scatters of GPT-2's 25 MB logits.
  constexpr int64_t kStridedCDepth = 1024;
  blocking.kBlocks =
      g.cCol != 1 && g.k <= kStridedCDepth ? 1 : ceilDiv(g.k, kernel.kcMax);
  blocking.kc = ceilDiv(g.k, blocking.kBlocks);
  blocking.panels = ceilDiv(g.n, kernel.nr);
  blocking.nPadded = blocking.panels * kernel.nr;
  // Several tasks per thread even out uneven ones. Split M first, down to
  // one sliver per task: every task reads the one packed B, while each N
  // block packs its rows of A again.
  int64_t slivers = ceilDiv(g.m, kernel.mr);
  int64_t wanted = threads > 1 ? 8 * threads : 1;
  // The A block keeps to the kernel's size in elements (mcMax x kcMax)
  // when one K block is deeper than kcMax.
  int64_t mcMax = std::max(kernel.mr, kernel.mcMax * kernel.kcMax /
                                          blocking.kc / kernel.mr * kernel.mr);
  int64_t mBlocks = std::max(ceilDiv(g.m, std::min(kernel.mcMax, mcMax)),
                             std::min(slivers, ceilDiv(wanted, g.batch)));
  int64_t nBlocks = std::clamp(ceilDiv(wanted, g.batch * mBlocks), int64_t{1},
                               blocking.panels);
  blocking.mc = ceilDiv(slivers, mBlocks) * kernel.mr;
  blocking.mBlocks = ceilDiv(g.m, blocking.mc);
  blocking.panelsPerTask = ceilDiv(blocking.panels, nBlocks);
  blocking.nBlocks = ceilDiv(blocking.panels, blocking.panelsPerTask);
  return blocking;
}

// Packs all of B: per batch, K block after K block, each block panel after
// panel (kc x nr each).
void packB(jaxc_context_t *ctx, const GemmProblem &g, const Blocking &bl,
           const Microkernel &kernel, float *packed) {
  int64_t nr = kernel.nr;
  int64_t perBatch = bl.kBlocks * bl.panels;
  int64_t grain = std::max<int64_t>(1, (int64_t{1} << 16) / (bl.kc * nr));
  parallelFor(ctx, g.batch * perBatch, grain, [&](int64_t begin, int64_t end) {
    for (int64_t item = begin; item < end; ++item) {
      int64_t b = item / perBatch;
      int64_t q = item % perBatch / bl.panels;
      int64_t panel = item % bl.panels;
      int64_t p0 = q * bl.kc, kc = std::min(bl.kc, g.k - p0);
      int64_t j0 = panel * nr;
      packBPanel(kernel,
                 packed + b * g.k * bl.nPadded + p0 * bl.nPadded +
                     panel * kc * nr,
                 g.b + b * g.bBatch + p0 * g.bRow + j0 * g.bCol, kc,
                 std::min(nr, g.n - j0), g.bRow, g.bCol);
    }
  });
}

// One microkernel call on a tile of `rows` x `cols` at c. Partial tiles
// and non-unit column strides go through a zero-padded tile buffer, so they
// run the very same kernel.
void runTile(const Microkernel &kernel, int64_t kc, const float *a,
             const float *b, float *c, int64_t cRow, int64_t cCol, int64_t rows,
             int64_t cols, bool accumulate) {
  int64_t mr = kernel.mr, nr = kernel.nr;
  if (rows == mr && cols == nr && cCol == 1) {
    kernel.run(kc, a, b, c, cRow, accumulate);
    return;
  }
  constexpr int64_t kMaxTile = 512;
  assert(mr * nr <= kMaxTile && "tile buffer too small for the kernel");
  alignas(64) float tile[kMaxTile];
  // C is read and written along its smaller stride: a transposed C (the
  // C^T = B^T A^T path, GPT-2's 128 x 50257 logits) a column of the tile
  // at a time, whose rows are then contiguous in C.
  bool columnsOuter = std::abs(cRow) < std::abs(cCol);
  auto forEach = [&](auto &&f) {
    if (columnsOuter) {
      for (int64_t j = 0; j < cols; ++j)
        for (int64_t r = 0; r < rows; ++r)
          f(r, j);
    } else {
      for (int64_t r = 0; r < rows; ++r)
        for (int64_t j = 0; j < cols; ++j)
          f(r, j);
    }
  };
  // The kernel continues the padding's chains too: from zeros.
  if (accumulate && (rows < mr || cols < nr))
    std::fill(tile, tile + mr * nr, 0.0f);
  if (accumulate)
    forEach([&](int64_t r, int64_t j) {
      tile[r * nr + j] = c[r * cRow + j * cCol];
    });
  kernel.run(kc, a, b, tile, nr, accumulate);
  forEach(
      [&](int64_t r, int64_t j) { c[r * cRow + j * cCol] = tile[r * nr + j]; });
}

} // namespace

void StridedGemmA::pack(float *dst, int64_t b, int64_t i0, int64_t rows,
                        int64_t p0, int64_t kc,
                        const Microkernel &kernel) const {
  int64_t mr = kernel.mr;
  const float *base = data + b * batchStride + p0 * colStride;
  for (int64_t s = 0; s * mr < rows; ++s) {
    float *sliver = dst + s * kc * mr;
    int64_t count = std::min(mr, rows - s * mr);
    const float *src = base + (i0 + s * mr) * rowStride;
    if (colStride == 1) {
      const float *rowStarts[kMaxMr];
      for (int64_t r = 0; r < count; ++r)
        rowStarts[r] = src + r * rowStride;
      kernel.packRows(sliver, rowStarts, count, kc, mr);
      continue;
    }
    for (int64_t p = 0; p < kc; ++p)
      for (int64_t r = 0; r < mr; ++r)
        sliver[p * mr + r] =
            r < count ? src[r * rowStride + p * colStride] : 0.0f;
  }
}

void runGemm(jaxc_context_t *ctx, const GemmProblem &g,
             const Microkernel &kernel) {
  if (g.batch == 0 || g.m == 0 || g.n == 0)
    return;
  if (g.k == 0) {
    for (int64_t b = 0; b < g.batch; ++b)
      for (int64_t i = 0; i < g.m; ++i)
        for (int64_t j = 0; j < g.n; ++j)
          g.c[b * g.cBatch + i * g.cRow + j * g.cCol] = 0.0f;
    return;
  }
  int64_t threads = ctx ? std::max<int64_t>(1, ctx->thread_count) : 1;
  Blocking bl = chooseBlocking(g, kernel, threads);
  int64_t mr = kernel.mr, nr = kernel.nr;
  int64_t packedBSize = g.batch * g.k * bl.nPadded;
  auto pack = [&](float *packed) { packB(ctx, g, bl, kernel, packed); };
  const float *packedB = constantPackings().get(g, kernel, packedBSize, pack);
  // A B at least as wide as A is tall that fits one M block (a layer's
  // weights times a sequence's activations): each task packs its own
  // panels right before using them, so they go from B to the kernel through
  // the cache instead of through a packed copy of all of B in memory (440
  // MB written and read back per BERT call); A, the smaller, is packed once
  // per task instead.
  bool packBInTasks = !packedB && g.n >= g.m && g.m <= kernel.mcMax;
  if (packBInTasks) {
    bl.mBlocks = 1;
    bl.mc = ceilDiv(g.m, mr) * mr;
    int64_t nBlocks =
        std::clamp(ceilDiv(2 * threads, g.batch), int64_t{1}, bl.panels);
    bl.panelsPerTask = ceilDiv(bl.panels, nBlocks);
    bl.nBlocks = ceilDiv(bl.panels, bl.panelsPerTask);
  } else if (!packedB) {
    float *scratch = packedBScratch.get(packedBSize);
    pack(scratch);
    packedB = scratch;
  }
  // Packing B in the tasks, every task reads all rows of A: A is packed
  // once for all of them, K block after K block, instead of once per task
  // (4 times per BERT matmul on 2 threads, 6% of its time).
  int64_t aBlockSize = bl.mc * bl.kc;
  const float *sharedA = nullptr;
  if (packBInTasks) {
    float *packed = sharedAScratch.get(g.batch * bl.kBlocks * aBlockSize);
    constexpr int64_t kSliversPerItem = 4;
    int64_t chunks = ceilDiv(ceilDiv(g.m, mr), kSliversPerItem);
    int64_t items = g.batch * bl.kBlocks * chunks;
    parallelFor(ctx, items, 1, [&](int64_t begin, int64_t end) {
      for (int64_t item = begin; item < end; ++item) {
        int64_t block = item / chunks, chunk = item % chunks;
        int64_t b = block / bl.kBlocks, q = block % bl.kBlocks;
        int64_t p0 = q * bl.kc, kc = std::min(bl.kc, g.k - p0);
        int64_t i0 = chunk * kSliversPerItem * mr;
        g.a->pack(packed + block * aBlockSize + i0 * kc, b, i0,
                  std::min(kSliversPerItem * mr, g.m - i0), p0, kc, kernel);
      }
    });
    sharedA = packed;
  }

  int64_t tasksPerBatch = bl.mBlocks * bl.nBlocks;
  parallelFor(ctx, g.batch * tasksPerBatch, 1, [&](int64_t begin, int64_t end) {
    float *ownA = sharedA ? nullptr : packedAScratch.get(aBlockSize);
    float *taskB = packBInTasks
                       ? packedBScratch.get(bl.kc * bl.panelsPerTask * nr)
                       : nullptr;
    for (int64_t task = begin; task < end; ++task) {
      int64_t b = task / tasksPerBatch;
      int64_t i0 = task % tasksPerBatch / bl.nBlocks * bl.mc;
      int64_t rows = std::min(bl.mc, g.m - i0);
      int64_t firstPanel = task % bl.nBlocks * bl.panelsPerTask;
      int64_t endPanel = std::min(bl.panels, firstPanel + bl.panelsPerTask);
      float *cBlock = g.c + b * g.cBatch + i0 * g.cRow;
      for (int64_t q = 0; q < bl.kBlocks; ++q) {
        int64_t p0 = q * bl.kc, kc = std::min(bl.kc, g.k - p0);
        const float *packedA = ownA;
        if (sharedA)
          packedA = sharedA + (b * bl.kBlocks + q) * aBlockSize;
        else
          g.a->pack(ownA, b, i0, rows, p0, kc, kernel);
        for (int64_t panel = firstPanel; panel < endPanel; ++panel) {
          int64_t j0 = panel * nr, cols = std::min(nr, g.n - j0);
          const float *bPanel;
          if (packBInTasks) {
            float *own = taskB + (panel - firstPanel) * kc * nr;
            packBPanel(kernel, own,
                       g.b + b * g.bBatch + p0 * g.bRow + j0 * g.bCol, kc, cols,
                       g.bRow, g.bCol);
            bPanel = own;
          } else {
            bPanel = packedB + b * g.k * bl.nPadded + p0 * bl.nPadded +
                     panel * kc * nr;
          }
          // The next panel's rows are fetched into the cache a few per
          // sliver while the microkernel computes, so that packing it reads
          // the cache instead of waiting on memory (BERT's weights: 340 MB
          // read once per call; its matmuls 143 -> 136 ms).
          const float *next =
              packBInTasks && g.bCol == 1 && panel + 1 < endPanel
                  ? g.b + b * g.bBatch + p0 * g.bRow + (j0 + nr) * g.bCol
                  : nullptr;
          int64_t rowsPerSliver = ceilDiv(kc, ceilDiv(rows, mr));
          for (int64_t s = 0; s * mr < rows; ++s) {
            if (next)
              prefetchPanelRows(next, g.bRow, s * rowsPerSliver,
                                std::min(kc, (s + 1) * rowsPerSliver), nr);
            runTile(kernel, kc, packedA + s * kc * mr, bPanel,
                    cBlock + s * mr * g.cRow + j0 * g.cCol, g.cRow, g.cCol,
                    std::min(mr, rows - s * mr), cols, q > 0);
          }
        }
      }
    }
  });
}

void registerConstantMemory(const void *begin, const void *end,
                            bool fileBacked) {
  constantPackings().addRange(begin, end, fileBacked);
}

void forgetConstantMemory(const void *begin, const void *end) {
  constantPackings().removeRange(begin, end);
}

namespace {

// Products of a few rows (a decode step's x . W, attention's q . K^T): a
// GEMM would pack all of B, which is read once anyway, for one sliver of A
// mostly zero padding (GPT-2's decode step ran 3.6x XLA's time). B is read
// in place instead, in blocks of kSmallColumns columns spread over the
// threads, with each C element still the GEMM's chain: fma(a[p], b[p], acc)
// for p = 0, 1, ..., k - 1 from +0, so the bits do not change with M.
constexpr int64_t kSmallRows = 4;
constexpr int64_t kSmallColumns = 64;

// Columns [j0, j0 + cols) of every row of batch b. Row-major B (unit
// column stride) is read a row of the block at a time, the block's
// accumulators kept for all rows; otherwise each column's k elements are
// read down its stride, eight columns interleaved.
__attribute__((always_inline)) inline void
smallRowsBlock(const jaxc_matmul_f32_args_t &x, int64_t b, int64_t j0,
               int64_t cols) {
  const float *a = x.a + b * x.a_batch;
  const float *bBase = x.b + b * x.b_batch + j0 * x.b_col;
  float acc[kSmallRows][kSmallColumns] = {};
  if (x.b_col == 1) {
    for (int64_t p = 0; p < x.k; ++p) {
      const float *__restrict row = bBase + p * x.b_row;
      for (int64_t i = 0; i < x.m; ++i) {
        float value = a[i * x.a_row + p * x.a_col];
        for (int64_t j = 0; j < cols; ++j)
          acc[i][j] = std::fma(value, row[j], acc[i][j]);
      }
    }
  } else {
    for (int64_t i = 0; i < x.m; ++i)
      for (int64_t j = 0; j < cols; j += 8) {
        int64_t count = std::min<int64_t>(8, cols - j);
        float chain[8] = {};
        for (int64_t p = 0; p < x.k; ++p) {
          float value = a[i * x.a_row + p * x.a_col];
          for (int64_t jj = 0; jj < count; ++jj)
            chain[jj] = std::fma(value, bBase[p * x.b_row + (j + jj) * x.b_col],
                                 chain[jj]);
        }
        for (int64_t jj = 0; jj < count; ++jj)
          acc[i][j + jj] = chain[jj];
      }
  }
  float *c = x.c + b * x.c_batch + j0 * x.c_col;
  for (int64_t i = 0; i < x.m; ++i)
    for (int64_t j = 0; j < cols; ++j)
      c[i * x.c_row + j * x.c_col] = acc[i][j];
}

__attribute__((target("avx2,fma"))) void
smallRowsBlockAvx2(const jaxc_matmul_f32_args_t &x, int64_t b, int64_t j0,
                   int64_t cols) {
  smallRowsBlock(x, b, j0, cols);
}

void smallRowsBlockBaseline(const jaxc_matmul_f32_args_t &x, int64_t b,
                            int64_t j0, int64_t cols) {
  smallRowsBlock(x, b, j0, cols);
}

void runSmallRows(jaxc_context_t *ctx, const jaxc_matmul_f32_args_t &x) {
  static const bool avx2 =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  auto block = avx2 ? smallRowsBlockAvx2 : smallRowsBlockBaseline;
  int64_t blocks = (x.n + kSmallColumns - 1) / kSmallColumns;
  // A task of at least ~16K fmas.
  int64_t grain = std::max<int64_t>(
      1, 16384 / std::max<int64_t>(1, x.m * x.k * kSmallColumns));
  parallelFor(ctx, x.batch * blocks, grain, [&](int64_t begin, int64_t end) {
    for (int64_t task = begin; task < end; ++task) {
      int64_t j0 = task % blocks * kSmallColumns;
      block(x, task / blocks, j0, std::min(kSmallColumns, x.n - j0));
    }
  });
}

} // namespace

void jaxcMatmulF32(jaxc_context_t *ctx, const jaxc_matmul_f32_args_t *args) {
  if (args->m > 0 && args->m <= kSmallRows && args->k > 0 &&
      (args->b_col == 1 || args->b_row == 1)) {
    runSmallRows(ctx, *args);
    return;
  }
  // B transposed (x . W^T, W row-major [n, k]): packing B's panels would
  // read it down columns. C^T = B^T . A^T instead, with the same products
  // in the same order: B^T's rows pack as A slivers, contiguous, and the
  // small A^T is the one read across (GPT-2's logits, 128 x 768 x 50257:
  // packing W^T took more time than multiplying).
  if (args->b_row == 1 && args->b_col != 1 && args->a_col == 1 &&
      args->n > args->m) {
    StridedGemmA bTransposed(args->b, args->b_batch, args->b_col, 1);
    GemmProblem problem{args->batch,  args->n, args->m,       args->k,
                        &bTransposed, args->a, args->a_batch, args->a_col,
                        args->a_row,  args->c, args->c_batch, args->c_col,
                        args->c_row};
    runGemm(ctx, problem, bestMicrokernel());
    return;
  }
  StridedGemmA a(args->a, args->a_batch, args->a_row, args->a_col);
  GemmProblem problem{args->batch, args->m, args->n,       args->k,
                      &a,          args->b, args->b_batch, args->b_row,
                      args->b_col, args->c, args->c_batch, args->c_row,
                      args->c_col};
  runGemm(ctx, problem, bestMicrokernel());
}

} // namespace jaxc::runtime::impl
