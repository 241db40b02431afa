// File: tests/core/hr_test.cpp
// Reports that involve employees (HR informs, or takes over and reports back), and law
// enforcement at the reporter's request.
#include "core/deadlines.hpp"
#include "core/decide.hpp"
#include "tests/core/outcomes.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::sample;

namespace {

Scene three_cleared() {
    return opened({alice, bob, carol}, {erin});
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

HrReport no_action() {
    return {HrFinding::no_violation, "None", "None", false};
}

} // namespace

TEST_SUITE("decide: HR informs the committee") {
    TEST_CASE("HR is invited to give information, and may stay in the channel") {
        auto scene = three_cleared();
        const auto d = scene.run(InvolveHr{ref, bob, HrScope::informing});
        CHECK(events_of<HrInvolved>(d) ==
              std::vector<HrInvolved>{{HrScope::informing, {hr1, hr2}, bob, t0}});
        CHECK(all_of<Invite>(d) ==
              std::vector<Invite>{{ref, incident_channel, hr1}, {ref, incident_channel, hr2}});
        REQUIRE(posted<ChannelNotice>(d).size() == 1);
        CHECK(mentions_user(posted<ChannelNotice>(d)[0].text, hr1));
        CHECK(scene.incident.status == Status::triage);
        REQUIRE_FALSE(updated<ControlPanel>(d).empty());
        CHECK(updated<ControlPanel>(d).back().hr_involved == HrScope::informing);

        const auto joined = scene.run(MemberJoined{ref, hr1});
        CHECK(joined.events.empty());
        CHECK(joined.effects.empty());
    }

    TEST_CASE("HR cannot vote or propose") {
        auto scene = three_cleared();
        scene.run(InvolveHr{ref, bob, HrScope::informing});
        const int n = scene.propose(alice, MotionKind::violation);
        CHECK(scene.refused(CastBallot{ref, n, hr1, true}).reason ==
              Rejection::Reason::not_allowed);
        CHECK(scene.refused(ProposeMotion{ref, hr2, MotionKind::custom, "x", {}}).reason ==
              Rejection::Reason::not_allowed);
        CHECK(scene.motion(n).ballots.empty());
    }

    TEST_CASE("HR done removes HR, an HR contact joining afterwards is removed") {
        auto scene = three_cleared();
        scene.run(InvolveHr{ref, bob, HrScope::informing});
        const auto d = scene.run(DropHr{ref, carol});
        CHECK(events_of<HrDropped>(d) == std::vector<HrDropped>{{carol, t0}});
        CHECK(all_of<Remove>(d) ==
              std::vector<Remove>{{ref, incident_channel, hr1}, {ref, incident_channel, hr2}});
        CHECK(posted<ChannelNotice>(d).size() == 1);
        CHECK_FALSE(scene.incident.hr.has_value());
        CHECK_FALSE(updated<ControlPanel>(d).back().hr_involved.has_value());

        const auto joined = scene.run(MemberJoined{ref, hr1});
        CHECK(events_of<UnclearedMemberFound>(joined).size() == 1);
        CHECK(all_of<Remove>(joined) == std::vector<Remove>{{ref, incident_channel, hr1}});
    }

    TEST_CASE("involving HR twice, or dropping HR that is not involved, only answers") {
        auto scene = three_cleared();
        const auto drop = scene.run(DropHr{ref, bob});
        CHECK(drop.events.empty());
        CHECK(drop.effects.empty());
        CHECK_FALSE(drop.reply.empty());
        scene.run(InvolveHr{ref, bob, HrScope::informing});
        const auto again = scene.run(InvolveHr{ref, alice, HrScope::employees_only});
        CHECK(again.events.empty());
        CHECK(again.effects.empty());
        CHECK(scene.incident.status == Status::triage);
    }

    TEST_CASE("without HR contacts configured, involving HR is refused") {
        auto scene = three_cleared();
        scene.committee.hr.clear();
        const auto refusal = scene.refused(InvolveHr{ref, bob, HrScope::informing});
        CHECK(refusal.reason == Rejection::Reason::not_allowed);
        CHECK(refusal.message == "No HR contacts are configured (committee.hr).");
    }

    TEST_CASE("only the cleared involve or drop HR") {
        auto scene = three_cleared();
        for (const auto& who : {erin, stranger, hr1})
            CHECK(scene.refused(InvolveHr{ref, who, HrScope::informing}).reason ==
                  Rejection::Reason::not_allowed);
        scene.run(InvolveHr{ref, bob, HrScope::informing});
        for (const auto& who : {erin, stranger, hr1})
            CHECK(scene.refused(DropHr{ref, who}).reason == Rejection::Reason::not_allowed);
    }

    TEST_CASE("an HR contact who is the reported person, or declared a conflict, is not invited") {
        auto scene = opened({alice, bob}, {erin});
        scene.committee.hr = {hr1, erin, reported};
        const auto d = decision_of(scene.attempt(InvolveHr{ref, bob, HrScope::informing}));
        CHECK(all_of<Invite>(d) == std::vector<Invite>{{ref, incident_channel, hr1}});
    }
}

TEST_SUITE("decide: hand-off to HR") {
    TEST_CASE("employees only hands the incident off to HR, and the committee's clocks run on") {
        auto scene = three_cleared();
        const auto due_before = next_check(scene.incident, scene.committee.deadlines);
        REQUIRE(due_before.has_value());
        const auto d = scene.run(InvolveHr{ref, bob, HrScope::employees_only});
        CHECK(scene.incident.status == Status::handed_off);
        CHECK(all_of<Invite>(d).size() == 2);
        CHECK(updated<ControlPanel>(d).back().status == Status::handed_off);
        CHECK(updated<ControlPanel>(d).back().hr_involved == HrScope::employees_only);
        // The reporter is still owed what they were owed; HR's report is chased a week later.
        CHECK(next_check(scene.incident, scene.committee.deadlines) == due_before);
        const auto check = scene.run(CheckDeadlines{ref});
        CHECK(check.events.empty()); // nothing was due yet
        CHECK(check.effects.empty());
    }

    TEST_CASE("an HR contact records HR's report, quoted in the channel") {
        auto scene = three_cleared();
        scene.run(InvolveHr{ref, bob, HrScope::employees_only});
        const HrReport report{HrFinding::violation, "  Coaching with a manager ", "Written warning",
                              true};
        const auto d = scene.run(RecordHrReport{ref, hr1, report});
        const auto reported_back = events_of<HrReported>(d);
        REQUIRE(reported_back.size() == 1);
        CHECK(reported_back[0].by == hr1);
        CHECK(reported_back[0].report.plan == "Coaching with a manager");
        CHECK(scene.incident.hr_report.has_value());
        const auto notices = posted<ChannelNotice>(d);
        REQUIRE(notices.size() == 1);
        CHECK(contains(notices[0].quote, "Coaching with a manager"));
        CHECK(contains(notices[0].quote, "Written warning"));
        for (const auto& post : all_of<Post>(d))
            CHECK(post.channel == incident_channel);
        CHECK(scene.incident.hr_report->report.taking_action);
        for (const auto& panel : updated<ControlPanel>(d))
            CHECK_FALSE(panel.hr_declined);
    }

    TEST_CASE("a cleared member may record HR's report too, others may not") {
        auto scene = three_cleared();
        scene.run(InvolveHr{ref, bob, HrScope::employees_only});
        for (const auto& who : {erin, stranger, reported})
            CHECK(scene.refused(RecordHrReport{ref, who, no_action()}).reason ==
                  Rejection::Reason::not_allowed);
        scene.run(RecordHrReport{ref, alice, no_action()});
    }

    TEST_CASE("HR reports back only after a hand-off") {
        auto scene = three_cleared();
        CHECK(scene.refused(RecordHrReport{ref, alice, no_action()}).reason ==
              Rejection::Reason::not_allowed);
        scene.run(InvolveHr{ref, bob, HrScope::informing});
        CHECK(scene.refused(RecordHrReport{ref, hr1, no_action()}).reason ==
              Rejection::Reason::not_allowed);
    }

    TEST_CASE("HR's plan and consequences are at most 3000 characters") {
        auto scene = three_cleared();
        scene.run(InvolveHr{ref, bob, HrScope::employees_only});
        auto report = no_action();
        report.plan = std::string(3001, 'p');
        CHECK(field_of(scene.refused(RecordHrReport{ref, hr1, report})) == "plan");
        report.plan = "ok";
        report.consequences = std::string(3001, 'c');
        CHECK(field_of(scene.refused(RecordHrReport{ref, hr1, report})) == "consequences");
    }

    TEST_CASE("when HR takes no action the committee may re-open, and a passing vote does") {
        auto scene = three_cleared();
        scene.run(InvolveHr{ref, bob, HrScope::employees_only});
        const auto d = scene.run(RecordHrReport{ref, hr1, no_action()});
        REQUIRE_FALSE(updated<ControlPanel>(d).empty());
        CHECK(updated<ControlPanel>(d).back().hr_declined);
        const auto notices = posted<ChannelNotice>(d);
        REQUIRE(notices.size() == 2);
        CHECK(contains(notices[1].text, "re-open"));
        CHECK(notices[1].mention == std::vector<UserId>{alice}); // the responsible member

        const int n = scene.propose(carol, MotionKind::reopen, "HR will not act");
        CHECK(scene.motion(n).kind == MotionKind::reopen);
        scene.vote(n, alice, true);
        const auto passed = scene.vote(n, bob, true);
        CHECK(events_of<MotionDecided>(passed).size() == 1);
        CHECK(events_of<IncidentReopened>(passed) == std::vector<IncidentReopened>{{n, t0}});
        CHECK(all_of<ArchiveChannel>(passed).empty());
        CHECK(scene.incident.status == Status::triage);
        const auto panels = updated<ControlPanel>(passed);
        REQUIRE_FALSE(panels.empty());
        CHECK(panels.back().status == Status::triage);
        CHECK_FALSE(panels.back().hr_declined);
        CHECK(next_check(scene.incident, scene.committee.deadlines).has_value());
    }

    TEST_CASE("a rejected re-opening of a handed-off incident leaves it with HR") {
        auto scene = three_cleared();
        scene.run(InvolveHr{ref, bob, HrScope::employees_only});
        scene.run(RecordHrReport{ref, hr1, no_action()});
        const int n = scene.propose(carol, MotionKind::reopen);
        scene.vote(n, alice, false);
        const auto d = scene.vote(n, bob, false);
        CHECK(events_of<IncidentReopened>(d).empty());
        CHECK(all_of<ArchiveChannel>(d).empty());
        CHECK(scene.incident.status == Status::handed_off);
    }
}

TEST_SUITE("decide: law enforcement") {
    TEST_CASE("law enforcement is recorded only at the reporter's request, with a note") {
        auto scene = three_cleared();
        const auto refusal =
            scene.refused(RecordLawEnforcement{ref, bob, false, "Police report filed"});
        CHECK(field_of(refusal) == "reporter_asked");
        CHECK(refusal.message == "Law enforcement is involved only at the reporter's request.");
        CHECK(field_of(scene.refused(RecordLawEnforcement{ref, bob, true, "   "})) == "note");
        CHECK(field_of(scene.refused(
                  RecordLawEnforcement{ref, bob, true, std::string(3001, 'n')})) == "note");
        CHECK(scene.refused(RecordLawEnforcement{ref, erin, true, "x"}).reason ==
              Rejection::Reason::not_allowed);
        CHECK(scene.incident.law_enforcement.empty());
    }

    TEST_CASE("each leadership contact is told the reference and whom to ask, never a detail") {
        auto scene = three_cleared();
        const std::string note = "Shared the description with Officer Jones, case 4471";
        const auto d = scene.run(RecordLawEnforcement{ref, bob, true, note});
        CHECK(events_of<LawEnforcementInvolved>(d) ==
              std::vector<LawEnforcementInvolved>{{note, {lead1, lead2}, bob, t0}});
        const auto dms = direct_messages(d);
        REQUIRE(dms.size() == 2);
        CHECK(dms[0].to_user == lead1);
        CHECK(dms[1].to_user == lead2);
        const auto r = report();
        for (const auto& dm : dms) {
            CHECK(dm.channel.empty());
            const auto& text = std::get<Notice>(dm.message).text;
            CHECK(contains(text, ref.value));
            CHECK(mentions_user(text, bob));
            for (const auto& secret : {r.description, r.location, r.reporter_name,
                                       r.reporter_contact, note, std::string{"UREPORTED"}})
                CHECK_FALSE(contains(text, secret));
        }
        // The note itself stays in the incident channel.
        const auto notices = posted<ChannelNotice>(d);
        REQUIRE(notices.size() == 1);
        CHECK(notices[0].quote == note);
        CHECK(all_of<Post>(d).size() == 3);
    }

    TEST_CASE("a leadership contact who is the reported person is told nothing") {
        auto scene = three_cleared();
        scene.committee.leadership = {lead1, reported};
        const auto d = scene.run(RecordLawEnforcement{ref, bob, true, "Police called"});
        CHECK(events_of<LawEnforcementInvolved>(d).at(0).notified == std::vector<UserId>{lead1});
        const auto dms = direct_messages(d);
        REQUIRE(dms.size() == 1);
        CHECK(dms[0].to_user == lead1);
    }

    TEST_CASE("without leadership contacts the channel is told to inform leadership itself") {
        auto scene = three_cleared();
        scene.committee.leadership.clear();
        const auto d = scene.run(RecordLawEnforcement{ref, bob, true, "Police called"});
        CHECK(direct_messages(d).empty());
        CHECK(contains(posted<ChannelNotice>(d).at(0).text, "committee.leadership"));
    }
}
