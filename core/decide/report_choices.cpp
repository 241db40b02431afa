// File: core/decide/report_choices.cpp
#include "core/decide/report_choices.hpp"

namespace cocbot::core::detail {

namespace {

Text ownership_request(const IncidentId& incident) {
    return "The reporter of incident " + incident.value +
           " would rather talk to you, and asked that you own the report. First answer the "
           "conflict question about it, in the message before this one. With no conflict of "
           "interest, you join the incident's private channel: name yourself primary owner on its "
           "control message. With one, declare it as usual, and the others take it on.";
}

// A channel that may show the report: the incident's to its cleared members, and HR's, while
// the report is handed to HR, to them and the HR contacts without a conflict.
bool may_show_in(const Incident& incident, const ChannelId& channel, const UserId& user) {
    if (channel.empty() || incident.report_withheld())
        return false;
    if (channel == incident.channel)
        return incident.is_cleared(user);
    return channel == incident.hr_channel && incident.hr &&
           incident.hr->scope == HrScope::employees_only && incident.may_be_in_hr_channel(user);
}

} // namespace

void check_preferred(std::vector<FieldError>& errors, const Committee& committee,
                     const Report& report) {
    const auto& preferred = report.preferred;
    const auto refuse = [&](std::string message) {
        errors.push_back({"prefer_member", std::move(message)});
    };
    if (preferred.empty())
        return;
    if (!committee.is_member(preferred))
        refuse("Choose a member of the Code of Conduct committee, or leave this empty.");
    else if (preferred == report.reported.user)
        refuse("That is the person reported: choose another member, or leave this empty.");
    else if (contains(report.excluded, preferred))
        refuse("You chose that member not to see this report.");
}

void ask_preferred(Decision& decision, const ReportFiled& filed) {
    const auto& preferred = filed.report.preferred;
    if (preferred.empty() || filed.report.flags.escrow || !contains(filed.committee, preferred))
        return;
    // Remembered, so that it is withdrawn if they leave the committee before answering.
    decision.effects.push_back(
        Post{filed.incident, {}, preferred, Notice{ownership_request(filed.incident)}, true});
}

Message report_message(const Incident& incident) {
    if (incident.report.flags.content_warning)
        return VeiledReport{incident.id};
    return ReportDetails{incident.id, incident.filed_at, incident.report, incident.submitted_by};
}

Outcome show_report(const Incident& incident, const ShowReport& command) {
    if (!incident.exists())
        return unknown_incident();
    if (!may_show_in(incident, command.channel, command.by))
        return Rejection{Rejection::Reason::not_allowed,
                         "Only those cleared to read this report can see it.",
                         {}};
    Decision decision;
    decision.effects.push_back(Ephemeral{
        command.channel, command.by,
        ReportDetails{incident.id, incident.filed_at, incident.report, incident.submitted_by}});
    return decision;
}

} // namespace cocbot::core::detail
