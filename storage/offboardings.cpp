// File: storage/offboardings.cpp
#include "storage/offboardings.hpp"

#include <algorithm>
#include <stdexcept>

namespace cocbot::storage {

namespace {

constexpr const char* insert_sql =
    "INSERT INTO offboardings (user_id, cause, by_user, motion_id, started_at, checklist_to) "
    "VALUES (:user, :cause, :by, :motion, :at, :to)";
constexpr const char* insert_channel_sql = "INSERT OR IGNORE INTO offboard_channels "
                                           "(offboarding_id, channel) VALUES (:id, :channel)";
constexpr const char* find_sql =
    "SELECT user_id, cause, by_user, motion_id, checklist_to, checklist_channel, checklist_ts, "
    "checklist_at, told_at FROM offboardings WHERE id = :id";
constexpr const char* member_sql =
    "SELECT id FROM offboardings WHERE told_at IS NULL AND user_id = :user LIMIT 1";
constexpr const char* open_sql = "SELECT id FROM offboardings WHERE told_at IS NULL ORDER BY id";
constexpr const char* by_checklist_sql =
    "SELECT id FROM offboardings WHERE checklist_channel = :channel AND checklist_ts = :ts";
constexpr const char* channels_sql =
    "SELECT channel, state, error, tried_at FROM "
    "offboard_channels WHERE offboarding_id = :id ORDER BY channel";
constexpr const char* tried_sql = "UPDATE offboard_channels SET tried_at = :at "
                                  "WHERE offboarding_id = :id AND channel = :channel";
constexpr const char* revoked_sql = "UPDATE offboard_channels SET state = 'done', error = NULL "
                                    "WHERE offboarding_id = :id AND channel = :channel";
constexpr const char* refused_sql =
    "UPDATE offboard_channels SET state = 'refused', error = :error, tried_at = :at "
    "WHERE offboarding_id = :id AND channel = :channel";
constexpr const char* retrying_sql = "UPDATE offboard_channels SET state = 'pending' "
                                     "WHERE offboarding_id = :id AND channel = :channel";
constexpr const char* checklist_queued_sql =
    "UPDATE offboardings SET checklist_at = :at WHERE id = :id";
constexpr const char* record_checklist_sql =
    "UPDATE offboardings SET checklist_channel = :channel, checklist_ts = :ts WHERE id = :id";
constexpr const char* tick_sql = "INSERT OR IGNORE INTO offboard_ticks (offboarding_id, item, "
                                 "by_user, at) VALUES (:id, :item, :by, :at)";
constexpr const char* ticks_sql = "SELECT item, by_user, at FROM offboard_ticks "
                                  "WHERE offboarding_id = :id ORDER BY at, item";
constexpr const char* told_sql = "UPDATE offboardings SET told_at = :at WHERE id = :id";

std::vector<std::int64_t> ids(SQLite::Statement& query) {
    std::vector<std::int64_t> found;
    while (query.executeStep())
        found.push_back(query.getColumn(0).getInt64());
    query.tryReset();
    return found;
}

std::optional<core::Time> time_or_null(const SQLite::Column& column) {
    if (column.isNull())
        return std::nullopt;
    return core::from_unix_seconds(column.getInt64());
}

RevokeState state_from(const std::string& text) {
    if (text == "done")
        return RevokeState::done;
    return text == "refused" ? RevokeState::refused : RevokeState::pending;
}

void write_channel(Database& db, const char* sql, std::int64_t id, const core::ChannelId& channel,
                   const std::string* error = nullptr, std::optional<core::Time> at = {}) {
    auto& update = db.prepared(sql);
    update.bind(":id", id);
    update.bind(":channel", channel.value);
    if (error)
        update.bind(":error", *error);
    if (at)
        update.bind(":at", core::unix_seconds(*at));
    execute(update);
    update.tryReset();
}

} // namespace

Offboardings::Offboardings(Database& db) : db_(db) {}

std::int64_t Offboardings::start(const Offboarding& offboarding,
                                 const std::vector<core::ChannelId>& channels, core::Time now) {
    auto& insert = db_.prepared(insert_sql);
    insert.bind(":user", offboarding.member.value);
    insert.bind(":cause", std::string{core::to_string(offboarding.cause)});
    insert.bind(":by", offboarding.by.value);
    if (offboarding.motion)
        insert.bind(":motion", *offboarding.motion);
    else
        insert.bind(":motion");
    insert.bind(":at", core::unix_seconds(now));
    insert.bind(":to", offboarding.checklist_to.value);
    execute(insert);
    insert.tryReset();
    const auto id = db_.sql().getLastInsertRowid();
    for (const auto& channel : channels) {
        auto& row = db_.prepared(insert_channel_sql);
        row.bind(":id", id);
        row.bind(":channel", channel.value);
        execute(row);
        row.tryReset();
    }
    return id;
}

std::optional<Offboarding> Offboardings::find(std::int64_t id) {
    auto& query = db_.prepared(find_sql);
    query.bind(":id", id);
    if (!query.executeStep()) {
        query.tryReset();
        return std::nullopt;
    }
    Offboarding found;
    found.id = id;
    found.member = core::UserId{query.getColumn(0).getString()};
    const auto cause = core::offboard_cause_from_string(query.getColumn(1).getString());
    found.by = core::UserId{query.getColumn(2).getString()};
    if (!query.getColumn(3).isNull())
        found.motion = query.getColumn(3).getInt64();
    found.checklist_to = core::UserId{query.getColumn(4).getString()};
    if (!query.getColumn(6).isNull())
        found.checklist = core::MessageRef{core::ChannelId{query.getColumn(5).getString()},
                                           query.getColumn(6).getString()};
    found.checklist_at = time_or_null(query.getColumn(7));
    found.told_at = time_or_null(query.getColumn(8));
    query.tryReset();
    if (!cause)
        throw std::runtime_error("an off-boarding of unknown cause");
    found.cause = *cause;
    return found;
}

std::optional<std::int64_t> Offboardings::under_way(const core::UserId& member) {
    auto& query = db_.prepared(member_sql);
    query.bind(":user", member.value);
    const auto found = ids(query);
    return found.empty() ? std::nullopt : std::optional{found.front()};
}

std::vector<std::int64_t> Offboardings::under_way() {
    return ids(db_.prepared(open_sql));
}

std::optional<std::int64_t> Offboardings::by_checklist(const core::MessageRef& message) {
    auto& query = db_.prepared(by_checklist_sql);
    query.bind(":channel", message.channel.value);
    query.bind(":ts", message.ts);
    const auto found = ids(query);
    return found.empty() ? std::nullopt : std::optional{found.front()};
}

std::vector<RevokeRow> Offboardings::channels(std::int64_t id) {
    auto& query = db_.prepared(channels_sql);
    query.bind(":id", id);
    std::vector<RevokeRow> rows;
    while (query.executeStep())
        rows.push_back({core::ChannelId{query.getColumn(0).getString()},
                        state_from(query.getColumn(1).getString()),
                        query.getColumn(2).isNull() ? "" : query.getColumn(2).getString(),
                        time_or_null(query.getColumn(3))});
    query.tryReset();
    return rows;
}

void Offboardings::retrying(std::int64_t id, const core::ChannelId& channel, core::Time at) {
    write_channel(db_, retrying_sql, id, channel);
    write_channel(db_, tried_sql, id, channel, nullptr, at);
}

void Offboardings::revoked(std::int64_t id, const core::ChannelId& channel) {
    write_channel(db_, revoked_sql, id, channel);
}

void Offboardings::refused(std::int64_t id, const core::ChannelId& channel,
                           const std::string& error, core::Time at) {
    write_channel(db_, refused_sql, id, channel, &error, at);
}

void Offboardings::checklist_queued(std::int64_t id, core::Time at) {
    auto& update = db_.prepared(checklist_queued_sql);
    update.bind(":at", core::unix_seconds(at));
    update.bind(":id", id);
    execute(update);
    update.tryReset();
}

void Offboardings::record_checklist(std::int64_t id, const core::MessageRef& where) {
    auto& update = db_.prepared(record_checklist_sql);
    update.bind(":channel", where.channel.value);
    update.bind(":ts", where.ts);
    update.bind(":id", id);
    execute(update);
    update.tryReset();
}

bool Offboardings::tick(std::int64_t id, const std::string& item, const core::UserId& by,
                        core::Time at) {
    auto& insert = db_.prepared(tick_sql);
    insert.bind(":id", id);
    insert.bind(":item", item);
    insert.bind(":by", by.value);
    insert.bind(":at", core::unix_seconds(at));
    const int changed = execute(insert);
    insert.tryReset();
    return changed > 0;
}

std::vector<core::ChecklistTick> Offboardings::ticks(std::int64_t id) {
    auto& query = db_.prepared(ticks_sql);
    query.bind(":id", id);
    std::vector<core::ChecklistTick> found;
    while (query.executeStep())
        found.push_back({query.getColumn(0).getString(),
                         core::UserId{query.getColumn(1).getString()},
                         core::from_unix_seconds(query.getColumn(2).getInt64())});
    query.tryReset();
    return found;
}

void Offboardings::told(std::int64_t id, core::Time at) {
    auto& update = db_.prepared(told_sql);
    update.bind(":at", core::unix_seconds(at));
    update.bind(":id", id);
    execute(update);
    update.tryReset();
}

core::OffboardProgress Offboardings::progress(std::int64_t id) {
    core::OffboardProgress progress;
    for (const auto& row : channels(id)) {
        progress.channels_pending += row.state == RevokeState::pending ? 1 : 0;
        progress.refused = progress.refused || row.state == RevokeState::refused;
    }
    const auto found = find(id);
    progress.checklist_posted = found && found->checklist_at;
    const auto ticked = ticks(id);
    progress.items_pending = static_cast<int>(core::offboard_checklist().size() - ticked.size());
    progress.told = found && found->told_at;
    return progress;
}

} // namespace cocbot::storage
