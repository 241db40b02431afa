// File: core/report.cpp
#include "core/report.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

namespace cocbot::core {

namespace {

struct SourceName {
    Source source;
    std::string_view id;
    std::string_view words;
};

constexpr std::array source_names{
    SourceName{Source::slack, "slack", "Slack"},
    SourceName{Source::phone, "phone", "phone"},
    SourceName{Source::in_person, "in_person", "in person"},
    SourceName{Source::email, "email", "email"},
    SourceName{Source::web_form, "web_form", "web form"},
    SourceName{Source::other, "other", "another channel"},
};

const SourceName& name_of(Source source) {
    return *std::find_if(source_names.begin(), source_names.end(),
                         [&](const SourceName& n) { return n.source == source; });
}

void check_length(std::vector<FieldError>& errors, std::string_view field,
                  const std::string& text) {
    if (text.size() > max_text_length)
        errors.push_back(
            {std::string{field},
             "Please keep this under " + std::to_string(max_text_length) + " characters."});
}

} // namespace

IncidentId make_incident_id(int year, int number) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%03d", year, number);
    return IncidentId{buffer};
}

std::string_view to_string(Source source) {
    return name_of(source).id;
}

std::string_view describe(Source source) {
    return name_of(source).words;
}

std::optional<Source> source_from_string(std::string_view text) {
    for (const auto& n : source_names)
        if (n.id == text)
            return n.source;
    return std::nullopt;
}

Report normalised(Report report) {
    for (auto* field :
         {&report.reported.name, &report.description, &report.location, &report.reporter_name,
          &report.reporter_contact, &report.whereabouts, &report.appearance})
        *field = trimmed(*field);
    return report;
}

std::vector<UserId> excluded_on(const Report& report, const std::vector<UserId>& roster) {
    std::vector<UserId> excluded;
    for (const auto& user : report.excluded)
        if (contains(roster, user) && !contains(excluded, user) && user != report.reported.user)
            excluded.push_back(user);
    return excluded;
}

std::vector<FieldError> validate(const Report& report) {
    std::vector<FieldError> errors;
    if (report.reported.empty())
        errors.push_back({"reported_user", "Choose the person who was reported, or type their name "
                                           "below."});
    if (report.description.empty())
        errors.push_back({"description", "Describe what happened."});
    check_length(errors, "reported_name", report.reported.name);
    check_length(errors, "description", report.description);
    check_length(errors, "location", report.location);
    check_length(errors, "reporter_name", report.reporter_name);
    check_length(errors, "reporter_contact", report.reporter_contact);
    check_length(errors, "reporter_whereabouts", report.whereabouts);
    check_length(errors, "reporter_appearance", report.appearance);
    if (report.excluded.size() > max_excluded)
        errors.push_back(
            {"excluded_members", "Choose at most " + std::to_string(max_excluded) + " members."});
    // An anonymous report must not carry what identifies the reporter: say so rather than
    // silently storing or dropping it.
    if (report.flags.anonymous && !report.reporter_name.empty())
        errors.push_back({"reporter_name", "Leave this empty for an anonymous report."});
    if (report.flags.anonymous && !report.reporter_contact.empty())
        errors.push_back({"reporter_contact", "Leave this empty for an anonymous report."});
    if (report.flags.anonymous && !report.whereabouts.empty())
        errors.push_back({"reporter_whereabouts", "This identifies the reporter: leave it empty "
                                                  "for an anonymous report."});
    if (report.flags.anonymous && !report.appearance.empty())
        errors.push_back({"reporter_appearance", "This identifies the reporter: leave it empty "
                                                 "for an anonymous report."});
    if (report.flags.escrow && report.flags.immediate_danger)
        errors.push_back({"flags", "An escrowed report is not acted on; immediate danger needs "
                                   "action now. Choose one."});
    return errors;
}

} // namespace cocbot::core
