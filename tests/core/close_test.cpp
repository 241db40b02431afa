// File: tests/core/close_test.cpp
// Resolving an incident, and re-opening a resolved one in a new channel, by a vote.
#include "core/decide.hpp"
#include "core/timeline.hpp"
#include "tests/core/closing.hpp"
#include "tests/core/outcomes.hpp"
#include "tests/support/text.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::sample;
using namespace std::chrono_literals;

namespace {

const ChannelId second_channel{"GSECOND"};

using cocbot::testing::contains;

// Of five members, dave votes for a motion and leaves, then alice and bob vote for it: 2 of the
// 4 present, 3 needed, so it stays open. Its number.
int open_motion_dave_voted_and_left(Scene& scene) {
    const int n = scene.propose(bob, MotionKind::custom, "Ask for the footage");
    scene.vote(n, dave, true);
    scene.run(MemberLeft{ref, dave});
    scene.vote(n, alice, true);
    scene.vote(n, bob, true);
    return n;
}

bool touches(const Effect& effect, const ChannelId& channel) {
    return std::visit(overloaded{
                          [&](const Post& e) { return e.channel == channel; },
                          [&](const Update& e) { return e.target.channel == channel; },
                          [&](const Ephemeral& e) { return e.channel == channel; },
                          [&](const Invite& e) { return e.channel == channel; },
                          [&](const Remove& e) { return e.channel == channel; },
                          [&](const ArchiveChannel& e) { return e.channel == channel; },
                          [&](const ShareEscrowedReports& e) { return e.channel == channel; },
                          [&](const CreatePrivateChannel&) { return false; },
                      },
                      effect);
}

bool touches(const Decision& decision, const ChannelId& channel) {
    return std::any_of(decision.effects.begin(), decision.effects.end(),
                       [&](const Effect& e) { return touches(e, channel); });
}

} // namespace

