// File: tests/core/text_test.cpp
// cocbot's words as parts: how they join, compare, name people and read in a log.
#include "core/text.hpp"

#include <doctest/doctest.h>

namespace {

using namespace cocbot::core;

const UserId alice{"UALICE"};
const UserId bob{"UBOB"};

} // namespace

TEST_SUITE("core text") {

    TEST_CASE("sentences built in different pieces compare equal") {
        const Text in_one = mention(alice) + " voted yes";
        const Text in_pieces = mention(alice) + " voted" + " " + "yes";
        CHECK(in_one == in_pieces);
        CHECK(in_one.parts().size() == 2);
        CHECK(in_one != mention(bob) + " voted yes");
    }

    TEST_CASE("typed markup stays plain text, never a mention") {
        const Text typed = "ask <@UBOB> & <!here>";
        REQUIRE(typed.parts().size() == 1);
        CHECK(std::holds_alternative<std::string>(typed.parts()[0]));
        CHECK_FALSE(mentions_user(typed, bob));
    }

    TEST_CASE("a sentence names exactly the people mentioned in it") {
        const Text text = mentions({alice, bob}) + " were told in " + channel_ref(ChannelId{"G1"});
        CHECK(mentions_user(text, alice));
        CHECK(mentions_user(text, bob));
        CHECK_FALSE(mentions_user(text, UserId{"UCAROL"}));
        CHECK(mentions({}).empty());
    }

    TEST_CASE("the plain reading names people and channels by id and marks icons") {
        const Text text = icon(Icon::warning) + " " + mentions({alice, bob}) + " pressed " +
                          strong("Done") + " in " + channel_ref(ChannelId{"G1"});
        CHECK(to_plain(text) == "(!) @UALICE, @UBOB pressed Done in #G1");
        CHECK(to_plain(Text{}).empty());
    }

    TEST_CASE("empty plain text adds nothing") {
        Text text = mention(alice);
        text += "";
        CHECK(text == mention(alice));
        CHECK(Text{""}.empty());
    }
}
