// File: tests/core/overview_test.cpp
#include "core/overview.hpp"
#include "tests/core/outcomes.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using cocbot::core::testing::opened;
using cocbot::core::testing::Scene;
namespace sample = cocbot::core::testing::sample;

namespace {

const Time t0{std::chrono::seconds{1'800'000'000}};
const UserId alice{"UALICE"}, bob{"UBOB"}, carol{"UCAROL"};

Incident incident(std::string id, ReportedPerson reported, bool escrow = false) {
    ReportFiled filed;
    filed.incident = IncidentId{std::move(id)};
    filed.at = t0;
    filed.report.reported = std::move(reported);
    filed.report.description = "details";
    filed.report.flags.escrow = escrow;
    filed.committee = {alice, bob, carol};
    return evolve({}, filed);
}

Incident declared(Incident i, const UserId& who, bool conflicted) {
    return evolve(std::move(i), ConflictDeclared{who, conflicted, t0});
}

} // namespace

TEST_SUITE("overview") {
    TEST_CASE("a member sees the incidents they are cleared for and the questions they owe") {
        auto a = declared(incident("2026-001", {UserId{"UX"}, ""}), alice, false);
        auto b = declared(incident("2026-002", {UserId{"UY"}, ""}), alice, true);
        auto c = incident("2026-003", {UserId{}, "Someone"});
        const auto overview = overview_for(alice, {a, b, c});
        REQUIRE(overview.open.size() == 1);
        CHECK(overview.open[0].id.value == "2026-001");
        REQUIRE(overview.pending.size() == 1);
        CHECK(overview.pending[0].id.value == "2026-003");
    }

    TEST_CASE("someone who is not cleared gets nothing, exactly as for an unknown incident") {
        const auto a = declared(incident("2026-001", {UserId{"UX"}, ""}), alice, false);
        CHECK(summary_for(alice, a).has_value());
        CHECK_FALSE(summary_for(bob, a).has_value());
        CHECK_FALSE(summary_for(UserId{"UOUT"}, a).has_value());
        CHECK_FALSE(summary_for(alice, Incident{}).has_value());
        CHECK(overview_for(UserId{"UOUT"}, {a}).open.empty());
        CHECK(overview_for(UserId{"UOUT"}, {a}).pending.empty());
    }

    TEST_CASE("escrowed reports match by Slack user or by name, ignoring case and spacing") {
        const std::vector<Incident> all{
            incident("2025-001", {UserId{"UX"}, ""}, true),
            incident("2025-002", {UserId{}, "  Bob   the Builder "}, true),
            incident("2025-003", {UserId{"UX"}, ""}, false), // not escrowed
            incident("2025-004", {UserId{"UZ"}, ""}, true),
        };
        CHECK(matching_escrows({UserId{"UX"}, ""}, all) ==
              std::vector<IncidentId>{IncidentId{"2025-001"}});
        CHECK(matching_escrows({UserId{}, "bob the builder"}, all) ==
              std::vector<IncidentId>{IncidentId{"2025-002"}});
        CHECK(matching_escrows({UserId{}, ""}, all).empty());
        CHECK(matching_escrows({UserId{"UQ"}, "Nobody"}, all).empty());
    }

    TEST_CASE("a member of the electorate sees the open motions with their ballot") {
        auto scene = opened({sample::alice, sample::bob, sample::carol}, {sample::erin});
        const int voted = scene.propose(sample::bob, MotionKind::custom, "Ask for the footage");
        const int not_yet = scene.propose(sample::bob, MotionKind::violation);
        const int decided = scene.propose(sample::bob, MotionKind::plan, "Weekly check-ins");
        scene.vote(voted, sample::alice, true);
        scene.vote(decided, sample::alice, false);
        scene.vote(decided, sample::bob, false);
        REQUIRE_FALSE(scene.motion(decided).open());
        const auto overview = overview_for(sample::alice, {scene.incident});
        CHECK(overview.motions ==
              std::vector<OpenMotion>{
                  {sample::ref, voted, MotionKind::custom, "Ask for the footage", true},
                  {sample::ref, not_yet, MotionKind::violation, scene.motion(not_yet).text,
                   std::nullopt}});
        CHECK(overview_for(sample::carol, {scene.incident}).motions.size() == 2);
    }

    TEST_CASE("conflicted members, strangers and members away from the channel see no motions") {
        auto scene = opened({sample::alice, sample::bob, sample::carol}, {sample::erin});
        scene.run(InvolveHr{sample::ref, sample::alice, HrScope::informing});
        scene.propose(sample::bob, MotionKind::violation);
        scene.run(MemberLeft{sample::ref, sample::carol});
        for (const auto& who : {sample::erin, sample::stranger, sample::hr1, sample::reported,
                                sample::carol, sample::dave}) {
            CAPTURE(who.value);
            CHECK(overview_for(who, {scene.incident}).motions.empty());
        }
    }

    TEST_CASE("resolved incidents are not open, only a re-opening vote on them is listed") {
        auto scene = opened({sample::alice, sample::bob, sample::carol});
        scene.propose(sample::bob, MotionKind::custom, "Left undecided");
        scene.run(ResolveIncident{sample::ref, sample::alice, "Done", "Other",
                                  ResolutionOutcome::warning});
        auto overview = overview_for(sample::bob, {scene.incident});
        CHECK(overview.open.empty());
        CHECK(overview.pending.empty());
        CHECK(overview.motions.empty());
        const int reopen = scene.propose(sample::carol, MotionKind::reopen);
        scene.open_channel(ChannelId{"GSECOND"});
        overview = overview_for(sample::bob, {scene.incident});
        CHECK(overview.open.empty());
        REQUIRE(overview.motions.size() == 1);
        CHECK(overview.motions[0].number == reopen);
        CHECK(overview.motions[0].kind == MotionKind::reopen);
    }

    TEST_CASE("a handed-off incident is still open for its cleared members") {
        auto scene = opened({sample::alice, sample::bob});
        scene.run(InvolveHr{sample::ref, sample::alice, HrScope::employees_only});
        const auto overview = overview_for(sample::bob, {scene.incident});
        REQUIRE(overview.open.size() == 1);
        CHECK(overview.open[0].status == Status::handed_off);
        // Its clocks run on through the hand-off, HR's report among them.
        bool chases_hr = false;
        for (const auto& deadline : overview.open[0].deadlines)
            chases_hr = chases_hr || deadline.kind == ReminderKind::hr_report_due;
        CHECK(chases_hr);
        CHECK(overview_for(sample::hr1, {scene.incident}).open.empty());
    }
}