TEST_SUITE("decide: resolving") {
    TEST_CASE("only the owners, or the responsible member before there are owners, resolve") {
        auto scene = opened({alice, bob, carol}, {erin});
        for (const auto& who : {bob, erin, stranger})
            CHECK(
                scene
                    .refused(ResolveIncident{ref, who, "Done", "Other", ResolutionOutcome::warning})
                    .reason == Rejection::Reason::not_allowed);
        SUBCASE("the member who took the report, while nobody owns it") {
            scene.run(ResolveIncident{ref, alice, "Done", "Other", ResolutionOutcome::warning});
        }
        SUBCASE("the member who took the report, once the only owner recused") {
            scene.run(NameOwner{ref, alice, OwnerRole::primary, bob});
            CHECK(scene
                      .refused(
                          ResolveIncident{ref, alice, "Done", "Other", ResolutionOutcome::warning})
                      .reason == Rejection::Reason::not_allowed);
            scene.run(DeclareConflict{ref, bob, true});
            CHECK(
                scene
                    .refused(ResolveIncident{ref, bob, "Done", "Other", ResolutionOutcome::warning})
                    .reason == Rejection::Reason::not_allowed);
            scene.run(ResolveIncident{ref, alice, "Done", "Other", ResolutionOutcome::warning});
        }
        SUBCASE("the secondary owner") {
            scene.run(NameOwner{ref, alice, OwnerRole::primary, bob});
            scene.run(NameOwner{ref, alice, OwnerRole::secondary, carol});
            CHECK(scene
                      .refused(
                          ResolveIncident{ref, alice, "Done", "Other", ResolutionOutcome::warning})
                      .reason == Rejection::Reason::not_allowed);
            scene.run(ResolveIncident{ref, carol, "Done", "Other", ResolutionOutcome::warning});
        }
        CHECK(scene.incident.status == Status::resolved);
    }

    TEST_CASE("a refused resolution says to name an owner when nobody answers for the incident") {
        auto scene = opened({alice, bob, carol}, {erin});
        scene.run(DeclareConflict{ref, alice, true}); // the member who took the report
        const auto refused =
            scene.refused(ResolveIncident{ref, bob, "Done", "Other", ResolutionOutcome::warning});
        CHECK(refused.reason == Rejection::Reason::not_allowed);
        CHECK(contains(refused.message, "none is named"));
        CHECK(contains(refused.message, "primary owner"));
        scene.run(NameOwner{ref, bob, OwnerRole::primary, carol});
        CHECK(scene.refused(ResolveIncident{ref, bob, "Done", "Other", ResolutionOutcome::warning})
                  .message == "Only the incident's owners can resolve it.");
        // Someone who may not see the incident learns nothing of its owners.
        CHECK(scene
                  .refused(
                      ResolveIncident{ref, stranger, "Done", "Other", ResolutionOutcome::warning})
                  .message == "Only the incident's owners can resolve it.");
    }

    TEST_CASE("a resolution is required") {
        auto scene = owned();
        CHECK(field_of(scene.refused(ResolveIncident{ref, bob, "   ", "Other",
                                                     ResolutionOutcome::warning})) == "resolution");
        CHECK(field_of(scene.refused(ResolveIncident{ref, bob, std::string(3001, 'r'), "Other",
                                                     ResolutionOutcome::warning})) == "resolution");
    }

    TEST_CASE("a resolution needs a category from the committee's list and an outcome") {
        auto scene = owned();
        CHECK(field_of(scene.refused(ResolveIncident{ref, bob, "Done", "",
                                                     ResolutionOutcome::warning})) == "category");
        CHECK(field_of(scene.refused(ResolveIncident{ref, bob, "Done", "Made-up kind",
                                                     ResolutionOutcome::warning})) == "category");
        CHECK(field_of(scene.refused(ResolveIncident{ref, bob, "Done", "Harassment",
                                                     ResolutionOutcome::unrecorded})) == "outcome");
        const auto d = scene.run(ResolveIncident{ref, bob, "Done", "Harassment",
                                                 ResolutionOutcome::banned, ReportedRole::speaker});
        REQUIRE(scene.incident.resolution.has_value());
        CHECK(scene.incident.resolution->category == "Harassment");
        CHECK(scene.incident.resolution->outcome == ResolutionOutcome::banned);
        CHECK(scene.incident.resolution->role == ReportedRole::speaker);
    }

    TEST_CASE("resolving posts the timeline, updates the control message, and archives last") {
        auto scene = owned();
        scene.propose(carol, MotionKind::custom, "Left undecided");
        scene.now += 1h;
        const auto d = scene.run(
            ResolveIncident{ref, bob, "  Warning given ", "Other", ResolutionOutcome::warning});
        CHECK(events_of<IncidentResolved>(d) ==
              std::vector<IncidentResolved>{
                  {"Warning given", bob, t0 + 1h, "Other", ResolutionOutcome::warning}});
        CHECK(scene.incident.status == Status::resolved);
        CHECK(scene.incident.closed());
        CHECK(scene.incident.channel_archived());

        const auto timelines = posted<Timeline>(d);
        REQUIRE(timelines.size() == 1);
        CHECK(timelines[0].incident == ref);
        CHECK(timelines[0].lines == scene.incident.timeline);
        CHECK(timelines[0].lines.back() == TimelineLine{t0 + 1h, bob, "resolved the incident", {}});
        const auto notices = posted<ChannelNotice>(d);
        REQUIRE(notices.size() == 1);
        CHECK(notices[0].quote == "Warning given");
        CHECK(contains(notices[0].text, "1 open motion(s) lapsed undecided"));
        for (const auto& post : all_of<Post>(d))
            CHECK(post.channel == incident_channel);
        const auto panels = updated<ControlPanel>(d);
        REQUIRE(panels.size() == 1);
        CHECK(panels[0].status == Status::resolved);
        REQUIRE_FALSE(d.effects.empty());
        CHECK(std::get<ArchiveChannel>(d.effects.back()) == ArchiveChannel{ref, incident_channel});
        CHECK(all_of<ArchiveChannel>(d).size() == 1);
    }

    TEST_CASE("a resolved incident refuses every command but re-opening") {
        auto scene = owned();
        const int old_motion = scene.propose(carol, MotionKind::custom, "Left undecided");
        scene.run(ResolveIncident{ref, bob, "Done", "Other", ResolutionOutcome::warning});
        const std::vector<Command> refused{
            NameOwner{ref, alice, OwnerRole::secondary, carol},
            RecordImmediateAction{ref, alice, "x"},
            AcknowledgeReporter{ref, alice},
            MarkReportedPersonMissing{ref, alice, true},
            RecordReporterFollowUp{ref, alice, "x", false},
            ProposeMotion{ref, alice, MotionKind::violation, {}, {}},
            ProposeMotion{ref, alice, MotionKind::custom, "x", {}},
            CastBallot{ref, old_motion, alice, true},
            InvolveHr{ref, alice, HrScope::informing},
            DropHr{ref, alice},
            RecordHrReport{ref, alice, {}},
            RecordLawEnforcement{ref, alice, true, "x"},
            RecordConversation{ref, alice, conversation()},
            ShowTimeline{ref, alice},
        };
        for (const auto& command : refused) {
            CAPTURE(command.index());
            const auto refusal = scene.refused(command);
            CHECK(refusal.reason == Rejection::Reason::not_allowed);
            CHECK(refusal.message == "The incident is resolved; re-open it first.");
        }
        const auto again =
            scene.run(ResolveIncident{ref, bob, "Again", "Other", ResolutionOutcome::warning});
        CHECK(again.events.empty());
        CHECK(again.effects.empty());
    }

    TEST_CASE("an archived channel is sent nothing more") {
        auto scene = opened({alice, bob, carol});
        scene.run(ResolveIncident{ref, alice, "Done", "Other", ResolutionOutcome::warning});
        SUBCASE("a late answer to the conflict question invites nobody into it") {
            const auto d = scene.run(DeclareConflict{ref, dave, false});
            CHECK(all_of<Invite>(d).empty());
        }
        SUBCASE("a member leaving it recounts nothing there") {
            const auto d = scene.run(MemberLeft{ref, carol});
            CHECK_FALSE(touches(d, incident_channel));
        }
    }

    TEST_CASE("messages in the archived channel are not updated any more") {
        auto scene = opened({alice, bob, carol});
        scene.propose(bob, MotionKind::custom, "Left undecided");
        scene.run(ResolveIncident{ref, alice, "Done", "Other", ResolutionOutcome::warning});
        SUBCASE("a late answer to the conflict question") {
            CHECK_FALSE(touches(scene.run(DeclareConflict{ref, dave, false}), incident_channel));
        }
        SUBCASE("a member leaving") {
            CHECK_FALSE(touches(scene.run(MemberLeft{ref, carol}), incident_channel));
        }
    }

    TEST_CASE("resolving lets every open motion lapse, a re-opening vote included") {
        auto scene = opened({alice, bob, carol, dave});
        scene.run(InvolveHr{ref, alice, HrScope::employees_only});
        const int n = scene.propose(bob, MotionKind::reopen);
        scene.vote(n, alice, true);
        const auto d = scene.run(
            ResolveIncident{ref, alice, "HR handled it", "Other", ResolutionOutcome::warning});
        CHECK(scene.incident.channel_archived());
        CHECK(scene.motion(n).result == MotionResult::lapsed);
        // The motion's message shows it lapsed, before the channel is archived.
        const auto tallies = updated<MotionMessage>(d);
        REQUIRE(tallies.size() == 1);
        CHECK(tallies[0].tally.result == MotionResult::lapsed);
        CHECK(std::holds_alternative<Rejection>(scene.attempt(CastBallot{ref, n, carol, true})));
        CHECK(scene.incident.status == Status::resolved);
    }

    TEST_CASE("a member leaving before resolution keeps their ballot, and it counts again when "
              "they are back") {
        auto scene = opened({alice, bob, carol, dave, erin});
        const int n = open_motion_dave_voted_and_left(scene);
        REQUIRE(scene.motion(n).open()); // 2 of 4 present, 3 needed
        const auto d = scene.run(MemberJoined{ref, dave});
        CHECK(events_of<MotionDecided>(d) == std::vector<MotionDecided>{{n, true, 3, 0, 5, t0}});
    }

    TEST_CASE("proposing to re-open decides no old motion and posts nothing nowhere") {
        auto scene = opened({alice, bob, carol, dave, erin});
        const int n = open_motion_dave_voted_and_left(scene);
        REQUIRE(scene.motion(n).open());
        scene.run(ResolveIncident{ref, alice, "Done", "Other", ResolutionOutcome::warning});
        const auto d =
            decision_of(scene.attempt(ProposeMotion{ref, carol, MotionKind::reopen, {}, {}}));
        for (const auto& post : all_of<Post>(d))
            CHECK_FALSE((post.channel.empty() && post.to_user.empty()));
        CHECK(events_of<MotionDecided>(d).empty());
    }
}

