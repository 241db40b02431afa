// File: bot/slack/motion_message.cpp
// A motion's message: its question whole, who proposed it, the live tally and, while it is
// open, the ballot buttons.
#include "bot/slack/motion_message.hpp"

#include "bot/slack/ids.hpp"
#include "bot/slack/kit.hpp"
#include "bot/slack/labels.hpp"
#include "bot/slack/mrkdwn.hpp"

namespace cocbot::slack {

using kit::button;
using kit::context;
using kit::section;
using nlohmann::json;

namespace {

std::string_view motion_label(core::MotionKind kind) {
    switch (kind) {
    case core::MotionKind::violation:
        return "violation";
    case core::MotionKind::plan:
        return "behavioural modification plan";
    case core::MotionKind::consequences:
        return "consequences";
    case core::MotionKind::refusal:
        return "if the plan is refused";
    case core::MotionKind::custom:
        return "vote";
    case core::MotionKind::activate_escrow:
        return "share escrowed reports";
    case core::MotionKind::reopen:
        return "re-open";
    case core::MotionKind::keep:
        return "keep the records";
    }
    return "vote";
}

std::string voters(const std::vector<core::UserId>& people) {
    if (people.empty())
        return "nobody";
    std::string text;
    for (const auto& p : people)
        text += (text.empty() ? "" : ", ") + user_link(p);
    return text;
}

// "Yes: <@A>, <@B> · No: <@C> — 2 of 3 needed, electorate 4"
std::string tally_text(const core::Tally& t) {
    return "Yes: " + voters(t.yes) + " · No: " + voters(t.no) + " — " +
           std::to_string(t.yes.size()) + " of " + std::to_string(t.needed) +
           " needed, electorate " + std::to_string(t.electorate);
}

std::string result_text(const core::Tally& t) {
    const auto count = " (" + std::to_string(t.yes.size()) + " yes, " +
                       std::to_string(t.no.size()) + " no, of " + std::to_string(t.electorate) +
                       ")";
    switch (t.result) {
    case core::MotionResult::passed:
        return ":white_check_mark: *Passed*" + count;
    case core::MotionResult::rejected:
        return ":x: *Rejected*" + count;
    case core::MotionResult::lapsed:
        return "*Lapsed*: the incident was resolved before a majority agreed" + count;
    case core::MotionResult::open:
        break;
    }
    return "Open: a ballot can change until a majority of the electorate agrees.";
}

} // namespace

RenderedMessage render_motion(const core::MotionMessage& m) {
    const std::string title =
        "*Motion " + std::to_string(m.number) + "* · " + std::string{motion_label(m.kind)} +
        (m.proposed_by.empty() ? std::string{} : " · proposed by " + user_link(m.proposed_by));
    json blocks = json::array({section(title)});
    // The question is a person's words (or quotes them): never markup, and never cut short.
    const auto question = escape(m.text);
    kit::add_sections(blocks, question.empty() ? "—" : question);
    blocks.push_back(context(tally_text(m.tally)));
    blocks.push_back(m.tally.result == core::MotionResult::open ? context(result_text(m.tally))
                                                                : section(result_text(m.tally)));
    if (m.tally.result == core::MotionResult::open) {
        const auto value = motion_value(m.incident, m.number);
        blocks.push_back(
            {{"type", "actions"},
             {"block_id", "ballot"},
             {"elements", json::array({button(ids::ballot_yes, "Yes", value, "primary"),
                                       button(ids::ballot_no, "No", value, "danger")})}});
    }
    return {"Motion " + std::to_string(m.number) + " in " + m.incident.value + ": " +
                escape_clipped(m.text, 200),
            std::move(blocks)};
}

} // namespace cocbot::slack
