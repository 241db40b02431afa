// File: core/deadlines_config.hpp
// How long each of the plan's clocks runs (configurable, so tests run in seconds).
#pragma once

#include "core/time.hpp"

namespace cocbot::core {

struct Deadlines {
    Duration acknowledge{std::chrono::hours{24}};
    Duration decision{std::chrono::days{7}};
    Duration reporter_update{std::chrono::hours{24}};
    Duration owner_nudge{std::chrono::hours{24}};
    Duration conflict_nudge{std::chrono::hours{24}};
    Duration hr_report{std::chrono::days{7}}; // how often the owners are asked to chase HR
};

} // namespace cocbot::core
