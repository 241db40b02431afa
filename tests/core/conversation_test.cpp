// File: tests/core/conversation_test.cpp
// The conversation with the reported person: who talked, what the record holds, what follows.
#include "core/decide.hpp"
#include "core/timeline.hpp"
#include "tests/core/closing.hpp"
#include "tests/core/outcomes.hpp"
#include "tests/support/text.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::sample;
using namespace std::chrono_literals;

using cocbot::testing::contains;

TEST_SUITE("decide: the conversation with the reported person") {
    TEST_CASE("the record is posted in the incident channel only") {
        auto scene = owned();
        const auto d = scene.run(RecordConversation{ref, dave, conversation()});
        CHECK(events_of<ConversationRecorded>(d) ==
              std::vector<ConversationRecorded>{{conversation(), dave, t0}});
        const auto posts = all_of<Post>(d);
        REQUIRE(posts.size() == 1);
        CHECK(posts[0].channel == incident_channel);
        CHECK(posts[0].to_user.empty());
        const auto& notice = std::get<ChannelNotice>(posts[0].message);
        CHECK(mentions_user(notice.text, bob));
        CHECK(mentions_user(notice.text, carol));
        for (const auto& part :
             {conversation().behaviour, conversation().context, conversation().impact,
              conversation().call_in, conversation().plan})
            CHECK(contains(notice.quote, part));
        CHECK(scene.incident.conversations.size() == 1);
    }

    TEST_CASE("exactly two different cleared members talked") {
        auto scene = owned();
        const std::vector<std::vector<UserId>> wrong{
            {}, {bob}, {bob, bob}, {bob, carol, dave}, {bob, erin}, {bob, stranger}, {bob, hr1}};
        for (const auto& talkers : wrong) {
            auto c = conversation();
            c.talkers = talkers;
            CHECK(field_of(scene.refused(RecordConversation{ref, bob, c})) == "talkers");
        }
        CHECK(scene.incident.conversations.empty());
    }

    TEST_CASE("behaviour, impact and plan are required, context and call-in are not") {
        auto scene = owned();
        for (auto field : {&Conversation::behaviour, &Conversation::impact, &Conversation::plan}) {
            auto c = conversation();
            c.*field = "  ";
            const auto refusal = scene.refused(RecordConversation{ref, bob, c});
            CHECK(refusal.reason == Rejection::Reason::invalid_report);
            CHECK_FALSE(refusal.fields.empty());
        }
        auto c = conversation();
        c.behaviour.clear();
        CHECK(field_of(scene.refused(RecordConversation{ref, bob, c})) == "behaviour");
        c = conversation();
        c.impact.clear();
        CHECK(field_of(scene.refused(RecordConversation{ref, bob, c})) == "impact");
        c = conversation();
        c.plan.clear();
        CHECK(field_of(scene.refused(RecordConversation{ref, bob, c})) == "plan");
        c = conversation();
        c.context.clear();
        c.call_in.clear();
        scene.run(RecordConversation{ref, bob, c});
    }

    TEST_CASE("every part of the record is at most 3000 characters") {
        auto scene = owned();
        const std::pair<const char*, std::string Conversation::*> fields[] = {
            {"behaviour", &Conversation::behaviour},
            {"context", &Conversation::context},
            {"impact", &Conversation::impact},
            {"call_in", &Conversation::call_in},
            {"plan", &Conversation::plan}};
        for (const auto& [name, field] : fields) {
            auto c = conversation();
            c.*field = std::string(3001, 'x');
            CHECK(field_of(scene.refused(RecordConversation{ref, bob, c})) == name);
        }
    }

    TEST_CASE("only the cleared record a conversation") {
        auto scene = owned();
        for (const auto& who : {erin, stranger})
            CHECK(scene.refused(RecordConversation{ref, who, conversation()}).reason ==
                  Rejection::Reason::not_allowed);
    }

    TEST_CASE("a plan that was not accepted prompts the owners to re-evaluate with new motions") {
        auto scene = owned();
        auto c = conversation();
        c.accepted = false;
        const auto d = scene.run(RecordConversation{ref, bob, c});
        const auto notices = posted<ChannelNotice>(d);
        REQUIRE(notices.size() == 2);
        CHECK(notices[1].mention == std::vector<UserId>{bob});
        CHECK(contains(notices[1].text, "re-evaluate"));
        CHECK(contains(notices[1].text, "motions"));
    }

    TEST_CASE("an apology to relay prompts the owners") {
        auto scene = owned();
        scene.run(NameOwner{ref, bob, OwnerRole::secondary, carol});
        auto c = conversation();
        c.apology = Apology::relayed;
        const auto d = scene.run(RecordConversation{ref, bob, c});
        const auto notices = posted<ChannelNotice>(d);
        REQUIRE(notices.size() == 2);
        CHECK(notices[1].mention == std::vector<UserId>{bob, carol});
        CHECK(contains(notices[1].text, "Relay the apology"));
        c.apology = Apology::not_relayed;
        CHECK(posted<ChannelNotice>(scene.run(RecordConversation{ref, bob, c})).size() == 1);
    }
}
