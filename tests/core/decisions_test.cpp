// File: tests/core/decisions_test.cpp
// Motions and ballots through decide(): proposing, voting, live tallies and recounts.
#include "core/consequences.hpp"
#include "core/decide.hpp"
#include "tests/core/outcomes.hpp"
#include "tests/support/text.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::sample;

namespace {

// Four cleared members (alice took the report) and erin, who declared a conflict.
Scene four_cleared() {
    return opened({alice, bob, carol, dave}, {erin});
}

using cocbot::testing::contains;

// The notice that reports a decided motion, if the decision posted one.
std::optional<ChannelNotice> decision_notice(const Decision& decision) {
    for (const auto& notice : posted<ChannelNotice>(decision))
        if (to_plain(notice.text).rfind("Motion ", 0) == 0)
            return notice;
    return std::nullopt;
}

} // namespace

TEST_SUITE("decide: proposing motions") {
    TEST_CASE("a violation motion is put at once, and its message is posted in the channel") {
        auto scene = four_cleared();
        const auto d = scene.run(ProposeMotion{ref, bob, MotionKind::violation, "ignored", {}});
        REQUIRE(d.events.size() == 1);
        const auto proposed = std::get<MotionProposed>(d.events[0]);
        CHECK(proposed == MotionProposed{1, MotionKind::violation,
                                         "Is this incident a Code of Conduct violation?", bob, t0});
        const auto posts = all_of<Post>(d);
        REQUIRE(posts.size() == 1);
        CHECK(posts[0].channel == incident_channel);
        CHECK(posts[0].to_user.empty());
        CHECK(posts[0].remember);
        const auto& message = std::get<MotionMessage>(posts[0].message);
        CHECK(message.number == 1);
        CHECK(message.proposed_by == bob);
        CHECK(message.tally.electorate == 4);
        CHECK(message.tally.needed == 3);
        CHECK(message.tally.result == MotionResult::open);
        CHECK(scene.incident.motion_messages.count(1) == 1);
        // The control message counts the open motion.
        REQUIRE_FALSE(updated<ControlPanel>(d).empty());
        CHECK(updated<ControlPanel>(d).back().open_motions == 1);
        CHECK(contains(d.reply, "Motion 1"));
    }

    TEST_CASE("plan, refusal and custom motions need their text") {
        auto scene = four_cleared();
        for (auto kind : {MotionKind::plan, MotionKind::refusal, MotionKind::custom}) {
            CAPTURE(to_string(kind));
            CHECK(field_of(scene.refused(ProposeMotion{ref, bob, kind, "  ", {}})) == "text");
            CHECK(field_of(scene.refused(
                      ProposeMotion{ref, bob, kind, std::string(3001, 'x'), {}})) == "text");
            const int number = scene.propose(bob, kind, "  Weekly check-ins for a month ");
            CHECK(contains(scene.motion(number).text, "Weekly check-ins for a month"));
            CHECK(scene.motion(number).kind == kind);
        }
        CHECK(scene.incident.motions.size() == 3);
    }

    TEST_CASE("a consequences motion takes the plan's responses, other text, or both") {
        auto scene = four_cleared();
        SUBCASE("chosen from the list") {
            const int n = scene.propose(bob, MotionKind::consequences, {}, {"warning", "no_talks"});
            CHECK(contains(scene.motion(n).text, std::string{consequence_by_id("warning")->label}));
            CHECK(
                contains(scene.motion(n).text, std::string{consequence_by_id("no_talks")->label}));
        }
        SUBCASE("other text only") {
            const int n = scene.propose(bob, MotionKind::consequences, "Write an apology letter");
            CHECK(contains(scene.motion(n).text, "Write an apology letter"));
        }
        SUBCASE("both") {
            const int n =
                scene.propose(bob, MotionKind::consequences, "And a letter", {"ban_events"});
            CHECK(contains(scene.motion(n).text, "And a letter"));
            CHECK(contains(scene.motion(n).text,
                           std::string{consequence_by_id("ban_events")->label}));
        }
        SUBCASE("every response on the plan's list can be chosen") {
            std::vector<std::string> all;
            for (const auto& c : possible_consequences()) {
                CHECK(c.label.size() <= 75);
                all.emplace_back(c.id);
            }
            CHECK(all.size() == 20);
            scene.propose(bob, MotionKind::consequences, {}, all);
        }
        SUBCASE("nothing chosen is refused") {
            CHECK(field_of(scene.refused(ProposeMotion{
                      ref, bob, MotionKind::consequences, " ", {}})) == "consequences");
        }
        SUBCASE("an unknown response is refused") {
            CHECK(field_of(scene.refused(ProposeMotion{
                      ref, bob, MotionKind::consequences, "", {"warning", "pillory"}})) ==
                  "consequences");
        }
    }

    TEST_CASE("a second open motion of the same standard kind is not created, custom ones are") {
        auto scene = four_cleared();
        scene.propose(bob, MotionKind::violation);
        const auto again = scene.run(ProposeMotion{ref, carol, MotionKind::violation, {}, {}});
        CHECK(again.events.empty());
        CHECK(again.effects.empty());
        CHECK(contains(again.reply, "Motion 1"));
        scene.propose(bob, MotionKind::custom, "Ask the venue for the footage");
        scene.propose(bob, MotionKind::custom, "Ask the venue for the footage");
        CHECK(scene.incident.motions.size() == 3);
        SUBCASE("once the first is decided, the same question can be put again") {
            for (const auto& voter : {alice, bob, carol})
                scene.vote(1, voter, false);
            CHECK(scene.propose(carol, MotionKind::violation) == 4);
        }
    }

    TEST_CASE("only members of the electorate can propose") {
        auto scene = four_cleared();
        scene.run(InvolveHr{ref, alice, HrScope::informing});
        scene.run(MemberLeft{ref, dave});
        for (const auto& who : {erin, stranger, hr1, reported, dave}) {
            CAPTURE(who.value);
            const auto refusal =
                scene.refused(ProposeMotion{ref, who, MotionKind::violation, {}, {}});
            CHECK(refusal.reason == Rejection::Reason::not_allowed);
        }
    }

    TEST_CASE("no motion before the channel exists") {
        Scene scene;
        scene.file();
        scene.clear({alice, bob});
        CHECK(scene.refused(ProposeMotion{ref, alice, MotionKind::violation, {}, {}}).reason ==
              Rejection::Reason::not_allowed);
    }

    TEST_CASE("re-opening is refused while the incident is open") {
        auto scene = four_cleared();
        const auto refusal = scene.refused(ProposeMotion{ref, alice, MotionKind::reopen, {}, {}});
        CHECK(refusal.reason == Rejection::Reason::not_allowed);
        CHECK(scene.incident.motions.empty());
    }
}

