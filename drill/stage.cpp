// File: drill/stage.cpp
#include "drill/stage.hpp"

#include "drill/audience.hpp"
#include "sim/eventually.hpp"
#include "sim/slack_requests.hpp"
#include "storage/jobs.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <ctime>

namespace cocbot::drill {

using nlohmann::json;

Stage::Stage(sim::FakeSlack& slack_, sim::FakeSocketMode& socket, Transcript& transcript_,
             std::string database_path)
    : slack(slack_), transcript(transcript_), socket_(socket), database_(std::move(database_path)) {
}

json Stage::exchange(const std::string& user, const std::string& type, const json& payload) {
    transcript.catch_up(); // what they were looking at, then what they did
    const auto id = socket_.send_envelope(type, payload);
    // cocbot answers within Slack's 3 seconds, or Slack would show the person an error.
    const auto ack = socket_.wait_for_ack(id, std::chrono::seconds(3));
    if (!ack)
        throw StepFailed{"cocbot did not answer " + type + " within 3 seconds"};
    transcript.answer(user, ack->payload);
    return ack->payload;
}

json Stage::slash(const std::string& user, const std::string& channel, const std::string& text) {
    const auto fields =
        sim::slash_command_fields(user, channel, text, trigger_for(user, ++triggers_));
    return exchange(user, "slash_commands", fields);
}

json Stage::click(const std::string& user, const std::string& action_id, const std::string& value,
                  const std::string& channel) {
    auto payload = sim::button_click(user, action_id, value, channel);
    payload["trigger_id"] = trigger_for(user, ++triggers_);
    return exchange(user, "interactive", payload);
}

json Stage::select_user(const std::string& user, const std::string& action_id,
                        const std::string& block_id, const std::string& selected,
                        const std::string& channel) {
    auto payload = sim::user_selection(user, action_id, block_id, selected, channel);
    payload["trigger_id"] = trigger_for(user, ++triggers_);
    return exchange(user, "interactive", payload);
}

json Stage::submit(const std::string& user, const std::string& callback,
                   const std::string& metadata, const json& values) {
    return submit_view(user, sim::view_submission(user, callback, metadata, values));
}

json Stage::submit_view(const std::string& user, json submission) {
    submission["trigger_id"] = trigger_for(user, ++triggers_);
    return exchange(user, "interactive", submission);
}

void Stage::open_home(const std::string& user) {
    const auto envelope = sim::home_opened_event("EvDrillHome" + std::to_string(++events_), user,
                                                 static_cast<std::int64_t>(std::time(nullptr)));
    exchange(user, "events_api", envelope);
}

void Stage::expect(const std::function<bool()>& fact, const std::string& what,
                   std::chrono::milliseconds timeout) const {
    if (!sim::eventually(fact, timeout))
        throw StepFailed{what};
}

// A database cocbot is still setting up is not idle yet.
bool Stage::idle() const {
    try {
        SQLite::Database db(database_, SQLite::OPEN_READONLY);
        return storage::nothing_due(db, static_cast<std::int64_t>(std::time(nullptr)));
    } catch (const SQLite::Exception&) {
        return false;
    }
}

void Stage::settle() {
    expect([this] { return idle(); }, "cocbot did not finish what it had to do");
    transcript.catch_up();
}

std::optional<sim::FakeSlack::Message> Stage::posted(const std::string& channel,
                                                     const std::string& fragment) const {
    const auto messages = slack.messages(channel);
    for (auto it = messages.rbegin(); it != messages.rend(); ++it)
        if (it->text.find(fragment) != std::string::npos)
            return *it;
    return std::nullopt;
}

json Stage::last_form() const {
    const auto opened = slack.calls("views.open");
    return opened.empty() ? json::object() : opened.back().args.value("view", json::object());
}

} // namespace cocbot::drill
