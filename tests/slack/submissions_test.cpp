// File: tests/slack/submissions_test.cpp
// Submitted modals as core's vocabulary: the report modal as a report, each incident modal as
// its command.
#include "bot/slack/report_modal.hpp"
#include "bot/slack/resolution_modal.hpp"
#include "bot/slack/to_command.hpp"

#include <doctest/doctest.h>

using namespace cocbot;

namespace {

slack::InputValue text(std::string v) {
    slack::InputValue i;
    i.type = "plain_text_input";
    i.value = std::move(v);
    return i;
}

slack::ViewState full_state() {
    slack::ViewState s;
    slack::InputValue user;
    user.type = "users_select";
    user.selected_user = "U0BAD";
    s.values["reported_user"]["reported_user"] = user;
    s.values["reported_name"]["reported_name"] = text("Bob");
    s.values["description"]["description"] = text("Said things");
    s.values["location"]["location"] = text("Hall B");
    s.values["reporter_name"]["reporter_name"] = text("Dana");
    s.values["reporter_contact"]["reporter_contact"] = text("dana@example.org");
    slack::InputValue source;
    source.type = "static_select";
    source.selected_option = "in_person";
    s.values["source"]["source"] = source;
    slack::InputValue flags;
    flags.type = "checkboxes";
    flags.selected_options = {"immediate_danger", "no_updates", "content_warning"};
    s.values["flags"]["flags"] = flags;
    slack::InputValue preferred;
    preferred.type = "users_select";
    preferred.selected_user = "UCAROL";
    s.values["prefer_member"]["prefer_member"] = preferred;
    return s;
}

slack::InputValue radio(std::string value) {
    slack::InputValue i;
    i.type = "radio_buttons";
    i.selected_option = std::move(value);
    return i;
}

slack::InputValue options(std::string type, std::vector<std::string> values) {
    slack::InputValue i;
    i.type = std::move(type);
    i.selected_options = std::move(values);
    return i;
}

slack::ViewSubmission submitted(std::string callback_id) {
    slack::ViewSubmission submission;
    submission.callback_id = std::move(callback_id);
    submission.private_metadata = "2026-004";
    submission.user_id = "UALICE";
    return submission;
}

template <typename T>
T submitted_command(const slack::ViewSubmission& submission) {
    const auto command = slack::command_from_submission(submission);
    REQUIRE(command.has_value());
    const auto* typed = std::get_if<T>(&*command);
    REQUIRE(typed != nullptr);
    CHECK(typed->incident.value == "2026-004");
    return *typed;
}

} // namespace

