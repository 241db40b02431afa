// File: bot/app/audit_command.hpp
// `cocbot audit verify [--head HASH]` and `cocbot audit show [REFERENCE]`, for the committee and
// its operator: the chain checked, or the entries printed, one per line.
#pragma once

#include "config/config.hpp"
#include "core/ids.hpp"

#include <cstdio>
#include <optional>
#include <string>

namespace cocbot::app {

// 0 when the chain holds (and, with `head`, leads through the entry that hash names); 1 with
// the first broken entry, or the head not found, said on `out`.
int audit_verify(const config::Config& config, const std::optional<std::string>& head,
                 std::FILE* out);

// Every entry, or those about `incident`: seq, time (UTC), who, what, reference, detail.
int audit_show(const config::Config& config, const std::optional<core::IncidentId>& incident,
               std::FILE* out);

} // namespace cocbot::app
