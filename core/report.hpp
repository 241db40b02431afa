// File: core/report.hpp
// A Code of Conduct report as the intake modal collects it, and the rules for a valid one.
#pragma once

#include "core/ids.hpp"
#include "core/trim.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::core {

// How the report reached the committee (the plan's "reported by phone/Twitter DM/etc").
enum class Source { slack, phone, in_person, email, web_form, other };

std::string_view to_string(Source source);
std::optional<Source> source_from_string(std::string_view text);
// Wording for people: "Slack", "phone", "in person", ...
std::string_view describe(Source source);

struct Flags {
    bool anonymous = false;         // no reporter identity is stored anywhere
    bool escrow = false;            // stored, not acted on unless the behaviour repeats
    bool immediate_danger = false;  // alert the committee at once
    bool involves_employee = false; // HR may be involved
    bool no_updates = false;        // the reporter does not want to be involved further
    // The details are shown in the incident channel only to a member who asks for them.
    bool content_warning = false;
    bool wants_police = false; // the reporter asks for law enforcement to be called

    friend bool operator==(const Flags&, const Flags&) = default;
};

// The reported person is a Slack user, a free-text name, or both.
struct ReportedPerson {
    UserId user;
    std::string name;

    bool empty() const { return user.empty() && name.empty(); }
    friend bool operator==(const ReportedPerson&, const ReportedPerson&) = default;
};

struct Report {
    ReportedPerson reported;
    std::string description;
    std::string location; // where and when
    std::string reporter_name;
    std::string reporter_contact;
    Source source = Source::slack;
    Flags flags;
    // Committee members the reporter chose not to see it: never asked, never told, and nobody
    // is told who they are.
    std::vector<UserId> excluded{};
    // The committee member the reporter would rather talk to: asked to own it, if cleared.
    UserId preferred{};
    // Where the reporter is now and what they are wearing, so that a responder can find them
    // in immediate danger (the plan's intake questions). They identify the reporter.
    std::string whereabouts{};
    std::string appearance{};

    friend bool operator==(const Report&, const Report&) = default;
};

// Field names match the modal's block ids so that the shell can show each error in place.
struct FieldError {
    std::string field;
    std::string message;

    friend bool operator==(const FieldError&, const FieldError&) = default;
};

inline constexpr std::size_t max_text_length = 3000;
inline constexpr std::size_t max_excluded = 100; // far more than any committee has

// The members of `roster` the reporter chose not to see it, each once (not the reported
// person, who is kept out anyway).
std::vector<UserId> excluded_on(const Report& report, const std::vector<UserId>& roster);

// Everything wrong with a report, in form order; empty when it can be filed.
std::vector<FieldError> validate(const Report& report);

// The report with surrounding white space trimmed from every text field.
Report normalised(Report report);

// Filed in Slack, not anonymously: whoever submitted it is the reporter, in their own name.
inline bool filed_in_own_name(const Report& report) {
    return report.source == Source::slack && !report.flags.anonymous;
}

} // namespace cocbot::core