TEST_SUITE("decide: ballots") {
    TEST_CASE("a ballot can change until the motion is decided, and each one is recorded") {
        auto scene = four_cleared();
        const int n = scene.propose(bob, MotionKind::violation);
        auto d = scene.vote(n, alice, true);
        CHECK(events_of<BallotCast>(d) == std::vector<BallotCast>{{n, alice, true, t0}});
        d = scene.vote(n, alice, false);
        CHECK(events_of<BallotCast>(d) == std::vector<BallotCast>{{n, alice, false, t0}});
        CHECK(scene.motion(n).ballots.at(alice) == false);
        const auto same = scene.vote(n, alice, false);
        CHECK(same.events.empty());
        CHECK(same.effects.empty());
        CHECK_FALSE(same.reply.empty());
        scene.vote(n, alice, true);
        CHECK(events_of<BallotCast>(scene.history).size() == 3);
    }

    TEST_CASE("the tally message is updated in place after each ballot") {
        auto scene = four_cleared();
        const int n = scene.propose(bob, MotionKind::violation);
        const MessageRef message = scene.incident.motion_messages.at(n);
        auto d = scene.vote(n, alice, true);
        auto updates = all_of<Update>(d);
        REQUIRE(updates.size() == 1);
        CHECK(updates[0].target == message);
        auto tally = std::get<MotionMessage>(updates[0].message).tally;
        CHECK(tally.yes == std::vector<UserId>{alice});
        CHECK(tally.no.empty());
        d = scene.vote(n, carol, false);
        updates = all_of<Update>(d);
        REQUIRE(updates.size() == 1);
        tally = std::get<MotionMessage>(updates[0].message).tally;
        CHECK(tally.yes == std::vector<UserId>{alice});
        CHECK(tally.no == std::vector<UserId>{carol});
        CHECK(tally.result == MotionResult::open);
    }

    TEST_CASE("three of four decide, two against two stays open") {
        auto scene = four_cleared();
        const int split = scene.propose(bob, MotionKind::custom, "Ask for the footage");
        const int clear = scene.propose(bob, MotionKind::violation);
        scene.vote(split, alice, true);
        scene.vote(split, bob, true);
        scene.vote(split, carol, false);
        const auto tie = scene.vote(split, dave, false);
        CHECK(events_of<MotionDecided>(tie).empty());
        CHECK(scene.motion(split).open());

        scene.vote(clear, alice, true);
        scene.vote(clear, bob, false);
        CHECK(scene.motion(clear).open());
        const auto d = scene.vote(clear, carol, true);
        CHECK(events_of<MotionDecided>(d).empty());
        const auto decided = scene.vote(clear, dave, true);
        CHECK(events_of<MotionDecided>(decided) ==
              std::vector<MotionDecided>{{clear, true, 3, 1, 4, t0}});
        CHECK(scene.motion(clear).result == MotionResult::passed);
        CHECK(scene.motion(clear).decided_at == t0);
        const auto notice = decision_notice(decided);
        REQUIRE(notice.has_value());
        CHECK(contains(notice->text, "Motion 2 passed (3 yes, 1 no, of 4)"));
        CHECK(notice->quote == scene.motion(clear).text);
        // The final tally replaces the buttons, and the control message counts one open motion.
        const auto tallies = updated<MotionMessage>(decided);
        REQUIRE(tallies.size() == 1);
        CHECK(tallies[0].tally.result == MotionResult::passed);
        CHECK(updated<ControlPanel>(decided).at(0).open_motions == 1);
        CHECK(scene.incident.open_motions().size() == 1);
    }

    TEST_CASE("a motion is rejected as soon as a majority votes no") {
        auto scene = four_cleared();
        const int n = scene.propose(bob, MotionKind::plan, "Weekly check-ins");
        scene.vote(n, alice, false);
        scene.vote(n, bob, false);
        const auto d = scene.vote(n, carol, false);
        CHECK(events_of<MotionDecided>(d) == std::vector<MotionDecided>{{n, false, 0, 3, 4, t0}});
        REQUIRE(decision_notice(d).has_value());
        CHECK(contains(decision_notice(d)->text, "Motion 1 was rejected (0 yes, 3 no, of 4)"));
    }

    TEST_CASE("once a motion is decided, ballots change nothing") {
        auto scene = four_cleared();
        const int n = scene.propose(bob, MotionKind::violation);
        for (const auto& voter : {alice, bob, carol})
            scene.vote(n, voter, true);
        for (const auto& [voter, yes] : {std::pair{dave, false}, std::pair{alice, false}}) {
            const auto d = scene.vote(n, voter, yes);
            CHECK(d.events.empty());
            CHECK(d.effects.empty());
            CHECK(contains(d.reply, "already decided"));
        }
        CHECK(scene.motion(n).ballots.at(alice) == true);
        CHECK(scene.motion(n).final_tally->yes.size() == 3);
    }

    TEST_CASE("a ballot from outside the electorate is refused") {
        auto scene = four_cleared();
        scene.run(InvolveHr{ref, alice, HrScope::informing});
        const int n = scene.propose(bob, MotionKind::violation);
        for (const auto& outsider : {erin, hr1, stranger, reported}) {
            CAPTURE(outsider.value);
            const auto refusal = scene.refused(CastBallot{ref, n, outsider, true});
            CHECK(refusal.reason == Rejection::Reason::not_allowed);
            CHECK_FALSE(refusal.message.empty());
        }
        CHECK(scene.motion(n).ballots.empty());
        CHECK(scene.refused(CastBallot{ref, 7, alice, true}).reason ==
              Rejection::Reason::not_allowed);
    }
}

