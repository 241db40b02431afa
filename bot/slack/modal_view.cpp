// File: bot/slack/modal_view.cpp
// A modal's description as the view Slack shows.
#include "bot/slack/modal_view.hpp"

namespace cocbot::slack {

using nlohmann::json;

json render_view(const ModalView& view, std::string_view intro, std::string_view private_metadata) {
    json blocks = json::array({kit::section(intro)});
    for (const auto& in : view.inputs)
        blocks.push_back(kit::input(in.id, in.label, in.element(), in.hint, in.entry));
    json modal{{"type", "modal"}, {"callback_id", view.callback_id}};
    if (!private_metadata.empty())
        modal["private_metadata"] = private_metadata;
    modal["title"] = kit::plain(view.title);
    modal["submit"] = kit::plain(view.submit);
    modal["close"] = kit::plain("Cancel");
    modal["blocks"] = std::move(blocks);
    return modal;
}

std::vector<std::string> input_ids(const ModalView& view) {
    std::vector<std::string> ids;
    for (const auto& in : view.inputs)
        ids.emplace_back(in.id);
    return ids;
}

} // namespace cocbot::slack
