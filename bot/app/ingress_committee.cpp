// File: bot/app/ingress_committee.cpp
// The committee governing itself, as Slack reaches it: `/coc committee [add|remove @person]`,
// the removal modal, and the buttons of ballots, check-ins and off-boarding checklists. Only
// members get anything but the help; every answer is private to whoever asked.
#include "bot/app/clock.hpp"
#include "bot/app/ingress.hpp"
#include "bot/app/ingress_answer.hpp"
#include "bot/slack/committee_modal.hpp"
#include "bot/slack/ids.hpp"
#include "bot/slack/report_modal.hpp"
#include "bot/slack/to_command.hpp"

#include <charconv>

namespace cocbot::app {

namespace {

constexpr std::string_view usage =
    "Usage: `/coc committee` lists the members; `/coc committee add @person` proposes a new "
    "member; `/coc committee remove @person` proposes a removal. Choose the person from Slack's "
    "list as you type, so that the name is a mention.";

std::optional<std::int64_t> motion_id(std::string_view value) {
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), id);
    if (error != std::errc{} || end != value.data() + value.size() || id <= 0)
        return std::nullopt;
    return id;
}

} // namespace

Ingress::Answer Ingress::committee(const slack::SlashCommand& command) {
    const core::UserId member{command.user_id};
    // Anyone else gets the help, as for an unknown subcommand: the committee's work is its own.
    if (!roster_.committee().is_member(member))
        return Answer::ephemeral(help(), "unknown_help");
    const auto argument = slack::argument_of(command.text);
    if (argument.empty())
        return Answer::ephemeral(governance_.roster_text(), "committee");
    const auto verb = slack::subcommand_of(argument);
    const auto subject = slack::mentioned_user(slack::argument_of(argument));
    if ((verb != "add" && verb != "remove") || !subject)
        return Answer::ephemeral(usage, "committee_usage");
    if (verb == "remove")
        return committee_removal_modal(command, *subject);
    auto said = governance_.votes().propose(
        {core::CommitteeMotionKind::admission, *subject, member, {}, {}}, now());
    return Answer::ephemeral(said, "committee_add");
}

Ingress::Answer Ingress::committee_removal_modal(const slack::SlashCommand& command,
                                                 const core::UserId& subject) {
    const core::UserId member{command.user_id};
    if (auto refused =
            governance_.votes().refusal(core::CommitteeMotionKind::removal, member, subject))
        return Answer::ephemeral(*refused, "committee_remove_refused");
    if (!open_modal(command.trigger_id, slack::committee_removal_modal(subject)))
        return Answer::ephemeral("Slack is slow to answer just now, so the form could not open. "
                                 "Nothing was sent. Please try again in a minute.",
                                 "modal_shed");
    return Answer::empty("modal_opening");
}

Ingress::Answer Ingress::committee_removal(const slack::ViewSubmission& submission) {
    const auto proposal = slack::read_removal_proposal(submission);
    const core::UserId member{submission.user_id};
    const auto inputs =
        slack::input_ids(slack::committee_removal_view(submission.private_metadata.empty()));
    std::vector<core::FieldError> errors;
    if (proposal.reason.empty())
        errors.push_back({std::string{slack::ids::reason}, "Say why, for the other members."});
    else if (proposal.reason.size() > 3000 || proposal.farewell.size() > 3000)
        errors.push_back({std::string{slack::ids::reason}, "Keep it under 3,000 characters."});
    else if (auto refused = governance_.votes().refusal(core::CommitteeMotionKind::removal, member,
                                                        proposal.subject))
        errors.push_back({std::string{submission.private_metadata.empty() ? slack::ids::subject
                                                                          : slack::ids::reason},
                          *refused});
    if (!errors.empty())
        return Answer::json_body({{"response_action", "errors"},
                                  {"errors", {{errors.front().field, errors.front().message}}}},
                                 "refused");
    const auto said =
        governance_.votes().propose({core::CommitteeMotionKind::removal, proposal.subject, member,
                                     proposal.reason, proposal.farewell},
                                    now());
    return Answer::json_body(
        {{"response_action", "update"},
         {"view", slack::confirmation_modal(slack::committee_removal_view().title, said)}},
        "committee_remove");
}

std::optional<Ingress::Answer> Ingress::on_committee_action(const slack::BlockActions& actions) {
    if (actions.actions.empty())
        return std::nullopt;
    const auto& action = actions.actions.front();
    const auto& id = action.action_id;
    const core::UserId user{actions.user_id};
    const auto at = now();
    std::string said;
    if (id == slack::ids::removal_remove || id == slack::ids::removal_keep ||
        id == slack::ids::admission_yes || id == slack::ids::admission_no) {
        const auto motion = motion_id(action.value);
        const bool yes = id == slack::ids::removal_remove || id == slack::ids::admission_yes;
        said = motion ? governance_.votes().vote(*motion, user, yes, at)
                      : "This ballot is not yours to cast.";
    } else if (id == slack::ids::checkin_continue || id == slack::ids::checkin_step_down) {
        said = governance_.check_ins().answer(user, id == slack::ids::checkin_continue, at);
    } else if (id == slack::ids::committee_remove) {
        // App Home's button: the form asks which member. Anyone else's click opens nothing.
        if (!roster_.committee().is_member(user) || actions.trigger_id.empty())
            return Answer::empty("ignored");
        if (!open_modal(actions.trigger_id, slack::committee_removal_modal({})))
            return Answer::empty("modal_shed");
        return Answer::empty("modal_opening");
    } else if (id == slack::ids::offboard_done) {
        said = governance_.offboarding().tick(
            {core::ChannelId{actions.channel_id}, actions.message_ts}, action.value, user, at);
    } else {
        return std::nullopt;
    }
    if (!actions.channel_id.empty())
        workflow_.tell({core::ChannelId{actions.channel_id}, user}, said, at);
    return Answer::empty(std::string{id});
}

} // namespace cocbot::app
