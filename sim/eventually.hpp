// File: sim/eventually.hpp
// The one bounded wait the tests use: poll a fact until it holds or a deadline passes. Tests
// wait for what they need to see, never for a fixed time.
#pragma once

#include <chrono>
#include <thread>

namespace cocbot::sim {

// Polls `predicate` every 10 ms until it holds or `timeout` passes; returns its last value, so
// a wait that ran out reports the fact as it was at the end.
template <typename Predicate>
bool eventually(Predicate&& predicate,
                std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (predicate())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return predicate();
}

} // namespace cocbot::sim
