// File: tests/e2e/channel_test.cpp
// End-to-end: conflicts of interest and the private incident channel. Only cleared members ever
// see a report; membership is checked against the cleared set after every step.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>

using namespace cocbot::testing;
using namespace std::chrono_literals;
using nlohmann::json;
namespace http = boost::beast::http;

namespace {

const std::vector<std::string> secrets{"Kept touching", "Dana Reporter", "dana@example.org",
                                       "Hallway track"};

bool contains_secret(const std::string& text) {
    for (const auto& s : secrets)
        if (text.find(s) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_SUITE("e2e: conflicts and the incident channel") {
    TEST_CASE("only cleared members are ever in the channel, through every step") {
        FakeSlack slack;
        Bot bot{slack, {{"COCBOT_COMMITTEE_MEMBERS", "UALICE,UBOB,UCAROL,UDAVE,UERIN"}}};
        bot.start();

        const auto reference =
            reference_from(bot.submit_report("UALICE", shoulder_report("UREPORTED")));
        const std::string name = "coc-" + reference;
        REQUIRE(eventually([&] { return slack.channel_id(name).has_value(); }));
        const auto channel = *slack.channel_id(name);
        std::set<std::string> cleared;
        const auto check_membership = [&] {
            // Give the outbox a moment, then compare Slack's view with the cleared set.
            std::set<std::string> expected = cleared;
            expected.insert("UBOT");
            CHECK(eventually([&] { return slack.members(channel) == expected; }));
        };
        check_membership();
        // The channel got the full report and the control message.
        REQUIRE(wait_messages(slack, channel, 2));
        CHECK(slack.messages(channel)[0].blocks.dump().find("Dana Reporter") != std::string::npos);

        // Five members: Alice, Carol and Dave clear themselves, Bob is conflicted, Erin is silent.
        REQUIRE(bot.click("UALICE", "conflict_none", reference, committee_channel).status == 200);
        cleared.insert("UALICE");
        check_membership();
        REQUIRE(bot.click("UBOB", "conflict_declared", reference, committee_channel).status == 200);
        check_membership();
        REQUIRE(bot.click("UCAROL", "conflict_none", reference, committee_channel).status == 200);
        cleared.insert("UCAROL");
        check_membership();
        REQUIRE(bot.click("UDAVE", "conflict_none", reference, committee_channel).status == 200);
        cleared.insert("UDAVE");
        check_membership();

        // Dave recuses from inside the channel and is removed.
        REQUIRE(bot.click("UDAVE", "recuse", reference, channel).status == 200);
        cleared.erase("UDAVE");
        check_membership();

        // The bot's own join is not an intrusion.
        REQUIRE(bot.member_joined("UBOT", channel).status == 200);
        // Bob, conflicted, is added by hand: cocbot removes him and tells the responsible member.
        invite_by_hand(slack, channel, "UBOB");
        REQUIRE(bot.member_joined("UBOB", channel).status == 200);
        check_membership();
        REQUIRE(eventually([&] {
            for (const auto& m : slack.messages(channel))
                if (m.text.find("<@UBOB> was added") != std::string::npos &&
                    m.text.find("<@UALICE>") != std::string::npos)
                    return true;
            return false;
        }));
        for (const auto& call : slack.calls("conversations.kick"))
            CHECK(call.args.value("user", "") != "UBOT");

        // Owners: Carol names Alice primary owner.
        REQUIRE(
            bot.select_user("UCAROL", "owner_primary", "incident:" + reference, "UALICE", channel)
                .status == 200);
        REQUIRE(eventually([&] {
            for (const auto& m : slack.messages(channel))
                if (m.text.find("<@UALICE> is now the primary owner") != std::string::npos)
                    return true;
            return false;
        }));

        // Slack refuses a removal: the owners are alerted at once.
        slack.set_error("conversations.kick", "restricted_action", 1);
        invite_by_hand(slack, channel, "UMALLORY");
        REQUIRE(bot.member_joined("UMALLORY", channel).status == 200);
        REQUIRE(eventually([&] {
            for (const auto& m : slack.messages(channel))
                if (m.text.find("restricted_action") != std::string::npos &&
                    m.text.find("<@UMALLORY>") != std::string::npos &&
                    m.text.find("<@UALICE>") != std::string::npos)
                    return true;
            return false;
        }));

        // list, status and App Home show the incident to the cleared only.
        const auto list_for = [&](const std::string& user) {
            return json::parse(bot.slash(user, "list").body)["text"].get<std::string>();
        };
        CHECK(list_for("UALICE").find(reference) != std::string::npos);
        CHECK(list_for("UBOB").find(reference) == std::string::npos);
        CHECK(list_for("UERIN").find(reference) != std::string::npos); // a question she owes
        CHECK(list_for("UOUTSIDER").find(reference) == std::string::npos);
        const auto status_for = [&](const std::string& user, const std::string& ref) {
            return json::parse(bot.slash(user, "status " + ref).body)["text"].get<std::string>();
        };
        CHECK(status_for("UALICE", reference).find("Primary owner: <@UALICE>") !=
              std::string::npos);
        auto bob_sees = status_for("UBOB", reference);
        auto unknown = status_for("UBOB", "2099-999");
        // Word for word the same as for a reference that does not exist.
        const auto without_ref = [](std::string text, const std::string& ref) {
            return text.replace(text.find(ref), ref.size(), "REF");
        };
        CHECK(without_ref(bob_sees, reference) == without_ref(unknown, "2099-999"));

        REQUIRE(bot.home_opened("UALICE").status == 200);
        REQUIRE(bot.home_opened("UBOB").status == 200);
        REQUIRE(eventually([&] { return slack.calls("views.publish").size() == 2; }));
        for (const auto& call : slack.calls("views.publish")) {
            const bool has_reference =
                call.args["view"].dump().find(reference) != std::string::npos;
            CHECK(has_reference == (call.args.value("user_id", "") == "UALICE"));
        }

        CHECK(bot.terminate() == 0);
        check_nothing_leaked(slack, channel, secrets);
        for (const auto& s : secrets)
            CHECK(bot.log().find(s) == std::string::npos);
    }

    TEST_CASE("a report against a committee member is never seen by that member") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto reference = reference_from(bot.submit_report("UALICE", shoulder_report("UBOB")));
        REQUIRE(wait_messages(slack, "UALICE", 1));
        REQUIRE(wait_messages(slack, "UCAROL", 1));
        const auto channel = incident_channel(slack, reference);
        REQUIRE(bot.click("UALICE", "conflict_none", reference, "DUALICE").status == 200);
        REQUIRE(eventually([&] { return slack.members(channel).count("UALICE") == 1; }));

        // Bob clicking a button he could only have guessed is refused like a stranger's.
        REQUIRE(bot.click("UBOB", "conflict_none", reference, committee_channel).status == 200);
        REQUIRE(bot.home_opened("UBOB").status == 200);
        REQUIRE(eventually([&] { return !slack.calls("views.publish").empty(); }));
        REQUIRE(bot.wait_idle());

        CHECK(slack.messages(committee_channel).empty());
        CHECK(slack.messages("UBOB").empty());
        CHECK(slack.members(channel).count("UBOB") == 0);
        for (const auto& call : slack.calls()) {
            const bool to_bob = call.args.value("channel", "") == "DUBOB" ||
                                call.args.value("user", "") == "UBOB" ||
                                call.args.value("users", "") == "UBOB" ||
                                call.args.value("user_id", "") == "UBOB";
            if (!to_bob)
                continue;
            CAPTURE(call.method);
            CHECK(call.args.dump().find(reference) == std::string::npos);
            CHECK_FALSE(contains_secret(call.args.dump()));
        }
        const auto bob_list =
            json::parse(bot.slash("UBOB", "list").body)["text"].get<std::string>();
        CHECK(bob_list.find(reference) == std::string::npos);
        check_nothing_leaked(slack, channel, secrets);
    }

    TEST_CASE(
        "a later report about the same person tells the new channel that escrowed ones exist") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        ReportInput escrowed = shoulder_report("UREPORTED");
        escrowed.description = "An older account, kept in escrow";
        escrowed.flags = {"escrow"};
        REQUIRE(bot.submit_report("UCAROL", escrowed).status == 200);
        const auto reference =
            reference_from(bot.submit_report("UALICE", shoulder_report("UREPORTED")));
        const auto channel = incident_channel(slack, reference);
        REQUIRE(eventually([&] {
            for (const auto& m : slack.messages(channel))
                if (m.text.find("1 escrowed report") != std::string::npos)
                    return true;
            return false;
        }));
        // The escrowed account itself is not shared until an owner activates it.
        for (const auto& m : slack.messages(channel))
            CHECK(m.blocks.dump().find("An older account") == std::string::npos);

        // Sharing them is a motion: with Alice the one cleared member, her yes decides it.
        REQUIRE(bot.click("UALICE", "conflict_none", reference, committee_channel).status == 200);
        REQUIRE(bot.click("UALICE", "activate_escrow", reference, channel).status == 200);
        REQUIRE(eventually([&] { return motion_ts(slack, channel, reference, 1).has_value(); }));
        for (const auto& m : slack.messages(channel))
            CHECK(m.blocks.dump().find("An older account") == std::string::npos);
        REQUIRE(bot.ballot("UALICE", reference, 1, true, channel).status == 200);
        REQUIRE(eventually([&] {
            for (const auto& m : slack.messages(channel))
                if (m.blocks.dump().find("An older account") != std::string::npos)
                    return true;
            return false;
        }));
        // Only the incident channel ever saw it.
        for (const auto& call : slack.calls("chat.postMessage"))
            if (call.args.dump().find("An older account") != std::string::npos)
                CHECK(call.args.value("channel", "") == channel);
    }

    TEST_CASE("a cleared responder records an immediate action from the control message") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto reference = reference_from(bot.submit_report("UALICE", danger_report()));
        const auto channel = incident_channel(slack, reference);
        REQUIRE(bot.click("UALICE", "conflict_none", reference, committee_channel).status == 200);

        REQUIRE(bot.click("UALICE", "immediate_action", reference, channel).status == 200);
        REQUIRE(eventually([&] { return slack.calls("views.open").size() == 1; }));
        const auto view = slack.calls("views.open")[0].args["view"];
        CHECK(view["callback_id"] == "coc_immediate_action");
        CHECK(view["private_metadata"] == reference);

        const json values{{"action",
                           {{"action",
                             {{"type", "plain_text_input"},
                              {"value", "Asked venue security to escort <him> out"}}}}}};
        // Someone who declared a conflict is refused in the modal, and nothing is posted.
        REQUIRE(bot.click("UBOB", "conflict_declared", reference, committee_channel).status == 200);
        const auto refused = bot.submit_view("UBOB", "coc_immediate_action", reference, values);
        REQUIRE(refused.status == 200);
        CHECK(json::parse(refused.body)["response_action"] == "errors");

        const auto recorded = bot.submit_view("UALICE", "coc_immediate_action", reference, values);
        REQUIRE(recorded.status == 200);
        CHECK(json::parse(recorded.body)["response_action"] == "update");
        REQUIRE(eventually([&] {
            for (const auto& m : slack.messages(channel))
                if (m.text.find("took immediate action") != std::string::npos)
                    return m.text.find("escort &lt;him&gt; out") != std::string::npos;
            return false;
        }));
    }
}

