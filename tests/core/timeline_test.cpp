// File: tests/core/timeline_test.cpp
// The written record: every event on it says who and when, and it is posted only where asked.
#include "core/decide.hpp"
#include "core/timeline.hpp"
#include "tests/core/closing.hpp"
#include "tests/core/outcomes.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::sample;
using namespace std::chrono_literals;

namespace {

// Who an event names as having acted, when it says so.
std::optional<UserId> actor(const Event& event) {
    return std::visit(
        [](const auto& e) -> std::optional<UserId> {
            if constexpr (requires { e.by; })
                return e.by;
            else if constexpr (requires { e.voter; })
                return e.voter;
            else
                return std::nullopt;
        },
        event);
}

std::optional<Time> time_of(const Event& event) {
    return std::visit(
        [](const auto& e) -> std::optional<Time> {
            if constexpr (requires { e.at; })
                return e.at;
            else
                return std::nullopt;
        },
        event);
}

// Bookkeeping, and who declared a conflict in the first place, are not part of the record.
bool on_the_record(const Event& event, const Incident& before) {
    if (std::holds_alternative<MessagePosted>(event))
        return false;
    if (const auto* c = std::get_if<ConflictDeclared>(&event))
        return !c->conflicted || before.is_cleared(c->member);
    return true;
}

} // namespace

TEST_SUITE("timeline") {
    TEST_CASE("every event on the record has a line saying who and when") {
        Scene scene;
        scene.file();
        scene.now += 1min;
        scene.open_channel();
        for (const auto& member : {alice, bob, carol, dave}) {
            scene.now += 1min;
            scene.run(DeclareConflict{ref, member, false});
        }
        scene.now += 1min;
        scene.run(DeclareConflict{ref, erin, true});
        scene.now += 1min;
        scene.run(NameOwner{ref, alice, OwnerRole::primary, bob});
        scene.now += 1min;
        const int n = scene.propose(bob, MotionKind::violation);
        for (const auto& voter : {alice, bob, carol}) {
            scene.now += 1min;
            scene.vote(n, voter, true);
        }
        scene.now += 1min;
        scene.run(RecordConversation{ref, bob, conversation()});
        scene.now += 1min;
        scene.run(RecordReporterFollowUp{ref, bob, "Told the decision", true});
        scene.now += 1min;
        scene.run(ResolveIncident{ref, bob, "Done", "Other", ResolutionOutcome::warning});

        const auto& lines = scene.incident.timeline;
        Incident before;
        std::vector<const Event*> recorded;
        for (const auto& event : scene.history) {
            if (on_the_record(event, before))
                recorded.push_back(&event);
            before = evolve(before, event);
        }
        REQUIRE(lines.size() == recorded.size());
        Time previous{};
        for (std::size_t i = 0; i < lines.size(); ++i) {
            CAPTURE(lines[i].what);
            CHECK_FALSE(lines[i].what.empty());
            CHECK(lines[i].at >= previous);
            CHECK(lines[i].at == time_of(*recorded[i]).value_or(previous));
            if (const auto who = actor(*recorded[i]))
                CHECK(lines[i].who == *who);
            previous = lines[i].at;
        }
        CHECK(lines.front() == TimelineLine{t0, alice, "filed the report (via in person)", {}});
        CHECK(lines[1] ==
              TimelineLine{
                  t0, {}, "opened the private channel " + channel_ref(ChannelId{"GINCIDENT"}), {}});
        CHECK(lines[2] ==
              TimelineLine{t0 + 2min, alice, "declared no conflict of interest and joined", {}});
        CHECK(lines.back() == TimelineLine{t0 + 14min, bob, "resolved the incident", {}});
        // What people typed is quoted, never taken for cocbot's own words.
        const auto proposal = std::find_if(lines.begin(), lines.end(), [](const TimelineLine& l) {
            return to_plain(l.what).rfind("proposed motion 1", 0) == 0;
        });
        REQUIRE(proposal != lines.end());
        CHECK(proposal->who == bob);
        CHECK(proposal->quote == scene.motion(n).text);
    }

    TEST_CASE("who declared a conflict in the first place is not on the record") {
        auto scene = opened({alice, bob}, {erin});
        for (const auto& line : scene.incident.timeline) {
            CHECK(line.who != erin);
            CHECK_FALSE(contains(line.what, erin.value));
        }
    }

    TEST_CASE("a recusal is on the record") {
        auto scene = opened({alice, bob});
        const auto lines_before = scene.incident.timeline.size();
        scene.now += 1h;
        scene.run(DeclareConflict{ref, bob, true});
        REQUIRE(scene.incident.timeline.size() == lines_before + 1);
        CHECK(scene.incident.timeline.back().who == bob);
        CHECK(scene.incident.timeline.back().at == t0 + 1h);
    }

    TEST_CASE("an event without a time of its own takes the previous line's") {
        ReportFiled filed;
        filed.incident = ref;
        filed.at = t0 + 5s;
        filed.report = report();
        auto incident = evolve({}, filed);
        incident = evolve(incident, ChannelOpened{incident_channel});
        REQUIRE(incident.timeline.size() == 2);
        CHECK(incident.timeline[1].at == t0 + 5s);
        CHECK(incident.timeline[1].who.empty());
        CHECK_FALSE(describe(MessagePosted{{incident_channel, "1.1"}, MessageKind::motion, 1}));
        CHECK(describe(ChannelOpened{incident_channel})->at == Time{});
    }

    TEST_CASE("the timeline is posted in the incident channel on request") {
        auto scene = owned();
        const auto d = scene.run(ShowTimeline{ref, carol});
        CHECK(d.events.empty());
        const auto posts = all_of<Post>(d);
        REQUIRE(posts.size() == 1);
        CHECK(posts[0].channel == incident_channel);
        CHECK(std::get<Timeline>(posts[0].message) == Timeline{ref, scene.incident.timeline});
        for (const auto& who : {erin, stranger})
            CHECK(scene.refused(ShowTimeline{ref, who}).reason == Rejection::Reason::not_allowed);
    }
}
