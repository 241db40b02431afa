// File: tests/drill/confidentiality_test.cpp
// The drill's last check finds every person shown a part of the report the plan keeps from
// them, even cut short, and only those; the plan's audiences are those the drill checks.
#include "drill/cast.hpp"
#include "drill/confidentiality.hpp"

#include <doctest/doctest.h>

using namespace cocbot::drill;
using nlohmann::json;

namespace {

const Words words;

Sighting post(std::set<std::string> audience, std::string text) {
    Sighting seen;
    seen.audience = std::move(audience);
    seen.where = "#somewhere";
    seen.content = {{"text", std::move(text)}};
    return seen;
}

} // namespace

TEST_SUITE("drill: the confidentiality check") {
    TEST_CASE("a part of the report shown to someone the plan keeps it from is a leak") {
        const auto secrets = secrets_of(words, cast::rowan);
        const auto found =
            leaks({post({cast::bot, cast::alice, cast::erin}, "Told by " + words.reporter_name)},
                  secrets);
        REQUIRE(found.size() == 1);
        CHECK(found[0].person == cast::erin);
        CHECK(found[0].what == "the reporter's name");
        CHECK(found[0].where == "#somewhere");
    }

    TEST_CASE("a part cut short still gives it away") {
        const auto secrets = secrets_of(words, cast::rowan);
        const auto preview = words.description.substr(0, 30) + "…";
        CHECK(leaks({post({cast::dave}, preview)}, secrets).size() == 1);
        CHECK(found_in("log line " + preview, secrets) ==
              std::vector<std::string>{"what happened"});
    }

    TEST_CASE("the cleared members may see everything, and a channel's changes show nothing") {
        const auto secrets = secrets_of(words, cast::rowan);
        auto cleared_set = cleared();
        cleared_set.insert(cast::bot);
        Sighting change;
        change.kind = Sighting::Kind::channel;
        change.audience = {cast::erin};
        change.content = {{"text", words.description}};
        CHECK(
            leaks({post(cleared_set, words.description + words.reporter_contact), change}, secrets)
                .empty());
        CHECK(found_in("nothing of it", secrets).empty());
    }

    TEST_CASE("the plan's audiences: the reported person to the committee and HR, the danger's "
              "place to the committee, the reporter to the cleared alone") {
        const auto secrets = secrets_of(words, cast::rowan);
        const auto may_see = [&](const std::string& what) {
            for (const auto& secret : secrets)
                if (secret.what == what)
                    return secret.may_see;
            FAIL("no secret " << what);
            return std::set<std::string>{};
        };
        CHECK(may_see("the reported person").contains(cast::erin));
        CHECK(may_see("the reported person").contains(cast::harper));
        CHECK_FALSE(may_see("the reported person").contains(cast::rowan));
        CHECK(may_see("where it happened").contains(cast::dave));
        CHECK_FALSE(may_see("where it happened").contains(cast::harper));
        CHECK(may_see("HR's answer").contains(cast::harper));
        CHECK_FALSE(may_see("HR's answer").contains(cast::erin));
        for (const auto* what :
             {"the reporter's name", "the reporter's contact", "what happened"}) {
            CHECK_FALSE(may_see(what).contains(cast::erin));
            CHECK_FALSE(may_see(what).contains(cast::dave));
            CHECK_FALSE(may_see(what).contains(cast::harper));
            CHECK(may_see(what).contains(cast::carol));
        }
    }
}
