#include "batch/ordered.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace pith::batch {

TEST_CASE("ordered: results come out in input order with any number of threads") {
  for (const unsigned threads : {1u, 2u, 4u, 8u}) {
    CAPTURE(threads);
    const int kItems = 300;
    int pulled = 0;
    std::atomic<int> in_flight{0}, most_in_flight{0};
    std::atomic<unsigned> highest_worker{0};
    std::vector<int> out;
    RunOrdered<int, std::string>(
        threads, Window{4 * threads},
        [&](int* item) {
          if (pulled == kItems) return false;
          *item = pulled++;
          const int now = ++in_flight;
          int seen = most_in_flight;
          while (now > seen && !most_in_flight.compare_exchange_weak(seen, now)) {
          }
          return true;
        },
        [&](int&& item, unsigned worker) {
          unsigned seen = highest_worker;
          while (worker > seen && !highest_worker.compare_exchange_weak(seen, worker)) {
          }
          // Uneven work, so later items often finish first.
          std::this_thread::sleep_for(std::chrono::microseconds((item * 7919) % 13 * 50));
          return std::to_string(item);
        },
        [&](std::string&& s) {
          --in_flight;
          out.push_back(std::stoi(s));
        });
    REQUIRE(out.size() == static_cast<std::size_t>(kItems));
    for (int i = 0; i < kItems; ++i) CHECK(out[static_cast<std::size_t>(i)] == i);
    CHECK(most_in_flight <= static_cast<int>(std::max(1u, 4 * threads)));
    CHECK(highest_worker < threads);
  }
}

TEST_CASE("ordered: no items, no calls") {
  int emitted = 0;
  RunOrdered<int, int>(4, Window{16}, [](int*) { return false; }, [](int&& i, unsigned) { return i; }, [&](int&&) { ++emitted; });
  CHECK(emitted == 0);
}

TEST_CASE("ordered: work runs on several threads at once") {
  std::atomic<int> running{0}, most{0};
  int pulled = 0;
  RunOrdered<int, int>(
      4, Window{16}, [&](int* i) { return pulled < 16 ? (*i = pulled++, true) : false; },
      [&](int&& i, unsigned) {
        const int now = ++running;
        int seen = most;
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        --running;
        return i;
      },
      [](int&&) {});
  CHECK(most > 1);
}

TEST_CASE("ordered: the window's weight limits what is pulled ahead") {
  // Inputs weigh 10, results 1: with a limit of 25, at most three inputs
  // wait at once, however many items the window would take.
  struct Weigh {
    std::size_t operator()(const int&) const { return 10; }
    std::size_t operator()(const std::string&) const { return 1; }
  };
  int pulled = 0;
  std::atomic<int> waiting{0}, most{0};
  std::vector<int> out;
  Window window;
  window.items = 64;
  window.bytes = 25;
  RunOrdered<int, std::string>(
      2, window,
      [&](int* i) {
        if (pulled == 100) return false;
        *i = pulled++;
        const int now = ++waiting;
        int seen = most;
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        return true;
      },
      [&](int&& i, unsigned) {
        --waiting;
        std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 13 * 20));
        return std::to_string(i);
      },
      [&](std::string&& s) { out.push_back(std::stoi(s)); }, Weigh());
  REQUIRE(out.size() == 100u);
  for (int i = 0; i < 100; ++i) CHECK(out[static_cast<std::size_t>(i)] == i);
  CHECK(most <= 3);
}

}  // namespace pith::batch
