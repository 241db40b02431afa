// File: bot/slack/messages.hpp
// Block Kit rendering of the messages core asks cocbot to post. Pure functions to JSON.
#pragma once

#include "core/messages.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace cocbot::slack {

// A message as chat.postMessage takes it: `text` is the notification fallback.
struct RenderedMessage {
    std::string text;
    nlohmann::json blocks;
};

RenderedMessage render(const core::Message& message);

} // namespace cocbot::slack
