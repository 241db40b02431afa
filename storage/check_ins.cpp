// File: storage/check_ins.cpp
#include "storage/check_ins.hpp"

namespace cocbot::storage {

namespace {

constexpr const char* members_sql =
    "SELECT r.user_id, COALESCE(c.answered_at, r.since), c.asked_at, c.channel, c.ts, "
    "COALESCE(c.overdue_told, 0), c.answered_at, r.since FROM roster r LEFT JOIN check_ins c ON "
    "c.user_id = r.user_id "
    "ORDER BY r.since, r.rowid";
constexpr const char* one_sql =
    "SELECT r.user_id, COALESCE(c.answered_at, r.since), c.asked_at, c.channel, c.ts, "
    "COALESCE(c.overdue_told, 0), c.answered_at, r.since FROM roster r LEFT JOIN check_ins c ON "
    "c.user_id = r.user_id "
    "WHERE r.user_id = :user";
constexpr const char* asked_sql =
    "INSERT INTO check_ins (user_id, asked_at) VALUES (:user, :at) ON CONFLICT (user_id) DO "
    "UPDATE SET asked_at = :at, channel = NULL, ts = NULL, overdue_told = 0";
constexpr const char* record_sql =
    "UPDATE check_ins SET channel = :channel, ts = :ts WHERE user_id = :user";
constexpr const char* answered_sql =
    "INSERT INTO check_ins (user_id, answered_at) VALUES (:user, :at) ON CONFLICT (user_id) DO "
    "UPDATE SET answered_at = :at, asked_at = NULL, channel = NULL, ts = NULL, overdue_told = 0";
constexpr const char* overdue_sql = "UPDATE check_ins SET overdue_told = 1 WHERE user_id = :user";
constexpr const char* forget_sql = "DELETE FROM check_ins WHERE user_id = :user";

CheckIn read_row(SQLite::Statement& query) {
    CheckIn row;
    row.member = core::UserId{query.getColumn(0).getString()};
    row.since = core::from_unix_seconds(query.getColumn(1).getInt64());
    if (!query.getColumn(2).isNull())
        row.asked_at = core::from_unix_seconds(query.getColumn(2).getInt64());
    if (!query.getColumn(4).isNull())
        row.message = core::MessageRef{core::ChannelId{query.getColumn(3).getString()},
                                       query.getColumn(4).getString()};
    row.overdue_told = query.getColumn(5).getInt() != 0;
    if (!query.getColumn(6).isNull())
        row.answered_at = core::from_unix_seconds(query.getColumn(6).getInt64());
    row.joined = core::from_unix_seconds(query.getColumn(7).getInt64());
    return row;
}

void write_user(Database& db, const char* sql, const core::UserId& member,
                std::optional<core::Time> at = std::nullopt) {
    auto& write = db.prepared(sql);
    write.bind(":user", member.value);
    if (at)
        write.bind(":at", core::unix_seconds(*at));
    execute(write);
    write.tryReset();
}

} // namespace

CheckIns::CheckIns(Database& db) : db_(db) {}

std::vector<CheckIn> CheckIns::of_members() {
    auto& query = db_.prepared(members_sql);
    std::vector<CheckIn> rows;
    while (query.executeStep())
        rows.push_back(read_row(query));
    query.tryReset();
    return rows;
}

std::optional<CheckIn> CheckIns::of(const core::UserId& member) {
    auto& query = db_.prepared(one_sql);
    query.bind(":user", member.value);
    std::optional<CheckIn> row;
    if (query.executeStep())
        row = read_row(query);
    query.tryReset();
    return row;
}

void CheckIns::asked(const core::UserId& member, core::Time at) {
    write_user(db_, asked_sql, member, at);
}

void CheckIns::record_message(const core::UserId& member, const core::MessageRef& where) {
    auto& update = db_.prepared(record_sql);
    update.bind(":channel", where.channel.value);
    update.bind(":ts", where.ts);
    update.bind(":user", member.value);
    execute(update);
    update.tryReset();
}

void CheckIns::answered(const core::UserId& member, core::Time at) {
    write_user(db_, answered_sql, member, at);
}

void CheckIns::overdue_told(const core::UserId& member) {
    write_user(db_, overdue_sql, member);
}

void CheckIns::forget(const core::UserId& member) {
    write_user(db_, forget_sql, member);
}

} // namespace cocbot::storage
