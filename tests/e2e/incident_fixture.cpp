// File: tests/e2e/incident_fixture.cpp
#include "tests/e2e/incident_fixture.hpp"

#include "sim/eventually.hpp"
#include "tests/e2e/checks.hpp"

#include <doctest/doctest.h>

namespace cocbot::testing {

using namespace cocbot::sim; // the simulated workspace is the tests' Slack

using nlohmann::json;

namespace {

std::string comma_separated(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items)
        text += (text.empty() ? "" : ",") + item;
    return text;
}

// Every reminder a month away, so that none interleaves with a test's steps.
std::map<std::string, std::string> quiet_env(const std::vector<std::string>& members,
                                             const std::string& hr,
                                             std::map<std::string, std::string> extra) {
    std::map<std::string, std::string> env{{"COCBOT_COMMITTEE_MEMBERS", comma_separated(members)},
                                           {"COCBOT_COMMITTEE_HR", hr},
                                           {"COCBOT_DEADLINES_ACKNOWLEDGE", "30d"},
                                           {"COCBOT_DEADLINES_DECISION", "30d"},
                                           {"COCBOT_DEADLINES_REPORTER_UPDATE", "30d"},
                                           {"COCBOT_DEADLINES_OWNER_NUDGE", "30d"},
                                           {"COCBOT_DEADLINES_CONFLICT_NUDGE", "30d"}};
    for (auto& [key, value] : extra)
        env[key] = std::move(value);
    return env;
}

} // namespace

void IncidentFixture::file_report(const std::string& user, const ReportInput& report) {
    reference = reference_from(bot.submit_report(user, report));
    REQUIRE(eventually([&] { return slack.channel_id("coc-" + reference).has_value(); }));
    channel = *slack.channel_id("coc-" + reference);
}

std::optional<FakeSlack::Message> IncidentFixture::posted(const std::string& fragment) const {
    for (auto& m : slack.messages(channel))
        if (m.text.find(fragment) != std::string::npos)
            return m;
    return std::nullopt;
}

FakeSlack::Message IncidentFixture::wait_posted(const std::string& fragment) const {
    const bool seen = eventually([&] { return posted(fragment).has_value(); });
    REQUIRE_MESSAGE(seen, "not posted in the channel: " << fragment);
    return *posted(fragment);
}

std::string IncidentFixture::control() const {
    for (const auto& m : slack.messages(channel))
        if (m.text == "Incident " + reference + " control")
            return m.blocks.dump();
    return {};
}

bool IncidentFixture::offers(const std::string& action_id) const {
    return control().find("\"action_id\":\"" + action_id + "\"") != std::string::npos;
}

void IncidentFixture::press(const std::string& user, const std::string& action_id) {
    const bool shown = eventually([&] { return offers(action_id); });
    CHECK_MESSAGE(shown, "the control message does not offer " << action_id);
    REQUIRE(bot.click(user, action_id, reference, channel).status == 200);
}

void IncidentFixture::open_modal(const std::string& user, const std::string& action_id,
                                 const std::string& callback) {
    const auto before = slack.calls("views.open").size();
    press(user, action_id);
    REQUIRE(eventually([&] { return slack.calls("views.open").size() > before; }));
    const auto view = slack.calls("views.open")[before].args["view"];
    CHECK(view["callback_id"] == callback);
    CHECK(view["private_metadata"] == reference);
}

json IncidentFixture::submit(const std::string& user, const std::string& callback,
                             const json& values) {
    const auto response = bot.submit_view(user, callback, reference, values);
    REQUIRE(response.status == 200);
    return json::parse(response.body);
}

void IncidentFixture::submit_ok(const std::string& user, const std::string& callback,
                                const json& values) {
    const auto answer = submit(user, callback, values);
    CHECK_MESSAGE(answer.value("response_action", "") == "update", answer.dump());
}

