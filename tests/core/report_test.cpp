// File: tests/core/report_test.cpp
#include "core/report.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;

namespace {

Report valid_report() {
    Report r;
    r.reported.user = UserId{"U0REPORTED"};
    r.description = "Made unwelcome comments during the keynote.";
    return r;
}

bool has_error_on(const std::vector<FieldError>& errors, std::string_view field) {
    for (const auto& e : errors)
        if (e.field == field)
            return true;
    return false;
}

} // namespace

TEST_SUITE("report") {
    TEST_CASE("a report with a reported person and a description is valid") {
        CHECK(validate(valid_report()).empty());
        auto by_name = valid_report();
        by_name.reported = {UserId{}, "Someone in a red hoodie"};
        CHECK(validate(by_name).empty());
    }

    TEST_CASE("a report without a reported person or description names both fields") {
        const auto errors = validate(Report{});
        CHECK(errors.size() == 2);
        CHECK(has_error_on(errors, "reported_user"));
        CHECK(has_error_on(errors, "description"));
    }

    TEST_CASE("white space alone is not a description") {
        auto r = valid_report();
        r.description = "  \n\t ";
        CHECK(has_error_on(validate(normalised(r)), "description"));
    }

    TEST_CASE("an anonymous report may not carry the reporter's name or contact") {
        auto r = valid_report();
        r.flags.anonymous = true;
        CHECK(validate(r).empty());
        r.reporter_name = "Ada";
        r.reporter_contact = "ada@example.org";
        const auto errors = validate(r);
        CHECK(has_error_on(errors, "reporter_name"));
        CHECK(has_error_on(errors, "reporter_contact"));
    }

    TEST_CASE("an anonymous report may not say where the reporter is or what they wear") {
        auto r = valid_report();
        r.flags.anonymous = true;
        r.whereabouts = "By the fountain";
        r.appearance = "A red scarf";
        const auto errors = validate(r);
        CHECK(has_error_on(errors, "reporter_whereabouts"));
        CHECK(has_error_on(errors, "reporter_appearance"));
        r.flags.anonymous = false;
        CHECK(validate(r).empty());
    }

    TEST_CASE("an escrowed report cannot also claim immediate danger") {
        auto r = valid_report();
        r.flags.escrow = true;
        CHECK(validate(r).empty());
        r.flags.immediate_danger = true;
        CHECK(has_error_on(validate(r), "flags"));
    }

    TEST_CASE("over-long text is refused field by field") {
        auto r = valid_report();
        r.location = std::string(max_text_length + 1, 'x');
        const auto errors = validate(r);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].field == "location");
        r.location = std::string(max_text_length, 'x');
        CHECK(validate(r).empty());
    }

    TEST_CASE("normalising trims every text field") {
        Report r;
        r.reported.name = "  Bob ";
        r.description = "\nwhat\n";
        r.location = " hall ";
        r.reporter_name = " Ada";
        r.reporter_contact = "ada@x ";
        const auto n = normalised(r);
        CHECK(n.reported.name == "Bob");
        CHECK(n.description == "what");
        CHECK(n.location == "hall");
        CHECK(n.reporter_name == "Ada");
        CHECK(n.reporter_contact == "ada@x");
    }

    TEST_CASE("sources round-trip through their identifiers") {
        for (auto s : {Source::slack, Source::phone, Source::in_person, Source::email,
                       Source::web_form, Source::other}) {
            CHECK(source_from_string(to_string(s)) == s);
            CHECK_FALSE(describe(s).empty());
        }
        CHECK_FALSE(source_from_string("carrier pigeon").has_value());
    }

    TEST_CASE("incident references are year and zero-padded number") {
        CHECK(make_incident_id(2026, 7).value == "2026-007");
        CHECK(make_incident_id(2026, 1234).value == "2026-1234");
    }
}
