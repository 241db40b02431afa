// File: storage/committee_motions.cpp
#include "storage/committee_motions.hpp"

#include "storage/sealer.hpp"

#include <stdexcept>

namespace cocbot::storage {

namespace {

constexpr const char* insert_sql =
    "INSERT INTO committee_motions (kind, subject, proposer, reason, farewell, proposed_at) "
    "VALUES (:kind, :subject, :proposer, '', '', :at)";
constexpr const char* seal_sql =
    "UPDATE committee_motions SET reason = :reason, farewell = :farewell WHERE id = :id";
constexpr const char* insert_ballot_sql =
    "INSERT OR IGNORE INTO committee_ballots (motion_id, voter) VALUES (:id, :voter)";
constexpr const char* find_sql =
    "SELECT kind, subject, proposer, result FROM committee_motions WHERE id = :id";
constexpr const char* open_sql =
    "SELECT id FROM committee_motions WHERE result = 'open' ORDER BY id";
constexpr const char* open_about_sql =
    "SELECT id FROM committee_motions WHERE result = 'open' AND subject = :subject LIMIT 1";
constexpr const char* cast_sql =
    "UPDATE committee_ballots SET vote = :vote WHERE motion_id = :id AND voter = :voter";
constexpr const char* decide_sql =
    "UPDATE committee_motions SET result = :result, decided_at = :at WHERE id = :id";
constexpr const char* ballots_sql = "SELECT voter, vote, channel, ts FROM committee_ballots "
                                    "WHERE motion_id = :id ORDER BY voter";
constexpr const char* record_sql = "UPDATE committee_ballots SET channel = :channel, ts = :ts "
                                   "WHERE motion_id = :id AND voter = :voter";
constexpr const char* drop_sql =
    "DELETE FROM committee_ballots WHERE motion_id = :id AND voter = :voter";
constexpr const char* reason_sql = "SELECT reason FROM committee_motions WHERE id = :id";
constexpr const char* farewell_sql = "SELECT farewell FROM committee_motions WHERE id = :id";

std::string sealed_or_plain(const Sealer* sealer, std::string_view text, const std::string& row) {
    return sealer ? sealer->seal(text, row) : std::string{text};
}

} // namespace

std::string motion_text_row(std::int64_t id, std::string_view column) {
    return "committee_motions:" + std::to_string(id) + ":" + std::string{column};
}

CommitteeMotions::CommitteeMotions(Database& db) : db_(db) {}

std::int64_t CommitteeMotions::create(const NewCommitteeMotion& motion,
                                      const std::vector<core::UserId>& voters, core::Time now) {
    auto& insert = db_.prepared(insert_sql);
    insert.bind(":kind", std::string{core::to_string(motion.kind)});
    insert.bind(":subject", motion.subject.value);
    insert.bind(":proposer", motion.proposer.value);
    insert.bind(":at", core::unix_seconds(now));
    execute(insert);
    insert.tryReset();
    const auto id = db_.sql().getLastInsertRowid();
    // Sealed bound to the row, whose id exists only once it is inserted.
    auto& seal = db_.prepared(seal_sql);
    seal.bind(":reason",
              sealed_or_plain(db_.sealer(), motion.reason, motion_text_row(id, "reason")));
    seal.bind(":farewell",
              sealed_or_plain(db_.sealer(), motion.farewell, motion_text_row(id, "farewell")));
    seal.bind(":id", id);
    execute(seal);
    seal.tryReset();
    for (const auto& voter : voters) {
        auto& ballot = db_.prepared(insert_ballot_sql);
        ballot.bind(":id", id);
        ballot.bind(":voter", voter.value);
        execute(ballot);
        ballot.tryReset();
    }
    return id;
}

std::optional<core::CommitteeMotion> CommitteeMotions::find(std::int64_t id) {
    auto& query = db_.prepared(find_sql);
    query.bind(":id", id);
    if (!query.executeStep()) {
        query.tryReset();
        return std::nullopt;
    }
    core::CommitteeMotion motion;
    motion.id = id;
    const auto kind = core::committee_motion_kind_from_string(query.getColumn(0).getString());
    const auto result = core::motion_result_from_string(query.getColumn(3).getString());
    motion.subject = core::UserId{query.getColumn(1).getString()};
    motion.proposer = core::UserId{query.getColumn(2).getString()};
    query.tryReset();
    if (!kind || !result)
        throw std::runtime_error("a committee motion of unknown kind or result");
    motion.kind = *kind;
    motion.result = *result;
    for (const auto& ballot : ballots(id))
        if (ballot.vote)
            motion.ballots[ballot.voter] = *ballot.vote;
    return motion;
}

std::vector<std::int64_t> CommitteeMotions::open_ids() {
    auto& query = db_.prepared(open_sql);
    std::vector<std::int64_t> ids;
    while (query.executeStep())
        ids.push_back(query.getColumn(0).getInt64());
    query.tryReset();
    return ids;
}

std::optional<std::int64_t> CommitteeMotions::open_about(const core::UserId& subject) {
    auto& query = db_.prepared(open_about_sql);
    query.bind(":subject", subject.value);
    std::optional<std::int64_t> found;
    if (query.executeStep())
        found = query.getColumn(0).getInt64();
    query.tryReset();
    return found;
}

void CommitteeMotions::cast(std::int64_t id, const core::UserId& voter, bool yes) {
    auto& update = db_.prepared(cast_sql);
    update.bind(":vote", yes ? 1 : 0);
    update.bind(":id", id);
    update.bind(":voter", voter.value);
    execute(update);
    update.tryReset();
}

void CommitteeMotions::decide(std::int64_t id, core::MotionResult result, core::Time now) {
    auto& update = db_.prepared(decide_sql);
    update.bind(":result", std::string{core::to_string(result)});
    update.bind(":at", core::unix_seconds(now));
    update.bind(":id", id);
    execute(update);
    update.tryReset();
}

std::vector<BallotRow> CommitteeMotions::ballots(std::int64_t id) {
    auto& query = db_.prepared(ballots_sql);
    query.bind(":id", id);
    std::vector<BallotRow> rows;
    while (query.executeStep()) {
        BallotRow row{core::UserId{query.getColumn(0).getString()}, std::nullopt, std::nullopt};
        if (!query.getColumn(1).isNull())
            row.vote = query.getColumn(1).getInt() != 0;
        if (!query.getColumn(3).isNull())
            row.message = core::MessageRef{core::ChannelId{query.getColumn(2).getString()},
                                           query.getColumn(3).getString()};
        rows.push_back(std::move(row));
    }
    query.tryReset();
    return rows;
}

void CommitteeMotions::record_message(std::int64_t id, const core::UserId& voter,
                                      const core::MessageRef& where) {
    auto& update = db_.prepared(record_sql);
    update.bind(":channel", where.channel.value);
    update.bind(":ts", where.ts);
    update.bind(":id", id);
    update.bind(":voter", voter.value);
    execute(update);
    update.tryReset();
}

void CommitteeMotions::add_ballot(std::int64_t id, const core::UserId& voter) {
    auto& insert = db_.prepared(insert_ballot_sql);
    insert.bind(":id", id);
    insert.bind(":voter", voter.value);
    execute(insert);
    insert.tryReset();
}

void CommitteeMotions::drop_ballot(std::int64_t id, const core::UserId& voter) {
    auto& remove = db_.prepared(drop_sql);
    remove.bind(":id", id);
    remove.bind(":voter", voter.value);
    execute(remove);
    remove.tryReset();
}

std::optional<std::string> CommitteeMotions::reason(std::int64_t id) {
    return text(id, reason_sql, "reason");
}

std::optional<std::string> CommitteeMotions::farewell(std::int64_t id) {
    return text(id, farewell_sql, "farewell");
}

std::optional<std::string> CommitteeMotions::text(std::int64_t id, const char* column_sql,
                                                  std::string_view column) {
    auto& query = db_.prepared(column_sql);
    query.bind(":id", id);
    if (!query.executeStep()) {
        query.tryReset();
        return std::nullopt;
    }
    std::string stored = query.getColumn(0).getString();
    query.tryReset();
    if (!Sealer::is_sealed(stored))
        return stored;
    const Sealer* sealer = db_.sealer();
    auto opened = sealer ? sealer->open(stored, motion_text_row(id, column)) : std::nullopt;
    if (!opened)
        throw std::runtime_error("a committee motion's text does not open with the data key");
    return opened;
}

} // namespace cocbot::storage
