// ordered: a parallel map that keeps the input order.
//
// RunOrdered pulls items from next() and hands the results of work(item) to
// emit() in the order the items were pulled, while `threads` worker threads
// run work() concurrently. At most `window.items` items are in flight
// (pulled and not yet emitted), and no more is pulled while their weight
// (weigh() of each input until its work is done, then of its result) is
// `window.bytes` or more, so memory is bounded whatever the number of
// items; a slow item holds back emission, not the workers, until the window
// is full. A wide window of items keeps the workers busy behind one slow
// item; the weight keeps a window of large items small.
//
// next() and emit() run on the calling thread only; work() runs on the
// workers and must be safe to call concurrently. It is told which worker
// (0 .. threads-1) runs it, so it can keep per-thread state. With
// threads <= 1 all three run inline on the calling thread (worker 0).
// work() must not throw.
#pragma once

#include <algorithm>
#include <cstdint>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace pith::batch {

struct Window {
  std::size_t items = 16;
  std::size_t bytes = SIZE_MAX;
};

// Items weigh nothing unless the caller says otherwise.
struct Weightless {
  template <class T>
  std::size_t operator()(const T&) const {
    return 0;
  }
};

// next: bool(In*) -- false when there are no more items.
// work: Out(In&&, unsigned worker).  emit: void(Out&&).
// weigh: std::size_t(const In&) and std::size_t(const Out&).
template <class In, class Out, class Next, class Work, class Emit, class Weigh = Weightless>
void RunOrdered(unsigned threads, Window window_limit, Next next, Work work, Emit emit, Weigh weigh = {}) {
  if (threads <= 1) {
    In in;
    while (next(&in)) emit(work(std::move(in), 0u));
    return;
  }
  const std::size_t window = std::max<std::size_t>(window_limit.items, threads);
  const std::size_t batch = std::max<std::size_t>(1, window / 4);  // items emitted per wake-up, at most
  struct Slot {
    std::optional<In> in;
    std::optional<Out> out;
    std::size_t weight = 0;  // of the input until its work is done, then of the result
  };
  std::vector<Slot> ring(window);
  std::deque<std::size_t> queue;  // sequence numbers waiting for a worker
  std::mutex mu;
  std::condition_variable work_ready, result_ready;
  bool stop = false;
  std::size_t weight = 0;          // of the items in flight
  std::size_t awaited = SIZE_MAX;  // the item the calling thread sleeps for

  auto worker = [&](unsigned index) {
    for (;;) {
      std::unique_lock<std::mutex> lock(mu);
      work_ready.wait(lock, [&] { return stop || !queue.empty(); });
      if (queue.empty()) return;
      const std::size_t seq = queue.front();
      Slot& slot = ring[seq % window];
      queue.pop_front();
      In in = std::move(*slot.in);
      slot.in.reset();
      lock.unlock();
      Out out = work(std::move(in), index);
      const std::size_t out_weight = weigh(static_cast<const Out&>(out));
      lock.lock();
      slot.out.emplace(std::move(out));
      weight = weight - slot.weight + out_weight;
      slot.weight = out_weight;
      const bool wake = seq == awaited;
      lock.unlock();
      if (wake) result_ready.notify_one();
    }
  };
  std::vector<std::thread> pool;
  // Stops and joins the workers however this function is left.
  struct Joiner {
    std::mutex& mu;
    std::condition_variable& cv;
    bool& stop;
    std::vector<std::thread>& pool;
    ~Joiner() {
      {
        std::lock_guard<std::mutex> lock(mu);
        stop = true;
      }
      cv.notify_all();
      for (std::thread& t : pool) t.join();
    }
  } joiner{mu, work_ready, stop, pool};
  for (unsigned i = 0; i < threads; ++i) pool.emplace_back(worker, i);

  std::size_t pulled = 0, emitted = 0;
  bool more = true;
  for (;;) {
    for (;;) {
      if (!more || pulled - emitted >= window) break;
      {
        std::lock_guard<std::mutex> lock(mu);
        if (pulled > emitted && weight >= window_limit.bytes) break;
      }
      In in;
      if (!next(&in)) {
        more = false;
        break;
      }
      const std::size_t in_weight = weigh(static_cast<const In&>(in));
      {
        std::lock_guard<std::mutex> lock(mu);
        Slot& slot = ring[pulled % window];
        slot.in.emplace(std::move(in));
        slot.weight = in_weight;
        weight += in_weight;
        queue.push_back(pulled++);
      }
      work_ready.notify_one();
    }
    if (emitted == pulled) break;
    // Sleep until the next item to emit and the one a batch later are done,
    // then emit every finished item in order: the calling thread wakes once
    // per batch, not once per item, and leaves the cores to the workers.
    const std::size_t last = emitted + std::min(pulled - emitted, batch) - 1;
    std::vector<Out> ready;
    {
      std::unique_lock<std::mutex> lock(mu);
      for (const std::size_t seq : {emitted, last}) {
        Slot& slot = ring[seq % window];
        awaited = seq;
        result_ready.wait(lock, [&] { return slot.out.has_value(); });
      }
      awaited = SIZE_MAX;
      for (std::size_t seq = emitted; seq < pulled; ++seq) {
        Slot& slot = ring[seq % window];
        if (!slot.out.has_value()) break;
        ready.push_back(std::move(*slot.out));
        slot.out.reset();
        weight -= slot.weight;
        slot.weight = 0;
      }
    }
    for (Out& out : ready) {
      emit(std::move(out));
      ++emitted;
    }
  }
}

}  // namespace pith::batch
