// File: storage/sealer.cpp
#include "storage/sealer.hpp"

#include <algorithm>
#include <memory>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <stdexcept>
#include <vector>

namespace cocbot::storage {

namespace {

constexpr std::string_view prefix = "s1:";
constexpr std::string_view fingerprint_prefix = "h1:";
constexpr std::string_view index_key_purpose = "cocbot index key 1";
constexpr int nonce_size = 12;
constexpr int tag_size = 16;

using Context = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

Context new_context() {
    Context context{EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free};
    if (!context)
        throw std::runtime_error("cannot make a cipher context");
    return context;
}

const unsigned char* bytes(std::string_view text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}

std::string encode(const std::vector<unsigned char>& raw) {
    std::string text(4 * ((raw.size() + 2) / 3), '\0');
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()), raw.data(),
                                        static_cast<int>(raw.size()));
    text.resize(static_cast<std::size_t>(written));
    return text;
}

std::optional<std::vector<unsigned char>> decode(std::string_view text) {
    if (text.size() % 4 != 0)
        return std::nullopt;
    std::vector<unsigned char> raw(3 * text.size() / 4);
    const int written = EVP_DecodeBlock(raw.data(), bytes(text), static_cast<int>(text.size()));
    if (written < 0)
        return std::nullopt;
    // EVP_DecodeBlock counts the padding as bytes: take them off again.
    std::size_t size = static_cast<std::size_t>(written);
    for (auto it = text.rbegin(); it != text.rend() && *it == '='; ++it)
        --size;
    raw.resize(size);
    return raw;
}

DataKey hmac(const DataKey& key, std::string_view text) {
    DataKey out{};
    unsigned int size = 0;
    if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), bytes(text), text.size(),
             out.data(), &size) == nullptr ||
        size != out.size())
        throw std::runtime_error("cannot compute an HMAC");
    return out;
}

} // namespace

Sealer::Sealer(const DataKey& key) : key_(key), index_key_(hmac(key, index_key_purpose)) {}

std::string Sealer::fingerprint(std::string_view text) const {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out{fingerprint_prefix};
    for (const unsigned char byte : hmac(index_key_, text)) {
        out += digits[byte >> 4];
        out += digits[byte & 0xf];
    }
    return out;
}

std::string Sealer::seal(std::string_view plaintext, std::string_view row) const {
    std::vector<unsigned char> out(nonce_size + plaintext.size() + tag_size);
    if (RAND_bytes(out.data(), nonce_size) != 1)
        throw std::runtime_error("cannot draw a random nonce");
    auto context = new_context();
    int length = 0;
    const bool sealed =
        EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, key_.data(), out.data()) ==
            1 &&
        EVP_EncryptUpdate(context.get(), nullptr, &length, bytes(row),
                          static_cast<int>(row.size())) == 1 &&
        EVP_EncryptUpdate(context.get(), out.data() + nonce_size, &length, bytes(plaintext),
                          static_cast<int>(plaintext.size())) == 1 &&
        EVP_EncryptFinal_ex(context.get(), out.data() + nonce_size + length, &length) == 1 &&
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, tag_size,
                            out.data() + nonce_size + plaintext.size()) == 1;
    if (!sealed)
        throw std::runtime_error("cannot seal a value");
    return std::string{prefix} + encode(out);
}

std::optional<std::string> Sealer::open(std::string_view sealed, std::string_view row) const {
    if (!is_sealed(sealed))
        return std::nullopt;
    auto raw = decode(sealed.substr(prefix.size()));
    if (!raw || raw->size() < nonce_size + tag_size)
        return std::nullopt;
    const auto text_size = raw->size() - nonce_size - tag_size;
    std::string plaintext(text_size, '\0');
    auto context = new_context();
    int length = 0;
    unsigned char* tag = raw->data() + nonce_size + text_size;
    const bool opened =
        EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, key_.data(), raw->data()) ==
            1 &&
        EVP_DecryptUpdate(context.get(), nullptr, &length, bytes(row),
                          static_cast<int>(row.size())) == 1 &&
        EVP_DecryptUpdate(context.get(), reinterpret_cast<unsigned char*>(plaintext.data()),
                          &length, raw->data() + nonce_size, static_cast<int>(text_size)) == 1 &&
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, tag_size, tag) == 1 &&
        EVP_DecryptFinal_ex(context.get(),
                            reinterpret_cast<unsigned char*>(plaintext.data()) + length,
                            &length) == 1; // the tag is checked here
    if (!opened)
        return std::nullopt;
    return plaintext;
}

bool Sealer::is_sealed(std::string_view stored) {
    return stored.starts_with(prefix);
}

DataKey random_key() {
    DataKey key{};
    if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1)
        throw std::runtime_error("cannot draw a random key");
    return key;
}

std::string to_base64(const DataKey& key) {
    return encode({key.begin(), key.end()});
}

std::optional<DataKey> key_from_base64(std::string_view text) {
    const auto raw = decode(text);
    if (!raw || raw->size() != DataKey{}.size())
        return std::nullopt;
    DataKey key{};
    std::copy(raw->begin(), raw->end(), key.begin());
    return key;
}

} // namespace cocbot::storage
