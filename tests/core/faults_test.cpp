// File: tests/core/faults_test.cpp
// Steps the shell gave up on (StepFailed): a channel that could not be made is told privately to
// the members who may be cleared; an invite that failed is told in the incident channel.
#include "core/decide.hpp"
#include "tests/core/outcomes.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;

namespace {

using namespace sample;

StepFailed channel_failed(std::string error = "name_taken") {
    return StepFailed{ref, FailedStep::create_channel, {}, std::move(error)};
}

StepFailed invite_failed(UserId user, std::string error = "user_is_restricted") {
    return StepFailed{ref, FailedStep::invite, std::move(user), std::move(error)};
}

// The users told by a private Notice, in order.
std::vector<UserId> noticed(const Decision& decision) {
    std::vector<UserId> users;
    for (const auto& post : direct_messages(decision))
        if (std::holds_alternative<Notice>(post.message))
            users.push_back(post.to_user);
    return users;
}

} // namespace

TEST_SUITE("decide: a channel that cannot be made") {
    TEST_CASE("each asked member without a conflict is told privately, the undecided included") {
        Scene scene;
        scene.file();
        scene.conflict({bob});
        scene.clear({carol});

        const auto d = scene.run(channel_failed());

        CHECK(noticed(d) == std::vector<UserId>{alice, carol, dave, erin});
        CHECK(direct_messages(d).size() == all_of<Post>(d).size()); // nothing in any channel
        CHECK(d.events.empty());
    }

    TEST_CASE("the notice names the report and the error, and nothing that was reported") {
        Scene scene;
        scene.file();

        const auto d = scene.run(channel_failed("restricted_action"));

        const auto notices = posted<Notice>(d);
        REQUIRE_FALSE(notices.empty());
        for (const auto& notice : notices) {
            CHECK(mentions_text(notice.text, ref.value));
            CHECK(mentions_text(notice.text, "restricted_action"));
            for (const auto& secret : secrets_of(scene.incident))
                CHECK_FALSE(mentions_text(notice.text, secret));
            CHECK_FALSE(mentions_text(notice.text, reported.value)); // nor about whom
        }
    }

    TEST_CASE("a reported member is never told, nor anyone who declared a conflict") {
        Scene scene;
        auto about_dave = sample::report();
        about_dave.reported.user = dave;
        scene.file(about_dave);
        scene.conflict({alice, erin});

        const auto d = scene.run(channel_failed());

        CHECK(noticed(d) == std::vector<UserId>{bob, carol});
    }

    TEST_CASE("when every asked member declared a conflict, nobody is told") {
        Scene scene;
        scene.file();
        scene.conflict({alice, bob, carol, dave, erin});

        const auto d = scene.run(channel_failed());

        CHECK(d.effects.empty());
    }
}

TEST_SUITE("decide: an invite that failed") {
    TEST_CASE("the incident channel is told whom to invite by hand, and why") {
        Scene scene = opened({alice, bob});

        const auto d = scene.run(invite_failed(carol));

        const auto posts = all_of<Post>(d);
        REQUIRE(posts.size() == 1);
        CHECK(posts[0].channel == incident_channel);
        CHECK(posts[0].to_user.empty());
        const auto& notice = std::get<ChannelNotice>(posts[0].message);
        CHECK(notice.mention == scene.incident.to_alert());
        CHECK(mentions_user(notice.text, carol));
        CHECK(mentions_text(notice.text, "user_is_restricted"));
        CHECK(direct_messages(d).empty());
        CHECK(d.events.empty());
    }

    TEST_CASE("the owners, once named, are the ones alerted") {
        Scene scene = opened({alice, bob, carol});
        scene.run(NameOwner{ref, alice, OwnerRole::primary, bob});
        scene.run(NameOwner{ref, alice, OwnerRole::secondary, carol});

        const auto d = scene.run(invite_failed(dave, "cant_invite"));

        const auto notices = posted<ChannelNotice>(d);
        REQUIRE(notices.size() == 1);
        CHECK(notices[0].mention == std::vector<UserId>{bob, carol});
    }

    TEST_CASE("before the incident's channel exists, an invite failure is refused") {
        Scene scene;
        scene.file();

        const auto r = scene.refused(invite_failed(carol));

        CHECK(r.reason == Rejection::Reason::not_allowed);
    }
}

TEST_SUITE("decide: a failed step of an unknown incident") {
    TEST_CASE("is refused, whichever step it was") {
        Scene scene; // nothing filed

        CHECK(scene.refused(channel_failed()).reason == Rejection::Reason::unknown_incident);
        CHECK(scene.refused(invite_failed(carol)).reason == Rejection::Reason::unknown_incident);
    }
}
