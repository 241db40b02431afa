// File: tests/slack/form_test.cpp
#include "bot/slack/form.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

namespace {

using cocbot::slack::Form;
using cocbot::slack::parse_form;

std::string read_fixture(const std::string& name) {
    std::ifstream in{COCBOT_FIXTURES_DIR "/slack/" + name, std::ios::binary};
    REQUIRE_MESSAGE(in, "missing fixture " << name);
    return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

} // namespace

TEST_SUITE("form") {
    TEST_CASE("'+' is a space and %-escapes are decoded, in keys and values") {
        const auto form = parse_form("text=report+a%20thing%2B1%26more&na%6De=x%3Dy");
        REQUIRE(form);
        CHECK(form->get("text") == "report a thing+1&more");
        CHECK(form->get("name") == "x=y");
    }

    TEST_CASE("UTF-8 escapes decode to UTF-8 text") {
        const auto form = parse_form("text=caf%C3%A9+%F0%9F%91%8B");
        REQUIRE(form);
        CHECK(form->get("text") == "caf\xC3\xA9 \xF0\x9F\x91\x8B");
    }

    TEST_CASE("the docs example with unencoded values parses") {
        const auto form = parse_form(read_fixture("slash_command_form_docs.txt"));
        REQUIRE(form);
        CHECK(form->size() == 14);
        CHECK(form->get("command") == "/weather");
        CHECK(form->get("response_url") == "https://hooks.slack.com/commands/1234/5678");
        CHECK(form->get("enterprise_name") == "Globular Construct Inc");
        CHECK(form->get("text") == "94070");
        CHECK(form->get("trigger_id") == "13345224609.738474920.8088930838d88f008e0");
    }

    TEST_CASE("the real-shaped enterprise body parses") {
        const auto form = parse_form(read_fixture("slash_command_form_enterprise.txt"));
        REQUIRE(form);
        CHECK(form->get("command") == "/hello");
        CHECK(form->get("enterprise_name") == "Sandbox Org");
        CHECK(form->get("response_url") == "https://hooks.slack.com/commands/T111/111/xxx");
        CHECK(form->get("user_id") == "W111");
        SUBCASE("an empty value is present and empty") {
            CHECK(form->contains("text"));
            CHECK(form->get("text") == "");
        }
    }

    TEST_CASE("fields keep body order and repeated keys keep every value") {
        const auto form = parse_form("b=2&a=1&b=3");
        REQUIRE(form);
        CHECK(form->fields() == std::vector<Form::Field>{{"b", "2"}, {"a", "1"}, {"b", "3"}});
        CHECK(form->get("b") == "2");
        CHECK(form->get_all("b") == std::vector<std::string_view>{"2", "3"});
        CHECK(form->get_all("c").empty());
    }

    TEST_CASE("empty and valueless fields") {
        SUBCASE("an empty body is an empty form") {
            const auto form = parse_form("");
            REQUIRE(form);
            CHECK(form->empty());
        }
        SUBCASE("a key without '=' has an empty value") {
            const auto form = parse_form("flag&a=1");
            REQUIRE(form);
            CHECK(form->contains("flag"));
            CHECK(form->get("flag") == "");
        }
        SUBCASE("empty segments from stray '&' are skipped") {
            const auto form = parse_form("&a=1&&b=&");
            REQUIRE(form);
            CHECK(form->fields() == std::vector<Form::Field>{{"a", "1"}, {"b", ""}});
        }
        SUBCASE("an absent key is absent") {
            const auto form = parse_form("a=1");
            REQUIRE(form);
            CHECK_FALSE(form->contains("b"));
            CHECK(form->get("b") == std::nullopt);
        }
    }

    TEST_CASE("malformed input is refused, not guessed at") {
        for (const char* body :
             {"a=%zz", "a=%4", "a=%", "a=1&b=%G1", "%=1", "a=b c", "a=1#x", "a={\"json\":1}"}) {
            CAPTURE(body);
            CHECK(parse_form(body) == std::nullopt);
        }
    }

    // Found by fuzz/form_fuzz (fuzz/regressions/form/): Boost.URL 1.81's parse_query runs strlen
    // on its input, which crashed on a null view and read past the end of any other view.
    TEST_CASE("a body is read only within its view, which need not be NUL-terminated") {
        const auto none = parse_form(std::string_view{});
        REQUIRE(none);
        CHECK(none->empty());

        const std::string_view text = "a=b&c=d";
        const auto bytes = std::make_unique<char[]>(text.size()); // no NUL after the body
        std::copy(text.begin(), text.end(), bytes.get());
        const auto form = parse_form(std::string_view{bytes.get(), text.size()});
        REQUIRE(form);
        CHECK(form->size() == 2);
        CHECK(form->get("c") == "d");

        const auto first = parse_form(text.substr(0, 3)); // "a=b", followed by "&c=d"
        REQUIRE(first);
        CHECK(first->size() == 1);
        CHECK(first->get("a") == "b");
    }

    TEST_CASE("an escaped NUL is data, not the end of the value") {
        const auto form = parse_form("a=x%00y");
        REQUIRE(form);
        CHECK(form->get("a") == std::string_view{"x\0y", 3});
    }
}
