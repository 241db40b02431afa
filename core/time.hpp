// File: core/time.hpp
// Time is a value passed into core; core never reads a clock.
#pragma once

#include <chrono>

namespace cocbot::core {

using Time = std::chrono::sys_seconds;
using Duration = std::chrono::seconds;

} // namespace cocbot::core
