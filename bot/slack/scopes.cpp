// File: bot/slack/scopes.cpp
#include "bot/slack/scopes.hpp"

#include <algorithm>

namespace cocbot::slack {

const std::vector<std::string_view>& bot_scopes() {
    static const std::vector<std::string_view> scopes{
        "commands",       "chat:write",       "im:write",   "groups:write", "groups:read",
        "groups:history", "channels:history", "im:history", "users:read",
    };
    return scopes;
}

std::vector<std::string> missing_scopes(std::string_view granted) {
    std::vector<std::string_view> have;
    while (!granted.empty()) {
        const auto comma = granted.find(',');
        auto scope = granted.substr(0, comma);
        while (scope.starts_with(' '))
            scope.remove_prefix(1);
        while (scope.ends_with(' '))
            scope.remove_suffix(1);
        have.push_back(scope);
        granted = comma == std::string_view::npos ? std::string_view{} : granted.substr(comma + 1);
    }
    std::vector<std::string> missing;
    for (const auto scope : bot_scopes())
        if (std::find(have.begin(), have.end(), scope) == have.end())
            missing.emplace_back(scope);
    return missing;
}

} // namespace cocbot::slack
