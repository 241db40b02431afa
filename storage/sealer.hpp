// File: storage/sealer.hpp
// AES-256-GCM for the values that say anything about a report: a random 96-bit nonce per value,
// and associated data that binds it to its row, so that a value moved to another row, edited,
// or read under another key does not open.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace cocbot::storage {

using DataKey = std::array<unsigned char, 32>;

class Sealer {
public:
    explicit Sealer(const DataKey& key);

    // "s1:" and the base64 of nonce, ciphertext and tag. `row` is authenticated, not stored.
    std::string seal(std::string_view plaintext, std::string_view row) const;
    // The plaintext, or nullopt when it does not open under this key for this row.
    std::optional<std::string> open(std::string_view sealed, std::string_view row) const;

    // Whether a stored value is sealed (a value written before sealing is not).
    static bool is_sealed(std::string_view stored);

    // "h1:" and the hex of an HMAC-SHA256 of `text` under a key derived from this one: an index
    // key that finds equal texts without storing them (the escrow index's names).
    std::string fingerprint(std::string_view text) const;

private:
    DataKey key_;
    DataKey index_key_; // derived from key_, and not the cipher's key itself
};

// A fresh key from the system's random source.
DataKey random_key();
// The key in base64 (44 characters), and back; nullopt unless it is exactly 32 bytes.
std::string to_base64(const DataKey& key);
std::optional<DataKey> key_from_base64(std::string_view text);

} // namespace cocbot::storage
