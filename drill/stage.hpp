// File: drill/stage.hpp
// Where the drill plays: the simulated workspace, the people's hands on it (their actions reach
// cocbot as Socket Mode envelopes, as Slack would send them), and the facts the drill waits for
// before it goes on. A fact that does not come in time fails the step.
#pragma once

#include "drill/transcript.hpp"
#include "sim/fake_slack.hpp"
#include "sim/fake_socket_mode.hpp"

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

namespace cocbot::drill {

// A step that did not happen: what was expected.
struct StepFailed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline const std::string committee_channel = "C0COMMITTEE";

class Stage {
public:
    Stage(sim::FakeSlack& slack, sim::FakeSocketMode& socket, Transcript& transcript,
          std::string database_path);

    // What people do; each returns the answer they saw at once (the ack's payload).
    nlohmann::json slash(const std::string& user, const std::string& channel,
                         const std::string& text);
    nlohmann::json click(const std::string& user, const std::string& action_id,
                         const std::string& value, const std::string& channel);
    nlohmann::json select_user(const std::string& user, const std::string& action_id,
                               const std::string& block_id, const std::string& selected,
                               const std::string& channel);
    nlohmann::json submit(const std::string& user, const std::string& callback,
                          const std::string& metadata, const nlohmann::json& values);
    nlohmann::json submit_view(const std::string& user, nlohmann::json submission);
    void open_home(const std::string& user); // the App Home tab, as Slack tells of it

    // Waits until `fact` holds; throws StepFailed naming `what` when it does not in `timeout`.
    void expect(const std::function<bool()>& fact, const std::string& what,
                std::chrono::milliseconds timeout = std::chrono::seconds(15)) const;
    // Waits until cocbot has nothing left to do (no output pending, no deadline check due), then
    // prints what people saw since the last step.
    void settle();

    // The newest message in `channel` whose text holds `fragment`.
    std::optional<sim::FakeSlack::Message> posted(const std::string& channel,
                                                  const std::string& fragment) const;
    // The view the newest views.open call opened.
    nlohmann::json last_form() const;

    sim::FakeSlack& slack;
    Transcript& transcript;

private:
    nlohmann::json exchange(const std::string& user, const std::string& type,
                            const nlohmann::json& payload);
    bool idle() const;

    sim::FakeSocketMode& socket_;
    std::string database_;
    int triggers_ = 0;
    int events_ = 0;
};

} // namespace cocbot::drill
