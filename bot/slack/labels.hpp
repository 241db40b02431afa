// File: bot/slack/labels.hpp
// The short pieces of mrkdwn that messages and private answers share: people, times, statuses.
#pragma once

#include "bot/slack/mrkdwn.hpp" // user_link()
#include "core/ids.hpp"
#include "core/report.hpp"
#include "core/status.hpp"
#include "core/time.hpp"

#include <string>
#include <vector>

namespace cocbot::slack {

// Mentions separated by spaces, for a message that calls people.
std::string user_links(const std::vector<core::UserId>& people);

// An owner, or "not named yet".
std::string owner_label(const core::UserId& user);

// The reported person: their mention, their typed name escaped, or both.
std::string reported_label(const core::ReportedPerson& person);

// In the workspace time zone: the service sets the process's TZ from workspace.timezone.
std::string format_time(core::Time t);

std::string status_label(core::Status status);

} // namespace cocbot::slack
