// File: tests/e2e/test_clock.hpp
// A clock the test moves: cocbot started with it reads how far ahead of the system clock it
// runs from a file (COCBOT_TEST_CLOCK_FILE, see bot/app/clock.hpp), so a day's deadline
// passes the moment the test says so, and not before.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace cocbot::testing {

class TestClock {
public:
    TestClock(); // in a folder of its own, not ahead at all
    ~TestClock();
    TestClock(const TestClock&) = delete;
    TestClock& operator=(const TestClock&) = delete;

    // Moves the clock `by` ahead; the bot sees it at its next look (within 50 ms).
    void advance(std::chrono::seconds by);
    // The time now on this clock, as Unix seconds.
    std::int64_t unix_now() const;
    const std::string& file() const { return file_; }

private:
    std::string folder_;
    std::string file_;
    std::chrono::seconds ahead_{0};
};

} // namespace cocbot::testing
