//===- thread_pool.cc - The workers behind parallel_for -------------------===//
//
// A loop is handed over in four steps, each a single atomic operation:
//   1. the caller writes the loop's fields, opens the pool and bumps the
//      generation (waking sleepers only if there are any);
//   2. a worker that sees a new generation enters (`entered` + 1) and, if
//      the pool is open, claims chunks from `nextChunk` until none is left;
//   3. the caller claims chunks too, then closes the pool;
//   4. the caller waits until no worker is entered: every claimed chunk is
//      done, and nobody reads the loop's fields when the next loop writes
//      them.
// Entering before checking `open`, and closing before checking `entered`
// (both sequentially consistent), means a worker either is counted by the
// caller's wait or sees the pool closed and touches nothing.
//
//===----------------------------------------------------------------------===//

#include "thread_pool.h"

#include <algorithm>
#include <chrono>

namespace jaxc::runtime::impl {

namespace {

// Set while this thread runs chunks (always, on a worker): a loop started
// from inside a body runs on this thread alone.
thread_local bool insideLoop = false;

// How long an idle worker spins for the next loop before it sleeps: long
// enough to bridge the serial code between consecutive loops, short enough
// not to burn a core for a process that went idle.
constexpr std::chrono::microseconds kSpinTime{100};
// Spins between two clock reads while a worker waits.
constexpr unsigned kSpinsPerClockRead = 64;
// Spins before a caller waiting for the last chunks yields its core.
constexpr unsigned kSpinsBeforeYield = 4096;
// Chunks per thread: slack so that threads that finish early take over
// work of slower ones, without making chunks needlessly small.
constexpr int64_t kChunksPerThread = 4;

void cpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

// The first item of chunk `index` when [0, count) is split into `chunks`
// chunks whose sizes differ by at most one. index * (count / chunks) <=
// count, so nothing overflows.
int64_t chunkBegin(int64_t index, int64_t chunks, int64_t count) {
  return index * (count / chunks) + std::min(index, count % chunks);
}

} // namespace

ThreadPool::ThreadPool(unsigned threadCount) {
  try {
    for (unsigned i = 1; i < threadCount; ++i)
      workers.emplace_back([this] { workerLoop(); });
  } catch (...) {
    stopWorkers();
    throw;
  }
}

ThreadPool::~ThreadPool() { stopWorkers(); }

void ThreadPool::stopWorkers() {
  stopping.store(true);
  generation.fetch_add(1);
  {
    std::lock_guard<std::mutex> lock(sleepMutex);
    wakeUp.notify_all();
  }
  for (std::thread &worker : workers)
    worker.join();
  workers.clear();
}

uint64_t ThreadPool::waitForGeneration(uint64_t seen) {
  auto spinEnd = std::chrono::steady_clock::now() + kSpinTime;
  for (unsigned spins = 1;; ++spins) {
    uint64_t current = generation.load(std::memory_order_acquire);
    if (current != seen)
      return current;
    cpuRelax();
    if (spins % kSpinsPerClockRead != 0 ||
        std::chrono::steady_clock::now() < spinEnd)
      continue;
    // Announcing the sleep before the last look at the generation pairs
    // with parallelFor bumping it before counting sleepers: one of the two
    // sees the other, so no wake-up is lost.
    std::unique_lock<std::mutex> lock(sleepMutex);
    sleepers.fetch_add(1);
    wakeUp.wait(lock, [&] { return generation.load() != seen; });
    sleepers.fetch_sub(1);
  }
}

void ThreadPool::workerLoop() {
  insideLoop = true;
  uint64_t seen = 0;
  while (true) {
    seen = waitForGeneration(seen);
    if (stopping.load())
      return;
    entered.fetch_add(1);
    if (open.load()) {
      // Workers are the pool's own threads: they keep the word set.
      if (readFloatControl() != floatControl)
        writeFloatControl(floatControl);
      runChunks();
    }
    // Release: the caller's wait then sees everything the chunks wrote.
    entered.fetch_sub(1, std::memory_order_release);
  }
}

void ThreadPool::runChunks() {
  for (int64_t index = nextChunk.fetch_add(1, std::memory_order_relaxed);
       index < chunkCount;
       index = nextChunk.fetch_add(1, std::memory_order_relaxed))
    body(data, chunkBegin(index, chunkCount, count),
         chunkBegin(index + 1, chunkCount, count));
}

void ThreadPool::parallelFor(jaxc_parallel_body_t loopBody, void *loopData,
                             int64_t loopCount, int64_t grain) {
  if (loopCount <= 0)
    return;
  int64_t chunks = std::min(loopCount / std::max<int64_t>(grain, 1),
                            int64_t{threadCount()} * kChunksPerThread);
  if (chunks <= 1 || workers.empty() || insideLoop ||
      busy.exchange(true, std::memory_order_acquire)) {
    loopBody(loopData, 0, loopCount);
    return;
  }

  body = loopBody;
  data = loopData;
  count = loopCount;
  chunkCount = chunks;
  floatControl = readFloatControl();
  nextChunk.store(0, std::memory_order_relaxed);
  open.store(true); // publishes the fields above to entering workers
  generation.fetch_add(1);
  if (sleepers.load() != 0) {
    std::lock_guard<std::mutex> lock(sleepMutex);
    wakeUp.notify_all();
  }

  insideLoop = true;
  runChunks();
  insideLoop = false;

  open.store(false);
  for (unsigned spins = 0; entered.load(std::memory_order_acquire) != 0;
       ++spins) {
    if (spins < kSpinsBeforeYield)
      cpuRelax();
    else
      std::this_thread::yield();
  }
  busy.store(false, std::memory_order_release);
}

} // namespace jaxc::runtime::impl
