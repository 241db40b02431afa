// File: core/consequences.cpp
// The plan's "Potential consequences", shortened to fit a select option.
#include "core/consequences.hpp"

#include <array>

namespace cocbot::core {

namespace {

constexpr std::array<Consequence, 20> consequences{{
    {"nothing", "Nothing: the behaviour was not a Code of Conduct violation"},
    {"warning", "A verbal or emailed warning"},
    {"avoid_person", "Avoid any interaction with, and proximity to, a person at the event"},
    {"no_direct_messages", "Do not direct message an online community member"},
    {"avoid_channels", "Do not join specific chat channels"},
    {"no_evening_events", "Do not attend evening events"},
    {"no_alcohol", "Refusal of alcoholic beverage purchases at events"},
    {"end_talk", "End a talk that violates the Code of Conduct early"},
    {"unpublish_talk", "Do not publish the video or slides of the talk"},
    {"no_talks", "No (further) talks at the event, now or in the future"},
    {"end_volunteering", "End event volunteer responsibilities and privileges now"},
    {"no_future_volunteering", "Do not volunteer for future events (indefinitely or for a time)"},
    {"refund_grant", "Refund travel grants (if a condition of the grant)"},
    {"leave_event", "Leave the event immediately and do not return"},
    {"ban_events", "Ban from future events (indefinitely or for a time)"},
    {"remove_online", "Remove from community chat servers or mailing lists"},
    {"remove_admin", "Remove admin or moderator rights to community infrastructure"},
    {"remove_leadership", "Remove from leadership of relevant organizations"},
    {"remove_membership", "Remove from membership of relevant organizations"},
    {"public_account", "Publish an account of the incident and call for a resignation"},
}};

} // namespace

std::span<const Consequence> possible_consequences() {
    return consequences;
}

std::optional<Consequence> consequence_by_id(std::string_view id) {
    for (const auto& c : consequences)
        if (c.id == id)
            return c;
    return std::nullopt;
}

} // namespace cocbot::core