TEST_SUITE("decide: recounts") {
    TEST_CASE("a recusal recounts: 2 yes and 1 no of 4 pass when the fourth member recuses") {
        auto scene = four_cleared();
        const int n = scene.propose(bob, MotionKind::violation);
        scene.vote(n, alice, true);
        scene.vote(n, bob, true);
        scene.vote(n, carol, false);
        CHECK(scene.motion(n).open());
        const auto d = scene.run(DeclareConflict{ref, dave, true});
        CHECK(events_of<MotionDecided>(d) == std::vector<MotionDecided>{{n, true, 2, 1, 3, t0}});
        CHECK(all_of<Remove>(d) == std::vector<Remove>{{ref, incident_channel, dave}});
        const auto notice = decision_notice(d);
        REQUIRE(notice.has_value());
        CHECK(contains(notice->text, "Motion 1 passed (2 yes, 1 no, of 3)"));
        CHECK(scene.motion(n).result == MotionResult::passed);
        CHECK(scene.motion(n).final_tally->electorate == 3);
    }

    TEST_CASE("one recusal can decide several motions, each with its own notice") {
        auto scene = four_cleared();
        const int first = scene.propose(bob, MotionKind::violation);
        const int second = scene.propose(bob, MotionKind::custom, "Ask for the footage");
        for (const auto& voter : {alice, bob})
            scene.vote(first, voter, true);
        for (const auto& voter : {alice, bob})
            scene.vote(second, voter, false);
        const auto d = scene.run(DeclareConflict{ref, carol, true});
        CHECK(events_of<MotionDecided>(d) ==
              std::vector<MotionDecided>{{first, true, 2, 0, 3, t0}, {second, false, 0, 2, 3, t0}});
        std::vector<std::string> notices;
        for (const auto& notice : posted<ChannelNotice>(d))
            notices.push_back(to_plain(notice.text));
        CHECK(std::count_if(notices.begin(), notices.end(), [](const std::string& text) {
                  return contains(text, "Motion 1 passed") ||
                         contains(text, "Motion 2 was rejected");
              }) == 2);
        CHECK(updated<MotionMessage>(d).size() == 2);
        CHECK(scene.incident.open_motions().empty());
    }

    TEST_CASE("a recusal that decides nothing updates the open motions' tallies") {
        auto scene = four_cleared();
        const int n = scene.propose(bob, MotionKind::violation);
        scene.vote(n, alice, true);
        scene.vote(n, dave, true);
        const auto d = scene.run(DeclareConflict{ref, dave, true});
        CHECK(events_of<MotionDecided>(d).empty());
        const auto tallies = updated<MotionMessage>(d);
        REQUIRE(tallies.size() == 1);
        CHECK(tallies[0].tally.electorate == 3);
        CHECK(tallies[0].tally.yes == std::vector<UserId>{alice}); // dave's ballot no longer counts
        CHECK(scene.motion(n).ballots.at(dave) == true);           // but it is kept
    }

    TEST_CASE("a member leaving the channel shrinks the electorate, returning restores it") {
        auto scene = four_cleared();
        const int n = scene.propose(bob, MotionKind::violation);
        scene.vote(n, alice, true);
        scene.vote(n, bob, false);

        auto d = scene.run(MemberLeft{ref, dave});
        CHECK(events_of<MemberLeftChannel>(d) == std::vector<MemberLeftChannel>{{dave, t0}});
        CHECK(scene.incident.electorate() == std::vector<UserId>{alice, bob, carol});
        REQUIRE(updated<MotionMessage>(d).size() == 1);
        CHECK(updated<MotionMessage>(d)[0].tally.electorate == 3);
        CHECK(updated<MotionMessage>(d)[0].tally.needed == 2);
        CHECK(scene.refused(CastBallot{ref, n, dave, true}).reason ==
              Rejection::Reason::not_allowed);
        CHECK(scene.run(MemberLeft{ref, dave}).events.empty()); // already away

        d = scene.run(MemberJoined{ref, dave});
        CHECK(events_of<MemberReturned>(d) == std::vector<MemberReturned>{{dave, t0}});
        CHECK(all_of<Remove>(d).empty());
        CHECK(scene.incident.electorate().size() == 4);
        REQUIRE(updated<MotionMessage>(d).size() == 1);
        CHECK(updated<MotionMessage>(d)[0].tally.electorate == 4);
        scene.vote(n, dave, true);
    }

    TEST_CASE("a member leaving can decide a motion") {
        auto scene = four_cleared();
        const int n = scene.propose(bob, MotionKind::violation);
        scene.vote(n, alice, true);
        scene.vote(n, bob, true);
        scene.vote(n, carol, false);
        const auto d = scene.run(MemberLeft{ref, dave});
        CHECK(events_of<MotionDecided>(d) == std::vector<MotionDecided>{{n, true, 2, 1, 3, t0}});
    }

    TEST_CASE("someone who is not cleared leaving the channel changes nothing") {
        auto scene = four_cleared();
        scene.run(InvolveHr{ref, alice, HrScope::informing});
        for (const auto& who : {erin, hr1, stranger}) {
            const auto d = scene.run(MemberLeft{ref, who});
            CHECK(d.events.empty());
            CHECK(d.effects.empty());
        }
    }

    TEST_CASE("a member declaring no conflict later joins the electorate of open motions") {
        auto scene = opened({alice, bob, carol});
        const int n = scene.propose(bob, MotionKind::violation);
        scene.vote(n, alice, true);
        const auto d = scene.run(DeclareConflict{ref, dave, false});
        REQUIRE(updated<MotionMessage>(d).size() == 1);
        CHECK(updated<MotionMessage>(d)[0].tally.electorate == 4);
        CHECK(updated<MotionMessage>(d)[0].tally.needed == 3);
    }
}
