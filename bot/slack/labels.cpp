// File: bot/slack/labels.cpp
// The short pieces of mrkdwn that messages and private answers share.
#include "bot/slack/labels.hpp"

#include "bot/slack/mrkdwn.hpp"

#include <ctime>

namespace cocbot::slack {

std::string user_links(const std::vector<core::UserId>& people) {
    std::string text;
    for (const auto& p : people)
        text += (text.empty() ? "" : " ") + user_link(p);
    return text;
}

std::string owner_label(const core::UserId& user) {
    return user.empty() ? std::string{"not named yet"} : user_link(user);
}

std::string reported_label(const core::ReportedPerson& person) {
    if (person.user.empty())
        return escape(person.name);
    std::string label = user_link(person.user);
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
