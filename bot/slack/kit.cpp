// File: bot/slack/kit.cpp
// Block Kit's building blocks as JSON.
#include "bot/slack/kit.hpp"

#include "bot/slack/mrkdwn.hpp"
#include "core/report.hpp"

#include <algorithm>
#include <string>

namespace cocbot::slack::kit {

using nlohmann::json;

json plain(std::string_view text) {
    return {{"type", "plain_text"}, {"text", text}};
}

json mrkdwn(std::string_view text) {
    return {{"type", "mrkdwn"}, {"text", text}};
}

json section(std::string_view text) {
    return {{"type", "section"}, {"text", mrkdwn(text)}};
}

json context(std::string_view text) {
    return {{"type", "context"}, {"elements", json::array({mrkdwn(text)})}};
}

json button(std::string_view action_id, std::string_view label, std::string_view value,
            std::string_view style) {
    json b{{"type", "button"}, {"action_id", action_id}, {"text", plain(label)}, {"value", value}};
    if (!style.empty())
        b["style"] = style;
    return b;
}

json option(std::string_view value, std::string_view label) {
    return {{"text", plain(label)}, {"value", value}};
}

json text_input(bool multiline) {
    return {{"type", "plain_text_input"},
            {"multiline", multiline},
            {"max_length", core::max_text_length}};
}

json input(std::string_view id, std::string_view label, json element, std::string_view hint,
           Entry entry) {
    element["action_id"] = id;
    json block{{"type", "input"},
               {"block_id", id},
               {"label", plain(label)},
               {"optional", entry == Entry::optional},
               {"element", std::move(element)}};
    if (!hint.empty())
        block["hint"] = plain(hint);
    return block;
}

void add_sections(json& blocks, std::string_view text) {
    for (const auto& part : split_mrkdwn(text, limits::section_text))
        blocks.push_back(section(part));
}

void add_actions(json& blocks, std::string_view block_id, const json& elements) {
    for (std::size_t first = 0, part = 1; first < elements.size();
         first += limits::actions_elements, ++part) {
        const auto last = std::min(elements.size(), first + limits::actions_elements);
        json row = json::array();
        for (auto i = first; i < last; ++i)
            row.push_back(elements[i]);
        blocks.push_back(
            {{"type", "actions"},
             {"block_id", part == 1 ? std::string{block_id}
                                    : std::string{block_id} + "_" + std::to_string(part)},
             {"elements", std::move(row)}});
    }
}

} // namespace cocbot::slack::kit