TEST_SUITE("to_command") {
    TEST_CASE("a filled report modal becomes a report") {
        const auto result = slack::report_from_view(full_state());
        REQUIRE(std::holds_alternative<core::Report>(result));
        const auto& r = std::get<core::Report>(result);
        CHECK(r.reported.user.value == "U0BAD");
        CHECK(r.reported.name == "Bob");
        CHECK(r.description == "Said things");
        CHECK(r.location == "Hall B");
        CHECK(r.reporter_name == "Dana");
        CHECK(r.reporter_contact == "dana@example.org");
        CHECK(r.source == core::Source::in_person);
        CHECK(r.flags ==
              core::Flags{.immediate_danger = true, .no_updates = true, .content_warning = true});
        CHECK(r.preferred.value == "UCAROL");
    }

    TEST_CASE("an empty modal becomes an empty report that core will refuse") {
        const auto result = slack::report_from_view({});
        REQUIRE(std::holds_alternative<core::Report>(result));
        CHECK(std::get<core::Report>(result) == core::Report{});
    }

    TEST_CASE("an unknown source is flagged on the source field") {
        auto state = full_state();
        state.values["source"]["source"].selected_option = "pigeon";
        const auto result = slack::report_from_view(state);
        REQUIRE(std::holds_alternative<std::vector<core::FieldError>>(result));
        CHECK(std::get<std::vector<core::FieldError>>(result).front().field == "source");
    }

    TEST_CASE("the immediate-action modal becomes a command for its incident") {
        slack::ViewSubmission submission;
        submission.callback_id = "coc_immediate_action";
        submission.private_metadata = "2026-004";
        submission.user_id = "UALICE";
        submission.state.values["action"]["action"] = text("Called security");
        const auto command = slack::command_from_submission(submission);
        REQUIRE(command.has_value());
        const auto& recorded = std::get<core::RecordImmediateAction>(*command);
        CHECK(recorded.incident.value == "2026-004");
        CHECK(recorded.action == "Called security");
        submission.callback_id = "coc_report";
        CHECK_FALSE(slack::command_from_submission(submission).has_value());
    }

    TEST_CASE("the follow-up modal records what was told and whether it was the decision") {
        auto submission = submitted("coc_reporter_followup");
        submission.state.values["note"]["note"] = text("Phoned them");
        submission.state.values["decision"]["decision"] = options("checkboxes", {"decision"});
        const auto followed = submitted_command<core::RecordReporterFollowUp>(submission);
        CHECK(followed.by.value == "UALICE");
        CHECK(followed.note == "Phoned them");
        CHECK(followed.decision);
        submission.state.values.erase("decision");
        CHECK_FALSE(submitted_command<core::RecordReporterFollowUp>(submission).decision);
    }

    TEST_CASE("the plan and refusal modals propose motions with the typed text") {
        for (const auto& [callback, kind] : std::vector<std::pair<std::string, core::MotionKind>>{
                 {"coc_motion_plan", core::MotionKind::plan},
                 {"coc_motion_refusal", core::MotionKind::refusal}}) {
            CAPTURE(callback);
            auto submission = submitted(callback);
            submission.state.values["text"]["text"] = text("Apologise <in writing>");
            const auto proposed = submitted_command<core::ProposeMotion>(submission);
            CHECK(proposed.by.value == "UALICE");
            CHECK(proposed.kind == kind);
            CHECK(proposed.text == "Apologise <in writing>");
            CHECK(proposed.consequences.empty());
            // An empty modal is proposed empty, for core to refuse on the text field.
            submission.state.values.clear();
            CHECK(submitted_command<core::ProposeMotion>(submission).text.empty());
        }
    }

    TEST_CASE("the consequences modal proposes the chosen consequences and any other") {
        auto submission = submitted("coc_motion_consequences");
        submission.state.values["consequences"]["consequences"] =
            options("multi_static_select", {"warning", "leave_event"});
        submission.state.values["text"]["text"] = text("Write an essay");
        const auto proposed = submitted_command<core::ProposeMotion>(submission);
        CHECK(proposed.kind == core::MotionKind::consequences);
        CHECK(proposed.consequences == std::vector<std::string>{"warning", "leave_event"});
        CHECK(proposed.text == "Write an essay");
        submission.state.values.clear();
        const auto empty = submitted_command<core::ProposeMotion>(submission);
        CHECK(empty.consequences.empty());
        CHECK(empty.text.empty());
    }

    TEST_CASE("the HR modal involves HR in the chosen scope, and nothing without one") {
        auto submission = submitted("coc_hr_involve");
        submission.state.values["scope"]["scope"] = radio("employees_only");
        CHECK(submitted_command<core::InvolveHr>(submission).scope ==
              core::HrScope::employees_only);
        submission.state.values["scope"]["scope"] = radio("informing");
        const auto involved = submitted_command<core::InvolveHr>(submission);
        CHECK(involved.scope == core::HrScope::informing);
        CHECK(involved.by.value == "UALICE");
        submission.state.values["scope"]["scope"] = radio("everyone");
        CHECK_FALSE(slack::command_from_submission(submission).has_value());
        submission.state.values["scope"]["scope"] = slack::InputValue{};
        CHECK_FALSE(slack::command_from_submission(submission).has_value());
    }

    TEST_CASE("HR's report becomes RecordHrReport with all four answers") {
        auto submission = submitted("coc_hr_report");
        auto& values = submission.state.values;
        values["finding"]["finding"] = radio("no_violation");
        values["plan"]["plan"] = text("Training");
        values["consequences"]["consequences"] = text("None");
        values["taking_action"]["taking_action"] = radio("no");
        const auto reported = submitted_command<core::RecordHrReport>(submission);
        CHECK(reported.by.value == "UALICE");
        CHECK(reported.report ==
              core::HrReport{core::HrFinding::no_violation, "Training", "None", false});
        values["taking_action"]["taking_action"] = radio("yes");
        CHECK(submitted_command<core::RecordHrReport>(submission).report.taking_action);
        SUBCASE("without a finding or an answer on action it is not understood") {
            values.erase("finding");
            CHECK_FALSE(slack::command_from_submission(submission).has_value());
        }
        SUBCASE("an unknown answer on action is not understood") {
            values["taking_action"]["taking_action"] = radio("maybe");
            CHECK_FALSE(slack::command_from_submission(submission).has_value());
        }
    }

    TEST_CASE("Ask HR and HR's information become their commands, with the past instances") {
        auto ask = submitted("coc_ask_hr");
        ask.state.values["question"]["question"] = text("Any earlier complaints?");
        CHECK(submitted_command<core::AskHr>(ask).question == "Any earlier complaints?");
        auto info = submitted("coc_hr_info");
        info.state.values["information"]["information"] = text("Two warnings");
        info.state.values["past"]["past"] = radio("yes");
        const auto informed = submitted_command<core::RecordHrInformation>(info);
        CHECK(informed.information == "Two warnings");
        CHECK(informed.past == core::PastInstances::yes);
        CHECK(informed.by.value == "UALICE");
        info.state.values["past"]["past"] = radio("perhaps");
        CHECK_FALSE(slack::command_from_submission(info).has_value());
    }

    TEST_CASE("the law enforcement modal records the reporter's request and the note") {
        auto submission = submitted("coc_law_enforcement");
        submission.state.values["reporter_asked"]["reporter_asked"] =
            options("checkboxes", {"reporter_asked"});
        submission.state.values["note"]["note"] = text("Shared the report with the police");
        const auto recorded = submitted_command<core::RecordLawEnforcement>(submission);
        CHECK(recorded.by.value == "UALICE");
        CHECK(recorded.reporter_asked);
        CHECK(recorded.note == "Shared the report with the police");
        submission.state.values.clear();
        const auto empty = submitted_command<core::RecordLawEnforcement>(submission);
        CHECK_FALSE(empty.reporter_asked);
        CHECK(empty.note.empty());
    }

    TEST_CASE("the conversation modal records who talked and every part of the talk") {
        auto submission = submitted("coc_conversation");
        auto& values = submission.state.values;
        slack::InputValue talkers;
        talkers.type = "multi_users_select";
        talkers.selected_users = {"UALICE", "UBOB"};
        values["talkers"]["talkers"] = talkers;
        values["behaviour"]["behaviour"] = text("Said 'hey guys'");
        values["context"]["context"] = text("Underrepresented");
        values["impact"]["impact"] = text("Felt unwelcome");
        values["call_in"]["call_in"] = text("Help us");
        values["plan"]["plan"] = text("Say 'hey all'");
        values["accepted"]["accepted"] = radio("yes");
        values["apology"]["apology"] = radio("relayed");
        const auto recorded = submitted_command<core::RecordConversation>(submission);
        CHECK(recorded.by.value == "UALICE");
        CHECK(recorded.conversation ==
              core::Conversation{{core::UserId{"UALICE"}, core::UserId{"UBOB"}},
                                 "Said 'hey guys'",
                                 "Underrepresented",
                                 "Felt unwelcome",
                                 "Help us",
                                 "Say 'hey all'",
                                 true,
                                 core::Apology::relayed});
        SUBCASE("optional parts and missing talkers are left empty for core to judge") {
            values.erase("context");
            values.erase("call_in");
            values.erase("talkers");
            const auto partial = submitted_command<core::RecordConversation>(submission);
            CHECK(partial.conversation.talkers.empty());
            CHECK(partial.conversation.context.empty());
            CHECK(partial.conversation.call_in.empty());
        }
        SUBCASE("without the plan's acceptance or the apology it is not understood") {
            values.erase("accepted");
            CHECK_FALSE(slack::command_from_submission(submission).has_value());
        }
        SUBCASE("an unknown apology is not understood") {
            values["apology"]["apology"] = radio("grovelled");
            CHECK_FALSE(slack::command_from_submission(submission).has_value());
        }
    }

    TEST_CASE("the resolve modal resolves the incident with the resolution") {
        auto submission = submitted("coc_resolve");
        submission.state.values["resolution"]["resolution"] = text("A warning was given");
        slack::InputValue select;
        select.type = "static_select";
        SUBCASE("with what the transparency report counts") {
            select.selected_option = "Harassment";
            submission.state.values["category"]["category"] = select;
            select.selected_option = "banned";
            submission.state.values["outcome"]["outcome"] = select;
            select.selected_option = "speaker";
            submission.state.values["reported_role"]["reported_role"] = select;
            submission.state.values["cannot_anonymise"]["cannot_anonymise"] =
                options("checkboxes", {"cannot_anonymise"});
            const auto resolved = submitted_command<core::ResolveIncident>(submission);
            CHECK(resolved.by.value == "UALICE");
            CHECK(resolved.resolution == "A warning was given");
            CHECK(resolved.category == "Harassment");
            CHECK(resolved.outcome == core::ResolutionOutcome::banned);
            CHECK(resolved.role == core::ReportedRole::speaker);
            CHECK(resolved.cannot_anonymise);
        }
        SUBCASE("without a choice, or an unknown one, for core to refuse") {
            select.selected_option = "vanished";
            submission.state.values["outcome"]["outcome"] = select;
            const auto resolved = submitted_command<core::ResolveIncident>(submission);
            CHECK(resolved.category.empty());
            CHECK(resolved.outcome == core::ResolutionOutcome::unrecorded);
            CHECK(resolved.role == core::ReportedRole::unrecorded);
            CHECK_FALSE(resolved.cannot_anonymise);
        }
    }

    TEST_CASE("the resolve modal offers the committee's categories and the outcome the votes "
              "suggest") {
        const auto modal = slack::resolution_modal("2026-004", {"Harassment", "Spam & noise"},
                                                   core::ResolutionOutcome::behavioural_plan);
        std::vector<std::string> categories;
        nlohmann::json outcome;
        for (const auto& block : modal.at("blocks")) {
            if (block.value("block_id", "") == "category")
                for (const auto& o : block.at("element").at("options"))
                    categories.push_back(o.at("value"));
            if (block.value("block_id", "") == "outcome")
                outcome = block.at("element");
        }
        CHECK(categories == std::vector<std::string>{"Harassment", "Spam & noise"});
        CHECK(outcome.at("initial_option").at("value") == "behavioural_plan");
        const auto unsuggested = slack::resolution_modal("2026-004", {"Harassment"},
                                                         core::ResolutionOutcome::unrecorded);
        CHECK(unsuggested.dump().find("initial_option") == std::string::npos);
    }

    TEST_CASE("a submission without its incident, or of an unknown view, is not a command") {
        auto submission = submitted("coc_resolve");
        submission.private_metadata.clear();
        CHECK_FALSE(slack::command_from_submission(submission).has_value());
        submission = submitted("coc_something_else");
        CHECK_FALSE(slack::command_from_submission(submission).has_value());
    }
}
