//===- thread_pool_test.cc - The pool behind parallel_for -----------------===//

#include "thread_pool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <limits>
#include <mutex>
#include <set>
#include <thread>
#include <utility>
#include <vector>

using jaxc::runtime::impl::ThreadPool;

namespace {

// Records every chunk a loop ran: which items, on which thread.
struct ChunkLog {
  std::mutex mutex;
  std::vector<std::pair<int64_t, int64_t>> chunks;
  std::set<std::thread::id> threads;

  static void record(void *data, int64_t begin, int64_t end) {
    auto *log = static_cast<ChunkLog *>(data);
    std::lock_guard<std::mutex> lock(log->mutex);
    log->chunks.emplace_back(begin, end);
    log->threads.insert(std::this_thread::get_id());
  }

  // Expects the chunks to tile [0, count) with at least `grain` items each
  // (a single smaller chunk when count < grain).
  void expectTiles(int64_t count, int64_t grain) {
    std::sort(chunks.begin(), chunks.end());
    int64_t next = 0;
    for (auto [begin, end] : chunks) {
      EXPECT_EQ(begin, next) << "count " << count << ", grain " << grain;
      EXPECT_GE(end - begin, std::min(count, std::max<int64_t>(grain, 1)))
          << "chunk [" << begin << ", " << end << ") of count " << count
          << ", grain " << grain;
      next = end;
    }
    EXPECT_EQ(next, count) << "grain " << grain;
  }
};

bool eachOnce(const std::vector<std::atomic<int>> &visits) {
  return std::all_of(visits.begin(), visits.end(),
                     [](const std::atomic<int> &v) { return v == 1; });
}

// Counts the visits of every item of [0, visits.size()).
struct VisitCounter {
  std::vector<std::atomic<int>> visits;

  explicit VisitCounter(size_t count) : visits(count) {}
  static void visit(void *data, int64_t begin, int64_t end) {
    auto *counter = static_cast<VisitCounter *>(data);
    for (int64_t i = begin; i < end; ++i)
      counter->visits[i].fetch_add(1, std::memory_order_relaxed);
  }
};

TEST(ThreadPoolTest, ThreadCountIncludesTheCaller) {
  EXPECT_EQ(ThreadPool(1).threadCount(), 1u);
  EXPECT_EQ(ThreadPool(4).threadCount(), 4u);
}

TEST(ThreadPoolTest, VisitsEveryItemOnceInChunksOfAtLeastTheGrain) {
  for (unsigned threads : {1u, 2u, 5u}) {
    ThreadPool pool(threads);
    for (int64_t count : {0, 1, 2, 3, 7, 64, 1000, 4097, 100003}) {
      for (int64_t grain : {-1, 0, 1, 2, 3, 64, 1000, 1 << 20}) {
        VisitCounter counter(count);
        pool.parallelFor(VisitCounter::visit, &counter, count, grain);
        EXPECT_TRUE(eachOnce(counter.visits))
            << threads << " threads, count " << count << ", grain " << grain;
        ChunkLog log;
        pool.parallelFor(ChunkLog::record, &log, count, grain);
        log.expectTiles(count, grain);
      }
    }
  }
}

TEST(ThreadPoolTest, HugeCountsDoNotOverflow) {
  ThreadPool pool(3);
  int64_t count = std::numeric_limits<int64_t>::max();
  ChunkLog log;
  pool.parallelFor(ChunkLog::record, &log, count, count / 5);
  EXPECT_EQ(log.chunks.size(), 5u);
  log.expectTiles(count, count / 5);
}

TEST(ThreadPoolTest, WorkersTakePart) {
  ThreadPool pool(4);
  ChunkLog log;
  // Slow chunks, so that no thread can take them all before the others
  // wake up.
  pool.parallelFor(
      [](void *data, int64_t begin, int64_t end) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ChunkLog::record(data, begin, end);
      },
      &log, 16, 1);
  log.expectTiles(16, 1);
  EXPECT_GT(log.threads.size(), 1u);
}

