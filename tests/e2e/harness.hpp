// File: tests/e2e/harness.hpp
// The real cocbot binary on 127.0.0.1, configured against a FakeSlack, driven by signed requests
// shaped like Slack's own.
#pragma once

#include "tests/support/fake_slack.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/process.hpp"
#include "tests/support/slack_signer.hpp"

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <thread>

namespace cocbot::testing {

inline const std::string committee_channel = "C0COMMITTEE";
inline const std::string signing_secret = "e2e-signing-secret";
inline const std::string bot_token = "xoxb-e2e-token";

// The fields of the report modal, as a person fills them in.
struct ReportInput {
    std::string reported_user;
    std::string reported_name;
    std::string description;
    std::string location;
    std::string reporter_name;
    std::string reporter_contact;
    std::string source = "slack";
    std::vector<std::string> flags;
};

// view.state.values exactly as Slack sends them for the report modal.
nlohmann::json report_state(const ReportInput& input);

// One input's value in view.state.values, as Slack sends it for each element type.
namespace input {
nlohmann::json text(const std::string& value); // plain_text_input
// radio_buttons or static_select
nlohmann::json choice(const std::string& value, const std::string& type = "radio_buttons");
// checkboxes or multi_static_select; ticking nothing is an empty list
nlohmann::json choices(const std::vector<std::string>& values,
                       const std::string& type = "checkboxes");
nlohmann::json user(const std::string& id);                // users_select
nlohmann::json users(const std::vector<std::string>& ids); // multi_users_select
} // namespace input

// view.state.values of an incident modal, whose inputs are named block_id = action_id:
// modal_values({{"text", input::text("...")}}).
nlohmann::json modal_values(const std::vector<std::pair<std::string, nlohmann::json>>& inputs);

class Bot {
public:
    // Each Bot has its own data folder; it survives kill() and start() so restarts see it.
    explicit Bot(FakeSlack& slack, std::map<std::string, std::string> extra_env = {});
    ~Bot();

    void start(); // launches and waits (bounded) until GET /healthz answers 200
    // Launches and waits (bounded) until GET /healthz answers at all, healthy or not.
    void start_unready();
    void kill();     // SIGKILL: no chance to clean up
    int terminate(); // SIGTERM: returns the exit status

    std::uint16_t port() const { return port_; }
    const std::string& database_path() const { return database_; }

    HttpResponse send(const std::string& content_type, const std::string& body);
    HttpResponse send_signed_at(const std::string& content_type, const std::string& body,
                                std::int64_t unix_time);
    HttpResponse slash(const std::string& user, const std::string& text,
                       const std::string& trigger = "trigger-1");
    // `/coc <text>` typed in `channel` (an incident's channel for vote and timeline).
    HttpResponse slash_in(const std::string& user, const std::string& channel,
                          const std::string& text);
    // Submits the report modal: a new modal each time, unless `view_id` names one submitted
    // before (Slack's retry, or Submit pressed twice).
    HttpResponse submit_report(const std::string& user, const ReportInput& input,
                               std::string view_id = {});
    HttpResponse click(const std::string& user, const std::string& action_id,
                       const std::string& value, const std::string& channel);
    // ballot_yes / ballot_no on motion `number` of `reference`'s incident.
    HttpResponse ballot(const std::string& user, const std::string& reference, int number, bool yes,
                        const std::string& channel);
    // A users_select in an actions block named `block_id`.
    HttpResponse select_user(const std::string& user, const std::string& action_id,
                             const std::string& block_id, const std::string& selected,
                             const std::string& channel);
    // Submits a modal other than the report form: callback id, private_metadata and values.
    HttpResponse submit_view(const std::string& user, const std::string& callback_id,
                             const std::string& private_metadata, const nlohmann::json& values);
    HttpResponse event(const nlohmann::json& envelope);
    // A member_joined_channel event, as Slack delivers it.
    HttpResponse member_joined(const std::string& user, const std::string& channel);
    // A member_left_channel event, as Slack delivers it (see FakeSlack::remove_member).
    HttpResponse member_left(const std::string& user, const std::string& channel);
    HttpResponse home_opened(const std::string& user);

    // GET /healthz, or /healthz?verbose with every check.
    HttpResponse health(bool verbose = false);
    // Effects in the outbox still to be performed, read from the database file.
    int pending_effects() const;
    // Waits (bounded) until the outbox is empty: nothing more will reach Slack by itself.
    bool wait_idle(std::chrono::milliseconds timeout = std::chrono::seconds(20)) const;

