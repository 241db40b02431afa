// File: bot/slack/api.cpp
#include "bot/slack/api.hpp"

#include "bot/slack/json_reader.hpp"

namespace cocbot::slack {

void read_ok(ApiResult& result) {
    std::optional<std::string> problem;
    const JsonReader answer{result.body, "answer", problem};
    const bool has_ok = result.body.is_object() && answer.find({"ok"}) != nullptr;
    result.ok = answer.boolean({"ok"});
    if (!has_ok || problem) {
        result.ok = false;
        result.error = "invalid_response";
        return;
    }
    if (!result.ok) {
        const auto error = answer.lenient_string({"error"});
        result.error = error.empty() ? "unknown_error" : error;
    }
}

} // namespace cocbot::slack
