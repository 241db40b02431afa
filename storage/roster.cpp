// File: storage/roster.cpp
#include "storage/roster.hpp"

#include "storage/audit_log.hpp"
#include "storage/write_scope.hpp"

#include <algorithm>

namespace cocbot::storage {

namespace {

constexpr const char* members_sql = "SELECT user_id FROM roster ORDER BY since, rowid";
constexpr const char* joined_sql = "SELECT user_id, since FROM roster ORDER BY since, rowid";
constexpr const char* configured_sql = "SELECT user_id FROM roster_configured ORDER BY user_id";
constexpr const char* forget_configured_sql = "DELETE FROM roster_configured";
constexpr const char* insert_configured_sql =
    "INSERT OR IGNORE INTO roster_configured (user_id) VALUES (:user)";
constexpr const char* insert_member_sql =
    "INSERT INTO roster (user_id, since) VALUES (:user, :since)";
constexpr const char* delete_member_sql = "DELETE FROM roster WHERE user_id = :user";
constexpr const char* forget_check_in_sql = "DELETE FROM check_ins WHERE user_id = :user";
constexpr const char* insert_change_sql =
    "INSERT INTO roster_changes (at, user_id, change) VALUES (:at, :user, :change)";
constexpr const char* unapplied_sql = "SELECT seq, at, user_id, change FROM roster_changes "
                                      "WHERE applied = 0 ORDER BY seq";
constexpr const char* history_sql =
    "SELECT seq, at, user_id, change FROM roster_changes ORDER BY seq";
constexpr const char* mark_applied_sql = "UPDATE roster_changes SET applied = 1 WHERE seq = :seq";

bool listed(const std::vector<core::UserId>& users, const core::UserId& user) {
    return std::find(users.begin(), users.end(), user) != users.end();
}

} // namespace

Roster::Roster(Database& db) : db_(db) {}

std::vector<core::UserId> Roster::members() {
    return users(members_sql);
}

std::vector<core::UserId> Roster::users(const char* sql) {
    auto& query = db_.prepared(sql);
    std::vector<core::UserId> found;
    while (query.executeStep())
        found.push_back(core::UserId{query.getColumn(0).getString()});
    query.tryReset();
    return found;
}

std::vector<std::pair<core::UserId, core::Time>> Roster::joined() {
    auto& query = db_.prepared(joined_sql);
    std::vector<std::pair<core::UserId, core::Time>> found;
    while (query.executeStep())
        found.emplace_back(core::UserId{query.getColumn(0).getString()},
                           from_unix_seconds(query.getColumn(1).getInt64()));
    query.tryReset();
    return found;
}

std::vector<RosterChange> Roster::reconcile(const std::vector<core::UserId>& configured,
                                            core::Time now) {
    WriteScope scope{db_};
    const auto last = users(configured_sql);
    std::vector<RosterChange> recorded;
    for (const auto& user : last)
        if (!listed(configured, user))
            if (auto change = remove(user, now, "configuration"))
                recorded.push_back(*change);
    for (const auto& user : configured)
        if (!listed(last, user))
            if (auto change = add(user, now, "configuration"))
                recorded.push_back(*change);
    remember_configured(configured);
    scope.commit();
    return recorded;
}

void Roster::remember_configured(const std::vector<core::UserId>& configured) {
    execute(db_.prepared(forget_configured_sql));
    for (const auto& user : configured) {
        auto& insert = db_.prepared(insert_configured_sql);
        insert.bind(":user", user.value);
        execute(insert);
        insert.tryReset();
    }
}

std::optional<RosterChange> Roster::add(const core::UserId& user, core::Time now,
                                        std::string_view actor) {
    if (listed(members(), user))
        return std::nullopt;
    auto& insert = db_.prepared(insert_member_sql);
    insert.bind(":user", user.value);
    insert.bind(":since", unix_seconds(now));
    execute(insert);
    insert.tryReset();
    return record(user, true, now, actor);
}

std::optional<RosterChange> Roster::remove(const core::UserId& user, core::Time now,
                                           std::string_view actor) {
    if (!listed(members(), user))
        return std::nullopt;
    auto& remove = db_.prepared(delete_member_sql);
    remove.bind(":user", user.value);
    execute(remove);
    remove.tryReset();
    // Their check-in goes with them: one who comes back starts a new period.
    auto& forget = db_.prepared(forget_check_in_sql);
    forget.bind(":user", user.value);
    execute(forget);
    forget.tryReset();
    return record(user, false, now, actor);
}

RosterChange Roster::record(const core::UserId& user, bool added, core::Time now,
                            std::string_view actor) {
    auto& insert = db_.prepared(insert_change_sql);
    insert.bind(":at", unix_seconds(now));
    insert.bind(":user", user.value);
    insert.bind(":change", added ? "added" : "removed");
    execute(insert);
    insert.tryReset();
    const auto seq = db_.sql().getLastInsertRowid();
    AuditLog{db_}.append(now, actor, added ? "roster_member_added" : "roster_member_removed", {},
                         user.value);
    return {seq, now, user, added};
}

std::vector<RosterChange> Roster::unapplied() {
    return changes(db_.prepared(unapplied_sql));
}

std::vector<RosterChange> Roster::history() {
    return changes(db_.prepared(history_sql));
}

std::vector<RosterChange> Roster::changes(SQLite::Statement& query) {
    std::vector<RosterChange> found;
    while (query.executeStep())
        found.push_back({query.getColumn(0).getInt64(),
                         from_unix_seconds(query.getColumn(1).getInt64()),
                         core::UserId{query.getColumn(2).getString()},
                         query.getColumn(3).getString() == "added"});
    query.tryReset();
    return found;
}

void Roster::mark_applied(std::int64_t seq) {
    auto& update = db_.prepared(mark_applied_sql);
    update.bind(":seq", seq);
    execute(update);
    update.tryReset();
}

} // namespace cocbot::storage
