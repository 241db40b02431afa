#include "core/overview.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;

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
}
