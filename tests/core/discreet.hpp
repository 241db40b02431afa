// File: tests/core/discreet.hpp
// The confidentiality rules every decision must keep, checked after each step a Scene takes:
// whatever core asks the shell to show, and to whom, against who may see it.
#pragma once

#include "core/decide.hpp"
#include "core/decision.hpp"
#include "core/overloaded.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <variant>
#include <vector>

namespace cocbot::core::testing {

inline bool mentions_text(const std::string& haystack, const std::string& needle) {
    return !needle.empty() && haystack.find(needle) != std::string::npos;
}

inline bool mentions_text(const Text& haystack, const std::string& needle) {
    return mentions_text(to_plain(haystack), needle);
}

// Everything people typed about the incident: none of it may leave its private channel.
inline std::vector<std::string> secrets_of(const Incident& incident) {
    std::vector<std::string> secrets{incident.report.description, incident.report.location,
                                     incident.report.reporter_name,
                                     incident.report.reporter_contact};
    for (const auto& m : incident.motions)
        secrets.push_back(m.text);
    for (const auto& f : incident.follow_ups)
        secrets.push_back(f.note);
    for (const auto& l : incident.law_enforcement)
        secrets.push_back(l.note);
    for (const auto& c : incident.conversations)
        for (const auto* text :
             {&c.conversation.behaviour, &c.conversation.context, &c.conversation.impact,
              &c.conversation.call_in, &c.conversation.plan})
            secrets.push_back(*text);
    if (incident.hr_report) {
        secrets.push_back(incident.hr_report->report.plan);
        secrets.push_back(incident.hr_report->report.consequences);
    }
    if (incident.resolution)
        secrets.push_back(incident.resolution->resolution);
    std::erase_if(secrets, [](const std::string& s) { return s.empty(); });
    return secrets;
}

// The rules of DESIGN.md §4 as one check of a decision taken on `before`, leading to `after`:
// details go only to the incident's channel (as it was or as it is now), to which only the
// cleared (and HR while involved) are invited; outside it there are only triage prompts, danger
// alerts and the leadership's detail-free notice.
// HR's channel holds what the committee sends HR: cocbot's own notices, the members' questions,
// and the report only at a hand-off (the plan's one exception).
inline void check_for_hr(const Incident& after, const Message& message,
                         const std::vector<std::string>& secrets) {
    INFO("a post in HR's channel, kind " << static_cast<int>(kind_of(message)));
    if (std::holds_alternative<ReportDetails>(message) ||
        std::holds_alternative<VeiledReport>(message)) {
        CHECK((after.hr && after.hr->scope == HrScope::employees_only));
        return;
    }
    const auto* notice = std::get_if<ChannelNotice>(&message);
    REQUIRE(notice != nullptr);
    for (const auto& secret : secrets)
        CHECK_FALSE(mentions_text(notice->text, secret));
    if (notice->quote.empty() && !notice->quoted)
        return;
    // Only a member's question to HR is quoted there, word for word.
    REQUIRE(notice->quoted.has_value());
    const std::string* asked = after.quoted(*notice->quoted);
    CHECK((asked != nullptr && *asked == notice->quote));
    CHECK(mentions_text(notice->text, "asks HR"));
}

inline void check_discreet(const Committee& committee, const Incident& before,
                           const Incident& after, const Decision& decision) {
    const auto in_incident_channel = [&](const ChannelId& channel) {
        return !channel.empty() && (channel == before.channel || channel == after.channel);
    };
    const auto in_hr_channel = [&](const ChannelId& channel) {
        return !channel.empty() && (channel == before.hr_channel || channel == after.hr_channel);
    };
    auto secrets = secrets_of(after);
    const auto before_secrets = secrets_of(before);
    secrets.insert(secrets.end(), before_secrets.begin(), before_secrets.end());
    const UserId& reported = after.report.reported.user;
    for (const auto& effect : decision.effects) {
        std::visit(
            overloaded{
                [&](const Post& post) {
                    if (post.to_user.empty() && in_incident_channel(post.channel))
                        return;
                    if (post.to_user.empty() && in_hr_channel(post.channel)) {
                        check_for_hr(after, post.message, secrets);
                        return;
                    }
                    INFO("a post outside the incident channel, kind "
                         << static_cast<int>(kind_of(post.message)));
                    CHECK((reported.empty() || post.to_user != reported));
                    // Nor a member the typed name matched, unless the match was undone.
                    CHECK((after.name_match_undone || !contains(after.name_matched, post.to_user)));
                    if (std::holds_alternative<TriagePrompt>(post.message)) {
                        CHECK(
                            (post.channel == after.committee_channel || after.asked(post.to_user)));
                    } else if (std::holds_alternative<DangerAlert>(post.message)) {
                        CHECK(
                            (post.channel == after.committee_channel || after.asked(post.to_user)));
                    } else if (const auto* notice = std::get_if<Notice>(&post.message);
                               notice && post.channel == after.committee_channel) {
                        // A channel that holds people off the roster hears only that a report
                        // came in (and who those people are, whom it names alike).
                        CHECK_FALSE(committee.strangers().empty());
                        // Never while the one it may be about sits there (they would get no
                        // direct message, and know).
                        CHECK_FALSE(committee.sits_with(reported));
                        CHECK(after.name_matched.empty());
                        for (const auto& secret : secrets)
                            CHECK_FALSE(mentions_text(notice->text, secret));
                    } else if (notice) {
                        CHECK_FALSE(post.to_user.empty());
                        // The leadership's notice, or a fault told to an asked member who
                        // declared no conflict (the channel could not be made).
                        const bool leader =
                            std::find(committee.leadership.begin(), committee.leadership.end(),
                                      post.to_user) != committee.leadership.end();
                        const bool member =
                            after.asked(post.to_user) &&
                            after.declaration_of(post.to_user) != Declaration::conflict;
                        CHECK((leader || member));
                        for (const auto& secret : secrets)
                            CHECK_FALSE(mentions_text(notice->text, secret));
                    } else if (std::holds_alternative<HrConflictPrompt>(post.message)) {
                        // HR's conflict question goes to an HR contact asked, never the reporter.
                        CHECK(after.hr_asked(post.to_user));
                        CHECK_FALSE(after.asked(post.to_user));
                        CHECK((after.report.source != Source::slack ||
                               post.to_user != after.submitted_by));
                    } else if (std::holds_alternative<ReporterConflictPrompt>(post.message)) {
                        // The question about the reporter names only the incident, and goes
                        // only to a member the channel now lets in.
                        CHECK_FALSE(post.to_user.empty());
                        CHECK(after.is_cleared(post.to_user));
                    } else {
                        FAIL_CHECK("only prompts, alerts and notices leave the incident channel");
                    }
                },
                [&](const Update& update) {
                    if (in_incident_channel(update.target.channel))
                        return;
                    // A prompt's count, or a direct message withdrawn, which says nothing.
                    if (const auto* notice = std::get_if<Notice>(&update.message)) {
                        for (const auto& secret : secrets)
                            CHECK_FALSE(mentions_text(notice->text, secret));
                        return;
                    }
                    // Or who is responding to the danger, on an alert shown to one who may respond.
                    if (std::holds_alternative<DangerAlert>(update.message)) {
                        if (update.target.channel == committee.channel)
                            return;
                        const auto sent = std::find_if(
                            before.direct_messages.begin(), before.direct_messages.end(),
                            [&](const DirectMessage& dm) { return dm.message == update.target; });
                        REQUIRE(sent != before.direct_messages.end());
                        CHECK(after.asked(sent->to));
                        CHECK(after.declaration_of(sent->to) != Declaration::conflict);
                        return;
                    }
                    CHECK(std::holds_alternative<TriagePrompt>(update.message));
                },
                [&](const Ephemeral& ephemeral) {
                    // The details behind a content warning, to one who may read them there.
                    if (std::holds_alternative<ReportDetails>(ephemeral.message)) {
                        if (in_hr_channel(ephemeral.channel))
                            CHECK(after.may_be_in_hr_channel(ephemeral.user));
                        else
                            CHECK((in_incident_channel(ephemeral.channel) &&
                                   after.is_cleared(ephemeral.user)));
                        return;
                    }
                    CHECK(std::holds_alternative<Notice>(ephemeral.message));
                },
                [&](const Invite& invite) {
                    CHECK((reported.empty() || invite.user != reported));
                    if (in_hr_channel(invite.channel)) {
                        CHECK(after.may_be_in_hr_channel(invite.user));
                        return;
                    }
                    CHECK(in_incident_channel(invite.channel));
                    CHECK(after.may_be_present(invite.user));
                    CHECK(after.declaration_of(invite.user) != Declaration::conflict);
                },
                [&](const ShareEscrowedReports& share) {
                    CHECK(in_incident_channel(share.channel));
                },
                [&](const auto&) {},
            },
            effect);
    }
}

} // namespace cocbot::core::testing