// A module's denormal mode is the caller's float control word; workers run
// its chunks under the same word, whatever they ran before.
TEST(ThreadPoolTest, ChunksRunUnderTheCallersFloatControl) {
  using namespace jaxc::runtime::impl;
  ThreadPool pool(4);
  struct Seen {
    std::mutex mutex;
    std::set<FloatControl> words;
    std::set<std::thread::id> threads;
  };
  auto record = [](void *data, int64_t, int64_t) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    auto *seen = static_cast<Seen *>(data);
    std::lock_guard<std::mutex> lock(seen->mutex);
    seen->words.insert(readFloatControl());
    seen->threads.insert(std::this_thread::get_id());
  };
  FloatControl original = readFloatControl();
  for (jaxc_denormal_mode_t mode :
       {JAXC_DENORMALS_FLUSH, JAXC_DENORMALS_IEEE, JAXC_DENORMALS_FLUSH}) {
    FloatControl wanted = withDenormalMode(original, mode);
    Seen seen;
    {
      ScopedFloatControl scope(wanted);
      pool.parallelFor(record, &seen, 16, 1);
    }
    EXPECT_EQ(readFloatControl(), original);
    EXPECT_GT(seen.threads.size(), 1u) << "the workers took no chunk";
    EXPECT_EQ(seen.words, std::set<FloatControl>{wanted}) << "mode " << mode;
  }
#if defined(__x86_64__)
  // Flushing differs from IEEE on this machine: the bits are real.
  EXPECT_NE(withDenormalMode(original, JAXC_DENORMALS_FLUSH),
            withDenormalMode(original, JAXC_DENORMALS_IEEE));
#endif
}

TEST(ThreadPoolTest, SingleThreadRunsOnTheCaller) {
  ThreadPool pool(1);
  ChunkLog log;
  pool.parallelFor(ChunkLog::record, &log, 1000, 1);
  ASSERT_EQ(log.chunks.size(), 1u);
  EXPECT_EQ(log.threads, std::set<std::thread::id>{std::this_thread::get_id()});
}

// A body that runs a loop of its own on the same pool, row by row: each
// inner loop must run on the thread that runs its row, in one piece.
struct NestedLoops {
  static constexpr int64_t kColumns = 100;

  struct Row {
    NestedLoops *loops;
    int64_t row;
    std::thread::id thread;
  };

  ThreadPool &pool;
  std::vector<std::atomic<int>> visits;
  std::atomic<int> innerChunks{0};
  std::atomic<int> innerChunksElsewhere{0};

  static void rows(void *data, int64_t begin, int64_t end) {
    auto *loops = static_cast<NestedLoops *>(data);
    for (int64_t row = begin; row < end; ++row) {
      Row inner{loops, row, std::this_thread::get_id()};
      loops->pool.parallelFor(columns, &inner, kColumns, 1);
    }
  }
  static void columns(void *data, int64_t begin, int64_t end) {
    auto *inner = static_cast<Row *>(data);
    NestedLoops &loops = *inner->loops;
    loops.innerChunks.fetch_add(1);
    if (std::this_thread::get_id() != inner->thread)
      loops.innerChunksElsewhere.fetch_add(1);
    for (int64_t column = begin; column < end; ++column)
      loops.visits[inner->row * kColumns + column].fetch_add(1);
  }
};

TEST(ThreadPoolTest, NestedLoopsRunSeriallyOnTheCallingThread) {
  ThreadPool pool(4);
  constexpr int64_t rows = 64;
  NestedLoops loops{
      pool, std::vector<std::atomic<int>>(rows * NestedLoops::kColumns)};
  pool.parallelFor(NestedLoops::rows, &loops, rows, 1);
  EXPECT_TRUE(eachOnce(loops.visits));
  EXPECT_EQ(loops.innerChunks, rows);
  EXPECT_EQ(loops.innerChunksElsewhere, 0);
}

TEST(ThreadPoolTest, ConcurrentCallersShareOnePool) {
  ThreadPool pool(3);
  auto caller = [&pool](int64_t count, bool &allOnce) {
    allOnce = true;
    for (int round = 0; round < 200; ++round) {
      VisitCounter counter(count);
      pool.parallelFor(VisitCounter::visit, &counter, count, 7);
      allOnce = allOnce && eachOnce(counter.visits);
    }
  };
  bool firstOnce = false, secondOnce = false;
  std::thread first(caller, 5000, std::ref(firstOnce));
  std::thread second(caller, 3001, std::ref(secondOnce));
  first.join();
  second.join();
  EXPECT_TRUE(firstOnce);
  EXPECT_TRUE(secondOnce);
}

TEST(ThreadPoolTest, ManyBackToBackLoopsAfterTheWorkersSlept) {
  ThreadPool pool(4);
  // Long enough for every worker to stop spinning and sleep.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  for (int round = 0; round < 2000; ++round) {
    VisitCounter counter(257);
    pool.parallelFor(VisitCounter::visit, &counter, 257, 1);
    ASSERT_TRUE(eachOnce(counter.visits)) << "round " << round;
    if (round % 500 == 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

} // namespace
