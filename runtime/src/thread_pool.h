//===- thread_pool.h - The workers behind parallel_for ----------*- C++ -*-===//
//
// A fixed set of threads that run parallel loops of generated code. The
// calling thread takes part, so a pool of N threads starts N - 1 workers.
// Generated code calls parallelFor thousands of times per inference, so a
// call allocates nothing, and idle workers spin for a short while before
// they sleep: back-to-back loops find them awake.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_THREAD_POOL_H
#define JAXC_RUNTIME_SRC_THREAD_POOL_H

#include "float_control.h"
#include "jaxc/runtime/module_format.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace jaxc::runtime::impl {

class ThreadPool {
public:
  // Starts threadCount - 1 workers; throws std::system_error if a thread
  // cannot be started.
  explicit ThreadPool(unsigned threadCount);
  ThreadPool(const ThreadPool &) = delete;
  ThreadPool &operator=(const ThreadPool &) = delete;
  ~ThreadPool();

  unsigned threadCount() const {
    return static_cast<unsigned>(workers.size()) + 1;
  }

  // Runs body over [0, count) in disjoint chunks of at least `grain` items
  // (one smaller chunk only when count < grain) and returns when every chunk
  // is done. Runs everything on the calling thread when the loop is one
  // chunk, when called from inside a body (nested loops), or when another
  // thread's loop occupies the pool.
  void parallelFor(jaxc_parallel_body_t body, void *data, int64_t count,
                   int64_t grain);

private:
  void stopWorkers();
  // Waits, spinning then sleeping, until the generation differs from
  // `seen`; returns the new one.
  uint64_t waitForGeneration(uint64_t seen);
  void workerLoop();
  // Claims and runs chunks of the current loop until none is left.
  void runChunks();

  std::vector<std::thread> workers;

  // The current loop. Written only while the pool is closed (`open` false)
  // and no worker has entered, so entered workers read it without locks.
  jaxc_parallel_body_t body = nullptr;
  void *data = nullptr;
  int64_t count = 0;
  int64_t chunkCount = 0;
  // The caller's floating-point control word: chunks run under it on every
  // thread, so a module's denormal mode holds in its parallel loops too.
  FloatControl floatControl = 0;

  // One cache line each: every thread writes them.
  alignas(64) std::atomic<int64_t> nextChunk{0};
  alignas(64) std::atomic<unsigned> entered{0}; // workers inside the loop
  alignas(64) std::atomic<bool> open{false};    // a loop takes workers
  std::atomic<uint64_t> generation{0};          // bumped per loop: wakes
  alignas(64) std::atomic<bool> busy{false};    // a caller owns the pool

  // Sleeping workers wait here for the next generation.
  std::mutex sleepMutex;
  std::condition_variable wakeUp;
  std::atomic<unsigned> sleepers{0};
  std::atomic<bool> stopping{false};
};

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_THREAD_POOL_H
