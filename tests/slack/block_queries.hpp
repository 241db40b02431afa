// File: tests/slack/block_queries.hpp
// Small queries over rendered Block Kit JSON, shared by the renderer tests.
#pragma once

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::testing {

// The first block of a type, or null.
inline nlohmann::json find_block(const nlohmann::json& blocks, std::string_view type) {
    for (const auto& b : blocks)
        if (b.at("type") == type)
            return b;
    return nullptr;
}

// Every button's action id, across all actions blocks, in order.
inline std::vector<std::string> button_ids(const nlohmann::json& blocks) {
    std::vector<std::string> ids;
    for (const auto& b : blocks)
        if (b.at("type") == "actions")
            for (const auto& e : b.at("elements"))
                if (e.at("type") == "button")
                    ids.push_back(e.at("action_id"));
    return ids;
}

inline bool has(const std::vector<std::string>& ids, std::string_view id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

} // namespace cocbot::testing
