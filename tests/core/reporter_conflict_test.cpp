// File: tests/core/reporter_conflict_test.cpp
// The conflict question shows only the reported person; the channel then shows the reporter.
// A member let in for the first time is asked privately about the reporter, once.
#include "core/decide.hpp"
#include "core/timeline.hpp"
#include "tests/core/channel_scenes.hpp"
#include "tests/core/outcomes.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::channel_scenes;

namespace {

Incident filed(Report r = report()) {
    return run({}, SubmitReport{ref, alice, std::move(r), {}}).incident;
}

// Whom the decision asks about the reporter, in order.
std::vector<UserId> asked_about_reporter(const Decision& decision) {
    std::vector<UserId> asked;
    for (const auto& post : all_of<Post>(decision))
        if (const auto* prompt = std::get_if<ReporterConflictPrompt>(&post.message)) {
            CHECK(post.channel.empty()); // by direct message, never in a channel
            CHECK(prompt->incident == ref);
            asked.push_back(post.to_user);
        }
    return asked;
}

bool has_line(const Incident& incident, const UserId& who, const std::string& what) {
    for (const auto& line : incident.timeline)
        if (line.who == who && to_plain(line.what).find(what) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_SUITE("decide: a conflict with the reporter") {
    TEST_CASE("each cleared member let into the channel is asked once, privately") {
        auto incident = run(filed(), DeclareConflict{ref, bob, false}).incident;
        const auto opened = run(incident, ChannelCreated{ref, incident_channel});
        // Alice took the report and knew the reporter then: she is not asked.
        CHECK(asked_about_reporter(opened.decision) == std::vector<UserId>{bob});
        const auto carol_in = run(opened.incident, DeclareConflict{ref, carol, false});
        CHECK(asked_about_reporter(carol_in.decision) == std::vector<UserId>{carol});
        CHECK(has_line(carol_in.incident, carol, "asked privately"));
        // Back after leaving, or in a re-opened incident's new channel: not asked again.
        auto away = run(carol_in.incident, MemberLeft{ref, carol}).incident;
        CHECK(asked_about_reporter(run(away, MemberJoined{ref, carol}).decision).empty());
    }

    TEST_CASE("before the channel exists, the question waits for the invitation") {
        const auto early = run(filed(), DeclareConflict{ref, bob, false});
        CHECK(asked_about_reporter(early.decision).empty());
        CHECK(asked_about_reporter(
                  run(early.incident, ChannelCreated{ref, incident_channel}).decision) ==
              std::vector<UserId>{bob});
    }

    TEST_CASE("an anonymous report shows no reporter, so nobody is asked") {
        auto r = report();
        r.flags.anonymous = true;
        r.reporter_name.clear();
        r.reporter_contact.clear();
        auto incident = run(filed(r), ChannelCreated{ref, incident_channel}).incident;
        CHECK(
            asked_about_reporter(run(incident, DeclareConflict{ref, bob, false}).decision).empty());
    }

    TEST_CASE("no conflict with the reporter is recorded in the timeline, once") {
        auto incident = run(run(filed(), ChannelCreated{ref, incident_channel}).incident,
                            DeclareConflict{ref, bob, false})
                            .incident;
        const auto answered = run(incident, ClearReporterConflict{ref, bob});
        CHECK(answered.decision.effects.empty());
        CHECK(has_line(answered.incident, bob, "no conflict of interest with the reporter"));
        const auto again = decision_of(
            decide(committee(), answered.incident, ClearReporterConflict{ref, bob}, now));
        CHECK(again.events.empty());
        CHECK(again.reply == "Your answer was already recorded.");
    }

    TEST_CASE("recusing after seeing the reporter removes the member, and says no reason") {
        auto incident = run(run(filed(), ChannelCreated{ref, incident_channel}).incident,
                            DeclareConflict{ref, bob, false})
                            .incident;
        const auto recused = run(incident, DeclareConflict{ref, bob, true});
        CHECK(all_of<Remove>(recused.decision) ==
              std::vector<Remove>{{ref, incident_channel, bob}});
        CHECK_FALSE(recused.incident.is_cleared(bob));
        // Having recused, the member cannot answer the other way.
        CHECK(rejection_of(
                  decide(committee(), recused.incident, ClearReporterConflict{ref, bob}, now))
                  .reason == Rejection::Reason::not_allowed);
    }

    TEST_CASE("only a member who was asked can answer") {
        auto incident = run(filed(), ChannelCreated{ref, incident_channel}).incident;
        for (const auto& who : {alice, carol, outsider})
            CHECK(rejection_of(decide(committee(), incident, ClearReporterConflict{ref, who}, now))
                      .reason == Rejection::Reason::not_allowed);
    }
}
