// File: tests/e2e/incident_test.cpp
// End-to-end: one whole incident, from the report to the archived channel: HR informs and is
// dropped, votes decide and fail to decide, law enforcement, the conversation, a recusal that
// recounts, follow-up and resolution. After every step the channel holds exactly the cleared
// members (HR is only ever in HR's own channel, which shows nothing of the report), and nothing
// typed about the incident has reached any other surface or the log.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>

using namespace cocbot::testing;
using nlohmann::json;

namespace {

const std::string harper = "UHARPER"; // the HR contact
const std::string leadership = "ULEAD";
const std::string conflicted = "UERIN";

// What people typed about the incident: only its channel may ever show it.
struct Typed : TypedReport {
    std::string plan = "Complete the inclusive language workshop before the next sprint";
    std::string law_note = "Shared the written statement with the precinct";
    std::string behaviour = "Mimicked a colleague in two meetings";
    std::string context = "Our community spans many first languages";
    std::string impact = "She stopped speaking up in standups";
    std::string call_in = "We need your help keeping meetings welcoming";
    std::string talk_plan = "Apologise through the committee and attend coaching";
    std::string follow_up = "Called her to explain the outcome and the coaching";
    std::string resolution = "Coaching completed, no further incidents";
    std::string hr_info = "HR holds no earlier complaint about them";

    Typed()
        : TypedReport{"Mimicked her accent in two standups after being asked to stop",
                      "Room 4B, Thursday standup", "Priya Reporter", "priya@example.org"} {}

    std::vector<std::string> all() const {
        auto out = words();
        out.insert(out.end(), {plan, law_note, behaviour, context, impact, call_in, talk_plan,
                               follow_up, resolution, hr_info});
        return out;
    }
};

// Five members (the harness's committee channel holds three), HR and leadership configured.
struct WholeIncident : ConfidentialIncident {
    const Typed typed;

    WholeIncident()
        : ConfidentialIncident({"UALICE", "UBOB", "UCAROL", "UDAVE", "UERIN"}, harper,
                               Typed{}.all(), {{"COCBOT_COMMITTEE_LEADERSHIP", leadership}}) {}
};

} // namespace

