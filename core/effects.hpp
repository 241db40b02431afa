// File: core/effects.hpp
// What the shell must do in the world after an incident's events are committed. Effects are
// data, written to the outbox in the same transaction as their events and run at least once.
#pragma once

#include "core/hr.hpp"
#include "core/ids.hpp"
#include "core/messages.hpp"

#include <variant>
#include <vector>

namespace cocbot::core {

// Post a message in a channel (or a user's direct-message conversation when `to_user` is set).
// When `remember` is set, the executor reports the message's ts back (RecordMessagePosted) so
// that core can update it in place later.
struct Post {
    IncidentId incident;
    ChannelId channel;
    UserId to_user;
    Message message;
    bool remember = false;

    friend bool operator==(const Post&, const Post&) = default;
};

// Replace a message the bot posted earlier.
struct Update {
    IncidentId incident;
    MessageRef target;
    Message message;

    friend bool operator==(const Update&, const Update&) = default;
};

// A message only `user` sees, in `channel`.
struct Ephemeral {
    ChannelId channel;
    UserId user;
    Message message;

    friend bool operator==(const Ephemeral&, const Ephemeral&) = default;
};

// The incident's private channel, with a deterministic name so that a re-run finds it.
struct CreatePrivateChannel {
    IncidentId incident;
    std::string name;
    ChannelRole role = ChannelRole::incident;

    friend bool operator==(const CreatePrivateChannel&, const CreatePrivateChannel&) = default;
};

struct Invite {
    IncidentId incident;
    ChannelId channel;
    UserId user;

    friend bool operator==(const Invite&, const Invite&) = default;
};

struct Remove {
    IncidentId incident;
    ChannelId channel;
    UserId user;

    friend bool operator==(const Remove&, const Remove&) = default;
};

// Close the incident channel. Slack does not let a bot unarchive, so a re-opened incident gets
// a new channel instead.
struct ArchiveChannel {
    IncidentId incident;
    ChannelId channel;

    friend bool operator==(const ArchiveChannel&, const ArchiveChannel&) = default;
};

// Post each escrowed report's details in the channel. The executor reads them from the event
// store, so the reports' text never sits in the outbox.
struct ShareEscrowedReports {
    IncidentId incident;
    ChannelId channel;
    std::vector<IncidentId> escrowed;

    friend bool operator==(const ShareEscrowedReports&, const ShareEscrowedReports&) = default;
};

using Effect = std::variant<Post, Update, Ephemeral, CreatePrivateChannel, Invite, Remove,
                            ArchiveChannel, ShareEscrowedReports>;

} // namespace cocbot::core
