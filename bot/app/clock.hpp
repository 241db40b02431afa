// File: bot/app/clock.hpp
// The one place in cocbot that reads the wall clock; everything else gets time as a value.
#pragma once

#include "core/time.hpp"

#include <chrono>

namespace cocbot::app {

inline core::Time now() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

inline std::int64_t unix_seconds(core::Time t) {
    return t.time_since_epoch().count();
}

} // namespace cocbot::app
