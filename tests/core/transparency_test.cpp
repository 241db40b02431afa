// File: tests/core/transparency_test.cpp
// The quarterly transparency report: its quarters, its counts, and, over random incident
// histories, that nothing in it names, reaches or places anyone, or dates anything finer than
// the quarter: only the committee's general words for the resolution are quoted.
#include "core/resolution.hpp"
#include "core/transparency.hpp"

#include <doctest/doctest.h>
#include <random>
#include <set>

using namespace cocbot::core;

namespace {

const Quarter q3{2026, 3};
const Time in_q3 = first_day(q3) + std::chrono::days{40};

Incident resolved(std::string category, ResolutionOutcome outcome, std::string words = {}) {
    Incident incident;
    incident.id = IncidentId{"2026-001"};
    incident.status = Status::resolved;
    incident.filed_at = in_q3;
    incident.report.description = "Shouted at Quill near the lifts";
    incident.report.location = "Lobby B";
    incident.report.reporter_name = "Nadia Reporter";
    incident.report.reported.name = "Oskar Vale";
    incident.resolution =
        IncidentResolved{std::move(words), UserId{"UALICE"}, in_q3, std::move(category), outcome};
    return incident;
}

std::string everything(const TransparencyReport& report) {
    std::string text = to_string(report.quarter) + "\n" + report.promotion + "\n";
    for (const auto* counts : {&report.by_category, &report.by_source, &report.by_outcome})
        for (const auto& [name, count] : *counts)
            text += name + " " + std::to_string(count) + "\n";
    for (const auto& line : report.lines)
        text += line + "\n";
    return text;
}

// Made-up words, none of them English, so that any one in the report came from the incident.
std::string secret_word(std::mt19937& random) {
    static const char* const syllables[] = {"zor", "qua", "vex", "mib", "tuz", "kel", "yop"};
    std::string word;
    for (int i = 0; i < 3; ++i)
        word += syllables[random() % 7];
    return word;
}

} // namespace

