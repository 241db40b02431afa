// File: tests/core/roster_test.cpp
// The roster is live: a member who leaves it loses every incident before anything is said, one
// who joins is asked about the open ones, and a committee channel that holds anyone else hears
// only that a report came in.
#include "core/decide.hpp"
#include "tests/core/hr_scene.hpp"
#include "tests/core/outcomes.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::sample;

namespace {

const UserId newcomer{"UNEW"};
const UserId guest{"UGUEST"}; // in the committee channel, not on the roster

// The shell changes the roster, then tells the incident.
Decision leave_roster(Scene& scene, const UserId& member) {
    std::erase(scene.committee.members, member);
    return scene.run(RosterMemberRemoved{scene.incident.id, member});
}

Decision join_roster(Scene& scene, const UserId& member) {
    scene.committee.members.push_back(member);
    scene.committee.names[member] = {"Nell Newcomer"};
    return scene.run(RosterMemberAdded{scene.incident.id, member});
}

// The index of the first effect that shows anyone anything (a post or an update).
std::size_t first_message(const Decision& d) {
    for (std::size_t i = 0; i < d.effects.size(); ++i)
        if (std::holds_alternative<Post>(d.effects[i]) ||
            std::holds_alternative<Update>(d.effects[i]))
            return i;
    return d.effects.size();
}

std::vector<std::size_t> removals_of(const Decision& d, const UserId& user) {
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < d.effects.size(); ++i)
        if (const auto* remove = std::get_if<Remove>(&d.effects[i]); remove && remove->user == user)
            found.push_back(i);
    return found;
}

} // namespace

TEST_SUITE("decide: a member who leaves the roster") {
    TEST_CASE("is removed from the incident's and HR's channels before anything is said") {
        auto scene = with_hr(HrScope::informing);
        const auto d = leave_roster(scene, bob);
        const auto removals = removals_of(d, bob);
        REQUIRE(removals.size() == 2);
        CHECK(std::get<Remove>(d.effects[removals[0]]).channel == incident_channel);
        CHECK(std::get<Remove>(d.effects[removals[1]]).channel == hr_channel);
        CHECK(removals[1] < first_message(d));
        CHECK_FALSE(scene.incident.asked(bob));
        CHECK_FALSE(scene.incident.is_cleared(bob));
        CHECK_FALSE(scene.incident.may_be_present(bob));
    }

    TEST_CASE("stops counting, and the open motions are recounted at once") {
        auto scene = opened({alice, bob, carol, dave});
        const int motion = scene.propose(alice, MotionKind::violation);
        scene.vote(motion, alice, true);
        scene.vote(motion, bob, true); // 2 of 4: open
        CHECK(scene.motion(motion).open());
        const auto d = leave_roster(scene, dave); // 2 of 3: a majority
        CHECK(scene.motion(motion).result == MotionResult::passed);
        CHECK(events_of<MotionDecided>(d).at(0).electorate == 3);
    }

    TEST_CASE("has every direct message about the incident withdrawn, saying it no longer "
              "applies") {
        Scene scene;
        scene.committee.channel_members_known = false; // the prompts go by direct message
        scene.file();
        REQUIRE(scene.incident.direct_messages.size() == 5);
        const auto d = leave_roster(scene, carol);
        const auto withdrawn = updated<Notice>(d);
        REQUIRE(withdrawn.size() == 1);
        CHECK(contains(withdrawn[0].text, "no longer applies"));
        REQUIRE(all_of<Update>(d).size() >= 1);
        CHECK(all_of<Update>(d)[0].target.channel == ChannelId{"DUCAROL"});
        CHECK_FALSE(scene.incident.involves(carol));
    }

    TEST_CASE("has a direct message still on its way withdrawn as soon as it lands") {
        Scene scene;
        scene.committee.channel_members_known = false;
        scene.file();
        std::erase(scene.committee.members, carol);
        const MessageRef landed{ChannelId{"DUCAROL"}, "1000.9"};
        const auto d =
            scene.run(RecordMessagePosted{ref, landed, MessageKind::triage_prompt, 0, carol});
        CHECK(d.events.empty());
        const auto updates = all_of<Update>(d);
        REQUIRE(updates.size() == 1);
        CHECK(updates[0].target == landed);
        CHECK(contains(std::get<Notice>(updates[0].message).text, "no longer applies"));
    }

    TEST_CASE("no longer owns the incident, and the channel is told to name a new owner") {
        auto scene = opened({alice, bob});
        scene.run(NameOwner{ref, alice, OwnerRole::primary, bob});
        const auto d = leave_roster(scene, bob);
        CHECK(scene.incident.primary_owner.empty());
        CHECK(scene.incident.responsible() == alice);
        const auto notices = posted<ChannelNotice>(d);
        REQUIRE(notices.size() == 1);
        CHECK(contains(notices[0].text, "name a new owner"));
    }

    TEST_CASE("is not let back in by a re-opened incident's new channel") {
        auto scene = opened({alice, bob, carol});
        scene.run(ResolveIncident{ref, alice, "Resolved with a warning.", "Other",
                                  ResolutionOutcome::warning});
        leave_roster(scene, carol);
        scene.propose(alice, MotionKind::reopen); // voted on in a new channel
        const auto d = scene.open_channel(ChannelId{"GNEW"});
        CHECK(all_of<Invite>(d).size() == 2);
        for (const auto& invite : all_of<Invite>(d))
            CHECK(invite.user != carol);
    }

    TEST_CASE("changes nothing in an incident they had no part in") {
        Scene scene;
        scene.file();
        scene.committee.members.push_back(newcomer);
        const auto d = leave_roster(scene, newcomer);
        CHECK(d.events.empty());
        CHECK(d.effects.empty());
    }
}