std::string IncidentFixture::ephemeral_for(const std::string& user,
                                           const std::function<void()>& act) {
    const auto to_user = [&] {
        std::vector<std::string> texts;
        for (const auto& call : slack.calls("chat.postEphemeral"))
            if (call.args.value("user", "") == user)
                texts.push_back(call.args.value("text", ""));
        return texts;
    };
    const auto before = to_user().size();
    act();
    REQUIRE(eventually([&] { return to_user().size() > before; }));
    return to_user()[before];
}

std::string IncidentFixture::motion_blocks(const std::string& ts) const {
    const auto m = slack.message(channel, ts);
    return m ? m->blocks.dump() : std::string{};
}

std::string IncidentFixture::answer(const std::string& user, const std::string& text,
                                    const std::string& in) {
    const auto response = in.empty() ? bot.slash(user, text) : bot.slash_in(user, in, text);
    REQUIRE(response.status == 200);
    return json::parse(response.body).value("text", "");
}

std::string IncidentFixture::list_for(const std::string& user) {
    return answer(user, "list");
}

ReportInput TypedReport::employee_report() const {
    ReportInput report;
    report.reported_user = "UREPORTED";
    report.description = description;
    report.location = location;
    report.reporter_name = reporter_name;
    report.reporter_contact = reporter_contact;
    report.source = "in_person";
    report.flags = {"involves_employee"};
    return report;
}

std::vector<std::string> TypedReport::words() const {
    return {description, location, reporter_name, reporter_contact};
}

ConfidentialIncident::ConfidentialIncident(const std::vector<std::string>& members,
                                           std::string hr_contact, std::vector<std::string> typed,
                                           std::map<std::string, std::string> extra_env,
                                           bool socket_mode)
    : IncidentFixture(quiet_env(members, hr_contact, std::move(extra_env))),
      hr(std::move(hr_contact)), secrets(std::move(typed)) {
    std::set<std::string> in_channel(members.begin(), members.end());
    in_channel.insert("UBOT");
    slack.add_channel(committee_channel, "coc-committee", in_channel);
    if (socket_mode) {
        socket = std::make_unique<FakeSocketMode>(slack);
        bot.use_socket_mode(*socket);
    }
    bot.start();
}

void ConfidentialIncident::file(const std::string& user, const ReportInput& report) {
    file_report(user, report);
    channels.insert(channel);
    check_step();
}

void ConfidentialIncident::check_step() {
    std::set<std::string> expected = cleared;
    expected.insert("UBOT");
    check_confidential(slack, bot, channel, expected, channels, secrets);
    if (hr_channel.empty() || slack.archived(hr_channel)) // an archived one shows nothing new
        return;
    if (hr_joined)
        expected.insert(hr);
    const bool settled = eventually([&] { return slack.members(hr_channel) == expected; });
    CHECK_MESSAGE(settled, "HR's channel: " << listed(slack.members(hr_channel)) << "; expected "
                                            << listed(expected));
}

void ConfidentialIncident::hr_joins(bool hand_off) {
    const auto asked = [&] {
        for (const auto& m : slack.messages(hr))
            if (m.text.find("do you have a conflict of interest?") != std::string::npos)
                return true;
        return false;
    };
    REQUIRE(eventually(asked));
    REQUIRE(bot.click(hr, "conflict_none", reference, "D" + hr).status == 200);
    const std::string name = "coc-" + reference + "-hr";
    REQUIRE(eventually([&] { return slack.channel_id(name).has_value(); }));
    hr_channel = *slack.channel_id(name);
    if (hand_off)
        channels.insert(hr_channel);
    hr_joined = true;
    check_step();
    REQUIRE(bot.member_joined(hr, hr_channel).status == 200);
}

void ConfidentialIncident::clear(const std::string& member) {
    REQUIRE(bot.click(member, "conflict_none", reference, committee_channel).status == 200);
    cleared.insert(member);
    check_step();
    REQUIRE(bot.member_joined(member, channel).status == 200);
}

} // namespace cocbot::testing
