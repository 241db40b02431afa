// File: tests/core/pattern_test.cpp
// The plan acts on escrow "if the behavior is repeated": a second report in escrow about the
// same person opens an incident, and the reports (its own too) are shown only after a vote.
#include "core/decide.hpp"
#include "core/overview.hpp"
#include "tests/core/outcomes.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::sample;

namespace {

const IncidentId earlier{"2025-004"};

Report escrowed() {
    Report r = report();
    r.flags.escrow = true;
    return r;
}

// The second report in escrow about `reported`, the first being `earlier`.
Scene pattern() {
    Scene scene;
    scene.run(SubmitReport{ref, alice, escrowed(), {earlier}});
    return scene;
}

bool shows_report(const Decision& decision) {
    for (const auto& post : all_of<Post>(decision))
        if (std::holds_alternative<ReportDetails>(post.message))
            return true;
    return false;
}

} // namespace

TEST_SUITE("decide: a pattern of escrowed reports") {
    TEST_CASE("a first report in escrow tells nobody and opens nothing") {
        Scene scene;
        const auto d = scene.run(SubmitReport{ref, alice, escrowed(), {}});
        CHECK(d.effects.empty());
        CHECK(scene.incident.status == Status::escrowed);
        CHECK_FALSE(scene.incident.pattern);
    }

    TEST_CASE("a second report in escrow about the same person asks the committee, saying it is "
              "a pattern") {
        Scene scene;
        const auto d = scene.run(SubmitReport{ref, alice, escrowed(), {earlier}});
        CHECK(scene.incident.status == Status::triage);
        CHECK(scene.incident.pattern);
        const auto prompts = all_of<Post>(d);
        REQUIRE(prompts.size() == 1);
        const auto& prompt = std::get<TriagePrompt>(prompts[0].message);
        CHECK(prompt.pattern);
        CHECK(prompt.reported == report().reported);
        CHECK(all_of<CreatePrivateChannel>(d).size() == 1);
        // Its reporter learns nothing of the other report: the answer is escrow's usual one.
        Scene alone;
        CHECK(d.reply == alone.run(SubmitReport{ref, alice, escrowed(), {}}).reply);
    }

    TEST_CASE("a pattern's channel gets the escrow notice and the reason, not the report") {
        auto scene = pattern();
        scene.clear({alice, bob, carol});
        const auto d = scene.open_channel();
        CHECK_FALSE(shows_report(d));
        bool noticed = false, explained = false;
        for (const auto& post : all_of<Post>(d)) {
            if (const auto* n = std::get_if<EscrowNotice>(&post.message))
                noticed = n->count == 2;
            if (const auto* n = std::get_if<ChannelNotice>(&post.message))
                explained = to_plain(n->text).find("2 reports about the same person were "
                                                   "filed in escrow") != std::string::npos;
        }
        CHECK(noticed);
        CHECK(explained);
    }

    TEST_CASE("the vote to share them shows the earlier reports and then the pattern's own") {
        auto scene = pattern();
        scene.clear({alice, bob, carol, dave});
        scene.open_channel();
        const int n = scene.propose(bob, MotionKind::activate_escrow);
        scene.vote(n, alice, true);
        scene.vote(n, bob, true);
        const auto d = scene.vote(n, carol, true);
        CHECK(all_of<ShareEscrowedReports>(d) ==
              std::vector<ShareEscrowedReports>{{ref, incident_channel, {earlier, ref}}});
        CHECK_FALSE(scene.incident.report_withheld());
    }

    TEST_CASE("reports in escrow match on the same name typed differently") {
        auto as_escrowed = [](const char* id, ReportedPerson person) {
            Incident incident;
            incident.id = IncidentId{id};
            incident.report.reported = std::move(person);
            incident.report.flags.escrow = true;
            return incident;
        };
        const std::vector<Incident> all{as_escrowed("2025-001", {UserId{}, "José García"}),
                                        as_escrowed("2025-002", {UserId{}, "Sam Lee"})};
        CHECK(matching_escrows({UserId{}, "garcia, jose"}, all) ==
              std::vector<IncidentId>{IncidentId{"2025-001"}});
        CHECK(matching_escrows({UserId{}, "Jose M. Garcia"}, all) ==
              std::vector<IncidentId>{IncidentId{"2025-001"}});
        CHECK(matching_escrows({UserId{}, "Sam Leeds"}, all).empty());
    }
}