TEST_SUITE("decide: a member who joins the roster") {
    TEST_CASE("is asked the conflict question by direct message for an open incident") {
        auto scene = opened({alice, bob});
        const auto d = join_roster(scene, newcomer);
        CHECK(scene.incident.asked(newcomer));
        const auto prompts = direct_messages(d);
        REQUIRE(prompts.size() == 1);
        CHECK(prompts[0].to_user == newcomer);
        CHECK(std::holds_alternative<TriagePrompt>(prompts[0].message));
        CHECK(prompts[0].remember);
        CHECK(scene.incident.declaration_of(newcomer) == std::nullopt);
    }

    TEST_CASE("is never asked when they are the reported person") {
        auto scene = opened({alice, bob});
        const auto d = join_roster(scene, reported);
        CHECK_FALSE(sent_to(d, reported));
        CHECK(scene.incident.declaration_of(reported) == Declaration::conflict);
    }

    TEST_CASE("is never asked when the typed name may be theirs") {
        Report typed = report();
        typed.reported = {UserId{}, "Nell Newcomer"};
        auto scene = opened({alice, bob}, {}, typed);
        CHECK_FALSE(sent_to(join_roster(scene, newcomer), newcomer));
        CHECK(scene.incident.declaration_of(newcomer) == Declaration::conflict);

        // Nor when Slack's names for them are not known yet: they may be anyone.
        auto unknown = opened({alice, bob}, {}, typed);
        const UserId later{"ULATER"};
        unknown.committee.members.push_back(later); // no names known for them
        CHECK_FALSE(sent_to(unknown.run(RosterMemberAdded{ref, later}), later));
    }

    TEST_CASE("is not asked about a resolved or escrowed incident") {
        auto resolved = opened({alice, bob});
        resolved.run(ResolveIncident{ref, alice, "Resolved.", "Other", ResolutionOutcome::warning});
        CHECK(join_roster(resolved, newcomer).events.empty());

        Scene escrowed;
        auto kept = report();
        kept.flags.escrow = true;
        escrowed.file(kept);
        CHECK(join_roster(escrowed, newcomer).events.empty());
    }
}

TEST_SUITE("decide: a committee channel that holds people off the roster") {
    TEST_CASE("hears only that a report came in, and each member is asked privately") {
        Scene scene;
        scene.committee.channel_members = {alice, bob, guest};
        const auto d = scene.file();
        std::vector<Post> in_channel;
        for (const auto& post : all_of<Post>(d))
            if (post.channel == committee_channel)
                in_channel.push_back(post);
        REQUIRE(in_channel.size() == 1);
        const auto& notice = std::get<Notice>(in_channel[0].message);
        CHECK(contains(notice.text, "A report came in; each member has a direct message."));
        CHECK(mentions_user(notice.text, guest));
        CHECK(direct_messages(d).size() == scene.committee.members.size());
        CHECK(std::get<ReportFiled>(d.events.at(0)).strangers_named == std::vector<UserId>{guest});
    }

    TEST_CASE("hears nothing while the one the report may be about sits with the committee") {
        for (const auto& reported_person :
             {ReportedPerson{bob, ""}, ReportedPerson{UserId{}, "Bob Martin"}}) {
            Scene scene;
            scene.committee.channel_members = {alice, bob, guest};
            scene.committee.names = {{bob, {"Bob Martin"}}};
            auto r = report();
            r.reported = reported_person;
            const auto d = scene.file(r);
            for (const auto& post : all_of<Post>(d))
                CHECK(post.channel != committee_channel);
            CHECK_FALSE(sent_to(d, bob));
        }
    }

    TEST_CASE("names each of them once") {
        Scene scene;
        scene.committee.channel_members = {alice, guest};
        scene.committee.strangers_named = {guest}; // an earlier report named them
        const auto d = scene.file();
        const auto notices = posted<Notice>(d);
        REQUIRE(notices.size() == 1);
        CHECK_FALSE(mentions_user(notices[0].text, guest));
        CHECK(std::get<ReportFiled>(d.events.at(0)).strangers_named.empty());
    }
}
