// ordered: a parallel map that keeps the input order.
//
// RunOrdered pulls items from next() and hands the results of work(item) to
// emit() in the order the items were pulled, while `threads` worker threads
// run work() concurrently. At most `window` items are in flight (pulled and
// not yet emitted), so memory is bounded by the window whatever the number
// of items; a slow item holds back emission, not the workers, until the
// window is full.
//
// next() and emit() run on the calling thread only; work() runs on the
// workers and must be safe to call concurrently. It is told which worker
// (0 .. threads-1) runs it, so it can keep per-thread state. With
// threads <= 1 all three run inline on the calling thread (worker 0).
// work() must not throw.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace pith::batch {

// next: bool(In*) -- false when there are no more items.
// work: Out(In&&, unsigned worker).  emit: void(Out&&).
template <class In, class Out, class Next, class Work, class Emit>
void RunOrdered(unsigned threads, std::size_t window, Next next, Work work, Emit emit) {
  if (threads <= 1) {
    In in;
    while (next(&in)) emit(work(std::move(in), 0u));
    return;
  }
  window = std::max<std::size_t>(window, threads);
  struct Slot {
    std::optional<In> in;
    std::optional<Out> out;
  };
  std::vector<Slot> ring(window);
  std::deque<std::size_t> queue;  // sequence numbers waiting for a worker
  std::mutex mu;
  std::condition_variable work_ready, result_ready;
  bool stop = false;

  auto worker = [&](unsigned index) {
    for (;;) {
      std::unique_lock<std::mutex> lock(mu);
      work_ready.wait(lock, [&] { return stop || !queue.empty(); });
      if (queue.empty()) return;
      Slot& slot = ring[queue.front() % window];
      queue.pop_front();
      In in = std::move(*slot.in);
      slot.in.reset();
      lock.unlock();
      Out out = work(std::move(in), index);
      lock.lock();
      slot.out.emplace(std::move(out));
      lock.unlock();
      result_ready.notify_one();
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
    while (more && pulled - emitted < window) {
      In in;
      if (!next(&in)) {
        more = false;
        break;
      }
      {
        std::lock_guard<std::mutex> lock(mu);
        ring[pulled % window].in.emplace(std::move(in));
        queue.push_back(pulled++);
      }
      work_ready.notify_one();
    }
    if (emitted == pulled) break;
    std::optional<Out> out;
    {
      std::unique_lock<std::mutex> lock(mu);
      Slot& slot = ring[emitted % window];
      result_ready.wait(lock, [&] { return slot.out.has_value(); });
      out.swap(slot.out);
    }
    emit(std::move(*out));
    ++emitted;
  }
}

}  // namespace pith::batch
