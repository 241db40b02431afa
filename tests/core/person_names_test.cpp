// File: tests/core/person_names_test.cpp
// Names as people type them: the same person under case, accents, spacing and word order.
#include "core/person_names.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using cocbot::core::folded_name;
using cocbot::core::name_key;
using cocbot::core::same_name;

TEST_SUITE("core person names") {
    TEST_CASE("folding drops case, accents and extra spacing, precomposed or combining") {
        CHECK(folded_name("  José   GARCÍA ") == "jose garcia");
        CHECK(folded_name("Jose\xCC\x81 Garci\xCC\x81"
                          "a") == "jose garcia"); // combining accents
        CHECK(folded_name("Łukasz Żółć") == "lukasz zolc");
        CHECK(folded_name("Søren Ærø") == "soren aero");
        CHECK(folded_name("Straße") == "strasse");
        CHECK(folded_name("Garcia,Jose") == "garcia jose");
        CHECK(folded_name("\t\n") == "");
    }

    TEST_CASE("text that is not a Latin letter is kept as it is") {
        CHECK(folded_name("Юлия") == "Юлия");
        CHECK(folded_name("李 雷") == "李 雷");
        CHECK(folded_name("a\xC3") == "a\xC3"); // a truncated sequence is copied, never read past
    }

    TEST_CASE("the same first and last words match in either order") {
        CHECK(same_name("José García", "jose garcia"));
        CHECK(same_name("Garcia, Jose", "José García"));
        CHECK(same_name("Jose Maria Garcia", "Jose Garcia"));
        CHECK(same_name("Sam", "sam"));
    }

    TEST_CASE("different people, and empty names, do not match") {
        CHECK_FALSE(same_name("Sam Lee", "Sam Leeds"));
        CHECK_FALSE(same_name("Sam", "Sam Lee")); // one word says too little
        CHECK_FALSE(same_name("", ""));
        CHECK_FALSE(same_name("  ", "Sam"));
    }

    TEST_CASE("a name's key is what the same person's names share, so they can be found by it") {
        CHECK(name_key("Garcia, José") == "garcia jose");
        CHECK(name_key("Jose M. Garcia") == "garcia jose");
        CHECK(name_key(" Sam ") == "sam");
        CHECK(name_key("") == "");
        const std::vector<std::string> names{"José García", "garcia jose", "Jose M. Garcia", "Sam",
                                             "sam lee",     "Sam Leeds",   "Lee Sam",        "",
                                             "jo jo"};
        for (const auto& a : names)
            for (const auto& b : names) {
                CAPTURE(a);
                CAPTURE(b);
                CHECK(same_name(a, b) == (!name_key(a).empty() && name_key(a) == name_key(b)));
            }
    }
}
