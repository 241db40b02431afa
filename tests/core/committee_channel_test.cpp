// File: tests/core/committee_channel_test.cpp
// The committee channel fails closed: until cocbot knows who sits there, and whenever the
// reported person does, nothing about a new report is posted in it; each member is told privately.
#include "core/decide.hpp"
#include "tests/core/outcomes.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;

namespace {

using namespace sample;

const std::vector<UserId> everyone{alice, bob, carol, dave, erin};

Report dangerous_report() {
    auto r = sample::report();
    r.flags.immediate_danger = true;
    return r;
}

// The users that posts of message type T went to by direct message, in order.
template <typename T>
std::vector<UserId> messaged(const Decision& decision) {
    std::vector<UserId> users;
    for (const auto& post : direct_messages(decision))
        if (std::holds_alternative<T>(post.message))
            users.push_back(post.to_user);
    return users;
}

// The posts of message type T made in a channel rather than to a user.
template <typename T>
std::vector<Post> in_channels(const Decision& decision) {
    std::vector<Post> posts;
    for (const auto& post : all_of<Post>(decision))
        if (post.to_user.empty() && std::holds_alternative<T>(post.message))
            posts.push_back(post);
    return posts;
}

} // namespace

TEST_SUITE("decide: the committee channel fails closed") {
    TEST_CASE("while the channel's members are unknown, anyone may be sitting there") {
        Committee c = sample::committee();
        c.channel_members_known = false;

        CHECK_FALSE(c.may_post_in_channel_about(stranger));
        CHECK_FALSE(c.may_post_in_channel_about(reported));
        CHECK_FALSE(c.may_post_in_channel_about(UserId{})); // a report about someone unnamed
    }

    TEST_CASE("once the channel's members are known, only those outside the committee may be "
              "posted about") {
        Committee c = sample::committee();
        c.channel_members = {alice, bob};
        c.channel_members_known = true;

        CHECK(c.may_post_in_channel_about(stranger));
        CHECK(c.may_post_in_channel_about(UserId{}));
        CHECK_FALSE(c.may_post_in_channel_about(carol)); // a member, not in the channel
    }

    TEST_CASE("while the channel holds anyone off the roster, nothing about a report is posted "
              "there") {
        Committee c = sample::committee();
        c.channel_members = {alice, bob, UserId{"UGUEST"}};
        c.channel_members_known = true;

        CHECK(c.strangers() == std::vector<UserId>{UserId{"UGUEST"}});
        CHECK_FALSE(c.may_post_in_channel_about(stranger));
        CHECK_FALSE(c.may_post_in_channel_about(UserId{}));
    }

    TEST_CASE("while membership is unknown, a new report's triage prompt goes to each member "
              "privately") {
        Scene scene;
        scene.committee.channel_members_known = false;

        const auto d = scene.file();

        CHECK(in_channels<TriagePrompt>(d).empty());
        CHECK(messaged<TriagePrompt>(d) == everyone);
        for (const auto& post : direct_messages(d))
            CHECK(post.to_user != reported);
        // The channel is still made, and the reported person, who is no member, is not conflicted.
        CHECK(all_of<CreatePrivateChannel>(d).size() == 1);
        CHECK(events_of<ConflictDeclared>(d).empty());
    }

    TEST_CASE("while membership is unknown, a danger alert goes to each member privately too") {
        Scene scene;
        scene.committee.channel_members_known = false;

        const auto d = scene.file(dangerous_report());

        CHECK(in_channels<DangerAlert>(d).empty());
        CHECK(messaged<DangerAlert>(d) == everyone);
        CHECK(messaged<TriagePrompt>(d) == everyone);
        for (const auto& alert : posted<DangerAlert>(d))
            CHECK(alert.safety == scene.committee.safety);
    }

    TEST_CASE("once membership is known without the reported person, the prompt and alert go to "
              "the channel") {
        Scene scene;
        scene.committee.channel_members = {alice, bob};
        scene.committee.channel_members_known = true;

        const auto d = scene.file(dangerous_report());

        CHECK(direct_messages(d).empty());
        const auto prompts = in_channels<TriagePrompt>(d);
        REQUIRE(prompts.size() == 1);
        CHECK(prompts[0].channel == committee_channel);
        CHECK(prompts[0].remember); // so that its count can be updated as members answer
        const auto alerts = in_channels<DangerAlert>(d);
        REQUIRE(alerts.size() == 1);
        CHECK(alerts[0].channel == committee_channel);
    }

    TEST_CASE("the reported person sitting in the committee channel sends everything by direct "
              "message") {
        Scene scene;
        scene.committee.channel_members = {alice, reported};
        scene.committee.channel_members_known = true;

        const auto d = scene.file(dangerous_report());

        CHECK(in_channels<TriagePrompt>(d).empty());
        CHECK(in_channels<DangerAlert>(d).empty());
        CHECK(messaged<TriagePrompt>(d) == everyone);
        CHECK(messaged<DangerAlert>(d) == everyone);
        for (const auto& post : direct_messages(d))
            CHECK(post.to_user != reported);
    }

    TEST_CASE("an escrowed report tells nobody, whatever is known of the channel") {
        Scene scene;
        scene.committee.channel_members_known = false;
        auto r = sample::report();
        r.flags.escrow = true;

        const auto d = scene.file(r);

        CHECK(d.effects.empty());
    }
}
