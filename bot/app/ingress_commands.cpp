// File: bot/app/ingress_commands.cpp
// `/coc <subcommand>`: one table of the subcommands, their help lines and their handlers. Every
// answer is private to the member who typed it.
#include "bot/app/clock.hpp"
#include "bot/app/ingress.hpp"
#include "bot/app/ingress_answer.hpp"
#include "bot/app/transparency_text.hpp"
#include "bot/slack/answers.hpp"
#include "bot/slack/report_modal.hpp"
#include "bot/slack/to_command.hpp"

#include <algorithm>

namespace cocbot::app {

namespace {

// `<first word> <rest>` of a command's argument, both trimmed.
std::pair<std::string, std::string> split_first(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto end = std::min(text.find_first_of(" \t", first), text.size());
    return {std::string{text.substr(first, end - first)}, slack::argument_of(text)};
}

// Said when the report form cannot be opened now: nothing was lost, the person tries again.
constexpr std::string_view busy_text =
    "Slack is slow to answer just now, so the report form could not open. Nothing was sent. "
    "Please type `/coc report` again in a minute.";

} // namespace

struct Ingress::Subcommand {
    std::string_view name;
    std::string_view help; // its line in `/coc help`
    Answer (Ingress::*handler)(const slack::SlashCommand&);
};

const std::vector<Ingress::Subcommand>& Ingress::subcommands() {
    static const std::vector<Subcommand> table{
        {"report",
         "`/coc report`: make a report, or take one on someone's behalf. Only committee members "
         "without a conflict of interest will see it (and HR, without one, only when only "
         "employees are involved).",
         &Ingress::report_modal},
        {"list",
         "`/coc list`: the incidents you are cleared for, and conflict questions you have not "
         "answered.",
         &Ingress::list},
        {"status", "`/coc status <reference>`: where an incident stands.", &Ingress::status},
        {"vote",
         "`/coc vote <motion>`: in an incident's channel, put a question to its members; a "
         "simple majority of the members in the channel decides.",
         &Ingress::vote},
        {"timeline", "`/coc timeline`: in an incident's channel, post its written record.",
         &Ingress::timeline},
        {"reopen",
         "`/coc reopen <reference> [reason]`: propose re-opening a resolved incident, or one HR "
         "handed back.",
         &Ingress::reopen},
        {"transparency",
         "`/coc transparency [YYYY-Qn]`: committee members only. Draft the quarter's anonymised "
         "transparency report (by default the last full quarter) in the committee channel.",
         &Ingress::transparency},
        {"committee",
         "`/coc committee [add|remove @person]`: committee members only. List the members, or "
         "propose adding or removing one; every member votes by private ballot.",
         &Ingress::committee},
        {"help", "`/coc help`: this message.", &Ingress::help_answer},
    };
    return table;
}

std::string Ingress::help() {
    std::vector<std::string_view> lines;
    for (const auto& sub : subcommands())
        lines.push_back(sub.help);
    return slack::help_text(lines);
}

Ingress::Answer Ingress::on(const slack::SlashCommand& command) {
    const auto word = slack::subcommand_of(command.text);
    const auto& table = subcommands();
    const auto sub = std::find_if(table.begin(), table.end(),
                                  [&](const Subcommand& s) { return s.name == word; });
    if (sub == table.end())
        return Answer::ephemeral(help(), "unknown_help");
    return (this->*sub->handler)(command);
}

Ingress::Answer Ingress::report_modal(const slack::SlashCommand& command) {
    // parse_payload refused a slash command without a trigger: there is one.
    if (!open_modal(command.trigger_id, slack::report_modal()))
        return Answer::ephemeral(busy_text, "modal_shed");
    return Answer::empty("modal_opening");
}

Ingress::Answer Ingress::help_answer(const slack::SlashCommand&) {
    return Answer::ephemeral(help(), "help");
}

Ingress::Answer Ingress::list(const slack::SlashCommand& command) {
    const core::UserId member{command.user_id};
    const auto overview = reads_.overview_for(member);
    workflow_.record_views(member, "list_viewed", core::shown_incidents(overview), now());
    return Answer::ephemeral(slack::list_text(overview), "list");
}

Ingress::Answer Ingress::status(const slack::SlashCommand& command) {
    const auto reference = slack::argument_of(command.text);
    if (reference.empty())
        return Answer::ephemeral(
            "Usage: `/coc status <reference>`, for example `/coc status 2026-007`.",
            "status_usage");
    const core::UserId member{command.user_id};
    const auto summary = reads_.summary_for(member, core::IncidentId{reference});
    if (summary)
        workflow_.record_views(member, "status_viewed", {summary->id}, now());
    // Not cleared and unknown get the very same answer: the existence of an incident is secret.
    return Answer::ephemeral(summary ? slack::status_text(*summary, now())
                                     : slack::unknown_incident_text(reference),
                             "status");
}

Ingress::Answer Ingress::vote(const slack::SlashCommand& command) {
    const auto incident = reads_.incident_for_channel(core::ChannelId{command.channel_id});
    if (!incident)
        return Answer::ephemeral("Use /coc vote inside an incident's private channel.",
                                 "vote_elsewhere");
    const auto outcome = workflow_.handle(core::ProposeMotion{*incident,
                                                              core::UserId{command.user_id},
                                                              core::MotionKind::custom,
                                                              slack::argument_of(command.text),
                                                              {}},
                                          now());
    return Answer::ephemeral(said(outcome), outcome_word(outcome));
}

Ingress::Answer Ingress::timeline(const slack::SlashCommand& command) {
    const auto incident = reads_.incident_for_channel(core::ChannelId{command.channel_id});
    if (!incident)
        return Answer::ephemeral("Use /coc timeline inside an incident's private channel.",
                                 "timeline_elsewhere");
    const auto outcome =
        workflow_.handle(core::ShowTimeline{*incident, core::UserId{command.user_id}}, now());
    // The timeline itself is posted in the channel; there may be nothing more to say.
    const auto text = said(outcome);
    if (text.empty())
        return Answer::empty(outcome_word(outcome));
    return Answer::ephemeral(text, outcome_word(outcome));
}

Ingress::Answer Ingress::transparency(const slack::SlashCommand& command) {
    const core::UserId member{command.user_id};
    // Anyone else gets the help, as for an unknown subcommand: the committee's work is its own.
    if (!roster_.committee().is_member(member))
        return Answer::ephemeral(help(), "unknown_help");
    const auto at = now();
    const auto argument = slack::argument_of(command.text);
    const auto quarter = argument.empty() ? std::optional{core::previous(core::quarter_of(at))}
                                          : core::quarter_from_string(argument);
    if (!quarter)
        return Answer::ephemeral("Usage: `/coc transparency [YYYY-Qn]`, for example "
                                 "`/coc transparency " +
                                     core::to_string(core::previous(core::quarter_of(at))) + "`.",
                                 "transparency_usage");
    if (*quarter > core::quarter_of(at))
        return Answer::ephemeral(core::to_string(*quarter) + " has not begun yet.",
                                 "transparency_future");
    const auto report = reads_.transparency(*quarter);
    workflow_.post_to_committee(transparency_notice(report), member, "transparency_drafted",
                                core::to_string(*quarter), at);
    return Answer::ephemeral("The draft transparency report for " + core::to_string(*quarter) +
                                 " is being posted in the committee channel.",
                             "transparency");
}

Ingress::Answer Ingress::reopen(const slack::SlashCommand& command) {
    const auto [reference, reason] = split_first(slack::argument_of(command.text));
    if (reference.empty())
        return Answer::ephemeral(
            "Usage: `/coc reopen <reference> [reason]`, for example `/coc reopen 2026-007`.",
            "reopen_usage");
    const core::UserId user{command.user_id};
    const core::IncidentId incident{reference};
    // Not cleared and unknown get the very same answer: the existence of an incident is secret.
    if (!reads_.summary_for(user, incident))
        return Answer::ephemeral(slack::unknown_incident_text(reference), "reopen_unknown");
    const auto outcome = workflow_.handle(
        core::ProposeMotion{incident, user, core::MotionKind::reopen, reason, {}}, now());
    return Answer::ephemeral(said(outcome), outcome_word(outcome));
}

} // namespace cocbot::app
