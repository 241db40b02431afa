// File: tests/core/incident_test.cpp
#include "core/incident.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace std::chrono_literals;

namespace {

const Time t0{std::chrono::seconds{1'800'000'000}};

ReportFiled filed(bool escrow = false) {
    ReportFiled e;
    e.incident = IncidentId{"2026-001"};
    e.at = t0;
    e.report.reported.name = "Bob";
    e.report.description = "details";
    e.report.flags.escrow = escrow;
    e.committee = {UserId{"UA"}, UserId{"UB"}, UserId{"UC"}};
    e.committee_channel = ChannelId{"CCOMMITTEE"};
    return e;
}

} // namespace

TEST_SUITE("incident") {
    TEST_CASE("an incident with no events does not exist") {
        CHECK_FALSE(Incident{}.exists());
        CHECK(Incident{}.status == Status::none);
    }

    TEST_CASE("a filed report opens triage, an escrowed one is only stored") {
        CHECK(evolve({}, filed()).status == Status::triage);
        CHECK(evolve({}, filed(true)).status == Status::escrowed);
    }

    TEST_CASE("declarations are folded per member and the cleared set follows them") {
        const std::vector<Event> events{
            filed(),
            ConflictDeclared{UserId{"UA"}, false, t0 + 1min},
            ConflictDeclared{UserId{"UB"}, true, t0 + 2min},
            ConflictDeclared{UserId{"UC"}, false, t0 + 3min},
            ConflictDeclared{UserId{"UC"}, true, t0 + 4min},
        };
        const auto incident = replay(Incident{}, events);
        CHECK(incident.cleared() == std::vector<UserId>{UserId{"UA"}});
        CHECK(incident.declaration_of(UserId{"UB"}) == Declaration::conflict);
        CHECK_FALSE(incident.declaration_of(UserId{"UZ"}).has_value());
        CHECK(incident.asked(UserId{"UC"}));
        CHECK_FALSE(incident.asked(UserId{"UZ"}));
    }

    TEST_CASE("only the triage prompt's position is remembered") {
        const MessageRef prompt{ChannelId{"CCOMMITTEE"}, "1.000100"};
        auto incident = evolve({}, filed());
        incident = evolve(incident, MessagePosted{{ChannelId{"CX"}, "9.9"}, MessageKind::notice});
        CHECK_FALSE(incident.triage_prompt.has_value());
        incident = evolve(incident, MessagePosted{prompt, MessageKind::triage_prompt});
        CHECK(incident.triage_prompt == prompt);
    }
}
