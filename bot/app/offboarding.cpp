// File: bot/app/offboarding.cpp
#include "bot/app/offboarding.hpp"

#include "bot/app/logger.hpp"
#include "storage/check_ins.hpp"
#include "storage/committee_motions.hpp"
#include "storage/event_store.hpp"
#include "storage/roster.hpp"

#include <algorithm>
#include <utility>

namespace cocbot::app {

namespace {

// Every channel of the committee the person can read: the committee's own, and each active
// incident's (and HR's) where they were cleared.
std::vector<core::ChannelId> channels_of(storage::Database& database,
                                         const core::Committee& committee,
                                         const core::UserId& member) {
    std::vector<core::ChannelId> channels{committee.channel};
    for (const auto& incident : storage::EventStore{database}.active_incidents()) {
        if (!incident.is_cleared(member))
            continue;
        if (!incident.channel.empty() && !incident.channel_archived())
            channels.push_back(incident.channel);
        if (!incident.hr_channel.empty() && incident.hr)
            channels.push_back(incident.hr_channel);
    }
    return channels;
}

// Whoever gets the checklist: the chair, else the member who started it, else (nobody left
// to ask directly) the committee channel, which the person has left by then.
core::UserId checklist_recipient(const core::Committee& committee, const core::UserId& chair,
                                 const core::UserId& by, const core::UserId& member) {
    for (const auto& candidate : {chair, by})
        if (!candidate.empty() && candidate != member && committee.is_member(candidate))
            return candidate;
    return {};
}

core::Post direct(const core::UserId& to, core::Message message, bool remember = false) {
    return core::Post{{}, {}, to, std::move(message), remember};
}

core::OffboardChecklist checklist_of(storage::Offboardings& stored,
                                     const storage::Offboarding& row) {
    return core::OffboardChecklist{row.id, row.member, row.cause, stored.ticks(row.id)};
}

} // namespace

Offboarding::Offboarding(storage::Database& database, CommitteeRoster& roster,
                         OffboardingOptions options, std::function<void()> committed)
    : database_(database), roster_(roster), options_(std::move(options)),
      committed_(std::move(committed)) {}

std::int64_t Offboarding::start(storage::UnitOfWork& work, const core::UserId& member,
                                core::OffboardCause cause, const core::UserId& by,
                                std::optional<std::int64_t> motion, core::Time now) {
    const auto& committee = roster_.committee();
    const auto channels = channels_of(database_, committee, member);
    // Their unanswered check-in is withdrawn before the roster forgets it with them.
    if (const auto check_in = storage::CheckIns{database_}.of(member);
        check_in && check_in->asked_at && check_in->message)
        work.enqueue(std::nullopt,
                     {core::Update{{},
                                   *check_in->message,
                                   core::CheckInPrompt{core::CheckInAnswer::withdrawn}}},
                     now);
    storage::Roster{database_}.remove(member, now);
    storage::Offboarding row;
    row.member = member;
    row.cause = cause;
    row.by = by;
    row.motion = motion;
    row.checklist_to = checklist_recipient(committee, options_.chair, by, member);
    storage::Offboardings stored{database_};
    const auto id = stored.start(row, channels, now);
    std::vector<core::Effect> removals;
    for (const auto& channel : channels)
        removals.push_back(core::Remove{{}, channel, member});
    work.enqueue(std::nullopt, removals, now);
    work.audit(now, by.value, "offboarding_started", {},
               std::string{core::to_string(cause)} + " " + member.value);
    return id;
}

void Offboarding::removal_settled(const core::UserId& member, const core::ChannelId& channel,
                                  std::optional<std::string> error, core::Time now) {
    storage::UnitOfWork work{database_};
    storage::Offboardings stored{database_};
    const auto id = stored.under_way(member);
    if (!id)
        return;
    // A channel gone, or archived since, holds nobody cocbot can remove: nothing more to do.
    if (error && (*error == "channel_not_found" || *error == "is_archived"))
        error.reset();
    if (error) {
        const auto rows = stored.channels(*id);
        const auto row = std::find_if(rows.begin(), rows.end(), [&](const storage::RevokeRow& r) {
            return r.channel == channel;
        });
        // Told once per channel: a retry that fails again says nothing new.
        if (row != rows.end() && row->error.empty())
            alert_refusal(work, member, channel, *error, now);
        stored.refused(*id, channel, *error, now);
    } else {
        stored.revoked(*id, channel);
    }
    advance(work, *id, now);
    commit(work, now);
}

void Offboarding::alert_refusal(storage::UnitOfWork& work, const core::UserId& member,
                                const core::ChannelId& channel, const std::string& error,
                                core::Time now) {
    // By direct message: the person may still be in the very channel Slack kept them in.
    const core::Text text =
        core::icon(core::Icon::warning) + " Slack refused to remove " + core::mention(member) +
        " from " + core::channel_ref(channel) + " (" + error +
        "). They are off the committee's roster, but they are not told of their off-boarding "
        "until they are out of every channel of the committee. Remove them by hand, or give "
        "cocbot the permission it lacks: it tries again every " +
        std::to_string(options_.retry_refused.count() / 60) + " minutes.";
    std::vector<core::Effect> alerts;
    for (const auto& to : roster_.committee().members)
        if (to != member)
            alerts.push_back(direct(to, core::Notice{text}));
    work.enqueue(std::nullopt, alerts, now);
    work.audit(now, "cocbot", "offboarding_removal_refused", {}, member.value + " " + error);
    log(Level::error, "offboarding_removal_refused",
        {{"channel", channel.value}, {"error", error}});
}

void Offboarding::checklist_posted(std::int64_t id, const core::MessageRef& where) {
    storage::UnitOfWork work{database_};
    storage::Offboardings{database_}.record_checklist(id, where);
    work.commit();
}

std::string Offboarding::tick(const core::MessageRef& message, const std::string& item,
                              const core::UserId& by, core::Time now) {
    storage::UnitOfWork work{database_};
    storage::Offboardings stored{database_};
    const auto id = stored.by_checklist(message);
    const auto row = id ? stored.find(*id) : std::nullopt;
    if (!row || row->told_at)
        return "This checklist is no longer open.";
    if (!roster_.committee().is_member(by) || by == row->member)
        return "Only the committee's members can tick this checklist.";
    if (!core::is_checklist_item(item))
        return "That is not a line of the checklist.";
    if (stored.tick(*id, item, by, now)) {
        work.enqueue(std::nullopt, {core::Update{{}, message, checklist_of(stored, *row)}}, now);
        work.audit(now, by.value, "offboarding_item_done", {}, row->member.value + " " + item);
        advance(work, *id, now);
    }
    commit(work, now);
    return "Recorded.";
}

void Offboarding::advance(storage::UnitOfWork& work, std::int64_t id, core::Time now) {
    storage::Offboardings stored{database_};
    const auto row = stored.find(id);
    if (!row)
        return;
    switch (core::next_step(stored.progress(id))) {
    case core::OffboardStep::checklist: {
        const core::ChannelId to_channel =
            row->checklist_to.empty() ? roster_.committee().channel : core::ChannelId{};
        work.enqueue(
            std::nullopt,
            {core::Post{{}, to_channel, row->checklist_to, checklist_of(stored, *row), true}}, now);
        stored.checklist_queued(id, now);
        work.audit(now, "cocbot", "offboarding_access_revoked", {}, row->member.value);
        revoked_now_ = true;
        return;
    }
    case core::OffboardStep::tell:
        work.enqueue(std::nullopt, {direct(row->member, core::Farewell{id, row->cause, {}})}, now);
        stored.told(id, now);
        work.audit(now, "cocbot", "offboarding_told", {}, row->member.value);
        return;
    case core::OffboardStep::revoke:
    case core::OffboardStep::wait:
    case core::OffboardStep::done:
        return;
    }
}

void Offboarding::resume(core::Time now) {
    // Read first: most of the time nothing is due, and nothing is written.
    auto ids = storage::Offboardings{database_}.under_way();
    std::erase_if(ids, [&](std::int64_t id) { return !due(id, now); });
    if (ids.empty())
        return;
    storage::UnitOfWork work{database_};
    storage::Offboardings stored{database_};
    for (const auto id : ids) {
        const auto row = stored.find(id);
        for (const auto& channel : stored.channels(id))
            if (row && channel.state == storage::RevokeState::refused &&
                (!channel.tried_at || *channel.tried_at + options_.retry_refused <= now)) {
                stored.retrying(id, channel.channel, now);
                work.enqueue(std::nullopt, {core::Remove{{}, channel.channel, row->member}}, now);
            }
        advance(work, id, now);
    }
    commit(work, now);
}

// A refused removal to try again, or a step to take (after a restart, say).
bool Offboarding::due(std::int64_t id, core::Time now) {
    storage::Offboardings stored{database_};
    for (const auto& channel : stored.channels(id))
        if (channel.state == storage::RevokeState::refused &&
            (!channel.tried_at || *channel.tried_at + options_.retry_refused <= now))
            return true;
    const auto step = core::next_step(stored.progress(id));
    return step == core::OffboardStep::checklist || step == core::OffboardStep::tell;
}

bool Offboarding::revoking(const core::UserId& member) {
    storage::Offboardings stored{database_};
    const auto id = stored.under_way(member);
    return id && core::next_step(stored.progress(*id)) == core::OffboardStep::revoke;
}

void Offboarding::checklist_undelivered(const core::OffboardChecklist& checklist, core::Time now) {
    storage::UnitOfWork work{database_};
    work.enqueue(std::nullopt, {core::Post{{}, roster_.committee().channel, {}, checklist, true}},
                 now);
    work.audit(now, "cocbot", "offboarding_checklist_redirected", {}, checklist.member.value);
    commit(work, now);
}

std::optional<std::string> Offboarding::farewell_text(std::int64_t id) {
    const auto row = storage::Offboardings{database_}.find(id);
    if (!row)
        return std::nullopt;
    if (row->cause == core::OffboardCause::resigned || !row->motion)
        return std::string{core::resignation_message()};
    auto written = storage::CommitteeMotions{database_}.farewell(*row->motion);
    if (!written || written->empty())
        return std::string{core::default_removal_message()};
    return written;
}

void Offboarding::commit(storage::UnitOfWork& work, core::Time now) {
    work.commit();
    if (committed_)
        committed_();
    if (std::exchange(revoked_now_, false) && revoked_)
        revoked_(now);
}

} // namespace cocbot::app
