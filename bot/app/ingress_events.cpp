// File: bot/app/ingress_events.cpp
// The Events API's deliveries: who joins and leaves the committee and incident channels, App
// Home, and Slack's URL verification.
#include "bot/app/clock.hpp"
#include "bot/app/ingress.hpp"
#include "bot/app/ingress_answer.hpp"

namespace cocbot::app {

Ingress::Answer Ingress::on(const slack::EventCallback& event) {
    // A delivery already handled changes nothing. Events that cause a command record their id
    // in the command's transaction; the others once they are handled.
    if (!event.event_id.empty() && deliveries_.seen(event.event_id))
        return Answer::empty("duplicate");
    const core::UserId user{event.user};
    const bool committee_channel = event.channel == roster_.committee().channel.value;
    if (event.type == "member_joined_channel" || event.type == "member_left_channel") {
        const bool joined = event.type == "member_joined_channel";
        if (!committee_channel)
            return on_incident_membership(event, joined);
        if (joined)
            roster_.joined(user);
        else
            roster_.left(user);
        return handled(event, joined ? "committee_joined" : "committee_left");
    }
    if (event.type == "user_change") {
        // Names are kept only for the people a report about them must not reach.
        if (!roster_.committee().sits_with(user))
            return Answer::empty("ignored");
        roster_.set_names(user, event.user_names);
        return handled(event, "names");
    }
    if (event.type == "app_home_opened" && event.tab == "home" && !user.empty()) {
        publish_home(user);
        return handled(event, "home");
    }
    return Answer::empty("ignored");
}

Ingress::Answer Ingress::handled(const slack::EventCallback& event, std::string outcome) {
    if (!event.event_id.empty())
        deliveries_.record(event.event_id, now());
    return Answer::empty(std::move(outcome));
}

// Someone joined or left an incident channel: core checks who may be there, and who votes.
Ingress::Answer Ingress::on_incident_membership(const slack::EventCallback& event, bool joined) {
    // The bot's own joins (it creates every incident channel) are not intruders.
    if (event.user.empty() || event.user == bot_user_)
        return Answer::empty("ignored");
    const auto incident = reads_.incident_for_channel(core::ChannelId{event.channel});
    if (!incident)
        return Answer::empty("ignored");
    const core::UserId user{event.user};
    const core::ChannelId channel{event.channel};
    const auto command = joined ? core::Command{core::MemberJoined{*incident, user, channel}}
                                : core::Command{core::MemberLeft{*incident, user, channel}};
    const auto outcome = event.event_id.empty()
                             ? std::optional{workflow_.handle(command, now())}
                             : workflow_.handle_event(event.event_id, command, now());
    if (!outcome)
        return Answer::empty("duplicate");
    if (!std::holds_alternative<core::Decision>(*outcome))
        return Answer::empty("refused");
    return Answer::empty(joined ? "checked" : "left");
}

Ingress::Answer Ingress::on(const slack::UrlVerification& verification) {
    return Answer::json_body({{"challenge", verification.challenge}});
}

Ingress::Answer Ingress::on(const slack::SslCheck&) {
    return Answer::empty();
}

} // namespace cocbot::app
