// File: tests/core/decide_test.cpp
#include "core/decide.hpp"
#include "tests/core/outcomes.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace std::chrono_literals;

namespace {

const Time now{std::chrono::seconds{1'800'000'000}};
const ChannelId committee_channel{"CCOMMITTEE"};
const UserId alice{"UALICE"}, bob{"UBOB"}, carol{"UCAROL"}, outsider{"UOUT"};

Committee committee() {
    return {committee_channel, {alice, bob, carol}, {"+1 555 0100", "+1 555 0199"}, {}, {}};
}

Report report_about(UserId reported) {
    Report r;
    r.reported.user = std::move(reported);
    r.description = "Repeated unwanted comments at the party.";
    r.location = "Hall B, Tuesday evening";
    r.reporter_name = "Dana";
    r.reporter_contact = "dana@example.org";
    r.source = Source::phone;
    return r;
}

SubmitReport submit(Report r, UserId by = outsider) {
    return {make_incident_id(2026, 1), std::move(by), std::move(r), {}};
}

Incident after(const Outcome& outcome, Incident incident = {}) {
    return replay(std::move(incident), decision_of(outcome).events);
}

Incident filed_incident(Report r = report_about(UserId{"UREPORTED"})) {
    return after(decide(committee(), {}, submit(std::move(r)), now));
}

} // namespace

TEST_SUITE("decide: intake") {
    TEST_CASE("a valid report is filed and the committee channel gets one triage prompt") {
        const auto outcome =
            decide(committee(), {}, submit(report_about(UserId{"UREPORTED"})), now);
        const auto& d = decision_of(outcome);
        REQUIRE(d.events.size() == 1);
        const auto& filed = std::get<ReportFiled>(d.events[0]);
        CHECK(filed.incident.value == "2026-001");
        CHECK(filed.at == now);
        CHECK(filed.submitted_by == outsider);
        CHECK(filed.committee == std::vector<UserId>{alice, bob, carol});
        CHECK_FALSE(filed.reported_is_member);

        const auto posts = all_of<Post>(d.effects);
        REQUIRE(posts.size() == 1);
        CHECK(posts[0].channel == committee_channel);
        CHECK(posts[0].to_user.empty());
        CHECK(posts[0].remember);
        const auto& prompt = std::get<TriagePrompt>(posts[0].message);
        CHECK(prompt.reported.user == UserId{"UREPORTED"});
        CHECK(prompt.source == Source::phone);
        CHECK(prompt.answered == 0);
        CHECK(prompt.committee_size == 3);
        CHECK(d.reply.find("2026-001") != std::string::npos);
    }

    TEST_CASE("the triage prompt carries neither the reporter nor any detail") {
        const auto& d =
            decision_of(decide(committee(), {}, submit(report_about(UserId{"UR"})), now));
        for (const auto& post : all_of<Post>(d.effects)) {
            const auto& prompt = std::get<TriagePrompt>(post.message);
            // The prompt's type has room for nothing but the reference, the reported person,
            // the source and counts; check the values anyway.
            CHECK(prompt ==
                  TriagePrompt{make_incident_id(2026, 1), {UserId{"UR"}, ""}, Source::phone, 0, 3});
        }
    }

    TEST_CASE("an incomplete report is refused with the modal's field errors and nothing happens") {
        Report empty;
        const auto& r = rejection_of(decide(committee(), {}, submit(empty), now));
        CHECK(r.reason == Rejection::Reason::invalid_report);
        CHECK(r.fields.size() == 2);
    }

    TEST_CASE("text is trimmed before it is filed") {
        auto r = report_about(UserId{"UR"});
        r.description = "  spaced  ";
        const auto incident = after(decide(committee(), {}, submit(r), now));
        CHECK(incident.report.description == "spaced");
    }

    TEST_CASE("a reference that is already used is refused") {
        const auto incident = filed_incident();
        const auto& r =
            rejection_of(decide(committee(), incident, submit(report_about(UserId{"UR"})), now));
        CHECK(r.reason == Rejection::Reason::already_exists);
    }

    TEST_CASE("an anonymous report stores no identity of whoever submitted it") {
        auto r = report_about(UserId{"UR"});
        r.flags.anonymous = true;
        r.reporter_name.clear();
        r.reporter_contact.clear();
        const auto& d = decision_of(decide(committee(), {}, submit(r, UserId{"USUBMITTER"}), now));
        const auto& filed = std::get<ReportFiled>(d.events[0]);
        CHECK(filed.submitted_by.empty());
        CHECK(d.reply.find("cannot follow up") != std::string::npos);
    }

    TEST_CASE("an anonymous report taken by a committee member keeps the member responsible") {
        auto r = report_about(UserId{"UR"});
        r.flags.anonymous = true;
        r.reporter_name.clear();
        r.reporter_contact.clear();
        const auto taken_by = [&](Source source, const UserId& who) {
            r.source = source;
            const auto d = decision_of(decide(committee(), {}, submit(r, who), now));
            return std::pair{std::get<ReportFiled>(d.events[0]).submitted_by, d.reply};
        };
        const auto [by_phone, reply] = taken_by(Source::phone, alice);
        CHECK(by_phone == alice); // the member on the phone is not the reporter
        CHECK(reply.find("recorded as the member who took it") != std::string::npos);
        // Once cleared, the member is whom the reminders mention until owners are named.
        const auto cleared = evolve(after(decide(committee(), {}, submit(r, alice), now)),
                                    ConflictDeclared{alice, false, now});
        CHECK(cleared.to_alert() == std::vector<UserId>{alice});
        // In Slack the submitter may be the reporter; someone off the roster may be, too.
        CHECK(taken_by(Source::slack, alice).first.empty());
        CHECK(taken_by(Source::phone, UserId{"USTRANGER"}).first.empty());
    }

    TEST_CASE("an escrowed report is stored and nobody is told") {
        auto r = report_about(UserId{"UR"});
        r.flags.escrow = true;
        const auto& d = decision_of(decide(committee(), {}, submit(r), now));
        CHECK(d.events.size() == 1);
        CHECK(d.effects.empty());
        CHECK(after(decide(committee(), {}, submit(r), now)).status == Status::escrowed);
        CHECK(d.reply.find("escrow") != std::string::npos);
    }

    TEST_CASE("a report about a committee member goes privately to every other member") {
        const auto& d = decision_of(decide(committee(), {}, submit(report_about(bob)), now));
        const auto& filed = std::get<ReportFiled>(d.events[0]);
        CHECK(filed.reported_is_member);
        CHECK(filed.committee == std::vector<UserId>{alice, carol});
        const auto posts = all_of<Post>(d.effects);
        REQUIRE(posts.size() == 2);
        for (const auto& post : posts) {
            CHECK(post.channel.empty());
            CHECK(post.to_user != bob);
        }
        CHECK(posts[0].to_user == alice);
        CHECK(posts[1].to_user == carol);
        // The reported member is conflicted automatically.
        REQUIRE(d.events.size() == 2);
        CHECK(std::get<ConflictDeclared>(d.events[1]) == ConflictDeclared{bob, true, now});
    }

    TEST_CASE("immediate danger alerts the committee with the location and the safety numbers") {
        auto r = report_about(UserId{"UR"});
        r.flags.immediate_danger = true;
        const auto& d = decision_of(decide(committee(), {}, submit(r), now));
        const auto posts = all_of<Post>(d.effects);
        REQUIRE(posts.size() == 2);
        const auto& alert = std::get<DangerAlert>(posts[0].message);
        CHECK(alert.location == "Hall B, Tuesday evening");
        CHECK(alert.safety.venue_security == "+1 555 0100");
        CHECK(alert.safety.crisis_line == "+1 555 0199");
        CHECK(std::holds_alternative<TriagePrompt>(posts[1].message));
    }
}

TEST_SUITE("decide: conflicts") {
    TEST_CASE("a member's first answer is recorded and the prompt's count is updated") {
        auto incident = filed_incident();
        const MessageRef prompt{committee_channel, "1.0001"};
        incident =
            after(decide(committee(), incident,
                         RecordMessagePosted{incident.id, prompt, MessageKind::triage_prompt}, now),
                  incident);
        REQUIRE(incident.triage_prompt == prompt);

        const auto outcome =
            decide(committee(), incident, DeclareConflict{incident.id, alice, false}, now);
        const auto& d = decision_of(outcome);
        REQUIRE(d.events.size() == 1);
        CHECK(std::get<ConflictDeclared>(d.events[0]) == ConflictDeclared{alice, false, now});
        const auto updates = all_of<Update>(d.effects);
        REQUIRE(updates.size() == 1);
        CHECK(updates[0].target == prompt);
        CHECK(std::get<TriagePrompt>(updates[0].message).answered == 1);
        CHECK(after(outcome, incident).cleared() == std::vector<UserId>{alice});
    }

    TEST_CASE("the prompt is not updated before its position is known") {
        const auto incident = filed_incident();
        const auto& d = decision_of(
            decide(committee(), incident, DeclareConflict{incident.id, alice, true}, now));
        CHECK(d.effects.empty());
        CHECK(d.events.size() == 1);
    }

    TEST_CASE("answering the same way twice changes nothing") {
        auto incident = filed_incident();
        incident =
            after(decide(committee(), incident, DeclareConflict{incident.id, alice, false}, now),
                  incident);
        const auto& d = decision_of(
            decide(committee(), incident, DeclareConflict{incident.id, alice, false}, now));
        CHECK(d.events.empty());
        CHECK(d.effects.empty());
        CHECK_FALSE(d.reply.empty());
    }

    TEST_CASE("a cleared member may later declare a conflict, but a conflict is never withdrawn") {
        auto incident = filed_incident();
        incident =
            after(decide(committee(), incident, DeclareConflict{incident.id, alice, false}, now),
                  incident);
        incident =
            after(decide(committee(), incident, DeclareConflict{incident.id, alice, true}, now),
                  incident);
        CHECK(incident.cleared().empty());
        const auto& r = rejection_of(
            decide(committee(), incident, DeclareConflict{incident.id, alice, false}, now));
        CHECK(r.reason == Rejection::Reason::not_allowed);
    }

    TEST_CASE("someone who was not asked cannot answer") {
        const auto incident = filed_incident();
        const auto& r = rejection_of(
            decide(committee(), incident, DeclareConflict{incident.id, outsider, false}, now));
        CHECK(r.reason == Rejection::Reason::not_on_committee);
    }

    TEST_CASE("the reported member cannot clear themselves") {
        const auto incident = filed_incident(report_about(bob));
        const auto& r = rejection_of(
            decide(committee(), incident, DeclareConflict{incident.id, bob, false}, now));
        CHECK(r.reason == Rejection::Reason::not_on_committee);
        CHECK(incident.declaration_of(bob) == Declaration::conflict);
    }

    TEST_CASE("answers about an unknown incident are refused") {
        const auto& r = rejection_of(
            decide(committee(), {}, DeclareConflict{IncidentId{"2026-404"}, alice, false}, now));
        CHECK(r.reason == Rejection::Reason::unknown_incident);
        const auto& r2 = rejection_of(
            decide(committee(), {},
                   RecordMessagePosted{IncidentId{"2026-404"}, {}, MessageKind::notice}, now));
        CHECK(r2.reason == Rejection::Reason::unknown_incident);
    }
}
