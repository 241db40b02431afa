// File: tests/core/channel_test.cpp
// The private incident channel: who gets in, who is removed, owners, escrow, immediate action.
#include "core/decide.hpp"
#include "tests/core/channel_scenes.hpp"
#include "tests/core/outcomes.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::channel_scenes;

namespace {

Incident filed(std::vector<IncidentId> escrow = {}) {
    return run({}, SubmitReport{ref, alice, report(), std::move(escrow)}).incident;
}

Incident with_channel(Incident incident) {
    return run(incident, ChannelCreated{ref, incident_channel}).incident;
}

Incident cleared(Incident incident, std::initializer_list<UserId> members) {
    for (const auto& m : members)
        incident = run(incident, DeclareConflict{ref, m, false}).incident;
    return incident;
}

} // namespace

TEST_SUITE("decide: incident channel") {
    TEST_CASE("filing asks Slack for a private channel with a readable, deterministic name") {
        const auto d =
            decision_of(decide(committee(), {}, SubmitReport{ref, alice, report(), {}}, now));
        const auto creates = all_of<CreatePrivateChannel>(d);
        REQUIRE(creates.size() == 1);
        CHECK(creates[0].name == "coc-2026-001");
    }

    TEST_CASE("an escrowed report gets no channel") {
        auto r = report();
        r.flags.escrow = true;
        const auto d = decision_of(decide(committee(), {}, SubmitReport{ref, alice, r, {}}, now));
        CHECK(all_of<CreatePrivateChannel>(d).empty());
    }

    TEST_CASE(
        "once the channel exists it gets the full report, the control message, and the cleared") {
        const auto before = cleared(filed(), {alice, bob});
        const auto [incident, d] = run(before, ChannelCreated{ref, incident_channel});
        CHECK(incident.channel == incident_channel);
        auto posts = all_of<Post>(d);
        // Bob, let in, is asked privately about the reporter (see reporter_conflict_test.cpp).
        std::erase_if(posts, [](const Post& p) {
            return std::holds_alternative<ReporterConflictPrompt>(p.message);
        });
        REQUIRE(posts.size() == 2);
        for (const auto& p : posts)
            CHECK(p.channel == incident_channel);
        const auto& details = std::get<ReportDetails>(posts[0].message);
        CHECK(details.report.description == "The secret details");
        CHECK(details.submitted_by == alice);
        const auto& panel = std::get<ControlPanel>(posts[1].message);
        CHECK(posts[1].remember);
        CHECK(panel.responsible == alice);
        CHECK(panel.cleared == 2);
        const auto invites = all_of<Invite>(d);
        REQUIRE(invites.size() == 2);
        CHECK(invites[0].user == alice);
        CHECK(invites[1].user == bob);
    }

    TEST_CASE("a re-run of the channel creation changes nothing") {
        const auto incident = with_channel(filed());
        const auto d = run(incident, ChannelCreated{ref, ChannelId{"GOTHER"}}).decision;
        CHECK(d.events.empty());
        CHECK(d.effects.empty());
    }

    TEST_CASE("a member is invited as soon as they declare no conflict, and never otherwise") {
        auto incident = with_channel(filed());
        auto step = run(incident, DeclareConflict{ref, bob, false});
        REQUIRE(all_of<Invite>(step.decision).size() == 1);
        CHECK(all_of<Invite>(step.decision)[0].user == bob);
        step = run(step.incident, DeclareConflict{ref, carol, true});
        CHECK(all_of<Invite>(step.decision).empty());
        CHECK(all_of<Remove>(step.decision).empty());
    }

    TEST_CASE("recusing removes the member from the channel and updates the control message") {
        auto incident = cleared(with_channel(filed()), {alice, bob});
        incident =
            run(incident,
                RecordMessagePosted{ref, {incident_channel, "5.5"}, MessageKind::control_panel})
                .incident;
        const auto [after, d] = run(incident, DeclareConflict{ref, bob, true});
        const auto removes = all_of<Remove>(d);
        REQUIRE(removes.size() == 1);
        CHECK(removes[0] == Remove{ref, incident_channel, bob});
        const auto updates = all_of<Update>(d);
        REQUIRE_FALSE(updates.empty());
        CHECK(std::get<ControlPanel>(updates.back().message).cleared == 1);
        CHECK_FALSE(after.is_cleared(bob));
    }

    TEST_CASE("someone who is not cleared and joins the channel is removed and the owners told") {
        auto incident = cleared(with_channel(filed()), {alice, bob});
        incident = run(incident, NameOwner{ref, alice, OwnerRole::primary, bob}).incident;
        SUBCASE("an outsider") {
            const auto d = run(incident, MemberJoined{ref, outsider}).decision;
            CHECK(all_of<Remove>(d) == std::vector<Remove>{{ref, incident_channel, outsider}});
            const auto notice = std::get<ChannelNotice>(all_of<Post>(d).at(0).message);
            CHECK(notice.mention == std::vector<UserId>{bob});
        }
        SUBCASE("a member who declared a conflict") {
            incident = run(incident, DeclareConflict{ref, carol, true}).incident;
            const auto d = run(incident, MemberJoined{ref, carol}).decision;
            CHECK(all_of<Remove>(d).size() == 1);
        }
        SUBCASE("a member who has not answered yet") {
            const auto d = run(incident, MemberJoined{ref, dave}).decision;
            CHECK(all_of<Remove>(d).size() == 1);
        }
        SUBCASE("a cleared member joining is the invitation arriving") {
            const auto d = run(incident, MemberJoined{ref, alice}).decision;
            CHECK(d.effects.empty());
            CHECK(d.events.empty());
        }
    }

    TEST_CASE("a refused removal alerts the owners at once") {
        auto incident = cleared(with_channel(filed()), {alice});
        const auto d = run(incident, RemovalFailed{ref, outsider, "restricted_action"}).decision;
        REQUIRE(d.events.size() == 1);
        const auto posts = all_of<Post>(d);
        REQUIRE(posts.size() == 1);
        CHECK(posts[0].channel == incident_channel);
        const auto& notice = std::get<ChannelNotice>(posts[0].message);
        CHECK(notice.mention == std::vector<UserId>{alice}); // the taker, until owners exist
        CHECK(contains(notice.text, "restricted_action"));
        CHECK(mentions_user(notice.text, UserId{"UOUT"}));
    }
}

