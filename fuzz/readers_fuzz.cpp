// File: fuzz/readers_fuzz.cpp
// The readers that turn parsed Slack payloads into core's vocabulary: report_from_view,
// intent_from_action, command_from_submission, and the helpers for motion values and
// subcommands, on whatever parse_payload accepts.
//
// Input: "<Content-Type>\n<body>", as for payload_fuzz, so the two share seeds.
#include "bot/slack/ids.hpp"
#include "bot/slack/payloads.hpp"
#include "bot/slack/report_modal.hpp"
#include "bot/slack/to_command.hpp"
#include "fuzz/fuzz_input.hpp"

#include <cstdint>
#include <string>
#include <variant>

namespace {

namespace fuzz = cocbot::fuzz;
namespace slack = cocbot::slack;

// A motion value that parses is one motion_value() would write, and reads back the same.
void check_motion_value(std::string_view value) {
    const auto motion = slack::parse_motion_value(value);
    if (!motion)
        return;
    const std::string written = slack::motion_value(motion->first, motion->second);
    fuzz::expect(slack::parse_motion_value(written) == motion,
                 "parse_motion_value(motion_value(...)) changed the motion");
}

void check_report(const slack::ViewState& state) {
    const auto report = slack::report_from_view(state);
    if (const auto* errors = std::get_if<std::vector<cocbot::core::FieldError>>(&report)) {
        fuzz::expect(!errors->empty(), "report_from_view refused a report without saying why");
        for (const auto& error : *errors)
            fuzz::expect(!error.field.empty() && !error.message.empty(),
                         "a field error without a field or a message");
    }
}

// A click acts on the incident it carries (as its value, in its block's id, or in the motion
// value of a ballot) and on no other: the incident a command names decides who sees what.
void check_click(const slack::BlockActions& actions) {
    const auto intent = slack::intent_from_action(actions);
    if (!intent)
        return;
    const auto& action = actions.actions.front();
    const auto* open = std::get_if<slack::OpenModal>(&*intent);
    if (open)
        fuzz::expect(open->trigger_id == actions.trigger_id,
                     "a modal opened with another trigger than the click's");
    const std::string& incident =
        open ? open->incident.value
             : cocbot::core::incident_of(std::get<cocbot::core::Command>(*intent)).value;
    const auto motion = slack::parse_motion_value(action.value);
    fuzz::expect(incident == action.value ||
                     std::string{slack::ids::incident_block_prefix} + incident == action.block_id ||
                     (motion && motion->first.value == incident),
                 "a click acts on an incident it does not carry", incident);
}

struct Read {
    void operator()(const slack::BlockActions& actions) const {
        check_click(actions);
        for (const auto& action : actions.actions)
            check_motion_value(action.value);
    }
    void operator()(const slack::ViewSubmission& submission) const {
        // A modal's incident is its private_metadata, set by cocbot when it opened the modal.
        if (const auto command = slack::command_from_submission(submission))
            fuzz::expect(cocbot::core::incident_of(*command).value == submission.private_metadata,
                         "a submitted modal acts on another incident than its own");
        check_report(submission.state);
    }
    void operator()(const slack::SlashCommand& command) const {
        const std::string sub = slack::subcommand_of(command.text);
        const std::string argument = slack::argument_of(command.text);
        fuzz::expect(sub.size() + argument.size() <= command.text.size(),
                     "a subcommand and argument longer than the text");
        check_motion_value(command.text);
    }
    void operator()(const auto&) const {}
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = fuzz::as_text(data, size);
    const std::string_view content_type = fuzz::take_until(input, '\n');
    const auto result = slack::parse_payload(content_type, input);
    if (const auto* payload = std::get_if<slack::Payload>(&result))
        std::visit(Read{}, *payload);
    return 0;
}
