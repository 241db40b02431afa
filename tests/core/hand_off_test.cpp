// File: tests/core/hand_off_test.cpp
// A hand-off to HR (only employees involved): HR's channel gets the report, HR reports back, and
// the committee's clocks for the reporter run on.
#include "core/deadlines.hpp"
#include "core/decide.hpp"
#include "tests/core/hr_scene.hpp"
#include "tests/support/text.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::sample;

using cocbot::testing::contains;

TEST_SUITE("decide: hand-off to HR") {
    TEST_CASE("employees only hands the incident off to HR, and the committee's clocks run on") {
        auto scene = three_cleared();
        const auto due_before = next_check(scene.incident, scene.committee.deadlines);
        REQUIRE(due_before.has_value());
        const auto d = scene.run(InvolveHr{ref, bob, HrScope::employees_only});
        CHECK(scene.incident.status == Status::handed_off);
        CHECK(all_of<Invite>(d).empty()); // HR is asked about conflicts first
        CHECK(std::get<HrConflictPrompt>(direct_messages(d).at(0).message).scope ==
              HrScope::employees_only);
        CHECK(updated<ControlPanel>(d).back().status == Status::handed_off);
        CHECK(updated<ControlPanel>(d).back().hr_involved == HrScope::employees_only);
        // The reporter is still owed what they were owed; HR's report is chased a week later.
        CHECK(next_check(scene.incident, scene.committee.deadlines) == due_before);
        const auto check = scene.run(CheckDeadlines{ref});
        CHECK(check.events.empty()); // nothing was due yet
        CHECK(check.effects.empty());
    }

    TEST_CASE("HR's channel receives the report at the hand-off, with a line saying why") {
        auto scene = three_cleared();
        scene.run(InvolveHr{ref, bob, HrScope::employees_only});
        const auto d = open_hr_channel(scene);
        const auto posts = all_of<Post>(d);
        REQUIRE(posts.size() == 2);
        CHECK(posts[0].channel == hr_channel);
        CHECK(std::get<ReportDetails>(posts[0].message).report == report());
        CHECK(posts[1].channel == hr_channel);
        CHECK(contains(to_plain(std::get<ChannelNotice>(posts[1].message).text),
                       "this is the hand-off the plan allows"));
    }

    TEST_CASE("an HR contact without a conflict records HR's report, quoted in the channel") {
        auto scene = with_hr(HrScope::employees_only);
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
        auto scene = with_hr(HrScope::employees_only);
        for (const auto& who : {erin, stranger, reported, hr2}) // hr2 has not answered
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
        auto scene = with_hr(HrScope::employees_only);
        auto report = no_action();
        report.plan = std::string(3001, 'p');
        CHECK(field_of(scene.refused(RecordHrReport{ref, hr1, report})) == "plan");
        report.plan = "ok";
        report.consequences = std::string(3001, 'c');
        CHECK(field_of(scene.refused(RecordHrReport{ref, hr1, report})) == "consequences");
    }

    TEST_CASE(
        "when HR takes no action the committee may re-open, and a passing vote ends HR's part") {
        auto scene = with_hr(HrScope::employees_only);
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
        // The incident channel stays; HR's is archived, as the committee takes the incident back.
        CHECK(all_of<ArchiveChannel>(passed) == std::vector<ArchiveChannel>{{ref, hr_channel}});
        CHECK_FALSE(scene.incident.hr.has_value());
        CHECK(scene.incident.status == Status::triage);
        const auto panels = updated<ControlPanel>(passed);
        REQUIRE_FALSE(panels.empty());
        CHECK(panels.back().status == Status::triage);
        CHECK_FALSE(panels.back().hr_declined);
        CHECK(next_check(scene.incident, scene.committee.deadlines).has_value());
    }

    TEST_CASE("a rejected re-opening of a handed-off incident leaves it with HR") {
        auto scene = with_hr(HrScope::employees_only);
        scene.run(RecordHrReport{ref, hr1, no_action()});
        const int n = scene.propose(carol, MotionKind::reopen);
        scene.vote(n, alice, false);
        const auto d = scene.vote(n, bob, false);
        CHECK(events_of<IncidentReopened>(d).empty());
        CHECK(all_of<ArchiveChannel>(d).empty());
        CHECK(scene.incident.status == Status::handed_off);
    }
}