TEST_SUITE("core: transparency report") {
    TEST_CASE("a quarter is read, written and found by the calendar in UTC") {
        CHECK(quarter_from_string("2026-Q3") == q3);
        CHECK(quarter_from_string("2026-q1") == Quarter{2026, 1});
        for (const auto* bad : {"2026-Q5", "2026-Q0", "2026Q3", "26-Q3", "2026-Q3x", "", "abcd-Q1"})
            CHECK_FALSE(quarter_from_string(bad).has_value());
        CHECK(to_string(q3) == "2026-Q3");
        CHECK(quarter_of(first_day(q3)) == q3);
        CHECK(quarter_of(first_day(q3) - std::chrono::seconds{1}) == Quarter{2026, 2});
        CHECK(previous(Quarter{2026, 1}) == Quarter{2025, 4});
        CHECK(next(Quarter{2025, 4}) == Quarter{2026, 1});
        CHECK(unix_seconds(first_day(Quarter{2026, 1})) == 1767225600); // 2026-01-01T00:00Z
    }

    TEST_CASE("counts by kind, by how reports came in, and by outcome, with a line each") {
        Committee committee;
        auto phoned = resolved("Harassment", ResolutionOutcome::warning, "A warning was given.");
        phoned.report.source = Source::phone;
        auto open = resolved("", ResolutionOutcome::unrecorded);
        open.status = Status::triage;
        open.resolution.reset();
        auto escrowed = open;
        escrowed.status = Status::escrowed;
        auto earlier = phoned;
        earlier.filed_at = first_day(q3) - std::chrono::days{1};
        const auto report = draft_transparency_report(
            q3, committee,
            {phoned, resolved("Disruption", ResolutionOutcome::no_violation), open, escrowed,
             earlier});
        CHECK(report.reports == 4);
        CHECK(report.escrowed == 1);
        CHECK(report.by_category == std::vector<Count>{{"Harassment", 1}, {"Disruption", 1}});
        CHECK(report.by_source == std::vector<Count>{{"Slack", 3}, {"phone", 1}});
        CHECK(report.by_outcome == std::vector<Count>{{"no violation found", 1},
                                                      {"a warning", 1},
                                                      {"Not yet resolved", 1}});
        CHECK(report.lines == std::vector<std::string>{"A report is still being handled.",
                                                       "Disruption: no violation found.",
                                                       "Harassment: a warning. A warning was "
                                                       "given."});
    }

    TEST_CASE("a line the committee cannot anonymise, or of a category too small, says only "
              "that a report was made") {
        Committee committee;
        auto withheld = resolved("Harassment", ResolutionOutcome::banned, "Banned.");
        withheld.resolution->cannot_anonymise = true;
        auto by_speaker = resolved("Disruption", ResolutionOutcome::warning);
        by_speaker.resolution->role = ReportedRole::speaker;
        auto report = draft_transparency_report(q3, committee, {withheld, by_speaker});
        CHECK(report.lines == std::vector<std::string>{"A report was made.",
                                                       "Disruption, by a speaker: a warning."});

        committee.transparency.min_count = 2;
        report = draft_transparency_report(q3, committee, {withheld, by_speaker, by_speaker});
        CHECK(report.lines == std::vector<std::string>{"A report was made.",
                                                       "Disruption, by a speaker: a warning.",
                                                       "Disruption, by a speaker: a warning."});
        CHECK(report.by_category ==
              std::vector<Count>{{"Disruption", 2}, {"Other kinds, each too few to name", 1}});
    }

    TEST_CASE("words that name, reach, place or date someone are left out of the line") {
        Committee committee;
        committee.names[UserId{"UBOB"}] = {"Bobby Tables"};
        for (const auto* words :
             {"Oskar was warned.", "Nadia was thanked.", "Bobby talked to them.",
              "Banned until March.", "Banned for 2 years.", "Write to help@example.org.",
              "Seen in Lobby B again.", "They shouted at Quill, and apologised."}) {
            CAPTURE(words);
            const auto report = draft_transparency_report(
                q3, committee, {resolved("Harassment", ResolutionOutcome::warning, words)});
            CHECK(report.lines == std::vector<std::string>{"Harassment: a warning."});
            CHECK(report.words_left_out == 1);
        }
        const auto general = draft_transparency_report(
            q3, committee,
            {resolved("Harassment", ResolutionOutcome::warning, "They apologised in writing.")});
        CHECK(general.lines ==
              std::vector<std::string>{"Harassment: a warning. They apologised in writing."});
    }

    TEST_CASE("over random histories, nothing but the committee's general words is quoted") {
        std::mt19937 random{20261207};
        const std::vector<std::string> general{"the",  "committee",  "gave", "a",    "warning",
                                               "they", "apologised", "and",  "left", "early"};
        for (int run = 0; run < 300; ++run) {
            Committee committee;
            std::set<std::string> secrets;
            std::vector<Incident> incidents;
            const int count = 1 + static_cast<int>(random() % 12);
            for (int i = 0; i < count; ++i) {
                auto fresh = [&] { return *secrets.insert(secret_word(random)).first; };
                const std::string reporter = fresh(), reported = fresh(), place = fresh();
                const std::string described =
                    fresh() + " " + fresh() + " " + fresh() + " " + fresh();
                const std::string member = fresh();
                committee.names[UserId{"U0" + std::to_string(i)}] = {member};
                std::string words =
                    general[random() % general.size()] + " " + general[random() % general.size()];
                // Sometimes the committee's words slip: a name, the place, a quotation, a date.
                switch (random() % 6) {
                case 0:
                    words += " " + reporter;
                    break;
                case 1:
                    words += " " + place;
                    break;
                case 2:
                    words += " " + described;
                    break;
                case 3:
                    words += " on 14 " + member;
                    break;
                case 4:
                    words += " " + reported;
                    break;
                default:
                    break;
                }
                auto incident = resolved(committee.transparency.categories[random() % 8],
                                         chosen_outcomes()[random() % 7], words);
                incident.filed_at = first_day(q3) + std::chrono::hours{random() % 2000};
                incident.report.reporter_name = reporter;
                incident.report.reported.name = reported;
                incident.report.location = place;
                incident.report.description = described;
                incident.report.reporter_contact = fresh() + "@example.org";
                incidents.push_back(std::move(incident));
            }
            const auto text = everything(draft_transparency_report(q3, committee, incidents));
            for (const auto& secret : secrets)
                CHECK_MESSAGE(text.find(secret) == std::string::npos, secret << " in " << text);
            CHECK(text.find("@") == std::string::npos);
            CHECK(text.find("UALICE") == std::string::npos);
            CHECK(text.find(" 14 ") == std::string::npos);
        }
    }
}
