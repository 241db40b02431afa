// File: bench/stored_history.hpp
// A history for the benchmarks to run against: `incidents` stored incidents, the last 5 open
// (a committee has a few at a time), 1 in 10 of the others kept in escrow, the rest resolved.
// Written in one transaction with no outbox rows: setting up is not what is measured.
#pragma once

#include "core/ids.hpp"
#include "core/report.hpp"
#include "storage/database.hpp"

#include <vector>

namespace cocbot::bench {

// Report number `n`: about one of 500 people, by Slack id and typed name; kept in escrow if asked.
core::Report sample_report(int n, bool escrow);

void store_history(storage::Database& db, int incidents, const std::vector<core::UserId>& members,
                   const core::ChannelId& committee_channel);

} // namespace cocbot::bench
