// File: bot/slack/view_values.hpp
// What a submitted modal's inputs hold, read by input id (block_id = action_id). An input left
// empty, or of another type than expected, reads as empty.
#pragma once

#include "bot/slack/payloads.hpp"
#include "core/ids.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::slack {

// A text input's value.
std::string text_of(const ViewState& state, std::string_view id);

// Whether checkbox `value` of input `id` is ticked.
bool checked(const ViewState& state, std::string_view id, std::string_view value);

// The chosen option's value of a select or radio.
std::optional<std::string> choice(const ViewState& state, std::string_view id);

// A yes/no radio; nullopt when nothing (or something else) was chosen.
std::optional<bool> yes_or_no(const ViewState& state, std::string_view id);

// The chosen option, read by `parse` (one of core's *_from_string); nullopt when nothing was
// chosen or it does not parse.
template <typename Parse>
auto parsed_choice(const ViewState& state, std::string_view id, Parse parse)
    -> decltype(parse(std::string_view{})) {
    const auto picked = choice(state, id);
    return picked ? parse(*picked) : std::nullopt;
}

// The values of a multi-select or the ticked checkboxes.
std::vector<std::string> selected(const ViewState& state, std::string_view id);

std::optional<core::UserId> selected_user(const ViewState& state, std::string_view id);
std::vector<core::UserId> selected_users(const ViewState& state, std::string_view id);

} // namespace cocbot::slack