TEST_SUITE("e2e: motions and commands in the incident channel") {
    TEST_CASE("vote, ballots, a member leaving, timeline and resolve, each answered in place") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto reference =
            reference_from(bot.submit_report("UALICE", shoulder_report("UREPORTED")));
        const auto channel = incident_channel(slack, reference);
        REQUIRE(bot.click("UALICE", "conflict_none", reference, committee_channel).status == 200);
        REQUIRE(bot.click("UBOB", "conflict_declared", reference, committee_channel).status == 200);
        REQUIRE(bot.click("UCAROL", "conflict_none", reference, committee_channel).status == 200);
        REQUIRE(eventually([&] {
            return slack.members(channel) == std::set<std::string>{"UALICE", "UCAROL", "UBOT"};
        }));
        const auto text_of = [](const HttpResponse& r) {
            return json::parse(r.body).value("text", "");
        };

        // `/coc vote` and `/coc timeline` belong in an incident's channel.
        CHECK(text_of(bot.slash("UALICE", "vote Ban him from the venue?")) ==
              "Use /coc vote inside an incident's private channel.");
        CHECK(text_of(bot.slash("UALICE", "timeline")) ==
              "Use /coc timeline inside an incident's private channel.");

        const auto proposed = bot.slash_in("UALICE", channel, "vote Ban him from the venue?");
        REQUIRE(proposed.status == 200);
        CHECK_FALSE(text_of(proposed).empty());
        REQUIRE(eventually([&] { return motion_ts(slack, channel, reference, 1).has_value(); }));
        const auto ts = *motion_ts(slack, channel, reference, 1);

        // Bob, conflicted, is refused privately; the tally does not count him.
        REQUIRE(bot.ballot("UBOB", reference, 1, true, channel).status == 200);
        REQUIRE(eventually([&] {
            for (const auto& call : slack.calls("chat.postEphemeral"))
                if (call.args.value("user", "") == "UBOB")
                    return true;
            return false;
        }));
        // Alice's yes is one of the two needed: the tally updates, the motion stays open.
        REQUIRE(bot.ballot("UALICE", reference, 1, true, channel).status == 200);
        REQUIRE(eventually([&] {
            const auto m = slack.message(channel, ts);
            return m && m->blocks.dump().find("Yes: <@UALICE>") != std::string::npos;
        }));
        CHECK(motion_ts(slack, channel, reference, 1) == ts);
        CHECK(slack.message(channel, ts)->blocks.dump().find("UBOB") == std::string::npos);

        // Carol leaves the channel: the electorate is Alice alone, and her yes now decides.
        REQUIRE(slack.remove_member(channel, "UCAROL"));
        REQUIRE(bot.member_left("UCAROL", channel).status == 200);
        REQUIRE(eventually([&] {
            for (const auto& m : slack.messages(channel))
                if (m.text.find("Motion 1 passed (1 yes, 0 no, of 1)") != std::string::npos)
                    return true;
            return false;
        }));
        REQUIRE(eventually([&] { return !motion_ts(slack, channel, reference, 1); }));
        CHECK(slack.message(channel, ts)->blocks.dump().find("Passed") != std::string::npos);

        // The timeline is posted in the channel.
        REQUIRE(bot.slash_in("UALICE", channel, "timeline").status == 200);
        REQUIRE(eventually([&] {
            for (const auto& m : slack.messages(channel))
                if (m.text == "Timeline of incident " + reference)
                    return true;
            return false;
        }));

        // `/coc reopen` of an incident Bob may not see reads as for one that does not exist.
        const auto without_ref = [](std::string text, const std::string& ref) {
            const auto at = text.find(ref);
            return at == std::string::npos ? text : text.replace(at, ref.size(), "REF");
        };
        CHECK(without_ref(text_of(bot.slash("UBOB", "reopen " + reference)), reference) ==
              without_ref(text_of(bot.slash("UBOB", "reopen 2099-999")), "2099-999"));

        // Modal refusals land on the modal's inputs, named like core's fields.
        const auto errors_of = [](const HttpResponse& r) {
            const auto body = json::parse(r.body);
            REQUIRE(body.value("response_action", "") == "errors");
            return body["errors"];
        };
        CHECK(errors_of(bot.submit_view("UALICE", "coc_motion_plan", reference,
                                        modal_values({{"text", input::text("")}})))
                  .contains("text"));
        CHECK(errors_of(bot.submit_view("UBOB", "coc_motion_plan", reference,
                                        modal_values({{"text", input::text("A plan")}})))
                  .contains("text"));
        const auto no_hr =
            errors_of(bot.submit_view("UALICE", "coc_hr_involve", reference,
                                      modal_values({{"scope", input::choice("informing")}})));
        CHECK(no_hr.value("scope", "").find("committee.hr") != std::string::npos);
        CHECK(errors_of(bot.submit_view("UALICE", "coc_resolve", reference,
                                        modal_values({{"resolution", input::text("")}})))
                  .contains("resolution"));

        // Resolving archives the channel.
        const auto resolved =
            bot.submit_view("UALICE", "coc_resolve", reference,
                            modal_values({{"resolution", input::text("Banned for a year")},
                                          {"category", input::choice("Harassment")},
                                          {"outcome", input::choice("banned")}}));
        REQUIRE(resolved.status == 200);
        CHECK(json::parse(resolved.body)["response_action"] == "update");
        REQUIRE(eventually([&] { return slack.archived(channel); }));
        CHECK(slack.archived_channels() == std::set<std::string>{channel});

        CHECK(bot.terminate() == 0);
        check_nothing_leaked(slack, channel, secrets);
        for (const auto& s : secrets)
            CHECK(bot.log().find(s) == std::string::npos);
    }
}
