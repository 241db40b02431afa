// File: storage/reseal.cpp
#include "storage/reseal.hpp"

#include "storage/committee_motions.hpp"
#include "storage/escrow_index.hpp"
#include "storage/event_codec.hpp"
#include "storage/sealing.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace cocbot::storage {

namespace {

// In batches by key, each read whole before it is written: no statement reads a table while
// it is being written, and no more than a batch is in memory.
constexpr int batch = 256;

constexpr const char* secrets_sql =
    "SELECT s.event_seq, e.incident_id, e.type, e.data, s.data FROM event_secrets s "
    "JOIN events e ON e.seq = s.event_seq WHERE s.event_seq > :after ORDER BY s.event_seq "
    "LIMIT :batch";

constexpr const char* motions_sql =
    "SELECT id, reason, farewell FROM committee_motions WHERE id > :after ORDER BY id "
    "LIMIT :batch";

constexpr const char* payloads_sql =
    "SELECT id, payload FROM outbox WHERE state <> 'done' AND id > :after ORDER BY id "
    "LIMIT :batch";

// The plain text of a stored value; throws when it is sealed and `from` does not open it.
std::string plain_text(const Sealer* from, const std::string& stored, const std::string& row) {
    if (!Sealer::is_sealed(stored))
        return stored;
    auto opened = from ? from->open(stored, row) : std::nullopt;
    if (!opened)
        throw std::runtime_error("a sealed value (" + row +
                                 ") does not open with the current key; nothing was changed");
    return std::move(*opened);
}

std::string stored_text(const Sealer* to, const std::string& plain, const std::string& row) {
    return to ? to->seal(plain, row) : plain;
}

struct Writers {
    SQLite::Statement data;
    SQLite::Statement secret;
    SQLite::Statement payload;

    explicit Writers(SQLite::Database& db)
        : data(db, "UPDATE events SET data = :data WHERE seq = :seq"),
          secret(db, "UPDATE event_secrets SET data = :data WHERE event_seq = :seq"),
          payload(db, "UPDATE outbox SET payload = :payload WHERE id = :id") {}
};

void write(SQLite::Statement& update, const std::string& text, std::int64_t key) {
    update.reset();
    update.bind(1, text);
    update.bind(2, key);
    execute(update);
}

// A report written before its person and flags were sealed is written again in today's layout,
// and indexed if it is kept in escrow. One that does not decode is kept as it is, unindexed, as
// when the index was first filled: loading its incident reports it.
void relayout_report(SQLite::Database& db, const Sealer* to, Writers& writers, std::int64_t seq,
                     const std::string& data, std::string& secret) {
    core::Event event;
    try {
        event = decode_event("report_filed", data, secret);
    } catch (const std::exception&) {
        return;
    }
    const EncodedEvent encoded = encode_event(event);
    if (encoded.data != data)
        write(writers.data, encoded.data, seq);
    if (encoded.sensitive)
        secret = *encoded.sensitive;
    index_if_escrowed(db, to, std::get<core::ReportFiled>(event));
}

// A row of a batch: its key (the first column) and the other columns' text.
struct Row {
    std::int64_t key = 0;
    std::vector<std::string> columns;
};

// Calls `each(row)` for every row `rows` yields, a batch at a time after the last key seen,
// each batch read whole before any of it is written; returns how many.
template <typename Each>
std::size_t in_batches(SQLite::Statement& rows, Each each) {
    std::size_t seen = 0;
    for (std::int64_t after = 0, read = batch; read == batch;) {
        rows.reset();
        rows.bind(":after", after);
        rows.bind(":batch", batch);
        std::vector<Row> read_rows;
        while (rows.executeStep()) {
            Row row{rows.getColumn(0).getInt64(), {}};
            for (int i = 1; i < rows.getColumnCount(); ++i)
                row.columns.push_back(rows.getColumn(i).getString());
            read_rows.push_back(std::move(row));
        }
        rows.reset();
        read = static_cast<std::int64_t>(read_rows.size());
        for (const auto& row : read_rows) {
            after = row.key;
            each(row);
            ++seen;
        }
    }
    return seen;
}

std::size_t reseal_secrets(SQLite::Database& db, const Sealer* from, const Sealer* to,
                           Writers& writers) {
    SQLite::Statement rows(db, secrets_sql);
    // Columns after the key: incident, type, data, secret.
    return in_batches(rows, [&](const Row& row) {
        const auto bound = secret_row(row.columns[0], row.key);
        auto secret = plain_text(from, row.columns[3], bound);
        if (row.columns[1] == "report_filed")
            relayout_report(db, to, writers, row.key, row.columns[2], secret);
        write(writers.secret, stored_text(to, secret, bound), row.key);
    });
}

std::size_t reseal_payloads(SQLite::Database& db, const Sealer* from, const Sealer* to,
                            Writers& writers) {
    // A done effect's payload is never read again: what earlier versions left in it goes.
    db.exec("UPDATE outbox SET payload = '' WHERE state = 'done' AND payload <> ''");
    SQLite::Statement rows(db, payloads_sql);
    return in_batches(rows, [&](const Row& row) {
        const auto bound = outbox_row(row.key);
        const auto payload = plain_text(from, row.columns[0], bound);
        write(writers.payload, stored_text(to, payload, bound), row.key);
    });
}

// A committee motion's reason and message, each bound to its own row and column.
std::size_t reseal_motions(SQLite::Database& db, const Sealer* from, const Sealer* to) {
    SQLite::Statement rows(db, motions_sql);
    SQLite::Statement update(db, "UPDATE committee_motions SET reason = ?, farewell = ? "
                                 "WHERE id = ?");
    return in_batches(rows, [&](const Row& row) {
        const auto reason_row = motion_text_row(row.key, "reason");
        const auto farewell_row = motion_text_row(row.key, "farewell");
        update.reset();
        update.bind(1, stored_text(to, plain_text(from, row.columns[0], reason_row), reason_row));
        update.bind(2,
                    stored_text(to, plain_text(from, row.columns[1], farewell_row), farewell_row));
        update.bind(3, row.key);
        execute(update);
    });
}

void write_key_check(SQLite::Database& db, const Sealer* to) {
    db.exec("DELETE FROM seal_check");
    if (!to)
        return;
    SQLite::Statement check(db, "INSERT INTO seal_check (id, value) VALUES (1, ?)");
    check.bind(1, to->seal(key_check_text, key_check_row));
    execute(check);
}

} // namespace

int stored_layout(SQLite::Database& db) {
    return db.execAndGet("SELECT version FROM sealed_layout WHERE id = 1").getInt();
}

std::size_t reseal(SQLite::Database& db, const Sealer* from, const Sealer* to,
                   const std::function<void()>& also) {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    db.exec("DELETE FROM escrow_keys"); // refilled as the reports are read
    Writers writers{db};
    const auto written = reseal_secrets(db, from, to, writers) +
                         reseal_payloads(db, from, to, writers) + reseal_motions(db, from, to);
    write_key_check(db, to);
    db.exec("UPDATE sealed_layout SET version = " + std::to_string(sealed_layout));
    if (also)
        also();
    transaction.commit();
    return written;
}

} // namespace cocbot::storage
