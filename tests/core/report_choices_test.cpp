// File: tests/core/report_choices_test.cpp
// What the reporter may choose besides the report: a member they would rather talk to, asked to
// own it, and a content warning that keeps the details out of the channel until one asks.
#include "core/decide.hpp"
#include "tests/core/hr_scene.hpp"
#include "tests/support/text.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::sample;

namespace {

using cocbot::testing::contains;

Report preferring(UserId member) {
    Report r = report();
    r.preferred = std::move(member);
    return r;
}

Report warned() {
    Report r = report();
    r.flags.content_warning = true;
    return r;
}

// The direct messages to `member` that are not the conflict question.
std::vector<Notice> notices_to(const Decision& d, const UserId& member) {
    std::vector<Notice> found;
    for (const auto& post : direct_messages(d))
        if (const auto* notice = std::get_if<Notice>(&post.message);
            notice && post.to_user == member)
            found.push_back(*notice);
    return found;
}

bool shows_details(const Decision& d) {
    for (const auto& post : all_of<Post>(d))
        if (std::holds_alternative<ReportDetails>(post.message))
            return true;
    for (const auto& shown : all_of<Ephemeral>(d))
        if (std::holds_alternative<ReportDetails>(shown.message))
            return true;
    return false;
}

} // namespace

TEST_SUITE("decide: the member the reporter would rather talk to") {
    TEST_CASE("the preferred member is asked the conflict question and asked privately to own "
              "the report, and nobody else hears of the wish") {
        Scene scene;
        const auto d = scene.file(preferring(carol));
        CHECK(scene.incident.asked(carol));
        const auto asked = notices_to(d, carol);
        REQUIRE(asked.size() == 1);
        CHECK(contains(to_plain(asked[0].text), "would rather talk to you"));
        CHECK(contains(to_plain(asked[0].text), ref.value));
        for (const auto& other : {alice, bob, dave, erin})
            CHECK(notices_to(d, other).empty());
        CHECK(scene.incident.report.preferred == carol);
    }

    TEST_CASE("a preferred member off the committee, reported, or excluded is refused on the "
              "field") {
        Scene scene;
        CHECK(field_of(scene.refused(SubmitReport{ref, alice, preferring(stranger), {}})) ==
              "prefer_member");
        auto about_bob = preferring(bob);
        about_bob.reported.user = bob;
        CHECK(field_of(scene.refused(SubmitReport{ref, alice, about_bob, {}})) == "prefer_member");
        auto excluding_bob = preferring(bob);
        excluding_bob.excluded = {bob};
        CHECK(field_of(scene.refused(SubmitReport{ref, alice, excluding_bob, {}})) ==
              "prefer_member");
        CHECK_FALSE(scene.incident.exists());
    }

    TEST_CASE("a preferred member whose name matches the reported person is not asked to own it") {
        Scene scene;
        scene.committee.names = {{carol, {"Carol Member"}}};
        scene.committee.names_known = true;
        auto r = preferring(carol);
        r.reported = {{}, "Carol Member"};
        const auto d = scene.file(r);
        CHECK_FALSE(sent_to(d, carol));
    }

    TEST_CASE("a report kept in escrow asks nobody to own it") {
        Scene scene;
        auto r = preferring(carol);
        r.flags.escrow = true;
        CHECK(notices_to(scene.file(r), carol).empty());
    }
}

TEST_SUITE("decide: the content warning") {
    TEST_CASE("the channel gets only the report's reference and a way to see it") {
        Scene scene;
        scene.file(warned());
        const auto d = scene.open_channel();
        CHECK(posted<VeiledReport>(d) == std::vector<VeiledReport>{{ref}});
        CHECK_FALSE(shows_details(d));
    }

    TEST_CASE("a cleared member who asks sees the details, alone, where they asked") {
        auto scene = opened({alice, bob}, {erin}, warned());
        const auto d = scene.run(ShowReport{ref, bob, incident_channel});
        const auto shown = all_of<Ephemeral>(d);
        REQUIRE(shown.size() == 1);
        CHECK(shown[0].user == bob);
        CHECK(shown[0].channel == incident_channel);
        CHECK(std::get<ReportDetails>(shown[0].message).report.description == report().description);
        CHECK(all_of<Post>(d).empty());
        CHECK(d.events.empty());
    }

    TEST_CASE("the conflicted, the excluded, the unasked and a stranger are refused, and shown "
              "nothing") {
        auto r = warned();
        r.excluded = {dave};
        auto scene = opened({alice, bob}, {erin}, r);
        for (const auto& who : {erin, dave, carol, stranger, reported})
            CHECK(scene.refused(ShowReport{ref, who, incident_channel}).reason ==
                  Rejection::Reason::not_allowed);
        // Nor in another channel, by a cleared member.
        CHECK(scene.refused(ShowReport{ref, bob, committee_channel}).reason ==
              Rejection::Reason::not_allowed);
    }

    TEST_CASE("HR's channel, when the report is handed to HR, is veiled too") {
        auto scene = opened({alice, bob, carol}, {erin}, warned());
        scene.run(InvolveHr{ref, bob, HrScope::employees_only});
        const auto d = open_hr_channel(scene);
        CHECK(posted<VeiledReport>(d) == std::vector<VeiledReport>{{ref}});
        CHECK_FALSE(shows_details(d));
        scene.run(DeclareConflict{ref, hr1, false});
        CHECK(all_of<Ephemeral>(scene.run(ShowReport{ref, hr1, hr_channel})).size() == 1);
        CHECK(scene.refused(ShowReport{ref, hr2, hr_channel}).reason ==
              Rejection::Reason::not_allowed);
    }

    TEST_CASE("HR informed of an incident is not shown the report") {
        auto scene = opened({alice, bob, carol}, {erin}, warned());
        scene.run(InvolveHr{ref, bob, HrScope::informing});
        open_hr_channel(scene);
        scene.run(DeclareConflict{ref, hr1, false});
        CHECK(scene.refused(ShowReport{ref, hr1, hr_channel}).reason ==
              Rejection::Reason::not_allowed);
    }
}
