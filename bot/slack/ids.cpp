// File: bot/slack/ids.cpp
// The values cocbot's buttons and blocks carry, written and read back.
#include "bot/slack/ids.hpp"

#include <charconv>

namespace cocbot::slack {

std::string motion_value(const core::IncidentId& incident, int number) {
    return incident.value + "/" + std::to_string(number);
}

std::optional<std::pair<core::IncidentId, int>> parse_motion_value(std::string_view value) {
    const auto slash = value.find('/');
    if (slash == 0 || slash == std::string_view::npos)
        return std::nullopt;
    const auto digits = value.substr(slash + 1);
    int number = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    // Only plain digits: no sign, no second slash, nothing after the number.
    if (digits.empty() || digits.front() < '0' || digits.front() > '9' || error != std::errc{} ||
        end != digits.data() + digits.size() || number < 1)
        return std::nullopt;
    return std::pair{core::IncidentId{std::string{value.substr(0, slash)}}, number};
}

std::string incident_block_id(const core::IncidentId& incident) {
    return std::string{ids::incident_block_prefix} + incident.value;
}

} // namespace cocbot::slack
