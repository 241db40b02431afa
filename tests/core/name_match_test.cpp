// File: tests/core/name_match_test.cpp
// A committee member reported by a typed name, not a Slack id: recognised by the names Slack
// shows for them, conflicted at once and never told, until a cleared member undoes the match.
#include "core/decide.hpp"
#include "tests/core/outcomes.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::sample;

namespace {

const UserId guest{"UGUEST"}; // in the committee channel, not on the roster

Scene named_scene() {
    Scene scene;
    scene.committee.channel_members = {alice, bob, carol, dave, erin};
    scene.committee.names = {
        {bob, {"Bob Martín", "bobm"}}, {carol, {"Carol King"}}, {guest, {"Gina Guest"}}};
    return scene;
}

Report typed_about(std::string name) {
    Report r = report();
    r.reported = {UserId{}, std::move(name)};
    r.source = Source::phone;
    return r;
}

// Whether the prompt went to the committee channel (which holds only the roster, or hears only
// that a report came in).
bool in_committee_channel(const Decision& d) {
    for (const auto& post : all_of<Post>(d))
        if (post.channel == committee_channel && std::holds_alternative<TriagePrompt>(post.message))
            return true;
    return false;
}

} // namespace

TEST_SUITE("decide: a member reported by name") {
    TEST_CASE("a member named as typed is conflicted at once, never asked, and the others are "
              "asked by direct message") {
        auto scene = named_scene();
        const auto d = scene.run(SubmitReport{ref, alice, typed_about("martin, bob"), {}});
        CHECK(scene.incident.name_matched == std::vector<UserId>{bob});
        CHECK_FALSE(scene.incident.asked(bob));
        CHECK(scene.incident.declaration_of(bob) == Declaration::conflict);
        CHECK_FALSE(sent_to(d, bob));
        CHECK_FALSE(in_committee_channel(d));
        CHECK(sent_to(d, carol));
    }

    TEST_CASE("a typed name of someone in the channel but not on the roster keeps the prompt out "
              "of the channel") {
        auto scene = named_scene();
        scene.committee.channel_members.push_back(guest);
        const auto d = scene.run(SubmitReport{ref, alice, typed_about("Gina Guest"), {}});
        CHECK(scene.incident.name_matched.empty()); // not a member: nobody to conflict
        CHECK_FALSE(in_committee_channel(d));
    }

    TEST_CASE("a typed name that matches nobody is asked in the committee channel") {
        auto scene = named_scene();
        const auto d = scene.run(SubmitReport{ref, alice, typed_about("Sam Stranger"), {}});
        CHECK(scene.incident.name_matched.empty());
        CHECK(in_committee_channel(d));
    }

    TEST_CASE("until Slack was asked for the names, a typed name keeps the prompt out of the "
              "channel") {
        auto scene = named_scene();
        scene.committee.names_known = false;
        CHECK_FALSE(in_committee_channel(
            scene.run(SubmitReport{ref, alice, typed_about("Sam Stranger"), {}})));
    }

    TEST_CASE("the channel is told the match was on the name, and offers to undo it") {
        auto scene = named_scene();
        scene.run(SubmitReport{ref, alice, typed_about("Bob Martin"), {}});
        scene.clear({alice, carol});
        const auto d = scene.open_channel();
        bool told = false, offered = false;
        for (const auto& post : all_of<Post>(d)) {
            if (const auto* n = std::get_if<ChannelNotice>(&post.message))
                told =
                    told || (mentions_user(n->text, bob) &&
                             to_plain(n->text).find("Not a committee member") != std::string::npos);
            if (const auto* p = std::get_if<ControlPanel>(&post.message))
                offered = p->name_matched;
        }
        CHECK(told);
        CHECK(offered);
    }

    TEST_CASE("Not a committee member asks the matched member by direct message, once") {
        auto scene = named_scene();
        scene.run(SubmitReport{ref, alice, typed_about("Bob Martin"), {}});
        scene.clear({alice, carol});
        scene.open_channel();
        CHECK(scene.refused(UndoNameMatch{ref, dave}).reason == Rejection::Reason::not_allowed);
        const auto d = scene.run(UndoNameMatch{ref, carol});
        CHECK(sent_to(d, bob));
        CHECK(scene.incident.asked(bob));
        CHECK_FALSE(scene.incident.declaration_of(bob).has_value());
        CHECK(events_of<NameMatchUndone>(d).size() == 1);
        CHECK(scene.refused(UndoNameMatch{ref, alice}).reason == Rejection::Reason::not_allowed);
        // Bob can now answer like anyone asked.
        scene.run(DeclareConflict{ref, bob, false});
        CHECK(scene.incident.is_cleared(bob));
    }
}

TEST_SUITE("decide: a member who reports their own harm") {
    TEST_CASE("a member filing in Slack in their own name is the reporter: not asked, not let in") {
        Scene scene;
        Report own = report();
        own.source = Source::slack;
        const auto d = scene.run(SubmitReport{ref, carol, own, {}});
        CHECK_FALSE(scene.incident.asked(carol));
        CHECK(std::get<TriagePrompt>(all_of<Post>(d).at(0).message).committee_size == 4);
        CHECK(scene.refused(DeclareConflict{ref, carol, false}).reason ==
              Rejection::Reason::not_on_committee);
        scene.open_channel();
        CHECK(all_of<Remove>(scene.run(MemberJoined{ref, carol})).size() == 1);
    }

    TEST_CASE("a member taking a report by phone, or an anonymous one, is asked like the others") {
        Scene phone;
        phone.run(SubmitReport{ref, carol, typed_about("Sam Stranger"), {}});
        CHECK(phone.incident.asked(carol));
        Scene anonymous;
        Report hidden = report();
        hidden.source = Source::slack;
        hidden.flags.anonymous = true;
        hidden.reporter_name.clear();
        hidden.reporter_contact.clear();
        anonymous.run(SubmitReport{ref, carol, hidden, {}});
        CHECK(anonymous.incident.asked(carol)); // leaving them out would name them
    }
}
