// File: bot/app/clock.hpp
// The one place in cocbot that reads the wall clock; everything else gets time as a value.
// The end-to-end tests alone may set it ahead (use_test_clock), to pass deadlines at will.
#pragma once

#include "core/time.hpp"

#include <chrono>
#include <filesystem>
#include <string>

namespace cocbot::app {

// The system clock, to the second; plus the test clock's offset when one is in use.
core::Time now();

// "2026-12-07T15:03:11Z": a time as the operator's commands print it.
std::string utc_text(core::Time t);

using core::unix_seconds;

// For tests only (COCBOT_TEST_CLOCK_FILE, checked in main.cpp): from now on the clock runs
// ahead of the system clock by the whole seconds written in `file`, re-read at every now().
// Throws std::runtime_error when the file does not hold a number of seconds.
void use_test_clock(const std::filesystem::path& file);

// How long a timer may sleep before it reads the clock again. The system clock does not jump,
// so: as long as it likes. A test clock jumps, so a timer looks again every 50 ms.
std::chrono::milliseconds clock_poll_limit();

} // namespace cocbot::app
