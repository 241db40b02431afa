// File: tests/core/law_enforcement_test.cpp
// Law enforcement, involved only at the reporter's request: leadership hears that it happened.
#include "core/decide.hpp"
#include "tests/core/outcomes.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::sample;

namespace {

Scene three_cleared() {
    return opened({alice, bob, carol}, {erin});
}

} // namespace

TEST_SUITE("decide: law enforcement") {
    TEST_CASE("law enforcement is recorded only at the reporter's request, with a note") {
        auto scene = three_cleared();
        const auto refusal =
            scene.refused(RecordLawEnforcement{ref, bob, false, "Police report filed"});
        CHECK(field_of(refusal) == "reporter_asked");
        CHECK(refusal.message == "Law enforcement is involved only at the reporter's request.");
        CHECK(field_of(scene.refused(RecordLawEnforcement{ref, bob, true, "   "})) == "note");
        CHECK(field_of(scene.refused(
                  RecordLawEnforcement{ref, bob, true, std::string(3001, 'n')})) == "note");
        CHECK(scene.refused(RecordLawEnforcement{ref, erin, true, "x"}).reason ==
              Rejection::Reason::not_allowed);
        CHECK(scene.incident.law_enforcement.empty());
    }

    TEST_CASE("each leadership contact is told the reference and whom to ask, never a detail") {
        auto scene = three_cleared();
        const std::string note = "Shared the description with Officer Jones, case 4471";
        const auto d = scene.run(RecordLawEnforcement{ref, bob, true, note});
        CHECK(events_of<LawEnforcementInvolved>(d) ==
              std::vector<LawEnforcementInvolved>{{note, {lead1, lead2}, bob, t0}});
        const auto dms = direct_messages(d);
        REQUIRE(dms.size() == 2);
        CHECK(dms[0].to_user == lead1);
        CHECK(dms[1].to_user == lead2);
        const auto r = report();
        for (const auto& dm : dms) {
            CHECK(dm.channel.empty());
            const auto& text = std::get<Notice>(dm.message).text;
            CHECK(contains(text, ref.value));
            CHECK(mentions_user(text, bob));
            for (const auto& secret : {r.description, r.location, r.reporter_name,
                                       r.reporter_contact, note, std::string{"UREPORTED"}})
                CHECK_FALSE(contains(text, secret));
        }
        // The note itself stays in the incident channel.
        const auto notices = posted<ChannelNotice>(d);
        REQUIRE(notices.size() == 1);
        CHECK(notices[0].quote == note);
        CHECK(all_of<Post>(d).size() == 3);
    }

    TEST_CASE("a leadership contact who is the reported person is told nothing") {
        auto scene = three_cleared();
        scene.committee.leadership = {lead1, reported};
        const auto d = scene.run(RecordLawEnforcement{ref, bob, true, "Police called"});
        CHECK(events_of<LawEnforcementInvolved>(d).at(0).notified == std::vector<UserId>{lead1});
        const auto dms = direct_messages(d);
        REQUIRE(dms.size() == 1);
        CHECK(dms[0].to_user == lead1);
    }

    TEST_CASE("without leadership contacts the channel is told to inform leadership itself") {
        auto scene = three_cleared();
        scene.committee.leadership.clear();
        const auto d = scene.run(RecordLawEnforcement{ref, bob, true, "Police called"});
        CHECK(direct_messages(d).empty());
        CHECK(contains(posted<ChannelNotice>(d).at(0).text, "committee.leadership"));
    }
}
