// File: tests/core/retention_test.cpp
// When an incident's records are to be erased: resolved as not a violation, soonest; any other
// resolution, later; a report kept in escrow, from its filing; never while it is open, nor once
// a motion to keep the records passed.
#include "core/retention.hpp"
#include "tests/core/closing.hpp"
#include "tests/core/outcomes.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::sample;
using namespace std::chrono_literals;

namespace {

const Retention periods{Duration{std::chrono::days{0}}, Duration{std::chrono::days{426}},
                        Duration{std::chrono::days{791}}};

// Bob, carol and dave vote on whether it was a violation; it passes or is rejected 3-0.
void vote_violation(Scene& scene, bool yes) {
    const int n = scene.propose(bob, MotionKind::violation);
    for (const auto& member : {bob, carol, dave})
        scene.vote(n, member, yes);
}

// With the outcome the resolve modal offers: the one the votes suggest.
void resolve(Scene& scene, std::optional<ResolutionOutcome> outcome = std::nullopt) {
    scene.now += 1h;
    scene.run(ResolveIncident{ref, bob, "Done", "Other",
                              outcome.value_or(suggested_outcome(scene.incident))});
}

} // namespace

TEST_SUITE("core: retention") {
    TEST_CASE("nothing is erased while the incident is open") {
        auto scene = owned();
        CHECK_FALSE(retention_start(scene.incident).has_value());
        CHECK_FALSE(erasure_due(scene.incident, periods).has_value());
        CHECK_FALSE(erasure_due(Incident{}, periods).has_value());
    }

    TEST_CASE("resolved after a vote that found no violation: erased at once by default") {
        auto scene = owned();
        vote_violation(scene, false);
        resolve(scene);
        const auto due = erasure_due(scene.incident, periods);
        REQUIRE(due.has_value());
        CHECK(due->reason == ErasureReason::no_violation);
        CHECK(due->at == scene.now);
    }

    TEST_CASE("the outcome the members chose when resolving decides, over the votes") {
        auto scene = owned();
        SUBCASE("no violation chosen after a vote that found one") {
            vote_violation(scene, true);
            resolve(scene, ResolutionOutcome::no_violation);
            CHECK(erasure_due(scene.incident, periods)->reason == ErasureReason::no_violation);
        }
        SUBCASE("a warning chosen after a vote that found none") {
            vote_violation(scene, false);
            resolve(scene, ResolutionOutcome::warning);
            CHECK(erasure_due(scene.incident, periods)->reason == ErasureReason::resolved);
        }
    }

    TEST_CASE("resolved after a vote that found a violation, or with no vote: 14 months on") {
        auto scene = owned();
        SUBCASE("a violation") {
            vote_violation(scene, true);
        }
        SUBCASE("no vote") {}
        resolve(scene);
        const auto due = erasure_due(scene.incident, periods);
        REQUIRE(due.has_value());
        CHECK(due->reason == ErasureReason::resolved);
        CHECK(due->at == scene.now + std::chrono::days{426});
    }

    TEST_CASE("a report kept in escrow is erased 26 months after its filing") {
        Scene scene;
        auto report = sample::report();
        report.flags.escrow = true;
        scene.file(report);
        REQUIRE(scene.incident.status == Status::escrowed);
        const auto due = erasure_due(scene.incident, periods);
        REQUIRE(due.has_value());
        CHECK(due->reason == ErasureReason::escrow);
        CHECK(due->at == scene.incident.filed_at + std::chrono::days{791});
    }

    TEST_CASE("a passed motion to keep the records holds them past every period, once") {
        auto scene = owned();
        const int n = scene.propose(carol, MotionKind::keep);
        CHECK(scene.motion(n).text == "Keep this incident's records beyond the retention periods?");
        scene.vote(n, bob, true);
        scene.vote(n, carol, true);
        const auto passed = scene.vote(n, dave, true);
        CHECK(scene.incident.kept());
        const auto panels = updated<ControlPanel>(passed);
        REQUIRE_FALSE(panels.empty());
        CHECK(panels.back().kept); // the control message says so, and offers it no more
        CHECK(scene.refused(ProposeMotion{ref, alice, MotionKind::keep, {}, {}}).message ==
              "These records are kept already.");
        vote_violation(scene, false);
        resolve(scene);
        CHECK_FALSE(erasure_due(scene.incident, periods).has_value());
    }

    TEST_CASE("a rejected motion to keep the records keeps nothing") {
        auto scene = owned();
        const int n = scene.propose(carol, MotionKind::keep);
        for (const auto& member : {bob, carol, dave})
            scene.vote(n, member, false);
        CHECK_FALSE(scene.incident.kept());
        resolve(scene);
        CHECK(erasure_due(scene.incident, periods).has_value());
    }

    TEST_CASE("an open motion holds the erasure until it is decided") {
        auto scene = owned();
        vote_violation(scene, false);
        resolve(scene);
        REQUIRE(erasure_due(scene.incident, periods).has_value());
        scene.propose(carol, MotionKind::reopen, "New witnesses");
        CHECK_FALSE(erasure_due(scene.incident, periods).has_value());
    }

    TEST_CASE("each reason has its stored name") {
        for (const auto reason :
             {ErasureReason::no_violation, ErasureReason::resolved, ErasureReason::escrow})
            CHECK(erasure_reason_from_string(to_string(reason)) == reason);
        CHECK_FALSE(erasure_reason_from_string("forever").has_value());
    }
}
