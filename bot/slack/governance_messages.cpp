// File: bot/slack/governance_messages.cpp
#include "bot/slack/governance_messages.hpp"

#include "bot/slack/ids.hpp"
#include "bot/slack/kit.hpp"
#include "bot/slack/labels.hpp"
#include "bot/slack/mrkdwn.hpp"

#include <algorithm>

namespace cocbot::slack {

using kit::button;
using kit::context;
using kit::section;
using nlohmann::json;

namespace {

std::string question_of(const core::CommitteeBallot& ballot) {
    const std::string who = user_link(ballot.subject);
    return ballot.kind == core::CommitteeMotionKind::removal
               ? "*Should " + who + " be removed from the Code of Conduct committee?* " +
                     user_link(ballot.proposer) + " proposed it. " + who +
                     " is not told of this vote and cannot see it."
               : "*Should " + who + " join the Code of Conduct committee?* " +
                     user_link(ballot.proposer) + " proposed it.";
}

std::string count_of(const core::CommitteeBallot& ballot) {
    const auto& t = ballot.tally;
    const bool removal = ballot.kind == core::CommitteeMotionKind::removal;
    return std::to_string(t.yes) + (removal ? " remove" : " yes") + " · " + std::to_string(t.no) +
           (removal ? " keep" : " no") + " · " + std::to_string(t.needed) + " of all " +
           std::to_string(t.members) + " members needed. Not voting counts against.";
}

std::string result_of(const core::CommitteeBallot& ballot) {
    if (ballot.withdrawn)
        return "This ballot was withdrawn.";
    const bool removal = ballot.kind == core::CommitteeMotionKind::removal;
    switch (ballot.tally.result) {
    case core::MotionResult::passed:
        return removal ? "Decided: removed. Their access is revoked before they are told."
                       : "Decided: admitted.";
    case core::MotionResult::rejected:
        return removal ? "Decided: kept on the committee." : "Decided: not admitted.";
    default:
        return "Your ballot can change until the vote is decided.";
    }
}

json ballot_buttons(const core::CommitteeBallot& ballot) {
    const std::string value = std::to_string(ballot.motion);
    if (ballot.kind == core::CommitteeMotionKind::removal)
        return json::array({button(ids::removal_remove, "Remove", value, "danger"),
                            button(ids::removal_keep, "Keep", value)});
    return json::array({button(ids::admission_yes, "Admit", value, "primary"),
                        button(ids::admission_no, "Do not admit", value)});
}

std::string tick_line(const core::ChecklistItem& item,
                      const std::vector<core::ChecklistTick>& ticked) {
    const auto tick = std::find_if(ticked.begin(), ticked.end(),
                                   [&](const core::ChecklistTick& t) { return t.item == item.id; });
    if (tick == ticked.end())
        return ":white_large_square: " + std::string{item.text};
    return ":white_check_mark: " + std::string{item.text} + " — " + user_link(tick->by) + ", " +
           format_time(tick->at);
}

} // namespace

RenderedMessage render_ballot(const core::CommitteeBallot& ballot) {
    const std::string question = question_of(ballot);
    json blocks = json::array();
    kit::add_sections(blocks, question);
    if (!ballot.withdrawn)
        kit::add_sections(blocks, "*Reason:* " + escape(ballot.reason));
    blocks.push_back(
        context(ballot.withdrawn ? result_of(ballot) : count_of(ballot) + " " + result_of(ballot)));
    if (!ballot.withdrawn && ballot.tally.result == core::MotionResult::open)
        blocks.push_back({{"type", "actions"},
                          {"block_id", "committee_ballot"},
                          {"elements", ballot_buttons(ballot)}});
    return {question, std::move(blocks)};
}

RenderedMessage render_check_in(const core::CheckInPrompt& prompt) {
    const std::string question =
        "Do you wish to continue serving on the Code of Conduct committee?";
    switch (prompt.answer) {
    case core::CheckInAnswer::continued:
        return {question, json::array({section(question), context("You chose to continue. "
                                                                  "Thank you.")})};
    case core::CheckInAnswer::stepped_down:
        return {question,
                json::array({section(question),
                             context("You chose to step down. Your access is being revoked; "
                                     "you will get a last message when it is done.")})};
    case core::CheckInAnswer::withdrawn:
        return {question, json::array({section(question), context("This question was "
                                                                  "withdrawn.")})};
    case core::CheckInAnswer::unanswered:
        break;
    }
    json actions{
        {"type", "actions"},
        {"block_id", "check_in"},
        {"elements",
         json::array({button(ids::checkin_continue, "Continue", "continue", "primary"),
                      button(ids::checkin_step_down, "Step down", "step_down", "danger")})}};
    return {question,
            json::array({section(question),
                         context("Every member is asked this every six months. Step down starts "
                                 "your off-boarding at once."),
                         std::move(actions)})};
}

RenderedMessage render_checklist(const core::OffboardChecklist& checklist) {
    const std::string who = user_link(checklist.member);
    const std::string head =
        "*Off-boarding " + who + "* (" +
        (checklist.cause == core::OffboardCause::removed ? "removed by the committee's vote"
                                                         : "stepped down") +
        "). cocbot removed them from the committee's roster and every channel of the "
        "committee. Revoke what is outside Slack, and tick each line when it is done. They are "
        "told only when every line is ticked.";
    json blocks = json::array({section(head)});
    for (const auto& item : core::offboard_checklist()) {
        const bool done =
            std::any_of(checklist.ticked.begin(), checklist.ticked.end(),
                        [&](const core::ChecklistTick& t) { return t.item == item.id; });
        json line = section(tick_line(item, checklist.ticked));
        if (!done)
            line["accessory"] = button(ids::offboard_done, "Done", item.id);
        blocks.push_back(std::move(line));
    }
    return {"Off-boarding " + who + ": revoke what is outside Slack", std::move(blocks)};
}

RenderedMessage render_farewell(const core::Farewell& farewell) {
    std::string text = escape(farewell.text);
    json blocks = json::array();
    kit::add_sections(blocks, text);
    return {std::move(text), std::move(blocks)};
}

} // namespace cocbot::slack
