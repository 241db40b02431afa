// File: bot/slack/answers.cpp
// What cocbot tells one member privately: `/coc list`, `/coc status`, App Home and the help.
#include "bot/slack/answers.hpp"

#include "bot/slack/ids.hpp"
#include "bot/slack/kit.hpp"
#include "bot/slack/labels.hpp"
#include "bot/slack/mrkdwn.hpp"

#include <chrono>

namespace cocbot::slack {

using kit::button;
using kit::context;
using kit::mrkdwn;
using kit::plain;
using kit::section;
using nlohmann::json;

namespace {

std::string summary_line(const core::IncidentSummary& s) {
    std::string line =
        "*" + s.id.value + "* · " + reported_label(s.reported) + " · " + status_label(s.status);
    if (!s.channel.empty())
        line += " · <#" + s.channel.value + ">";
    return line;
}

std::string pending_line(const core::PendingDeclaration& p) {
    return "*" + p.id.value + "* · " + reported_label(p.reported) + " (via " +
           std::string{core::describe(p.source)} +
           "): do you have a conflict of interest? Answer on the prompt.";
}

// "Motion 2 in 2026-007: <text> — you voted yes": the text is clipped, a list is no place for
// a whole plan.
std::string motion_line(const core::OpenMotion& m) {
    constexpr std::size_t shown = 300;
    const std::string ballot = !m.ballot   ? "you have not voted"
                               : *m.ballot ? "you voted yes"
                                           : "you voted no";
    return "Motion " + std::to_string(m.number) + " in *" + m.incident.value +
           "*: " + escape_clipped(m.text, shown) + " — " + ballot;
}

} // namespace

std::string list_text(const core::Overview& overview) {
    if (overview.open.empty() && overview.pending.empty() && overview.motions.empty())
        return "You have no open incidents and no unanswered conflict questions.";
    std::string text;
    if (!overview.open.empty()) {
        text += "*Your incidents*";
        for (const auto& s : overview.open)
            text += "\n• " + summary_line(s);
    }
    if (!overview.pending.empty()) {
        text += std::string{text.empty() ? "" : "\n"} + "*Waiting for your answer*";
        for (const auto& p : overview.pending)
            text += "\n• " + pending_line(p);
    }
    if (!overview.motions.empty()) {
        text += std::string{text.empty() ? "" : "\n"} + "*Open motions*";
        for (const auto& m : overview.motions)
            text += "\n• " + motion_line(m);
    }
    return text;
}

namespace {

std::string time_left(core::Time due, core::Time now) {
    if (due <= now)
        return "overdue";
    const auto left = std::chrono::duration_cast<std::chrono::minutes>(due - now);
    const auto days = left.count() / (24 * 60), hours = left.count() / 60 % 24,
               minutes = left.count() % 60;
    std::string text = "in ";
    if (days > 0)
        text += std::to_string(days) + "d ";
    if (days > 0 || hours > 0)
        text += std::to_string(hours) + "h ";
    return text + std::to_string(minutes) + "m";
}

std::string deadline_line(const core::Reminder& r, core::Time now) {
    std::string what = "Acknowledge the reporter";
    if (r.kind == core::ReminderKind::owners_missing)
        what = "Name the owners";
    else if (r.kind == core::ReminderKind::decision_overdue)
        what = "Tell the reporter the decision";
    else if (r.kind == core::ReminderKind::reporter_update)
        what = "Update the reporter";
    else if (r.kind == core::ReminderKind::hr_report_due)
        what = "Ask HR for its report";
    return what + " by " + format_time(r.due) + " (" + time_left(r.due, now) + ")";
}

} // namespace

std::string status_text(const core::IncidentSummary& s, core::Time now) {
    std::string text = summary_line(s) + "\nReceived " + format_time(s.filed_at) +
                       "\nPrimary owner: " + owner_label(s.primary_owner) +
                       " · secondary owner: " + owner_label(s.secondary_owner);
    if (s.primary_owner.empty() && s.secondary_owner.empty())
        text += "\nResponsible until owners are named: " +
                (s.responsible.empty() ? std::string{"the committee"} : owner_label(s.responsible));
    for (const auto& deadline : s.deadlines)
        text += "\n:alarm_clock: " + deadline_line(deadline, now);
    return text;
}

std::string unknown_incident_text(std::string_view reference) {
    return "There is no incident " + escape(reference) +
           " that you can see. `/coc list` shows yours.";
}

namespace {

// A home tab holds 100 blocks: the header, three headings, the closing line and up to three "more"
// lines take eight, and each list gets a third of the rest.
constexpr std::size_t list_budget = (limits::view_blocks - 8) / 3;

// Appends each item's blocks while the list stays within its budget; the items left out are
// counted in a line that points to `/coc list`, which shows them all.
template <typename Item, typename Render>
void add_bounded(json& blocks, const std::vector<Item>& items, Render render) {
    const auto limit = blocks.size() + list_budget;
    std::size_t shown = 0;
    for (const auto& item : items) {
        json more = render(item);
        if (blocks.size() + more.size() > limit)
            break;
        for (auto& block : more)
            blocks.push_back(std::move(block));
        ++shown;
    }
    if (shown < items.size())
        blocks.push_back(
            context(std::to_string(items.size() - shown) + " more: `/coc list` shows them all."));
}

json summary_blocks(const core::IncidentSummary& s) {
    json blocks = json::array();
    kit::add_sections(blocks, summary_line(s));
    return blocks;
}

// The button goes with the line's first section; a long name continues below it.
json pending_blocks(const core::PendingDeclaration& p) {
    auto parts = split_mrkdwn(pending_line(p), limits::section_text);
    json blocks =
        json::array({json{{"type", "section"},
                          {"text", mrkdwn(parts.front())},
                          {"accessory", button(ids::conflict_none, "No conflict", p.id.value)}}});
    for (std::size_t i = 1; i < parts.size(); ++i)
        blocks.push_back(section(parts[i]));
    return blocks;
}

json motion_blocks(const core::OpenMotion& m) {
    return json::array({section(motion_line(m))});
}

} // namespace

json home_view(const core::Overview& overview, bool member) {
    json blocks = json::array({json{{"type", "header"}, {"text", plain("Code of Conduct")}}});
    blocks.push_back(section("*Your incidents*"));
    if (overview.open.empty())
        blocks.push_back(context("None open."));
    add_bounded(blocks, overview.open, summary_blocks);
    blocks.push_back(section("*Waiting for your answer*"));
    if (overview.pending.empty())
        blocks.push_back(context("Nothing."));
    add_bounded(blocks, overview.pending, pending_blocks);
    blocks.push_back(section("*Open motions*"));
    if (overview.motions.empty())
        blocks.push_back(context("None waiting for a vote."));
    add_bounded(blocks, overview.motions, motion_blocks);
    blocks.push_back(context("Use `/coc report` to make a report."));
    if (member)
        blocks.push_back(
            {{"type", "actions"},
             {"block_id", "committee"},
             {"elements", json::array({kit::button(ids::committee_remove,
                                                   "Propose removing a member", "committee")})}});
    return {{"type", "home"}, {"blocks", std::move(blocks)}};
}

std::string help_text(const std::vector<std::string_view>& lines) {
    std::string text = "*cocbot* runs the Code of Conduct committee's incident response plan.\n";
    for (const auto line : lines)
        text += "• " + std::string{line} + "\n";
    return text + "If someone is in immediate danger, tick *Immediate danger* in the report: the "
                  "committee is alerted at once.";
}

} // namespace cocbot::slack
