// File: storage/audit_log.cpp
#include "storage/audit_log.hpp"

#include <openssl/evp.h>
#include <stdexcept>

namespace cocbot::storage {

namespace {

const std::string genesis(64, '0');

constexpr const char* head_sql = "SELECT seq, at, actor, action, incident, detail, prev, hash "
                                 "FROM audit_log ORDER BY seq DESC LIMIT 1";

constexpr const char* insert_sql =
    "INSERT INTO audit_log (seq, at, actor, action, incident, detail, prev, hash) "
    "VALUES (:seq, :at, :actor, :action, :incident, :detail, :prev, :hash)";

constexpr std::size_t page = 512;

constexpr const char* all_sql = "SELECT seq, at, actor, action, incident, detail, prev, hash "
                                "FROM audit_log WHERE seq > :after ORDER BY seq LIMIT 512";

constexpr const char* find_head_sql =
    "SELECT seq FROM audit_log WHERE substr(hash, 1, length(:prefix)) = lower(:prefix) "
    "ORDER BY seq LIMIT 1";

constexpr const char* about_sql = "SELECT seq, at, actor, action, incident, detail, prev, hash "
                                  "FROM audit_log WHERE incident = :incident ORDER BY seq";

constexpr const char* last_posted_sql = "SELECT posted_at, seq FROM audit_heads WHERE id = 1";

constexpr const char* posted_sql =
    "INSERT INTO audit_heads (id, posted_at, seq) VALUES (1, :at, :seq) "
    "ON CONFLICT (id) DO UPDATE SET posted_at = excluded.posted_at, seq = excluded.seq";

// Each field with its length in front, so that no two entries hash the same text.
void add(std::string& text, std::string_view field) {
    text += std::to_string(field.size());
    text += ':';
    text += field;
}

std::string hex_sha256(const std::string& text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("cannot compute SHA-256");
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
        out += digits[digest[i] >> 4];
        out += digits[digest[i] & 0xf];
    }
    return out;
}

AuditEntry read_entry(SQLite::Statement& row) {
    return {row.getColumn(0).getInt64(),  from_unix_seconds(row.getColumn(1).getInt64()),
            row.getColumn(2).getString(), row.getColumn(3).getString(),
            row.getColumn(4).getString(), row.getColumn(5).getString(),
            row.getColumn(6).getString(), row.getColumn(7).getString()};
}

// What is wrong with `entry`, given the one before it (none for the first); empty when it holds.
std::string fault(const AuditEntry& entry, const std::optional<AuditEntry>& before) {
    const std::int64_t expected = before ? before->seq + 1 : 1;
    if (entry.seq != expected)
        return "entries " + std::to_string(expected) + " to " + std::to_string(entry.seq - 1) +
               " before it were removed";
    if (entry.prev != (before ? before->hash : genesis))
        return "it does not follow the entry before it (removed, replaced or moved)";
    if (entry.hash != audit_hash(entry))
        return "it was edited";
    return {};
}

} // namespace

std::string audit_hash(const AuditEntry& entry) {
    std::string text = entry.prev;
    add(text, std::to_string(entry.seq));
    add(text, std::to_string(unix_seconds(entry.at)));
    add(text, entry.actor);
    add(text, entry.action);
    add(text, entry.incident);
    add(text, entry.detail);
    return hex_sha256(text);
}

AuditLog::AuditLog(Database& db) : db_(db) {}

std::optional<AuditEntry> AuditLog::head() {
    auto& last = db_.prepared(head_sql);
    std::optional<AuditEntry> found;
    if (last.executeStep())
        found = read_entry(last);
    last.tryReset();
    return found;
}

void AuditLog::append(core::Time at, std::string_view actor, std::string_view action,
                      std::string_view incident, std::string_view detail) {
    const auto last = head();
    AuditEntry entry{last ? last->seq + 1 : 1,    at,
                     std::string{actor},          std::string{action},
                     std::string{incident},       std::string{detail},
                     last ? last->hash : genesis, {}};
    entry.hash = audit_hash(entry);
    auto& insert = db_.prepared(insert_sql);
    insert.bind(":seq", entry.seq);
    insert.bind(":at", unix_seconds(entry.at));
    insert.bind(":actor", entry.actor);
    insert.bind(":action", entry.action);
    insert.bind(":incident", entry.incident);
    insert.bind(":detail", entry.detail);
    insert.bind(":prev", entry.prev);
    insert.bind(":hash", entry.hash);
    execute(insert);
    insert.tryReset();
}

void AuditLog::each(const std::optional<core::IncidentId>& incident,
                    const std::function<void(const AuditEntry&)>& visit) {
    if (incident) {
        auto& about = db_.prepared(about_sql);
        about.bind(":incident", incident->value);
        while (about.executeStep())
            visit(read_entry(about));
        about.tryReset();
        return;
    }
    auto& all = db_.prepared(all_sql);
    std::int64_t after = 0;
    for (std::size_t read = page; read == page;) {
        all.bind(":after", after);
        std::vector<AuditEntry> batch; // read whole, so that `visit` may use the database
        while (all.executeStep())
            batch.push_back(read_entry(all));
        all.tryReset();
        read = batch.size();
        for (const auto& entry : batch) {
            after = entry.seq;
            visit(entry);
        }
    }
}

std::vector<AuditEntry> AuditLog::entries(const std::optional<core::IncidentId>& incident) {
    std::vector<AuditEntry> found;
    each(incident, [&](const AuditEntry& entry) { found.push_back(entry); });
    return found;
}

std::optional<std::int64_t> AuditLog::find_head(const std::string& prefix) {
    auto& find = db_.prepared(find_head_sql);
    find.bind(":prefix", prefix);
    std::optional<std::int64_t> found;
    if (!prefix.empty() && find.executeStep())
        found = find.getColumn(0).getInt64();
    find.tryReset();
    return found;
}

std::optional<AuditLog::Posted> AuditLog::last_posted() {
    auto& last = db_.prepared(last_posted_sql);
    std::optional<Posted> found;
    if (last.executeStep())
        found =
            Posted{from_unix_seconds(last.getColumn(0).getInt64()), last.getColumn(1).getInt64()};
    last.tryReset();
    return found;
}

void AuditLog::posted(core::Time at, std::int64_t seq) {
    auto& record = db_.prepared(posted_sql);
    record.bind(":at", unix_seconds(at));
    record.bind(":seq", seq);
    execute(record);
    record.tryReset();
}

AuditCheck AuditLog::verify() {
    AuditCheck check;
    std::optional<AuditEntry> before;
    each(std::nullopt, [&](const AuditEntry& entry) {
        if (check.broken)
            return;
        ++check.entries;
        check.problem = fault(entry, before);
        if (!check.problem.empty())
            check.broken = entry.seq;
        before = entry;
    });
    if (!check.broken && before)
        check.head = before->hash;
    return check;
}

} // namespace cocbot::storage