TEST_SUITE("decide: re-opening a resolved incident") {
    TEST_CASE("proposing to re-open makes a new channel, coc-<ref>-2, for the vote") {
        auto scene = resolved();
        const auto d = scene.run(ProposeMotion{ref, carol, MotionKind::reopen, "New facts", {}});
        const auto proposed = events_of<MotionProposed>(d);
        REQUIRE(proposed.size() == 1);
        CHECK(proposed[0].kind == MotionKind::reopen);
        CHECK(contains(proposed[0].text, "New facts"));
        CHECK(all_of<CreatePrivateChannel>(d) ==
              std::vector<CreatePrivateChannel>{{ref, "coc-2026-001-2"}});
        CHECK(all_of<Post>(d).empty());
        CHECK(all_of<Invite>(d).empty());
        CHECK(all_of<ArchiveChannel>(d).empty());
        CHECK(scene.incident.channel.empty());
        CHECK_FALSE(scene.incident.channel_archived());
        CHECK(contains(d.reply, "new private channel"));
    }

    TEST_CASE("proposing to re-open sends nothing to the archived channel") {
        auto scene = resolved();
        const auto d = scene.run(ProposeMotion{ref, carol, MotionKind::reopen, "New facts", {}});
        CHECK_FALSE(touches(d, incident_channel));
    }

    TEST_CASE("the new channel gets the details, the control message, the motion and the cleared") {
        auto scene = resolved();
        const int n = scene.propose(carol, MotionKind::reopen, "New facts");
        const auto d = scene.open_channel(second_channel);
        CHECK(events_of<ChannelOpened>(d) == std::vector<ChannelOpened>{{second_channel}});
        CHECK(scene.incident.channel == second_channel);
        CHECK(scene.incident.channels_opened == 2);
        const auto posts = all_of<Post>(d);
        REQUIRE(posts.size() == 3);
        for (const auto& post : posts) {
            CHECK(post.channel == second_channel);
            CHECK(post.to_user.empty());
        }
        CHECK(std::get<ReportDetails>(posts[0].message).report == report());
        CHECK(std::get<ControlPanel>(posts[1].message).status == Status::resolved);
        CHECK(posts[1].remember);
        const auto& motion = std::get<MotionMessage>(posts[2].message);
        CHECK(motion.number == n);
        CHECK(motion.kind == MotionKind::reopen);
        CHECK(motion.tally.electorate == 4);
        CHECK(posts[2].remember);
        CHECK(all_of<Invite>(d) == std::vector<Invite>{{ref, second_channel, alice},
                                                       {ref, second_channel, bob},
                                                       {ref, second_channel, carol},
                                                       {ref, second_channel, dave}});
        CHECK(scene.incident.control_panel->channel == second_channel);
        CHECK(scene.incident.motion_messages.at(n).channel == second_channel);
        // Still resolved while the vote runs: only the re-opening can be voted on.
        CHECK(scene.refused(ShowTimeline{ref, alice}).message ==
              "The incident is resolved; re-open it first.");
    }

    TEST_CASE("a passing vote re-opens the incident in its new channel") {
        auto scene = resolved();
        const int n = scene.propose(carol, MotionKind::reopen, "New facts");
        scene.open_channel(second_channel);
        scene.vote(n, alice, true);
        scene.vote(n, bob, true);
        scene.now += 1min;
        const auto d = scene.vote(n, carol, true);
        CHECK(events_of<MotionDecided>(d) ==
              std::vector<MotionDecided>{{n, true, 3, 0, 4, t0 + 1min}});
        CHECK(events_of<IncidentReopened>(d) == std::vector<IncidentReopened>{{n, t0 + 1min}});
        CHECK(all_of<ArchiveChannel>(d).empty());
        CHECK(scene.incident.status == Status::triage);
        CHECK_FALSE(scene.incident.resolution.has_value());
        const auto panels = updated<ControlPanel>(d);
        REQUIRE(panels.size() == 1);
        CHECK(panels[0].status == Status::triage);
        CHECK(all_of<Update>(d).size() == 2); // the tally and the control message
        for (const auto& update : all_of<Update>(d))
            CHECK(update.target.channel == second_channel);
        // Open again: the channel takes commands, and it can be resolved again.
        const auto timeline = scene.run(ShowTimeline{ref, alice});
        CHECK(all_of<Post>(timeline).at(0).channel == second_channel);
        const auto closed = scene.run(
            ResolveIncident{ref, bob, "Second time", "Other", ResolutionOutcome::warning});
        CHECK(std::get<ArchiveChannel>(closed.effects.back()) ==
              ArchiveChannel{ref, second_channel});
    }

    TEST_CASE("a rejected vote archives the new channel, a later re-opening gets a third") {
        auto scene = resolved();
        const int n = scene.propose(carol, MotionKind::reopen);
        scene.open_channel(second_channel);
        scene.vote(n, alice, false);
        scene.vote(n, bob, false);
        const auto d = scene.vote(n, carol, false);
        CHECK(events_of<MotionDecided>(d) == std::vector<MotionDecided>{{n, false, 0, 3, 4, t0}});
        CHECK(events_of<IncidentReopened>(d).empty());
        REQUIRE_FALSE(d.effects.empty());
        CHECK(std::get<ArchiveChannel>(d.effects.back()) == ArchiveChannel{ref, second_channel});
        CHECK(scene.incident.status == Status::resolved);
        CHECK(scene.incident.channel_archived());

        const auto again = scene.run(ProposeMotion{ref, dave, MotionKind::reopen, {}, {}});
        CHECK(all_of<CreatePrivateChannel>(again) ==
              std::vector<CreatePrivateChannel>{{ref, "coc-2026-001-3"}});
    }

    TEST_CASE("only one re-opening vote at a time, and only by the cleared") {
        auto scene = resolved();
        CHECK(scene.refused(ProposeMotion{ref, erin, MotionKind::reopen, {}, {}}).reason ==
              Rejection::Reason::not_allowed);
        scene.propose(carol, MotionKind::reopen);
        scene.open_channel(second_channel);
        const auto again = scene.run(ProposeMotion{ref, dave, MotionKind::reopen, {}, {}});
        CHECK(again.events.empty());
        CHECK(again.effects.empty());
        CHECK(scene.refused(CastBallot{ref, 1, erin, true}).reason ==
              Rejection::Reason::not_allowed);
    }
}
