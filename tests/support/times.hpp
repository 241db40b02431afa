// File: tests/support/times.hpp
// The instant unit tests start from, so that times in their assertions read as dates.
#pragma once

#include "core/time.hpp"

namespace cocbot::testing {

inline const core::Time t0{core::Duration{1'773'446'400}}; // 2026-03-14

} // namespace cocbot::testing
