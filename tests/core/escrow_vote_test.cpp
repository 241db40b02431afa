// File: tests/core/escrow_vote_test.cpp
// Activating escrow by a vote: exactly the pending escrowed reports are shared, and only then.
#include "core/decide.hpp"
#include "tests/core/outcomes.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::sample;

TEST_SUITE("decide: escrow activation by vote") {
    TEST_CASE("passing an activate_escrow motion shares exactly the pending escrowed reports") {
        const IncidentId old1{"2025-004"}, old2{"2025-009"};
        Scene scene;
        scene.run(SubmitReport{ref, alice, report(), {old1, old2}});
        scene.open_channel();
        scene.clear({alice, bob, carol, dave});
        const int n = scene.propose(carol, MotionKind::activate_escrow);
        CHECK(scene.motion(n).text ==
              "Share the 2 escrowed report(s) about the same person with this channel?");
        scene.vote(n, alice, true);
        scene.vote(n, bob, true);
        const auto d = scene.vote(n, dave, true);
        CHECK(events_of<EscrowActivated>(d) ==
              std::vector<EscrowActivated>{{{old1, old2}, carol, t0}});
        CHECK(all_of<ShareEscrowedReports>(d) ==
              std::vector<ShareEscrowedReports>{{ref, incident_channel, {old1, old2}}});
        CHECK(scene.incident.escrow_pending().empty());
        CHECK(
            scene.refused(ProposeMotion{ref, alice, MotionKind::activate_escrow, {}, {}}).reason ==
            Rejection::Reason::not_allowed);
    }

    TEST_CASE("a rejected activate_escrow motion shares nothing") {
        Scene scene;
        scene.run(SubmitReport{ref, alice, report(), {IncidentId{"2025-004"}}});
        scene.open_channel();
        scene.clear({alice, bob});
        const int n = scene.propose(alice, MotionKind::activate_escrow);
        scene.vote(n, alice, false);
        const auto d = scene.vote(n, bob, false);
        CHECK(events_of<EscrowActivated>(d).empty());
        CHECK(all_of<ShareEscrowedReports>(d).empty());
        CHECK(scene.incident.escrow_pending().size() == 1);
    }

    TEST_CASE("without escrowed matches there is nothing to activate") {
        auto scene = opened({alice, bob, carol, dave}, {erin});
        CHECK(
            scene.refused(ProposeMotion{ref, alice, MotionKind::activate_escrow, {}, {}}).reason ==
            Rejection::Reason::not_allowed);
    }
}
