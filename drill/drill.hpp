// File: drill/drill.hpp
// `cocbot drill`: the real service (core, storage in a temporary SQLite file, the executor and
// the scheduler) against the simulated workspace, playing one whole incident with the plan's
// clocks compressed, printing what each person sees. No network, Slack app, secret or
// configuration file. A tabletop exercise for a committee, and a check of the installation.
#pragma once

#include <cstdio>

namespace cocbot::drill {

struct DrillOptions {
    bool slow = false; // paced for a room watching a projector
    std::FILE* out = stdout;
};

// 0 when every step happened and nobody saw what the plan keeps from them; 1 otherwise.
int run(const DrillOptions& options);

} // namespace cocbot::drill
