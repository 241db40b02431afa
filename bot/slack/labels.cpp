// File: bot/slack/labels.cpp
// The short pieces of mrkdwn that messages and private answers share.
#include "bot/slack/labels.hpp"

#include "bot/slack/mrkdwn.hpp"

#include <ctime>

namespace cocbot::slack {

std::string mention(const core::UserId& user) {
    return "<@" + user.value + ">";
}

std::string mentions(const std::vector<core::UserId>& people) {
    std::string text;
    for (const auto& p : people)
        text += (text.empty() ? "" : " ") + mention(p);
    return text;
}

std::string owner_label(const core::UserId& user) {
    return user.empty() ? std::string{"not named yet"} : mention(user);
}

std::string reported_label(const core::ReportedPerson& person) {
    if (person.user.empty())
        return escape(person.name);
    std::string label = mention(person.user);
    if (!person.name.empty())
        label += " (" + escape(person.name) + ")";
    return label;
}

std::string format_time(core::Time t) {
    const auto seconds = static_cast<std::time_t>(t.time_since_epoch().count());
    std::tm local{};
    localtime_r(&seconds, &local);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M %Z", &local);
    return buffer;
}

std::string status_label(core::Status status) {
    return status == core::Status::handed_off ? std::string{"handed off to HR"}
                                              : std::string{core::to_string(status)};
}

} // namespace cocbot::slack