TEST_SUITE("decide: owners") {
    TEST_CASE("the member who took the report is responsible until owners are named") {
        auto incident = cleared(with_channel(filed()), {alice, bob, carol});
        CHECK(incident.responsible() == alice);
        incident = run(incident, NameOwner{ref, bob, OwnerRole::primary, carol}).incident;
        CHECK(incident.primary_owner == carol);
        CHECK(incident.responsible() == carol);
        incident = run(incident, NameOwner{ref, carol, OwnerRole::secondary, bob}).incident;
        CHECK(incident.to_alert() == std::vector<UserId>{carol, bob});
    }

    TEST_CASE("owners must be cleared, named by the cleared, and two different people") {
        auto incident = cleared(with_channel(filed()), {alice, bob});
        incident = run(incident, DeclareConflict{ref, carol, true}).incident;
        CHECK(rejection_of(decide(committee(), incident,
                                  NameOwner{ref, alice, OwnerRole::primary, carol}, now))
                  .reason == Rejection::Reason::not_allowed);
        CHECK(rejection_of(decide(committee(), incident,
                                  NameOwner{ref, outsider, OwnerRole::primary, bob}, now))
                  .reason == Rejection::Reason::not_allowed);
        incident = run(incident, NameOwner{ref, alice, OwnerRole::primary, bob}).incident;
        CHECK(rejection_of(decide(committee(), incident,
                                  NameOwner{ref, alice, OwnerRole::secondary, bob}, now))
                  .reason == Rejection::Reason::not_allowed);
    }

    TEST_CASE("an owner who recuses is no longer responsible") {
        auto incident = cleared(with_channel(filed()), {alice, bob});
        incident = run(incident, NameOwner{ref, alice, OwnerRole::primary, bob}).incident;
        incident = run(incident, DeclareConflict{ref, bob, true}).incident;
        CHECK(incident.responsible() == alice);
    }
}

TEST_SUITE("decide: committee members and the committee channel") {
    TEST_CASE("someone in the committee channel but not on the roster is treated as a member") {
        auto c = committee();
        c.channel_members = {UserId{"UREPORTED"}};
        const auto d = decision_of(decide(c, {}, SubmitReport{ref, alice, report(), {}}, now));
        for (const auto& post : all_of<Post>(d)) // prompts go by direct message
            CHECK((post.channel.empty() || std::holds_alternative<Notice>(post.message)));
        CHECK(std::get<ReportFiled>(d.events[0]).reported_is_member);
    }
}

TEST_SUITE("decide: immediate action and escrow") {
    TEST_CASE("a cleared responder records an immediate action without a vote") {
        auto incident = cleared(with_channel(filed()), {alice});
        const auto d =
            run(incident, RecordImmediateAction{ref, alice, "  Asked security to escort him out "})
                .decision;
        REQUIRE(d.events.size() == 1);
        CHECK(std::get<ImmediateActionRecorded>(d.events[0]).action ==
              "Asked security to escort him out");
        CHECK(all_of<Post>(d).at(0).channel == incident_channel);
        CHECK(rejection_of(decide(committee(), incident, RecordImmediateAction{ref, bob, "x"}, now))
                  .reason == Rejection::Reason::not_allowed);
        CHECK(rejection_of(
                  decide(committee(), incident, RecordImmediateAction{ref, alice, "  "}, now))
                  .reason == Rejection::Reason::invalid_report);
    }

    TEST_CASE("matching escrowed reports are announced in the channel and shared after a vote") {
        const IncidentId old1{"2025-004"}, old2{"2025-009"};
        auto incident = cleared(filed({old1, old2}), {alice, bob});
        const auto opened = run(incident, ChannelCreated{ref, incident_channel});
        bool announced = false;
        for (const auto& p : all_of<Post>(opened.decision))
            if (const auto* n = std::get_if<EscrowNotice>(&p.message))
                announced = n->count == 2;
        CHECK(announced);

        const ProposeMotion share{ref, bob, MotionKind::activate_escrow, {}, {}};
        CHECK(rejection_of(decide(committee(), opened.incident,
                                  ProposeMotion{ref, carol, MotionKind::activate_escrow, {}, {}},
                                  now))
                  .reason == Rejection::Reason::not_allowed);
        auto step = run(opened.incident, share);
        CHECK(all_of<ShareEscrowedReports>(step.decision).empty());
        step = run(step.incident, CastBallot{ref, 1, alice, true});
        CHECK(all_of<ShareEscrowedReports>(step.decision).empty());
        step = run(step.incident, CastBallot{ref, 1, bob, true});
        CHECK(all_of<ShareEscrowedReports>(step.decision) ==
              std::vector<ShareEscrowedReports>{{ref, incident_channel, {old1, old2}}});
        CHECK(step.incident.escrow_activated == std::vector<IncidentId>{old1, old2});
        // Shared once: nothing is left to put to a vote.
        CHECK(rejection_of(decide(committee(), step.incident, share, now)).reason ==
              Rejection::Reason::not_allowed);
    }
}
