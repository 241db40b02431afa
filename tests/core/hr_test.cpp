// File: tests/core/hr_test.cpp
// Reports that involve employees. HR never enters the incident channel: each HR contact is asked
// about conflicts by DM, and those without one join HR's own channel, which gets the report only
// at a hand-off.
#include "core/decide.hpp"
#include "tests/core/hr_scene.hpp"
#include "tests/support/text.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::sample;

namespace {

using cocbot::testing::contains;

std::vector<Post> posts_in(const Decision& d, const ChannelId& channel) {
    std::vector<Post> posts;
    for (const auto& post : all_of<Post>(d))
        if (post.channel == channel)
            posts.push_back(post);
    return posts;
}

} // namespace

TEST_SUITE("decide: HR's channel") {
    TEST_CASE("involving HR asks each HR contact privately and invites nobody anywhere yet") {
        auto scene = three_cleared();
        const auto d = scene.run(InvolveHr{ref, bob, HrScope::informing});
        CHECK(events_of<HrInvolved>(d) ==
              std::vector<HrInvolved>{{HrScope::informing, {hr1, hr2}, bob, t0, true}});
        CHECK(all_of<Invite>(d).empty());
        CHECK(all_of<CreatePrivateChannel>(d) ==
              std::vector<CreatePrivateChannel>{{ref, "coc-2026-001-hr", ChannelRole::hr}});
        const auto asked = direct_messages(d);
        REQUIRE(asked.size() == 2);
        CHECK(asked[0].to_user == hr1);
        CHECK(asked[1].to_user == hr2);
        for (const auto& dm : asked)
            CHECK(std::get<HrConflictPrompt>(dm.message) ==
                  HrConflictPrompt{ref, report().reported, HrScope::informing});
        REQUIRE(posted<ChannelNotice>(d).size() == 1);
        CHECK(mentions_user(posted<ChannelNotice>(d)[0].text, hr1));
        CHECK(contains(to_plain(posted<ChannelNotice>(d)[0].text), "coc-2026-001-hr"));
        CHECK(contains(to_plain(posted<ChannelNotice>(d)[0].text), "Ask HR"));
        CHECK(scene.incident.status == Status::triage);
        CHECK(updated<ControlPanel>(d).back().hr_involved == HrScope::informing);
    }

    TEST_CASE("HR's channel holds cocbot's own words and the cleared members, never the report") {
        auto scene = three_cleared();
        scene.run(InvolveHr{ref, bob, HrScope::informing});
        const auto d = open_hr_channel(scene);
        CHECK(events_of<HrChannelOpened>(d) == std::vector<HrChannelOpened>{{hr_channel}});
        const auto posts = posts_in(d, hr_channel);
        REQUIRE(posts.size() == 1);
        CHECK(contains(to_plain(std::get<ChannelNotice>(posts[0].message).text),
                       "Nothing of the report is posted here"));
        CHECK(all_of<Invite>(d) == std::vector<Invite>{{ref, hr_channel, alice},
                                                       {ref, hr_channel, bob},
                                                       {ref, hr_channel, carol}});
        // The executor re-running the creation changes nothing.
        CHECK(open_hr_channel(scene).effects.empty());
    }

    TEST_CASE("an HR contact joins HR's channel only after declaring no conflict") {
        auto scene = three_cleared();
        scene.run(InvolveHr{ref, bob, HrScope::informing});
        // hr1 answers before Slack made the channel: invited when it is.
        const auto early = scene.run(DeclareConflict{ref, hr1, false});
        CHECK(events_of<HrContactAnswered>(early) ==
              std::vector<HrContactAnswered>{{hr1, false, t0}});
        CHECK(all_of<Invite>(early).empty());
        const auto invites = all_of<Invite>(open_hr_channel(scene));
        CHECK(std::find(invites.begin(), invites.end(), Invite{ref, hr_channel, hr1}) !=
              invites.end());
        const auto declared = scene.run(DeclareConflict{ref, hr2, true});
        CHECK(all_of<Invite>(declared).empty());
        CHECK(scene.incident.declarations.count(hr2) == 0); // not a committee answer
        // Someone else in HR's channel is removed; HR in the incident channel too.
        const auto intruder = scene.run(MemberJoined{ref, hr2, hr_channel});
        CHECK(all_of<Remove>(intruder) == std::vector<Remove>{{ref, hr_channel, hr2}});
        CHECK(scene.run(MemberJoined{ref, hr1, hr_channel}).effects.empty());
        CHECK(all_of<Remove>(scene.run(MemberJoined{ref, hr1})) ==
              std::vector<Remove>{{ref, incident_channel, hr1}});
        // Leaving HR's channel is no leaving of the incident's.
        CHECK(scene.run(MemberLeft{ref, alice, hr_channel}).events.empty());
        CHECK(scene.incident.may_vote(alice));
    }

    TEST_CASE(
        "a member cleared while HR's channel is open joins it too, and a recusal leaves both") {
        auto scene = opened({alice, bob}, {erin});
        scene.run(InvolveHr{ref, bob, HrScope::informing});
        open_hr_channel(scene);
        const auto cleared = scene.run(DeclareConflict{ref, carol, false});
        CHECK(all_of<Invite>(cleared) ==
              std::vector<Invite>{{ref, incident_channel, carol}, {ref, hr_channel, carol}});
        const auto recused = scene.run(DeclareConflict{ref, carol, true});
        CHECK(all_of<Remove>(recused) ==
              std::vector<Remove>{{ref, incident_channel, carol}, {ref, hr_channel, carol}});
    }

    TEST_CASE("a conflict stands, and an HR contact who declares one later leaves HR's channel") {
        auto scene = with_hr(HrScope::informing);
        const auto recused = scene.run(DeclareConflict{ref, hr1, true});
        CHECK(all_of<Remove>(recused) == std::vector<Remove>{{ref, hr_channel, hr1}});
        CHECK_FALSE(scene.incident.may_be_in_hr_channel(hr1));
        CHECK(scene.refused(DeclareConflict{ref, hr1, false}).reason ==
              Rejection::Reason::not_allowed);
        CHECK(scene.run(DeclareConflict{ref, hr1, true}).events.empty());
    }

    TEST_CASE("when every HR contact has a conflict, the owners are told") {
        auto scene = three_cleared();
        scene.run(InvolveHr{ref, bob, HrScope::informing});
        CHECK(posted<ChannelNotice>(scene.run(DeclareConflict{ref, hr1, true})).empty());
        const auto none_left = posted<ChannelNotice>(scene.run(DeclareConflict{ref, hr2, true}));
        REQUIRE(none_left.size() == 1);
        CHECK(none_left[0].mention == scene.incident.to_alert());
        CHECK(contains(to_plain(none_left[0].text), "Every HR contact asked has a conflict"));
    }

    TEST_CASE("HR is never the reported person, the reporter, a committee member or conflicted") {
        auto scene = opened({alice, bob}, {erin});
        const UserId reporter{"UREPORTER"};
        scene.committee.hr = {hr1, erin, reported, carol, reporter};
        auto report = sample::report();
        report.source = Source::slack; // the reporter filed it themselves
        Scene filed_by_reporter;
        filed_by_reporter.committee = scene.committee;
        filed_by_reporter.file(report, reporter);
        filed_by_reporter.open_channel();
        filed_by_reporter.clear({alice});
        const auto asked = [](const Scene& s) {
            std::vector<UserId> to;
            for (const auto& dm :
                 direct_messages(decision_of(s.attempt(InvolveHr{ref, alice, HrScope::informing}))))
                to.push_back(dm.to_user);
            return to;
        };
        CHECK(asked(scene) == std::vector<UserId>{hr1, reporter}); // not this report's reporter
        CHECK(asked(filed_by_reporter) == std::vector<UserId>{hr1});
        scene.committee.hr = {erin, reported};
        CHECK(scene.refused(InvolveHr{ref, bob, HrScope::informing}).reason ==
              Rejection::Reason::not_allowed);
    }

    TEST_CASE("HR done archives HR's channel, and HR comes back only by a new Involve HR") {
        auto scene = with_hr(HrScope::informing);
        const auto d = scene.run(DropHr{ref, carol});
        CHECK(events_of<HrDropped>(d) == std::vector<HrDropped>{{carol, t0}});
        CHECK(all_of<ArchiveChannel>(d) == std::vector<ArchiveChannel>{{ref, hr_channel}});
        CHECK(all_of<Remove>(d).empty());
        CHECK_FALSE(scene.incident.hr.has_value());
        CHECK_FALSE(updated<ControlPanel>(d).back().hr_involved.has_value());
        CHECK_FALSE(scene.incident.may_be_in_hr_channel(hr1));
        CHECK(scene.run(MemberJoined{ref, hr1, hr_channel}).effects.empty()); // archived
        const auto again = scene.run(InvolveHr{ref, bob, HrScope::informing});
        CHECK(all_of<CreatePrivateChannel>(again) ==
              std::vector<CreatePrivateChannel>{{ref, "coc-2026-001-hr-2", ChannelRole::hr}});
        CHECK(direct_messages(again).size() == 2); // asked again
    }

    TEST_CASE("resolving archives HR's channel too, and re-opening does not bring HR back") {
        auto scene = with_hr(HrScope::informing);
        const auto resolved =
            scene.run(ResolveIncident{ref, alice, "Done", "Other", ResolutionOutcome::warning});
        CHECK(all_of<ArchiveChannel>(resolved) ==
              std::vector<ArchiveChannel>{{ref, incident_channel}, {ref, hr_channel}});
        CHECK_FALSE(scene.incident.hr.has_value());
        // The vote takes place in a new channel, which only the cleared members join.
        const int n = scene.propose(bob, MotionKind::reopen);
        const auto second = scene.open_channel(ChannelId{"GSECOND"});
        for (const auto& invite : all_of<Invite>(second))
            CHECK(scene.incident.is_cleared(invite.user));
        scene.vote(n, alice, true);
        scene.vote(n, bob, true);
        REQUIRE(scene.incident.status == Status::triage);
        CHECK_FALSE(scene.incident.may_be_in_hr_channel(hr1));
        CHECK(scene.run(MemberJoined{ref, hr1, hr_channel}).effects.empty()); // archived
    }

    TEST_CASE("a channel made after HR was done is archived at once, and a failed one is told") {
        auto scene = three_cleared();
        scene.run(InvolveHr{ref, bob, HrScope::informing});
        scene.run(DropHr{ref, bob});
        const auto late = open_hr_channel(scene);
        CHECK(late.events.empty());
        CHECK(all_of<ArchiveChannel>(late) == std::vector<ArchiveChannel>{{ref, hr_channel}});
        scene.run(InvolveHr{ref, bob, HrScope::informing});
        const auto failed =
            scene.run(StepFailed{ref, FailedStep::create_hr_channel, {}, "restricted_action"});
        const auto told = posted<ChannelNotice>(failed);
        REQUIRE(told.size() == 1);
        CHECK(contains(to_plain(told[0].text), "HR has seen nothing"));
    }

    TEST_CASE("HR that an earlier version invited into the incident channel stays there until "
              "HR done removes it") {
        auto scene = three_cleared();
        scene.apply({HrInvolved{HrScope::employees_only, {hr1}, bob, t0}}); // as stored before
        CHECK(scene.run(MemberJoined{ref, hr1}).effects.empty());
        CHECK_FALSE(scene.run(RecordHrReport{ref, hr1, no_action()}).events.empty());
        const auto done = scene.run(DropHr{ref, bob});
        CHECK(all_of<Remove>(done) == std::vector<Remove>{{ref, incident_channel, hr1}});
        CHECK(all_of<ArchiveChannel>(done).empty());
    }

    TEST_CASE("Ask HR posts the member's own words in HR's channel, and a line in the incident's") {
        auto scene = with_hr(HrScope::informing);
        const auto d = scene.run(AskHr{ref, carol, "  Any earlier complaints about them?  "});
        CHECK(events_of<HrAsked>(d) ==
              std::vector<HrAsked>{{"Any earlier complaints about them?", carol, t0}});
        const auto in_hr = posts_in(d, hr_channel);
        REQUIRE(in_hr.size() == 1);
        const auto& asked = std::get<ChannelNotice>(in_hr[0].message);
        CHECK(asked.quote == "Any earlier complaints about them?");
        CHECK(mentions_user(asked.text, carol));
        const auto here = posts_in(d, incident_channel);
        REQUIRE(here.size() == 1);
        CHECK(std::get<ChannelNotice>(here[0].message).quote == asked.quote);
        CHECK(field_of(scene.refused(AskHr{ref, carol, "   "})) == "question");
        CHECK(field_of(scene.refused(AskHr{ref, carol, std::string(3001, 'q')})) == "question");
        for (const auto& who : {erin, stranger, hr1})
            CHECK(scene.refused(AskHr{ref, who, "x"}).reason == Rejection::Reason::not_allowed);
    }

    TEST_CASE("Ask HR waits for HR's channel, and needs HR involved") {
        auto scene = three_cleared();
        CHECK(scene.refused(AskHr{ref, bob, "x"}).message ==
              "HR is not involved: press Involve HR first.");
        scene.run(InvolveHr{ref, bob, HrScope::informing});
        CHECK(scene.refused(AskHr{ref, bob, "x"}).message ==
              "HR's channel is not ready yet: try again in a moment.");
    }

    TEST_CASE("HR's information is recorded with whether HR knows of past instances") {
        auto scene = with_hr(HrScope::informing);
        const auto d = scene.run(
            RecordHrInformation{ref, alice, " Two earlier warnings ", PastInstances::yes});
        CHECK(events_of<HrInformed>(d) ==
              std::vector<HrInformed>{{"Two earlier warnings", PastInstances::yes, alice, t0}});
        const auto notices = posted<ChannelNotice>(d);
        REQUIRE(notices.size() == 1);
        CHECK(notices[0].quote ==
              "Past instances of similar behaviour known to HR: yes\nTwo earlier warnings");
        CHECK(posts_in(d, hr_channel).empty()); // recorded for the committee only
        CHECK(field_of(scene.refused(RecordHrInformation{ref, alice, "", PastInstances::no})) ==
              "information");
        CHECK(scene.refused(RecordHrInformation{ref, hr1, "x", PastInstances::no}).reason ==
              Rejection::Reason::not_allowed);
        scene.run(DropHr{ref, alice});
        CHECK(scene.refused(RecordHrInformation{ref, alice, "x", PastInstances::no}).message ==
              "HR is not involved.");
    }

    TEST_CASE("HR cannot vote or propose") {
        auto scene = with_hr(HrScope::informing);
        const int n = scene.propose(alice, MotionKind::violation);
        CHECK(scene.refused(CastBallot{ref, n, hr1, true}).reason ==
              Rejection::Reason::not_allowed);
        CHECK(scene.refused(ProposeMotion{ref, hr2, MotionKind::custom, "x", {}}).reason ==
              Rejection::Reason::not_allowed);
        CHECK(scene.motion(n).ballots.empty());
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
}
