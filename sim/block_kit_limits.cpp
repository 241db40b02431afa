// File: sim/block_kit_limits.cpp
#include "sim/block_kit_limits.hpp"

#include <algorithm>
#include <string>

namespace cocbot::sim::fake {

using nlohmann::json;

namespace {

// Slack counts characters, not bytes: UTF-8 continuation bytes do not start one.
std::size_t characters(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::size_t text_length(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_object())
        return 0;
    const auto text = it->find("text");
    return text != it->end() && text->is_string() ? characters(text->get<std::string>()) : 0;
}

// Every button inside `node` (in an actions block, or a section's accessory) keeps its value
// within the limit.
bool buttons_fit(const json& node) {
    if (node.is_object() && node.value("type", "") == "button" && node.contains("value") &&
        node["value"].is_string() &&
        characters(node["value"].get<std::string>()) > max_button_value)
        return false;
    if (!node.is_structured())
        return true;
    return std::all_of(node.begin(), node.end(),
                       [](const json& child) { return buttons_fit(child); });
}

bool block_fits(const json& block) {
    if (!block.is_object())
        return false;
    if (block.value("type", "") == "section" && text_length(block, "text") > max_section_text)
        return false;
    return buttons_fit(block);
}

bool blocks_fit(const json& blocks, std::size_t most) {
    if (blocks.is_null())
        return true;
    return blocks.is_array() && blocks.size() <= most &&
           std::all_of(blocks.begin(), blocks.end(), block_fits);
}

} // namespace

bool message_blocks_fit(const json& blocks) {
    return blocks_fit(blocks, max_message_blocks);
}

bool view_fits(const json& view) {
    if (view.value("type", "") == "modal" && text_length(view, "title") > max_modal_title)
        return false;
    return blocks_fit(view.value("blocks", json(nullptr)), max_view_blocks);
}

} // namespace cocbot::sim::fake
