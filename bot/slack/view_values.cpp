// File: bot/slack/view_values.cpp
// What a submitted modal's inputs hold, read by input id.
#include "bot/slack/view_values.hpp"

#include <algorithm>

namespace cocbot::slack {

std::string text_of(const ViewState& state, std::string_view id) {
    const auto* input = state.find(id, id);
    return input && input->value ? *input->value : std::string{};
}

bool checked(const ViewState& state, std::string_view id, std::string_view value) {
    const auto ticked = selected(state, id);
    return std::find(ticked.begin(), ticked.end(), value) != ticked.end();
}

std::optional<std::string> choice(const ViewState& state, std::string_view id) {
    const auto* input = state.find(id, id);
    return input ? input->selected_option : std::nullopt;
}

std::optional<bool> yes_or_no(const ViewState& state, std::string_view id) {
    const auto picked = choice(state, id);
    if (picked == "yes")
        return true;
    if (picked == "no")
        return false;
    return std::nullopt;
}

std::vector<std::string> selected(const ViewState& state, std::string_view id) {
    const auto* input = state.find(id, id);
    return input ? input->selected_options : std::vector<std::string>{};
}

std::optional<core::UserId> selected_user(const ViewState& state, std::string_view id) {
    const auto* input = state.find(id, id);
    if (!input || !input->selected_user)
        return std::nullopt;
    return core::UserId{*input->selected_user};
}

std::vector<core::UserId> selected_users(const ViewState& state, std::string_view id) {
    std::vector<core::UserId> users;
    if (const auto* input = state.find(id, id))
        for (const auto& user : input->selected_users)
            users.push_back(core::UserId{user});
    return users;
}

} // namespace cocbot::slack
