// File: tests/e2e/intake_test.cpp
// End-to-end: the intake path from Slack's requests to a durable report and the triage prompt.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>

using namespace cocbot::testing;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

const ReportInput full_report = shoulder_report("UREPORTED", "phone");

ReportInput only_location(std::string location) {
    ReportInput input;
    input.location = std::move(location);
    return input;
}

int prompt_updates(const std::vector<RecordedCall>& calls) {
    int updates = 0;
    for (const auto& c : calls)
        updates += c.method == "chat.update" && c.args.value("channel", "") == committee_channel;
    return updates;
}

bool has_message_in(const std::vector<RecordedCall>& calls, const std::string& channel) {
    for (const auto& c : calls)
        if (c.args.value("channel", "") == channel)
            return true;
    return false;
}

} // namespace

TEST_SUITE("e2e: intake") {
    TEST_CASE(
        "/coc report opens the report modal with the trigger, and Slack is answered at once") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto response = bot.slash("UANYONE", "report", "trigger-77");
        CHECK(response.status == 200);
        CHECK(response.body.empty());
        REQUIRE(slack.wait_for(
            [](const auto& calls) {
                for (const auto& c : calls)
                    if (c.method == "views.open")
                        return true;
                return false;
            },
            5s));
        const auto call = slack.calls("views.open").front();
        CHECK(call.args["trigger_id"] == "trigger-77");
        CHECK(call.args["view"]["callback_id"] == "coc_report");
        CHECK(call.authorization == "Bearer " + bot_token);
    }

    TEST_CASE("while Slack is slow, a burst of /coc report is answered at once and the forms "
              "beyond 64 opening are refused with a word to try again") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        slack.set_delay(2s);
        for (int i = 0; i < 64; ++i) {
            const auto opening = bot.slash("UANYONE", "report", "trigger-" + std::to_string(i));
            REQUIRE(opening.status == 200);
            REQUIRE(opening.body.empty()); // the form is on its way
        }
        const auto refused = bot.slash("UANYONE", "report", "trigger-64");
        CHECK(refused.status == 200);
        CHECK(refused.elapsed < 1s);
        CHECK(json::parse(refused.body)["text"].get<std::string>().find(
                  "Please type `/coc report` again") != std::string::npos);
        CHECK(bot.log().find("views_open outcome=shed") != std::string::npos);

        slack.set_delay(0ms); // Slack recovers: once the slow calls end, forms open again
        CHECK(eventually(
            [&] { return bot.slash("UANYONE", "report", "trigger-late").body.empty(); }, 10s));
    }

    TEST_CASE("/coc help, a bare /coc and unknown text all answer with the help") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        for (const auto* text : {"help", "", "frobnicate now"}) {
            CAPTURE(text);
            const auto response = bot.slash("UANYONE", text);
            REQUIRE(response.status == 200);
            const auto body = json::parse(response.body);
            CHECK(body["response_type"] == "ephemeral");
            CHECK(body["text"].get<std::string>().find("/coc report") != std::string::npos);
        }
    }

    TEST_CASE("a report missing the essentials gets inline errors and nothing is stored or said") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto response = bot.submit_report("UANYONE", only_location("somewhere"));
        REQUIRE(response.status == 200);
        const auto body = json::parse(response.body);
        CHECK(body["response_action"] == "errors");
        CHECK(body["errors"].contains("reported_user"));
        CHECK(body["errors"].contains("description"));
        REQUIRE(bot.wait_idle());
        CHECK(slack.calls("chat.postMessage").empty());
        CHECK(bot.stored_bytes().find("somewhere") == std::string::npos);
    }

    TEST_CASE(
        "a valid report is stored, confirmed privately, and the committee gets the triage prompt") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto response = bot.submit_report("UTAKER", full_report);
        REQUIRE(response.status == 200);
        const auto body = json::parse(response.body);
        CHECK(body["response_action"] == "update");
        const auto reference = reference_from(response);
        CHECK(reference.size() >= 8);
        // Stored before Slack got its answer.
        // Stored, and sealed: not a word of it is in the database's files.
        CHECK(bot.sealed_values() >= 1);
        CHECK(bot.stored_bytes().find("Kept touching my shoulder") == std::string::npos);

        REQUIRE(slack.wait_for(
            [](const auto& calls) { return has_message_in(calls, committee_channel); }, 10s));
        REQUIRE(wait_messages(slack, committee_channel, 1));
        const auto messages = slack.messages(committee_channel);
        REQUIRE(messages.size() == 1);
        const auto& prompt = messages.front();
        CHECK(prompt.text.find("<@UREPORTED>") != std::string::npos);
        CHECK(prompt.text.find("via phone") != std::string::npos);
        CHECK(prompt.text.find("Who does not have a conflict of interest?") != std::string::npos);
        const auto everything = prompt.text + prompt.blocks.dump();
        for (const auto* secret : {"Dana", "dana@example.org", "shoulder", "Hallway", "UTAKER"}) {
            CAPTURE(secret);
            CHECK(everything.find(secret) == std::string::npos);
        }
        std::vector<std::string> buttons;
        for (const auto& block : prompt.blocks)
            if (block["type"] == "actions")
                for (const auto& element : block["elements"]) {
                    buttons.push_back(element["action_id"]);
                    CHECK(element["value"] == reference);
                }
        CHECK(buttons == std::vector<std::string>{"conflict_none", "conflict_declared"});
        CHECK(prompt.metadata["event_type"] == "cocbot_effect");
    }

    TEST_CASE("clicking the conflict buttons is recorded and the prompt shows how many answered") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto reference = reference_from(bot.submit_report("UTAKER", full_report));
        REQUIRE(slack.wait_for(
            [](const auto& calls) { return has_message_in(calls, committee_channel); }, 10s));
        // The prompt's position reaches core after the post, before its effect is done.
        REQUIRE(bot.wait_idle());

        CHECK(bot.click("UALICE", "conflict_none", reference, committee_channel).status == 200);
        REQUIRE(slack.wait_for([](const auto& calls) { return prompt_updates(calls) == 1; }, 10s));
        CHECK(bot.click("UBOB", "conflict_declared", reference, committee_channel).status == 200);
        REQUIRE(slack.wait_for([](const auto& calls) { return prompt_updates(calls) == 2; }, 10s));
        // The fake records a call before it answers: the update is in once its effect is done.
        REQUIRE(bot.wait_idle());
        const auto prompt = slack.messages(committee_channel).front();
        CHECK(prompt.text.find("Who does not have a conflict of interest?") != std::string::npos);
        CHECK(prompt.blocks.dump().find("2 of 3 members have answered") != std::string::npos);
        // Who declared what is never shown.
        CHECK(prompt.blocks.dump().find("UBOB") == std::string::npos);

        REQUIRE(slack.wait_for(
            [](const auto& calls) {
                int ephemerals = 0;
                for (const auto& c : calls)
                    ephemerals += c.method == "chat.postEphemeral" ? 1 : 0;
                return ephemerals == 2;
            },
            10s));
        for (const auto& call : slack.calls("chat.postEphemeral"))
            CHECK(call.args["channel"] == committee_channel);

        // Someone who is not on the committee is refused privately, and nothing changes.
        CHECK(bot.click("UOUTSIDER", "conflict_none", reference, committee_channel).status == 200);
        REQUIRE(slack.wait_for(
            [](const auto& calls) {
                for (const auto& c : calls)
                    if (c.method == "chat.postEphemeral" && c.args.value("user", "") == "UOUTSIDER")
                        return true;
                return false;
            },
            10s));
        REQUIRE(bot.wait_idle());
        CHECK(prompt_updates(slack.calls()) == 2);
    }

    TEST_CASE("an anonymous report leaves no identity of its submitter on disk or in the log") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        ReportInput anonymous = full_report;
        anonymous.reporter_name.clear();
        anonymous.reporter_contact.clear();
        anonymous.flags = {"anonymous"};
        const auto response = bot.submit_report("USECRETSUBMITTER", anonymous);
        REQUIRE(response.status == 200);
        CHECK(response.body.find("cannot follow up") != std::string::npos);
        REQUIRE(slack.wait_for(
            [](const auto& calls) { return has_message_in(calls, committee_channel); }, 10s));
        CHECK(bot.terminate() == 0);
        CHECK(bot.stored_bytes().find("USECRETSUBMITTER") == std::string::npos);
        CHECK(bot.log().find("USECRETSUBMITTER") == std::string::npos);
        for (const auto& call : slack.calls())
            CHECK(call.args.dump().find("USECRETSUBMITTER") == std::string::npos);
    }

    TEST_CASE("immediate danger alerts the committee channel with the numbers to call") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        ReportInput danger = full_report;
        danger.flags = {"immediate_danger"};
        REQUIRE(bot.submit_report("UTAKER", danger).status == 200);
        REQUIRE(slack.wait_for(
            [&](const auto&) { return slack.messages(committee_channel).size() == 2; }, 10s));
        const auto alert = slack.messages(committee_channel).front();
        const auto text = alert.text + alert.blocks.dump();
        CHECK(text.find("Immediate danger") != std::string::npos);
        CHECK(text.find("+1 555 0100") != std::string::npos);
        CHECK(text.find("+1 555 0199") != std::string::npos);
        CHECK(text.find("Hallway track") != std::string::npos);
        CHECK(text.find("shoulder") == std::string::npos);
        CHECK(text.find("Dana") == std::string::npos);
    }

    TEST_CASE("a report about a committee member never reaches the committee channel") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        ReportInput about_bob = full_report;
        about_bob.reported_user = "UBOB";
        REQUIRE(bot.submit_report("UTAKER", about_bob).status == 200);
        REQUIRE(wait_messages(slack, "UALICE", 1));
        REQUIRE(wait_messages(slack, "UCAROL", 1));
        CHECK(slack.messages(committee_channel).empty());
        CHECK(slack.messages("UBOB").empty());
        std::set<std::string> told;
        for (const auto& call : slack.calls("conversations.open"))
            told.insert(call.args.value("users", ""));
        CHECK(told == std::set<std::string>{"UALICE", "UCAROL"});
    }

    TEST_CASE("an escrowed report is stored and nobody is told") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        ReportInput escrow = full_report;
        escrow.flags = {"escrow"};
        const auto response = bot.submit_report("UTAKER", escrow);
        REQUIRE(response.status == 200);
        CHECK(response.body.find("escrow") != std::string::npos);
        REQUIRE(bot.wait_idle());
        CHECK(slack.calls("chat.postMessage").empty());
        // Stored, and sealed: not a word of it is in the database's files.
        CHECK(bot.sealed_values() >= 1);
        CHECK(bot.stored_bytes().find("Kept touching my shoulder") == std::string::npos);
    }

    TEST_CASE("a report with a 3000-character description reaches its channel whole") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        // As long as core allows, and longer still once escaped: "&" becomes "&amp;".
        std::string description;
        while (description.size() < 3000 - 10)
            description += "R&D <x> ";
        description.resize(3000 - 10);
        description += " lastword.";
        REQUIRE(description.size() == 3000);
        ReportInput input = full_report;
        input.description = description;
        const auto reference = reference_from(bot.submit_report("UTAKER", input));
        const std::string name = "coc-" + reference;
        REQUIRE(eventually([&] { return slack.channel_id(name).has_value(); }));
        const auto channel = *slack.channel_id(name);
        // The details and the control message: Slack did not refuse the details (invalid_blocks).
        REQUIRE(wait_messages(slack, channel, 2));
        REQUIRE(bot.wait_idle());
        bool found = false;
        for (const auto& message : slack.messages(channel))
            found = found || message.blocks.dump().find("lastword.") != std::string::npos;
        CHECK(found);
    }
}
