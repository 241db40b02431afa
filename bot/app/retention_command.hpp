// File: bot/app/retention_command.hpp
// `cocbot retention --dry-run`: what retention would erase next, and when, erasing nothing.
#pragma once

#include "config/config.hpp"
#include "core/time.hpp"

#include <cstdio>

namespace cocbot::app {

// The next erasures, soonest first (at most 50), as of `now`. 0, or 1 when there is no database.
int retention_dry_run(const config::Config& config, core::Time now, std::FILE* out);

} // namespace cocbot::app
