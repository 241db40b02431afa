// File: tests/e2e/incident_fixture.hpp
// A running cocbot against its own FakeSlack, and one incident driven through its channel as
// the members do it: pressing the control message's buttons, filling in modals, reading what
// was posted. ConfidentialIncident adds the check, after every step, that the channel holds
// exactly the cleared members and that nothing typed has left the incident's channels.
#pragma once

#include "sim/fake_slack.hpp"
#include "tests/e2e/bot.hpp"

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cocbot::testing {

using namespace cocbot::sim; // the simulated workspace is the tests' Slack

// Derive from it, passing the bot's environment; start the bot once the fake is set.
struct IncidentFixture {
    FakeSlack slack;
    Bot bot;
    std::string reference;
    std::string channel; // the incident's channel now (a re-opened incident's is a new one)
    std::unique_ptr<FakeSocketMode> socket; // Slack's side of Socket Mode, when it is used

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

// What a reporter typed into the report modal, each recognisable if it turns up elsewhere.
struct TypedReport {
    std::string description;
    std::string location;
    std::string reporter_name;
    std::string reporter_contact;

    // A report about UREPORTED, an employee, taken in person with these words.
    ReportInput employee_report() const;
    std::vector<std::string> words() const;
};

// An incident whose committee is `members` (all in the committee channel), with HR configured
// and no reminder to interleave with the steps; its bot is started.
struct ConfidentialIncident : IncidentFixture {
    const std::string hr;
    const std::vector<std::string> secrets; // only the incident's channels may show these
    std::set<std::string> cleared;
    std::string hr_channel; // HR's channel once made: it may never show a secret (informing)
    bool hr_joined = false; // HR declared no conflict and is in HR's channel
    std::set<std::string> channels; // every channel the incident has had

    // With `socket_mode`, Slack's requests reach the bot over Socket Mode (`socket`).
    ConfidentialIncident(const std::vector<std::string>& members, std::string hr_contact,
                         std::vector<std::string> typed,
                         std::map<std::string, std::string> extra_env = {},
                         bool socket_mode = false);

    // `user` files `report`; its channel is checked at once.
    void file(const std::string& user, const ReportInput& report);
    // After each step: Slack's members of the current channel are the cleared (never HR), those
    // of HR's channel the cleared and HR once it joined, and no secret has left the incident's
    // channels, in any call or the log.
    void check_step();
    // `member` declares no conflict and joins the channel (Slack tells of every join; a
    // cleared member's is no intrusion).
    void clear(const std::string& member);
    // HR is asked by DM, declares no conflict and is let into HR's channel (which holds the
    // report only at a hand-off).
    void hr_joins(bool hand_off = false);
};

} // namespace cocbot::testing
