// File: bot/app/clock.hpp
// The one place in cocbot that reads the wall clock; everything else gets time as a value.
#pragma once

#include "core/time.hpp"

#include <chrono>

namespace cocbot::app {

inline core::Time now() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

using core::unix_seconds;

} // namespace cocbot::app
