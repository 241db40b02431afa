// File: tests/core/excluded_test.cpp
// Members the reporter chose not to see the report: conflicted at once, never asked, never told
// (not even that a report came in), and nobody is told who they are.
#include "core/decide.hpp"
#include "tests/core/outcomes.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::sample;

namespace {

Report excluding(std::vector<UserId> excluded) {
    Report r = report();
    r.excluded = std::move(excluded);
    return r;
}

bool posted_in_committee_channel(const Decision& d) {
    for (const auto& post : all_of<Post>(d))
        if (post.channel == committee_channel)
            return true;
    return false;
}

} // namespace

TEST_SUITE("decide: members the reporter excluded") {
    TEST_CASE("excluded members are conflicted at once, never asked, and nothing reaches the "
              "committee channel") {
        Scene scene;
        scene.committee.channel_members = scene.committee.members;
        const auto d = scene.run(SubmitReport{ref, alice, excluding({bob, carol}), {}});
        for (const auto& member : {bob, carol}) {
            CHECK_FALSE(scene.incident.asked(member));
            CHECK(scene.incident.declaration_of(member) == Declaration::conflict);
            CHECK_FALSE(sent_to(d, member));
        }
        CHECK_FALSE(posted_in_committee_channel(d));
        for (const auto& member : {alice, dave, erin})
            CHECK(sent_to(d, member));
        // The prompt counts those asked, and names nobody who was left out.
        for (const auto& post : all_of<Post>(d))
            if (const auto* prompt = std::get_if<TriagePrompt>(&post.message))
                CHECK(prompt->committee_size == 3);
        CHECK(scene.incident.report.excluded == std::vector<UserId>{bob, carol});
    }

    TEST_CASE("an excluded member who answers the question anyway is refused") {
        Scene scene;
        scene.run(SubmitReport{ref, alice, excluding({bob}), {}});
        CHECK(scene.refused(DeclareConflict{ref, bob, false}).reason ==
              Rejection::Reason::not_on_committee);
    }

    TEST_CASE("an excluded member who leaves and rejoins the roster is still not asked") {
        Scene scene;
        scene.run(SubmitReport{ref, alice, excluding({bob}), {}});
        scene.run(RosterMemberRemoved{ref, bob});
        const auto d = scene.run(RosterMemberAdded{ref, bob});
        CHECK_FALSE(sent_to(d, bob));
        CHECK(scene.incident.declaration_of(bob) == Declaration::conflict);
    }

    TEST_CASE("naming someone off the roster excludes nobody") {
        Scene scene;
        const auto d = scene.run(SubmitReport{ref, alice, excluding({UserId{"UOUTSIDER"}}), {}});
        CHECK(posted_in_committee_channel(d));
        CHECK(scene.incident.asked(bob));
    }

    TEST_CASE("more exclusions than any committee has are refused on the field") {
        std::vector<UserId> many;
        for (int i = 0; i < 101; ++i)
            many.push_back(UserId{"U" + std::to_string(i)});
        Scene scene;
        const auto refused = scene.refused(SubmitReport{ref, alice, excluding(many), {}});
        REQUIRE_FALSE(refused.fields.empty());
        CHECK(refused.fields.front().field == "excluded_members");
    }
}