TEST_SUITE("e2e: one whole incident") {
    TEST_CASE_FIXTURE(WholeIncident,
                      "a whole incident is decided by the cleared members in their channel and "
                      "closed, and its details never leave that channel") {
        // 1. A member files a report about an employee; four members are cleared, one is not.
        file("UALICE", typed.employee_report());
        REQUIRE(eventually([&] { return slack.messages(channel).size() >= 2; }));
        CHECK(slack.messages(channel)[0].blocks.dump().find(typed.reporter_name) !=
              std::string::npos);

        clear("UALICE");
        clear("UBOB");
        REQUIRE(bot.click(conflicted, "conflict_declared", reference, committee_channel).status ==
                200);
        check_step();
        clear("UCAROL");
        clear("UDAVE");

        // 2. Owners are named.
        REQUIRE(
            bot.select_user("UALICE", "owner_primary", "incident:" + reference, "UALICE", channel)
                .status == 200);
        REQUIRE(
            bot.select_user("UALICE", "owner_secondary", "incident:" + reference, "UCAROL", channel)
                .status == 200);
        wait_posted("<@UALICE> is now the primary owner");
        wait_posted("<@UCAROL> is now the secondary owner");
        check_step();

        // 3. HR is asked to inform; the committee puts the violation to the vote meanwhile.
        open_modal("UALICE", "hr_involve", "coc_hr_involve");
        submit_ok("UALICE", "coc_hr_involve",
                  modal_values({{"scope", input::choice("informing")}}));
        wait_posted("asked HR (<@" + hr + ">)");
        // HR is asked about conflicts by DM, then joins HR's channel, never this one.
        hr_joins();
        // A member asks HR in their own words: the question reaches HR's channel, with a line in
        // the incident's; HR answers there, and a member records what HR said.
        const std::string question = "Has this person been spoken to before?";
        open_modal("UBOB", "ask_hr", "coc_ask_hr");
        submit_ok("UBOB", "coc_ask_hr", modal_values({{"question", input::text(question)}}));
        REQUIRE(eventually([&] { return count_containing(slack, hr_channel, question) == 1; }));
        CHECK(wait_posted("<@UBOB> asked HR:").text.find(question) != std::string::npos);
        open_modal("UCAROL", "hr_info", "coc_hr_info");
        submit_ok("UCAROL", "coc_hr_info",
                  modal_values({{"information", input::text(typed.hr_info)},
                                {"past", input::choice("no")}}));
        CHECK(wait_posted("<@UCAROL> recorded HR's information").text.find(typed.hr_info) !=
              std::string::npos);
        check_step();
        press("UALICE", "motion_violation");
        REQUIRE(eventually([&] { return motion_ts(slack, channel, reference, 1).has_value(); }));
        const auto violation = *motion_ts(slack, channel, reference, 1);
        check_step();

        // HR does not vote; nor does the member with a conflict.
        const auto hr_refused = ephemeral_for(
            hr, [&] { REQUIRE(bot.ballot(hr, reference, 1, true, channel).status == 200); });
        CHECK(hr_refused.find("can vote") != std::string::npos);
        const auto outsider_refused = ephemeral_for(conflicted, [&] {
            REQUIRE(bot.ballot(conflicted, reference, 1, true, channel).status == 200);
        });
        CHECK(outsider_refused.find("can vote") != std::string::npos);
        CHECK(motion_blocks(violation).find("Yes: nobody · No: nobody") != std::string::npos);
        CHECK(motion_blocks(violation).find(hr) == std::string::npos);
        CHECK(motion_blocks(violation).find(conflicted) == std::string::npos);

        press("UALICE", "hr_done");
        wait_posted("recorded that HR is done");
        REQUIRE(eventually([&] { return slack.archived(hr_channel); }));
        check_step();

        // 4. Three of the four cleared members pass the violation motion; a ballot changes on
        // the way, and the tally follows each ballot in place.
        REQUIRE(bot.ballot("UALICE", reference, 1, true, channel).status == 200);
        REQUIRE(eventually([&] {
            for (const auto& call : slack.calls("chat.update"))
                if (call.args.value("ts", "") == violation &&
                    call.args["blocks"].dump().find("Yes: <@UALICE> · No: nobody") !=
                        std::string::npos)
                    return true;
            return false;
        }));
        CHECK(motion_blocks(violation).find("1 of 3 needed, electorate 4") != std::string::npos);
        REQUIRE(bot.ballot("UBOB", reference, 1, false, channel).status == 200);
        REQUIRE(eventually([&] {
            return motion_blocks(violation).find("Yes: <@UALICE> · No: <@UBOB>") !=
                   std::string::npos;
        }));
        REQUIRE(bot.ballot("UBOB", reference, 1, true, channel).status == 200);
        REQUIRE(eventually([&] {
            return motion_blocks(violation).find("Yes: <@UALICE>, <@UBOB> · No: nobody") !=
                   std::string::npos;
        }));
        CHECK(has_ballot_buttons(motion_blocks(violation)));
        REQUIRE(bot.ballot("UCAROL", reference, 1, true, channel).status == 200);
        wait_posted("Motion 1 passed (3 yes, 0 no, of 4)");
        REQUIRE(eventually([&] { return !has_ballot_buttons(motion_blocks(violation)); }));
        CHECK(motion_blocks(violation).find("*Passed* (3 yes, 0 no, of 4)") != std::string::npos);
        CHECK_FALSE(motion_ts(slack, channel, reference, 1).has_value());
        const auto late = ephemeral_for("UDAVE", [&] {
            REQUIRE(bot.ballot("UDAVE", reference, 1, false, channel).status == 200);
        });
        CHECK(late == "Motion 1 was already decided: it passed.");
        check_step();

        // 5. A plan motion splits the four two to two: a tie decides nothing.
        open_modal("UCAROL", "motion_plan", "coc_motion_plan");
        submit_ok("UCAROL", "coc_motion_plan", modal_values({{"text", input::text(typed.plan)}}));
        REQUIRE(eventually([&] { return motion_ts(slack, channel, reference, 2).has_value(); }));
        const auto plan = *motion_ts(slack, channel, reference, 2);
        CHECK(motion_blocks(plan).find(typed.plan) != std::string::npos);
        REQUIRE(bot.ballot("UALICE", reference, 2, true, channel).status == 200);
        REQUIRE(bot.ballot("UBOB", reference, 2, false, channel).status == 200);
        REQUIRE(bot.ballot("UCAROL", reference, 2, true, channel).status == 200);
        REQUIRE(bot.ballot("UDAVE", reference, 2, false, channel).status == 200);
        REQUIRE(eventually([&] {
            return motion_blocks(plan).find("Yes: <@UALICE>, <@UCAROL> · No: <@UBOB>, <@UDAVE> — "
                                            "2 of 3 needed, electorate 4") != std::string::npos;
        }));
        // A decision would have been announced before this update went out.
        CHECK(has_ballot_buttons(motion_blocks(plan)));
        CHECK(motion_blocks(plan).find("Open:") != std::string::npos);
        CHECK_FALSE(posted("Motion 2 passed").has_value());
        CHECK_FALSE(posted("Motion 2 was rejected").has_value());
        CHECK(eventually([&] { return control().find("· 1 open motion") != std::string::npos; }));
        // The open motion is on the cleared members' list, and on nobody else's.
        CHECK(list_for("UBOB").find("Motion 2 in *" + reference + "*") != std::string::npos);
        CHECK(list_for("UBOB").find("you voted no") != std::string::npos);
        CHECK(list_for(conflicted).find(reference) == std::string::npos);
        CHECK(list_for(hr).find(reference) == std::string::npos);
        check_step();

        // 6. Law enforcement, only at the reporter's request; leadership learns that and no more.
        open_modal("UALICE", "law_enforcement", "coc_law_enforcement");
        const auto unasked = submit("UALICE", "coc_law_enforcement",
                                    modal_values({{"reporter_asked", input::choices({})},
                                                  {"note", input::text(typed.law_note)}}));
        CHECK(unasked.value("response_action", "") == "errors");
        CHECK(unasked["errors"].value("reporter_asked", "") ==
              "Law enforcement is involved only at the reporter's request.");
        submit_ok("UALICE", "coc_law_enforcement",
                  modal_values({{"reporter_asked", input::choices({"reporter_asked"})},
                                {"note", input::text(typed.law_note)}}));
        CHECK(wait_posted("recorded that law enforcement was involved").text.find(typed.law_note) !=
              std::string::npos);
        REQUIRE(eventually([&] { return slack.messages(leadership).size() == 1; }));
        const auto told = slack.messages(leadership)[0];
        CHECK(told.text.find("incident " + reference) != std::string::npos);
        CHECK(told.text.find("reporter's request") != std::string::npos);
        CHECK(told.blocks.dump().find("UREPORTED") == std::string::npos);
        CHECK(told.text.find("UREPORTED") == std::string::npos);
        check_step();

        // 7. Two members record their conversation with the reported person, who refused the
        // plan: the channel is prompted to re-evaluate.
        open_modal("UBOB", "record_conversation", "coc_conversation");
        submit_ok("UBOB", "coc_conversation",
                  modal_values({{"talkers", input::users({"UALICE", "UBOB"})},
                                {"behaviour", input::text(typed.behaviour)},
                                {"context", input::text(typed.context)},
                                {"impact", input::text(typed.impact)},
                                {"call_in", input::text(typed.call_in)},
                                {"plan", input::text(typed.talk_plan)},
                                {"accepted", input::choice("no")},
                                {"apology", input::choice("relayed")}}));
        const auto record =
            wait_posted("recorded the conversation <@UALICE> and <@UBOB> had with the reported "
                        "person");
        for (const auto& part :
             {typed.behaviour, typed.context, typed.impact, typed.call_in, typed.talk_plan})
            CHECK(record.text.find(part) != std::string::npos);
        CHECK(record.text.find("Plan accepted: no") != std::string::npos);
        wait_posted("Relay the apology to the reporter");
        wait_posted("re-evaluate with new motions");
        for (const auto& call : slack.calls("chat.postMessage"))
            if (call.args.dump().find(typed.behaviour) != std::string::npos)
                CHECK(call.args.value("channel", "") == channel);
        check_step();

        // 8. Dave, who voted no on the plan, recuses: of the three left, two yes pass it.
        const auto refused_ephemerals = count_of(bot.log(), "user_not_in_channel");
        press("UDAVE", "recuse");
        cleared.erase("UDAVE");
        wait_posted("Motion 2 passed (2 yes, 1 no, of 3)");
        // Dave's answer reaches him before he is removed: Slack refuses ephemerals to people
        // outside the channel. (The executor runs one effect at a time, so once the kick is
        // seen, the answer's outcome is in the log.)
        REQUIRE(eventually([&] { return slack.members(channel).count("UDAVE") == 0; }));
        CHECK(count_of(bot.log(), "user_not_in_channel") == refused_ephemerals);
        REQUIRE(eventually([&] { return !has_ballot_buttons(motion_blocks(plan)); }));
        CHECK(motion_blocks(plan).find("*Passed* (2 yes, 1 no, of 3)") != std::string::npos);
        CHECK(eventually([&] {
            return control().find("3 cleared members · 0 open motions") != std::string::npos;
        }));
        check_step();
        REQUIRE(bot.member_left("UDAVE", channel).status == 200);

        // 9. The reporter is told the decision.
        open_modal("UCAROL", "reporter_followup", "coc_reporter_followup");
        submit_ok("UCAROL", "coc_reporter_followup",
                  modal_values({{"note", input::text(typed.follow_up)},
                                {"decision", input::choices({"decision"})}}));
        CHECK(wait_posted("<@UCAROL> told the reporter the committee's decision")
                  .text.find(typed.follow_up) != std::string::npos);
        check_step();

        // 10. The timeline is the written record: who did what, never who has a conflict.
        REQUIRE(bot.slash_in("UALICE", channel, "timeline").status == 200);
        const auto timeline = wait_posted("Timeline of incident " + reference).blocks.dump();
        for (const auto* line :
             {"filed the report", "<@UALICE> named <@UCAROL> secondary owner",
              "<@UALICE> asked HR to give information (<@UHARPER>)",
              "<@UALICE> recorded that HR is done (HR's channel archived)",
              "<@UBOB> voted no on motion 1", "motion 1 passed (3 yes, 0 no, of 4)",
              "recorded that law enforcement was involved at the reporter's request",
              "recorded the conversation of <@UALICE> and <@UBOB> with the reported person (plan "
              "not accepted)",
              "<@UDAVE> recused", "motion 2 passed (2 yes, 1 no, of 3)",
              "<@UCAROL> told the reporter the committee's decision"})
            CHECK_MESSAGE(timeline.find(line) != std::string::npos, line);
        CHECK(timeline.find(conflicted) == std::string::npos);
        CHECK(timeline.find(hr + "> voted") == std::string::npos);
        check_step();

        // 11. The owner resolves it: the record is posted, the channel archived, and it is no
        // longer anyone's open incident.
        open_modal("UALICE", "resolve", "coc_resolve");
        submit_ok("UALICE", "coc_resolve",
                  modal_values({{"resolution", input::text(typed.resolution)},
                                {"category", input::choice("Harassment")},
                                {"outcome", input::choice("warning")}}));
        REQUIRE(eventually([&] { return slack.archived(channel); }));
        std::vector<FakeSlack::Message> records;
        for (const auto& m : slack.messages(channel))
            if (m.text == "Timeline of incident " + reference)
                records.push_back(m);
        REQUIRE(records.size() == 2);
        CHECK(records[1].blocks.dump().find("<@UALICE> resolved the incident") !=
              std::string::npos);
        CHECK(wait_posted("<@UALICE> resolved the incident.").text.find(typed.resolution) !=
              std::string::npos);
        CHECK(slack.archived_channels() == std::set<std::string>{channel, hr_channel});
        // What is left to do with it: read it back, or vote to re-open it.
        CHECK(offers("reopen"));
        CHECK(offers("show_timeline"));
        CHECK_FALSE(offers("resolve"));
        check_step();

        CHECK(list_for("UALICE").find(reference) == std::string::npos);
        REQUIRE(bot.home_opened("UALICE").status == 200);
        REQUIRE(eventually([&] { return !slack.calls("views.publish").empty(); }));
        const auto home = slack.calls("views.publish").back();
        CHECK(home.args.value("user_id", "") == "UALICE");
        CHECK(home.args["view"].dump().find(reference) == std::string::npos);
        CHECK(home.args["view"].dump().find("None open.") != std::string::npos);

        // 12. A report kept in escrow about someone else, in the reporter's own name; and an
        // anonymous one.
        ReportInput escrowed;
        escrowed.reported_user = "UESCROWED";
        escrowed.description = "Followed me to the hotel lobby twice";
        escrowed.location = "Lobby of the Grand Hotel";
        escrowed.reporter_name = "Quinn Escrowreporter";
        escrowed.reporter_contact = "quinn@example.org";
        escrowed.flags = {"escrow"};
        reference_from(bot.submit_report("UQUINN", escrowed));
        ReportInput anonymous;
        anonymous.reported_name = "Rory Anonymouslyreported";
        anonymous.description = "Shouted slurs during the closing party";
        anonymous.location = "Rooftop terrace bar";
        anonymous.flags = {"anonymous"};
        reference_from(bot.submit_report("UANON", anonymous));
        REQUIRE(bot.wait_idle());

        CHECK(bot.terminate() == 0);
        check_nothing_leaked(slack, channel, typed.all());
        for (const auto& secret : typed.all())
            CHECK(bot.log().find(secret) == std::string::npos);
        // Not a word of either report, nor who reported or was reported, is in any file cocbot
        // wrote (database, write-ahead log, key file, log), in UTF-8 or UTF-16, in any case.
        auto words = typed.all();
        words.insert(words.end(),
                     {"UREPORTED", escrowed.description, escrowed.location, escrowed.reporter_name,
                      escrowed.reporter_contact, "UESCROWED", "UQUINN", anonymous.reported_name,
                      anonymous.description, anonymous.location, "UANON"});
        for (const auto& word : words_in_files_beside(bot.database_path(), words))
            FAIL_CHECK("in cocbot's files: " << word);
    }
}
