// File: tests/core/danger_test.cpp
// Immediate danger: any responder (a member asked, not conflicted) may say they are responding
// and record what they did from the alert, before anyone has answered the conflict question.
#include "core/decide.hpp"
#include "tests/core/outcomes.hpp"
#include "tests/support/text.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::sample;

namespace {

Report danger(UserId about = reported) {
    Report r = report();
    r.reported.user = std::move(about);
    r.flags.immediate_danger = true;
    return r;
}

std::vector<Update> alert_updates(const Decision& d) {
    auto updates = all_of<Update>(d);
    std::erase_if(updates,
                  [](const Update& u) { return !std::holds_alternative<DangerAlert>(u.message); });
    return updates;
}

} // namespace

TEST_SUITE("decide: responding to immediate danger") {
    TEST_CASE("a member yet to answer may respond, and the committee channel's alert shows who") {
        Scene scene;
        scene.file(danger());
        REQUIRE(scene.incident.danger_alert.has_value());
        const auto d = scene.run(RespondToDanger{ref, bob});
        CHECK(events_of<DangerResponded>(d) == std::vector<DangerResponded>{{bob, t0}});
        const auto updates = alert_updates(d);
        REQUIRE(updates.size() == 1);
        CHECK(updates[0].target == *scene.incident.danger_alert);
        CHECK(std::get<DangerAlert>(updates[0].message).responding == std::vector<UserId>{bob});
        CHECK_FALSE(d.reply.empty());
        // Pressing again records nothing new.
        const auto again = scene.run(RespondToDanger{ref, bob});
        CHECK(again.events.empty());
        CHECK(again.effects.empty());
    }

    TEST_CASE("alerts sent by direct message are each updated, except a conflicted member's") {
        Scene scene;
        scene.file(danger(erin)); // about a member: everything goes by direct message
        CHECK_FALSE(scene.incident.danger_alert.has_value());
        scene.run(DeclareConflict{ref, dave, true});
        const auto d = scene.run(RespondToDanger{ref, carol});
        std::vector<UserId> told;
        for (const auto& update : alert_updates(d))
            for (const auto& sent : scene.incident.direct_messages)
                if (sent.message == update.target)
                    told.push_back(sent.to);
        CHECK(told == std::vector<UserId>{alice, bob, carol});
    }

    TEST_CASE("the conflicted, the reported member, the excluded and strangers may not respond") {
        auto r = danger(erin);
        r.excluded = {dave};
        Scene scene;
        scene.file(r);
        scene.run(DeclareConflict{ref, bob, true});
        for (const auto& who : {bob, erin, dave, stranger})
            CHECK(scene.refused(RespondToDanger{ref, who}).reason ==
                  Rejection::Reason::not_allowed);
    }

    TEST_CASE("without immediate danger there is nothing to respond to") {
        Scene scene;
        scene.file();
        CHECK(scene.refused(RespondToDanger{ref, bob}).reason == Rejection::Reason::not_allowed);
    }

    TEST_CASE("a responder yet to answer records an immediate action, posted only in the "
              "incident channel") {
        Scene scene;
        scene.file(danger());
        scene.open_channel();
        const auto d = scene.run(RecordImmediateAction{ref, carol, "Walked them to the CoC room"});
        CHECK(scene.incident.records.back() == "Walked them to the CoC room");
        for (const auto& post : all_of<Post>(d))
            CHECK(post.channel == incident_channel);
        CHECK(d.reply.find("private channel") != std::string::npos);
        scene.run(DeclareConflict{ref, dave, true});
        CHECK(scene.refused(RecordImmediateAction{ref, dave, "x"}).reason ==
              Rejection::Reason::not_allowed);
    }

    TEST_CASE("the alert says where the reporter is, what they wear, and that they ask for the "
              "police, and no name or description") {
        auto r = danger();
        r.whereabouts = "By the fountain";
        r.appearance = "A red scarf";
        r.flags.wants_police = true;
        Scene scene;
        const auto alerts = posted<DangerAlert>(scene.file(r));
        REQUIRE(alerts.size() == 1);
        CHECK(alerts[0].whereabouts == "By the fountain");
        CHECK(alerts[0].appearance == "A red scarf");
        CHECK(alerts[0].wants_police);
        const auto responded = alert_updates(scene.run(RespondToDanger{ref, bob}));
        REQUIRE(responded.size() == 1);
        CHECK(std::get<DangerAlert>(responded[0].message).appearance == "A red scarf");
    }

    TEST_CASE("the timeline says who responded") {
        Scene scene;
        scene.file(danger());
        scene.run(RespondToDanger{ref, bob});
        bool found = false;
        for (const auto& line : scene.incident.timeline)
            found = found || (line.who == bob &&
                              cocbot::testing::contains(to_plain(line.what), "responding"));
        CHECK(found);
    }
}
