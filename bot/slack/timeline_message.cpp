// File: bot/slack/timeline_message.cpp
// An incident's written record as one message, newest lines kept when it does not all fit.
#include "bot/slack/timeline_message.hpp"

#include "bot/slack/kit.hpp"
#include "bot/slack/labels.hpp"
#include "bot/slack/mrkdwn.hpp"

namespace cocbot::slack {

using kit::context;
using kit::section;
using nlohmann::json;

namespace {

std::string timeline_line(const core::TimelineLine& line) {
    std::string text = format_time(line.at) + " — ";
    if (!line.who.empty())
        text += user_link(line.who) + " ";
    // What a person typed is escaped whole. Room is left for the line break.
    text += clipped(line.what, limits::section_text - text.size() - 1);
    if (!line.quote.empty() && text.size() + 2 < limits::section_text - 1)
        text += " " + escape_clipped(line.quote, limits::section_text - text.size() - 2);
    return text;
}

} // namespace

// The record, newest lines kept when it does not fit in one message: sections of at most
// 3000 characters, and no more blocks than Slack takes.
RenderedMessage render_timeline(const core::Timeline& t) {
    const std::string title = "*Timeline of incident " + t.incident.value + "*";
    const auto fallback = "Timeline of incident " + t.incident.value;
    if (t.lines.empty())
        return {fallback, json::array({section(title), context("Nothing recorded yet.")})};

    const std::size_t max_sections = limits::message_blocks - 2; // the title and the note
    std::vector<std::string> sections;                           // newest first while packing
    std::size_t kept = 0;
    for (auto it = t.lines.rbegin(); it != t.lines.rend(); ++it) {
        const auto line = timeline_line(*it);
        if (!sections.empty() && sections.back().size() + 1 + line.size() <= limits::section_text)
            sections.back() = line + "\n" + sections.back();
        else if (sections.size() < max_sections)
            sections.push_back(line);
        else
            break;
        ++kept;
    }
    json blocks = json::array({section(title)});
    const auto left_out = t.lines.size() - kept;
    if (left_out > 0)
        blocks.push_back(context(std::to_string(left_out) + " earlier line" +
                                 (left_out == 1 ? " was" : "s were") +
                                 " left out to fit in one message."));
    for (auto it = sections.rbegin(); it != sections.rend(); ++it)
        blocks.push_back(section(*it));
    return {fallback, std::move(blocks)};
}

} // namespace cocbot::slack
