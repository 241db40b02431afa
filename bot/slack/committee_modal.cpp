// File: bot/slack/committee_modal.cpp
#include "bot/slack/committee_modal.hpp"

#include "bot/slack/ids.hpp"
#include "bot/slack/mrkdwn.hpp"
#include "core/governance_messages.hpp"
#include "core/trim.hpp"

#include <algorithm>
#include <cctype>

namespace cocbot::slack {

using nlohmann::json;

namespace {

json reason_input() {
    return kit::text_input(true);
}

json farewell_input() {
    json element = kit::text_input(true);
    element["initial_value"] = std::string{core::default_removal_message()};
    return element;
}

std::string text_of(const ViewSubmission& submission, std::string_view id) {
    const auto block = submission.state.values.find(std::string{id});
    if (block == submission.state.values.end())
        return {};
    const auto input = block->second.find(std::string{id});
    if (input == block->second.end() || !input->second.value)
        return {};
    return std::string{core::trim(*input->second.value)};
}

bool user_id_like(std::string_view text) {
    return text.size() >= 3 && text.size() <= 32 && (text[0] == 'U' || text[0] == 'W') &&
           std::all_of(text.begin(), text.end(), [](unsigned char c) {
               return std::isupper(c) != 0 || std::isdigit(c) != 0;
           });
}

const ModalInput reason_field{ids::reason, "Why should they be removed?", reason_input,
                              "Every other member reads this on their private ballot.",
                              kit::Entry::required};
const ModalInput farewell_field{ids::farewell, "The message they get if removed", farewell_input,
                                "Sent by direct message only after their access is revoked. "
                                "Leave it as it is, or write your own.",
                                kit::Entry::optional};

json subject_input() {
    return {{"type", "users_select"}};
}

std::string selected_user(const ViewSubmission& submission) {
    const auto block = submission.state.values.find(std::string{ids::subject});
    if (block == submission.state.values.end())
        return {};
    const auto input = block->second.find(std::string{ids::subject});
    if (input == block->second.end() || !input->second.selected_user)
        return {};
    return *input->second.selected_user;
}

} // namespace

const ModalView& committee_removal_view(bool choose_subject) {
    static const ModalView named{ids::committee_remove_callback,
                                 "Propose a removal",
                                 "Propose",
                                 {reason_field, farewell_field}};
    static const ModalView choosing{
        ids::committee_remove_callback,
        "Propose a removal",
        "Propose",
        {{ids::subject, "Which member?", subject_input, {}, kit::Entry::required},
         reason_field,
         farewell_field}};
    return choose_subject ? choosing : named;
}

json committee_removal_modal(const core::UserId& subject) {
    const std::string who = subject.empty() ? std::string{"the member"} : user_link(subject);
    const std::string intro =
        "Propose removing " + who +
        " from the Code of Conduct committee. Every member but them gets a private ballot; a "
        "simple majority of *all* members (them included) must vote Remove, and a member who "
        "does not vote counts against. They are not told of the vote and see nothing of it.";
    return render_view(committee_removal_view(subject.empty()), intro, subject.value);
}

RemovalProposal read_removal_proposal(const ViewSubmission& submission) {
    // Named by the command (the private metadata), or chosen in the form opened from App Home.
    const std::string subject = submission.private_metadata.empty() ? selected_user(submission)
                                                                    : submission.private_metadata;
    return {core::UserId{subject}, text_of(submission, ids::reason),
            text_of(submission, ids::farewell)};
}

std::optional<core::UserId> mentioned_user(std::string_view text) {
    text = core::trim(text);
    if (text.starts_with("<@") && text.ends_with(">")) {
        text = text.substr(2, text.size() - 3);
        text = text.substr(0, text.find('|'));
    }
    if (!user_id_like(text))
        return std::nullopt;
    return core::UserId{std::string{text}};
}

} // namespace cocbot::slack
