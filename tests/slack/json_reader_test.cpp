// File: tests/slack/json_reader_test.cpp
// Checked reads of untrusted JSON: every field read returns a default instead of throwing, and
// the first problem, naming the field's path but never its value, is kept for the caller.
#include "bot/slack/json_reader.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace {

using cocbot::slack::JsonReader;
using nlohmann::json;
using Need = JsonReader::Need;

const json document = json::parse(R"({
    "type": "block_actions",
    "user": {"id": "U0MEMBER1", "name": "alex"},
    "count": 3,
    "negative": -7,
    "ratio": 0.5,
    "huge": 18446744073709551615,
    "flag": true,
    "left_empty": null,
    "ids": ["U1", "U2"],
    "mixed": ["U1", 2],
    "actions": [{"action_id": "vote_yes", "value": "secret ballot"}],
    "secret": "Room 3, Tuesday night"
})");

// One reader over `document` with its own error slot, as a parser would make.
struct Read {
    std::optional<std::string> error;
    JsonReader reader{document, "", error};
};

} // namespace

TEST_SUITE("json reader") {
    TEST_CASE("present fields of the right type are read without a problem") {
        Read r;

        CHECK(r.reader.string({"type"}, Need::required) == "block_actions");
        CHECK(r.reader.string({"user", "id"}, Need::required) == "U0MEMBER1");
        CHECK(r.reader.integer({"count"}, Need::required) == 3);
        CHECK(r.reader.integer({"negative"}, Need::required) == -7);
        CHECK(r.reader.boolean({"flag"}));
        CHECK(r.reader.strings({"ids"}, Need::required) == std::vector<std::string>{"U1", "U2"});
        REQUIRE(r.reader.object({"user"}, Need::required) != nullptr);
        CHECK(r.reader.object({"user"}, Need::required)->size() == 2);
        REQUIRE(r.reader.array({"actions"}, Need::required) != nullptr);
        CHECK(r.reader.find({}) == &document);
        CHECK_FALSE(r.error.has_value());
    }

    TEST_CASE("a required field that is missing is a problem naming its path") {
        SUBCASE("at the top") {
            Read r;
            CHECK(r.reader.string({"trigger_id"}, Need::required).empty());
            CHECK(r.error == "missing field trigger_id");
        }
        SUBCASE("nested") {
            Read r;
            CHECK(r.reader.string({"user", "team_id"}, Need::required).empty());
            CHECK(r.error == "missing field user.team_id");
        }
        SUBCASE("under a parent that is missing too") {
            Read r;
            CHECK(r.reader.integer({"view", "state", "version"}, Need::required) == 0);
            CHECK(r.error == "missing field view.state.version");
        }
        SUBCASE("null counts as missing") {
            Read r;
            CHECK(r.reader.string({"left_empty"}, Need::required).empty());
            CHECK(r.error == "missing field left_empty");
        }
        SUBCASE("of every kind") {
            Read r;
            CHECK(r.reader.object({"view"}, Need::required) == nullptr);
            CHECK(r.error == "missing field view");
            Read a;
            CHECK(a.reader.array({"blocks"}, Need::required) == nullptr);
            CHECK(a.error == "missing field blocks");
            Read s;
            CHECK(s.reader.strings({"users"}, Need::required).empty());
            CHECK(s.error == "missing field users");
        }
    }

    TEST_CASE("an optional field that is absent or null is no problem") {
        Read r;

        CHECK(r.reader.string({"trigger_id"}, Need::optional).empty());
        CHECK(r.reader.string({"left_empty"}, Need::optional).empty());
        CHECK(r.reader.string({"view", "id"}, Need::optional).empty());
        CHECK(r.reader.integer({"attempts"}, Need::optional) == 0);
        CHECK(r.reader.object({"view"}, Need::optional) == nullptr);
        CHECK(r.reader.array({"blocks"}, Need::optional) == nullptr);
        CHECK(r.reader.strings({"users"}, Need::optional).empty());
        CHECK_FALSE(r.reader.boolean({"is_enterprise_install"}));
        CHECK(r.reader.find({"view", "id"}) == nullptr);
        CHECK_FALSE(r.error.has_value());
    }

    TEST_CASE("a field of the wrong type is a problem naming the field and the type wanted") {
        SUBCASE("a string that is an object") {
            Read r;
            CHECK(r.reader.string({"user"}, Need::optional).empty());
            CHECK(r.error == "field user must be a string");
        }
        SUBCASE("an integer that is a string") {
            Read r;
            CHECK(r.reader.integer({"type"}, Need::required) == 0);
            CHECK(r.error == "field type must be an integer");
        }
        SUBCASE("an integer that is a fraction") {
            Read r;
            CHECK(r.reader.integer({"ratio"}, Need::optional) == 0);
            CHECK(r.error == "field ratio must be an integer");
        }
        SUBCASE("a boolean that is a number") {
            Read r;
            CHECK_FALSE(r.reader.boolean({"count"}));
            CHECK(r.error == "field count must be a boolean");
        }
        SUBCASE("an object that is an array") {
            Read r;
            CHECK(r.reader.object({"ids"}, Need::required) == nullptr);
            CHECK(r.error == "field ids must be an object");
        }
        SUBCASE("an array that is a string") {
            Read r;
            CHECK(r.reader.array({"type"}, Need::optional) == nullptr);
            CHECK(r.error == "field type must be an array");
        }
        SUBCASE("a path through something that is not an object") {
            Read r;
            CHECK(r.reader.string({"type", "id"}, Need::optional).empty());
            CHECK(r.error == "field type must be an object");
        }
        SUBCASE("an integer too large for 64 signed bits") {
            Read r;
            CHECK(r.reader.integer({"huge"}, Need::required) == 0);
            CHECK(r.error == "field huge is out of range");
        }
    }

    TEST_CASE("a problem never quotes the value it found") {
        Read r;
        r.reader.integer({"secret"}, Need::required);
        REQUIRE(r.error.has_value());
        CHECK(r.error->find("Room 3") == std::string::npos);
        CHECK(r.error->find("secret") != std::string::npos); // the field's name is fine
    }

    TEST_CASE("only the first problem is kept") {
        Read r;
        r.reader.string({"trigger_id"}, Need::required);
        r.reader.integer({"type"}, Need::required);
        r.reader.fail("something else");

        CHECK(r.error == "missing field trigger_id");
    }

    TEST_CASE("a nullable string tells null and absence from a value") {
        Read r;

        CHECK(r.reader.nullable_string({"left_empty"}) == std::nullopt);
        CHECK(r.reader.nullable_string({"not_sent"}) == std::nullopt);
        CHECK(r.reader.nullable_string({"type"}) == "block_actions");
        CHECK_FALSE(r.error.has_value());
        CHECK(r.reader.nullable_string({"count"}) == std::nullopt);
        CHECK(r.error == "field count must be a string");
    }

    TEST_CASE("a lenient string takes a value of another type for absence, without a problem") {
        Read r;

        CHECK(r.reader.lenient_string({"type"}) == "block_actions");
        CHECK(r.reader.lenient_string({"user"}).empty()); // an object, as team_join sends
        CHECK(r.reader.lenient_string({"count"}).empty());
        CHECK(r.reader.lenient_string({"ids"}).empty());
        CHECK(r.reader.lenient_string({"not_sent"}).empty());
        CHECK(r.reader.lenient_string({"user", "id"}) == "U0MEMBER1");
        CHECK_FALSE(r.error.has_value());
    }

    TEST_CASE("strings() wants an array of strings only") {
        Read r;

        CHECK(r.reader.strings({"mixed"}, Need::optional).empty()); // nothing half-read
        CHECK(r.error == "field mixed must hold strings");

        Read other;
        CHECK(other.reader.strings({"type"}, Need::optional).empty());
        CHECK(other.error == "field type must be an array");

        Read empty_list;
        const json doc = {{"members", json::array()}};
        const JsonReader reader{doc, "", empty_list.error};
        CHECK(reader.strings({"members"}, Need::required).empty());
        CHECK_FALSE(empty_list.error.has_value());
    }

    TEST_CASE("a child reader names its fields under its own path and shares the problem slot") {
        Read r;
        const json* actions = r.reader.array({"actions"}, Need::required);
        REQUIRE(actions != nullptr);
        const auto action = r.reader.child(actions->at(0), "actions[0]");

        CHECK(action.string({"action_id"}, Need::required) == "vote_yes");
        CHECK(action.name({"block_id"}) == "actions[0].block_id");
        CHECK_FALSE(r.error.has_value());
        CHECK(action.string({"block_id"}, Need::required).empty());
        CHECK(r.error == "missing field actions[0].block_id");
    }

    TEST_CASE("a reader made with a path prefixes it to every field") {
        std::optional<std::string> error;
        const JsonReader reader{document, "conversations.history", error};

        CHECK(reader.name({}) == "conversations.history");
        CHECK(reader.name({"response_metadata", "next_cursor"}) ==
              "conversations.history.response_metadata.next_cursor");
        reader.integer({"type"}, Need::required);
        CHECK(error == "field conversations.history.type must be an integer");

        std::optional<std::string> nested_error;
        const json list = json::array({1, 2});
        const JsonReader top{list, "conversations.history", nested_error};
        CHECK(top.find({"messages"}) == nullptr);
        CHECK(nested_error == "field conversations.history must be an object");
    }
}
