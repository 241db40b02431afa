// File: bot/slack/modal_view.hpp
// A modal described once: its callback id, its frame, and its inputs. The view Slack shows and
// the list of inputs a submission's errors may name both come from this description.
#pragma once

#include "bot/slack/kit.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::slack {

// One input block (block_id = action_id = id).
struct ModalInput {
    std::string_view id;
    std::string_view label;
    nlohmann::json (*element)();
    std::string_view hint = {};
    kit::Entry entry = kit::Entry::optional;
};

struct ModalView {
    std::string_view callback_id;
    std::string_view title;  // at most 24 characters, as Slack requires
    std::string_view submit; // likewise
    std::vector<ModalInput> inputs;
};

// The view for views.open: `intro` (mrkdwn) above the inputs, `private_metadata` carried back
// with the submission.
nlohmann::json render_view(const ModalView& view, std::string_view intro,
                           std::string_view private_metadata = {});

// The input ids, in order: the only places Slack can show a field error.
std::vector<std::string> input_ids(const ModalView& view);

} // namespace cocbot::slack
