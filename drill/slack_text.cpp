// File: drill/slack_text.cpp
#include "drill/slack_text.hpp"

#include "drill/cast.hpp"

namespace cocbot::drill {

using nlohmann::json;

namespace {

std::string string_at(const json& object, std::string_view key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

// The text of a text object ({"type":"mrkdwn","text":...}), or "".
std::string text_of(const json& object) {
    return object.is_object() ? string_at(object, "text") : std::string{};
}

// "<@U1>", "<#C1|name>", "<!here>", "<https://x|label>": how a person reads each.
std::string link_text(std::string_view inside, const ChannelNames& channels) {
    const auto bar = inside.find('|');
    const auto target = inside.substr(0, bar);
    const auto label = bar == std::string_view::npos ? std::string_view{} : inside.substr(bar + 1);
    if (target.starts_with('@'))
        return "@" + name_of(target.substr(1));
    if (target.starts_with('#')) {
        const auto name = channels(target.substr(1));
        return "#" + (name            ? *name
                      : label.empty() ? std::string{target.substr(1)}
                                      : std::string{label});
    }
    if (target.starts_with('!'))
        return "@" + std::string{label.empty() ? target.substr(1) : label};
    return std::string{label.empty() ? target : label};
}

void add_lines(std::vector<std::string>& lines, const std::string& text) {
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        if (end > start)
            lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
}

std::string element_text(const json& element) {
    const auto type = string_at(element, "type");
    if (type == "button")
        return "[" + text_of(element.value("text", json{})) + "]";
    if (type.ends_with("select"))
        return "[" + text_of(element.value("placeholder", json{})) + " ▾]";
    return text_of(element);
}

std::string joined_elements(const json& block) {
    std::string line;
    for (const auto& element : block.value("elements", json::array()))
        if (const auto text = element_text(element); !text.empty())
            line += (line.empty() ? "" : "  ") + text;
    return line;
}

void add_block(std::vector<std::string>& lines, const json& block, const ChannelNames& channels) {
    const auto type = string_at(block, "type");
    if (type == "section" || type == "header") {
        add_lines(lines, readable(text_of(block.value("text", json{})), channels));
        for (const auto& field : block.value("fields", json::array()))
            add_lines(lines, readable(text_of(field), channels));
        if (block.contains("accessory"))
            lines.push_back(element_text(block["accessory"]));
    } else if (type == "context" || type == "actions") {
        add_lines(lines, readable(joined_elements(block), channels));
    } else if (type == "input") {
        lines.push_back(readable(text_of(block.value("label", json{})), channels) + ": ____");
    }
}

std::vector<std::string> block_lines(const json& blocks, const ChannelNames& channels) {
    std::vector<std::string> lines;
    if (blocks.is_array())
        for (const auto& block : blocks)
            if (block.is_object())
                add_block(lines, block, channels);
    return lines;
}

} // namespace

std::string readable(std::string_view mrkdwn, const ChannelNames& channels) {
    std::string text;
    for (std::size_t i = 0; i < mrkdwn.size(); ++i) {
        const auto close = mrkdwn[i] == '<' ? mrkdwn.find('>', i) : std::string_view::npos;
        if (close != std::string_view::npos) {
            text += link_text(mrkdwn.substr(i + 1, close - i - 1), channels);
            i = close;
        } else if (mrkdwn.substr(i).starts_with("&lt;")) {
            text += '<', i += 3;
        } else if (mrkdwn.substr(i).starts_with("&gt;")) {
            text += '>', i += 3;
        } else if (mrkdwn.substr(i).starts_with("&amp;")) {
            text += '&', i += 4;
        } else {
            text += mrkdwn[i];
        }
    }
    return text;
}

std::vector<std::string> message_lines(const json& message, const ChannelNames& channels) {
    auto lines = block_lines(message.value("blocks", json::array()), channels);
    if (lines.empty())
        add_lines(lines, readable(string_at(message, "text"), channels));
    return lines;
}

std::vector<std::string> view_lines(const json& view, const ChannelNames& channels) {
    std::vector<std::string> lines;
    if (!view.is_object())
        return lines;
    if (const auto title = text_of(view.value("title", json{})); !title.empty())
        lines.push_back("« " + title + " »");
    for (auto& line : block_lines(view.value("blocks", json::array()), channels))
        lines.push_back(std::move(line));
    return lines;
}

} // namespace cocbot::drill
