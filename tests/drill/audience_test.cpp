// File: tests/drill/audience_test.cpp
// Who saw what: a channel post reaches the channel's members as cocbot's invites and kicks
// made them at the time; a direct message, an ephemeral, a form and an App Home reach one person.
#include "drill/audience.hpp"
#include "drill/cast.hpp"

#include <doctest/doctest.h>

using namespace cocbot::drill;
using nlohmann::json;

namespace {

// A call Slack answered `answer` (ok, unless told otherwise).
cocbot::sim::RecordedCall call(std::string method, json args, json answer = {{"ok", true}}) {
    return {std::move(method), "POST", std::move(args), "Bearer xoxb", {}, std::move(answer)};
}

Audience fresh() {
    return Audience{{{"C0COMMITTEE", {cast::bot, cast::alice, cast::erin}}},
                    [](std::string_view) { return std::optional<std::string>{"somewhere"}; }};
}

} // namespace

TEST_SUITE("drill: who saw what") {
    TEST_CASE("a channel post is seen by the members the invites and kicks left in it then") {
        auto audience = fresh();
        audience.sighting(call("conversations.create", {{"name", "coc-2026-001"}},
                               {{"ok", true}, {"channel", {{"id", "C1"}}}}));
        CHECK(audience
                  .sighting(
                      call("conversations.invite", {{"channel", "C1"}, {"users", "UALICE,UBOB"}}))
                  ->note == "Alice and Bob are added");
        const auto first =
            audience.sighting(call("chat.postMessage", {{"channel", "C1"}, {"text", "x"}}));
        CHECK(first->audience == std::set<std::string>{cast::bot, cast::alice, cast::bob});
        audience.sighting(call("conversations.kick", {{"channel", "C1"}, {"user", "UBOB"}}));
        const auto second =
            audience.sighting(call("chat.update", {{"channel", "C1"}, {"text", "y"}}));
        CHECK(second->audience == std::set<std::string>{cast::bot, cast::alice});
        CHECK(second->note == "(updated)");
    }

    TEST_CASE("a post in a channel cocbot just made is seen by nobody but cocbot") {
        auto audience = fresh();
        audience.sighting(call("conversations.create", {{"name", "coc-2026-001"}},
                               {{"ok", true}, {"channel", {{"id", "C2"}}}}));
        const auto seen =
            audience.sighting(call("chat.postMessage", {{"channel", "C2"}, {"text", "x"}}));
        CHECK(seen->audience == std::set<std::string>{cast::bot});
    }

    TEST_CASE("a post in a channel cocbot did not make and was not told of is seen by anyone") {
        auto audience = fresh();
        const auto seen =
            audience.sighting(call("chat.postMessage", {{"channel", "C0GENERAL"}, {"text", "x"}}));
        CHECK(seen->audience.contains(cast::anyone));
    }

    TEST_CASE("what Slack refused changes nobody's access") {
        auto audience = fresh();
        audience.sighting(call("conversations.create", {{"name", "coc-2026-001"}},
                               {{"ok", true}, {"channel", {{"id", "C1"}}}}));
        audience.sighting(call("conversations.invite", {{"channel", "C1"}, {"users", "UALICE"}}));
        CHECK_FALSE(
            audience
                .sighting(call("conversations.kick", {{"channel", "C1"}, {"user", "UALICE"}},
                               {{"ok", false}, {"error", "cant_kick_self"}}))
                .has_value());
        CHECK(audience.sighting(call("chat.postMessage", {{"channel", "C1"}, {"text", "x"}}))
                  ->audience.contains(cast::alice));
    }

    TEST_CASE("whoever was ever in a channel can read what was posted there before") {
        auto audience = fresh();
        audience.sighting(call("conversations.invite", {{"channel", "C1"}, {"users", "UALICE"}}));
        audience.sighting(call("conversations.invite", {{"channel", "C1"}, {"users", "UERIN"}}));
        audience.sighting(call("conversations.kick", {{"channel", "C1"}, {"user", "UERIN"}}));
        CHECK(audience.ever_in("C1").contains(cast::erin));
        CHECK(audience.ever_in("C0COMMITTEE").contains(cast::alice));
        CHECK(audience.ever_in("C9").empty());
    }

    TEST_CASE("the committee channel's posts reach everyone in it") {
        auto audience = fresh();
        const auto seen = audience.sighting(
            call("chat.postMessage", {{"channel", "C0COMMITTEE"}, {"text", "x"}}));
        CHECK(seen->audience == std::set<std::string>{cast::bot, cast::alice, cast::erin});
    }

    TEST_CASE("a direct message, an ephemeral, a form and an App Home each reach one person") {
        auto audience = fresh();
        CHECK(audience.sighting(call("chat.postMessage", {{"channel", "UDAVE"}, {"text", "x"}}))
                  ->audience == std::set<std::string>{cast::dave, cast::bot});
        CHECK(audience.sighting(call("chat.postMessage", {{"channel", "DUDAVE"}, {"text", "x"}}))
                  ->audience == std::set<std::string>{cast::dave, cast::bot});
        CHECK(audience
                  .sighting(call("chat.postEphemeral",
                                 {{"channel", "C0COMMITTEE"}, {"user", "UERIN"}, {"text", "x"}}))
                  ->audience == std::set<std::string>{cast::erin});
        const auto form = audience.sighting(
            call("views.open", {{"trigger_id", trigger_for(cast::bob, 4)}, {"view", {{"a", 1}}}}));
        CHECK(form->audience == std::set<std::string>{cast::bob});
        CHECK(form->content == json{{"a", 1}});
        CHECK(
            audience
                .sighting(call("views.publish", {{"user_id", "UFRANK"}, {"view", json::object()}}))
                ->audience == std::set<std::string>{cast::frank});
    }

    TEST_CASE("reads and sign-in show nobody anything") {
        auto audience = fresh();
        CHECK_FALSE(audience.sighting(call("users.info", {{"user", "UALICE"}})).has_value());
        CHECK_FALSE(
            audience.sighting(call("conversations.members", {{"channel", "C1"}})).has_value());
        CHECK_FALSE(audience.sighting(call("auth.test", json::object())).has_value());
    }

    TEST_CASE("a trigger the drill made names whose it is") {
        CHECK(user_of_trigger(trigger_for(cast::alice, 12)) == cast::alice);
        CHECK(user_of_trigger("trigger-3").empty());
        CHECK(user_of_trigger("").empty());
    }
}