    std::string log() const;
    // Every byte cocbot keeps on disk: the database and its write-ahead log.
    std::string stored_bytes() const;

private:
    void launch();
    HttpResponse slash_command(const std::string& user, const std::string& channel,
                               const std::string& text, const std::string& trigger);
    HttpResponse channel_event(const std::string& type, const std::string& user,
                               const std::string& channel);

    FakeSlack& slack_;
    std::map<std::string, std::string> env_;
    std::string folder_;
    std::string database_;
    std::string log_path_;
    std::uint16_t port_;
    std::unique_ptr<ChildProcess> process_;
    int views_ = 0;
};

// A report about UREPORTED taken in person, with nothing else filled in.
ReportInput plain_report();

std::int64_t unix_now();

// The incident reference shown in the report modal's confirmation.
std::string reference_from(const HttpResponse& response);

// Polls `predicate` every 10 ms until it holds or `timeout` passes; returns its last value.
template <typename Predicate>
bool eventually(Predicate predicate, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (predicate())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return predicate();
}

// A person with Slack rights adds `user` to `channel` by hand, outside cocbot.
void invite_by_hand(const FakeSlack& slack, const std::string& channel, const std::string& user);

// The ts of motion `number`'s message in `channel`, found by its ballot buttons (so while it is
// open); read its live tally afterwards with FakeSlack::message(channel, ts).
std::optional<std::string> motion_ts(const FakeSlack& slack, const std::string& channel,
                                     const std::string& reference, int number);

// CHECKs that no Web API call shows any of `secrets` outside `incident_channel`: only messages
// posted or updated there may hold them; ephemerals, direct messages, views and every other
// channel may not.
void check_nothing_leaked(const FakeSlack& slack, const std::string& incident_channel,
                          const std::vector<std::string>& secrets);
// The same for an incident that has had several channels (a re-opened one gets a new channel).
void check_nothing_leaked(const FakeSlack& slack, const std::set<std::string>& incident_channels,
                          const std::vector<std::string>& secrets);

// After a step of an incident: `channel`'s members settle to exactly `expected`, and no secret
// has left the incident's channels, in any Web API call or in the bot's log.
void check_confidential(const FakeSlack& slack, const Bot& bot, const std::string& channel,
                        const std::set<std::string>& expected,
                        const std::set<std::string>& incident_channels,
                        const std::vector<std::string>& secrets);

// "U1,U2": people, for failure messages.
std::string listed(const std::set<std::string>& people);

// Whether a message's blocks (dumped) still offer ballot buttons, i.e. its motion is open.
bool has_ballot_buttons(const std::string& blocks);

// A running cocbot against its own FakeSlack, and one incident driven through its channel as
// the members do it: pressing the control message's buttons, filling in modals, reading what
// was posted. Derive from it, passing the bot's environment; start the bot once the fake is set.
struct IncidentFixture {
    FakeSlack slack;
    Bot bot;
    std::string reference;
    std::string channel; // the incident's channel now (a re-opened incident's is a new one)

    explicit IncidentFixture(std::map<std::string, std::string> env) : bot(slack, std::move(env)) {}

    // `user` files `report`; waits (bounded) for its channel and remembers both.
    void file_report(const std::string& user, const ReportInput& report);

    std::optional<FakeSlack::Message> posted(const std::string& fragment) const;
    FakeSlack::Message wait_posted(const std::string& fragment) const;

    // The incident's control message as it is now (its blocks), or "" when there is none.
    std::string control() const;
    bool offers(const std::string& action_id) const;
    // Presses a button of the control message, as a person can only once it is shown.
    void press(const std::string& user, const std::string& action_id);
    // Presses a control-message button that opens a modal, and checks which one opened.
    void open_modal(const std::string& user, const std::string& action_id,
                    const std::string& callback);
    nlohmann::json submit(const std::string& user, const std::string& callback,
                          const nlohmann::json& values);
    void submit_ok(const std::string& user, const std::string& callback,
                   const nlohmann::json& values);

    // The ephemeral message `user` gets for what `act` does.
    std::string ephemeral_for(const std::string& user, const std::function<void()>& act);
    // Motion message `ts`'s blocks in the channel, as they are now.
    std::string motion_blocks(const std::string& ts) const;
    // The text of the answer to `/coc <text>` typed by `user` in #general, or in channel `in`.
    std::string answer(const std::string& user, const std::string& text,
                       const std::string& in = {});
    std::string list_for(const std::string& user);
};

// Waits (bounded) until `channel` holds `count` messages in the fake's state.
bool wait_messages(const FakeSlack& slack, const std::string& channel, std::size_t count,
                   std::chrono::milliseconds timeout = std::chrono::seconds(10));

} // namespace cocbot::testing
