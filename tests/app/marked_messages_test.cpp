// File: tests/app/marked_messages_test.cpp
// A retried post first looks for its key in the channel's history: each page of
// conversations.history is read for marked messages and the next cursor, and a page that is
// not shaped as Slack documents it is refused, so that the caller never posts blind.
#include "bot/app/marked_messages.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace {

using namespace cocbot;
using app::MarkedMessages;
using app::read_history_page;
using nlohmann::json;

// A message as conversations.history lists it with include_all_metadata, posted by cocbot with
// marked_post_args under `key`.
json marked(const std::string& key, const std::string& ts) {
    const auto args = app::marked_post_args("G0INCIDENT", core::Notice{"Hello"}, key);
    return {{"type", "message"},           {"user", "U0BOT"},          {"bot_id", "B0BOT"},
            {"text", args["text"]},        {"blocks", args["blocks"]}, {"ts", ts},
            {"metadata", args["metadata"]}};
}

// A message someone typed: no metadata.
json typed(const std::string& ts) {
    return {{"type", "message"}, {"user", "U0MEMBER1"}, {"text", "Morning all"}, {"ts", ts}};
}

json page(json messages, const std::string& next_cursor) {
    return {{"ok", true},
            {"messages", std::move(messages)},
            {"has_more", !next_cursor.empty()},
            {"pin_count", 0},
            {"response_metadata", {{"next_cursor", next_cursor}}}};
}

} // namespace

TEST_SUITE("app marked messages") {

    TEST_CASE("an effect's key is its outbox id, with the index for each of several messages") {
        CHECK(app::effect_key(42) == "42");
        CHECK(app::effect_key(42, 0) == "42-0");
        CHECK(app::effect_key(42, 3) == "42-3");
        CHECK(app::effect_key(42, 1) != app::effect_key(421));
    }

    TEST_CASE("a post is marked with its key in Slack's message metadata") {
        const auto args = app::marked_post_args("G0INCIDENT", core::Notice{"Hello"}, "42-1");

        CHECK(args["channel"] == "G0INCIDENT");
        CHECK(args["metadata"]["event_type"] == "cocbot_effect");
        CHECK(args["metadata"]["event_payload"]["effect_id"] == "42-1");
    }

    TEST_CASE("marked messages on a page are found by key, and others are passed over") {
        MarkedMessages found;
        const auto next =
            read_history_page(page({marked("42", "1712345678.000300"), typed("1712345678.000200"),
                                    marked("41-0", "1712345678.000100")},
                                   ""),
                              found);

        REQUIRE(next.has_value());
        CHECK(*next == ""); // the last page
        CHECK(found == MarkedMessages{{"42", "1712345678.000300"}, {"41-0", "1712345678.000100"}});
    }

    TEST_CASE("the next page's cursor is returned, and pages add to what was found") {
        MarkedMessages found;
        const auto first =
            read_history_page(page({marked("42", "1712345678.000300")}, "bmV4dF90czoxNzEy"), found);
        REQUIRE(first.has_value());
        CHECK(*first == "bmV4dF90czoxNzEy");

        const auto second = read_history_page(page({marked("7", "1712345000.000100")}, ""), found);
        REQUIRE(second.has_value());
        CHECK(second->empty());
        CHECK(found == MarkedMessages{{"42", "1712345678.000300"}, {"7", "1712345000.000100"}});
    }

    TEST_CASE("a page without response_metadata is the last one") {
        MarkedMessages found;
        json last = page({marked("42", "1.0")}, "");
        last.erase("response_metadata");

        CHECK(read_history_page(last, found) == std::optional<std::string>{""});
        CHECK(found.size() == 1);
    }

    TEST_CASE("an empty page is read as nothing found") {
        MarkedMessages found;

        CHECK(read_history_page(page(json::array(), ""), found) == std::optional<std::string>{""});
        CHECK(found.empty());
    }

    TEST_CASE("a key stored as a number, as older cocbots did, is found as its text") {
        json message = marked("ignored", "1.0");
        message["metadata"]["event_payload"]["effect_id"] = 42;
        MarkedMessages found;

        REQUIRE(read_history_page(page({message}, ""), found).has_value());
        CHECK(found == MarkedMessages{{"42", "1.0"}});
    }

    TEST_CASE("metadata another app wrote is not taken for cocbot's") {
        json other_app = marked("42", "1.0");
        other_app["metadata"]["event_type"] = "task_created";
        json no_key = marked("43", "2.0");
        no_key["metadata"]["event_payload"].erase("effect_id");
        json odd_key = marked("44", "3.0");
        odd_key["metadata"]["event_payload"]["effect_id"] = true;
        MarkedMessages found;

        REQUIRE(read_history_page(page({other_app, no_key, odd_key}, ""), found).has_value());
        CHECK(found.empty());
    }

    TEST_CASE("a page not shaped as documented is refused") {
        MarkedMessages found;
        json doc = page({marked("42", "1.0"), typed("2.0")}, "next");

        SUBCASE("messages missing") {
            doc.erase("messages");
        }
        SUBCASE("messages not an array") {
            doc["messages"] = {{"ts", "1.0"}};
        }
        SUBCASE("a message that is not an object") {
            doc["messages"].push_back("1.0");
        }
        SUBCASE("a message without its ts") {
            doc["messages"][1].erase("ts");
        }
        SUBCASE("a ts that is not a string") {
            doc["messages"][1]["ts"] = 2.0;
        }
        SUBCASE("metadata that is not an object") {
            doc["messages"][0]["metadata"] = "cocbot_effect";
        }
        SUBCASE("an event payload that is not an object") {
            doc["messages"][0]["metadata"]["event_payload"] = json::array({"42"});
        }
        SUBCASE("a cursor that is not a string") {
            doc["response_metadata"]["next_cursor"] = 7;
        }
        SUBCASE("response_metadata that is not an object") {
            doc["response_metadata"] = "next";
        }
        SUBCASE("a page that is not an object") {
            doc = json::array({marked("42", "1.0")});
        }

        CHECK_FALSE(read_history_page(doc, found).has_value());
    }

    TEST_CASE("a page that does not say ok is refused") {
        MarkedMessages found;
        for (const json& ok : {json{}, json{false}, json{"true"}}) {
            json doc = page({marked("42", "1.0")}, "");
            if (ok.is_null())
                doc.erase("ok");
            else
                doc["ok"] = ok.front();
            CHECK_FALSE(read_history_page(doc, found).has_value());
        }
        CHECK(found.empty());
    }
} // TEST_SUITE
