// File: storage/codec/fields.hpp
// One description per stored type, {key, pointer to member, where, presence} for each field,
// drives both directions of the codec. Private to the codec's .cpp files.
//
// A description must name every member of its type, once: see checked() below, which fails to
// compile when core adds a field that has no key here.
#pragma once

#include <boost/pfr/core.hpp>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace cocbot::storage::codec {

using nlohmann::json;

// Every hook below takes a tag, so that the codec's overloads are found by argument-dependent
// lookup in this namespace wherever a template is instantiated (core's types alone would only
// look in namespace core).
template <typename T>
struct tag {};

// Where a field is written: with the data the workflow reads, or with the sensitive part, which
// is kept apart so that it can be encrypted at rest (an event's secret column, or a payload's
// "sensitive" member).
enum class Place { data, sealed };

// required: the key must be there. optional: always written, but rows written before the field
// existed lack it and decode with the type's default. omitted_when_empty: not written when empty
// (an anonymous reporter's identity keys) or off (a flag rows from earlier versions lack), and
// read as optional. no_longer_written: read from
// rows written by earlier versions, never written now (text the executor loads from the events).
enum class Presence { required, optional, omitted_when_empty, no_longer_written };

template <typename Owner, typename Member>
struct Field {
    std::string_view key;
    Member Owner::*member;
    Place place = Place::data;
    Presence presence = Presence::required;
};

template <typename Owner, typename Member>
constexpr Field<Owner, Member> field(std::string_view key, Member Owner::*member,
                                     Place place = Place::data,
                                     Presence presence = Presence::required) {
    return {key, member, place, presence};
}

template <typename Owner, typename Member>
constexpr Field<Owner, Member> sealed(std::string_view key, Member Owner::*member,
                                      Presence presence = Presence::required) {
    return {key, member, Place::sealed, presence};
}

// A member whose own fields are written beside its owner's, each in its own place (a report's
// description with the secrets, its flags with the data).
template <typename Owner, typename Inner, typename InnerFields>
struct Flattened {
    Inner Owner::*member;
    InnerFields fields;
};

template <typename Owner, typename Inner, typename... InnerFields>
constexpr auto flattened(Inner Owner::*member, InnerFields... fields) {
    return Flattened<Owner, Inner, std::tuple<InnerFields...>>{member, {fields...}};
}

template <typename... Fields>
constexpr std::tuple<Fields...> describe(Fields... fields) {
    return {fields...};
}

// --- The completeness check

template <typename A, typename B>
constexpr bool same_member(const A& a, const B& b) {
    if constexpr (std::is_same_v<decltype(a.member), decltype(b.member)>)
        return a.member == b.member;
    else
        return false;
}

// Each described member appears exactly once (it matches itself and nothing else).
template <typename Tuple>
constexpr bool members_distinct(const Tuple& fields) {
    return std::apply(
        [&](const auto&... a) {
            const auto matches = [&](const auto& one) {
                return std::apply([&](const auto&... b) { return (0 + ... + same_member(one, b)); },
                                  fields);
            };
            return ((matches(a) == 1) && ...);
        },
        fields);
}

template <typename T>
constexpr bool is_flattened = false;
template <typename Owner, typename Inner, typename InnerFields>
constexpr bool is_flattened<Flattened<Owner, Inner, InnerFields>> = true;

// A description covers `T` when it has as many entries as `T` has members (Boost.PFR counts an
// aggregate's members by trying brace-initialisers, so a member added to a core struct changes
// the count and fails the static_assert), no member is described twice (so the count cannot be
// met by a duplicate), and every flattened member is covered the same way in turn. Renaming or
// removing a member fails to compile at its pointer to member.
template <typename T, typename Tuple>
constexpr bool covers(const Tuple& fields) {
    if (std::tuple_size_v<Tuple> != boost::pfr::tuple_size_v<T> || !members_distinct(fields))
        return false;
    return std::apply(
        [](const auto&... f) {
            const auto inner_covered = [](const auto& one) {
                using Entry = std::remove_cvref_t<decltype(one)>;
                if constexpr (is_flattened<Entry>)
                    return covers<std::remove_cvref_t<decltype(std::declval<T>().*one.member)>>(
                        one.fields);
                else
                    return true;
            };
            return (inner_covered(f) && ...);
        },
        fields);
}

// Every use of a description goes through here, so every described type is checked.
template <typename T>
constexpr auto checked() {
    constexpr auto fields = description(tag<T>{});
    static_assert(covers<T>(fields),
                  "the stored description does not name every member exactly once: give the new "
                  "member a key (add keys, never rename one)");
    return fields;
}

template <typename T>
concept Described = requires {
    description(tag<T>{});
};

// --- Values: one generic pair for the shapes the core types are built from

template <typename T>
json to_json(const T& value);
template <typename T>
void from_json(const json& j, T& value);

// The two halves of a described value, written or read field by field.
struct Parts {
    json data = json::object();
    json sealed = json::object();
};

template <typename T>
constexpr bool is_vector = false;
template <typename T>
constexpr bool is_vector<std::vector<T>> = true;

template <typename T>
constexpr bool is_optional = false;
template <typename T>
constexpr bool is_optional<std::optional<T>> = true;

template <typename T>
bool is_empty(const T& value) {
    if constexpr (requires { value.empty(); })
        return value.empty();
    else if constexpr (is_optional<T>)
        return !value.has_value();
    else if constexpr (std::is_same_v<T, bool>)
        return !value; // a flag that is off
    else
        return false;
}

template <typename Owner, typename Member>
void write(const Field<Owner, Member>& f, const Owner& value, Parts& out) {
    const Member& member = value.*f.member;
    if (f.presence == Presence::no_longer_written ||
        (f.presence == Presence::omitted_when_empty && is_empty(member)))
        return;
    (f.place == Place::sealed ? out.sealed : out.data)[std::string{f.key}] = to_json(member);
}

template <typename Owner, typename Inner, typename InnerFields>
void write(const Flattened<Owner, Inner, InnerFields>& f, const Owner& value, Parts& out) {
    std::apply([&](const auto&... inner) { (write(inner, value.*f.member, out), ...); }, f.fields);
}

// A missing required key throws the JSON library's out_of_range, which names the key only. A
// sealed field that is not with the secrets is looked for with the data, where rows written
// before it was sealed hold it (storage/reseal.cpp moves it at the next start).
template <typename Owner, typename Member>
void read(const Field<Owner, Member>& f, const Parts& in, Owner& value) {
    const std::string key{f.key};
    const bool moved =
        f.place == Place::sealed && !in.sealed.contains(key) && in.data.contains(key);
    const json& from = f.place == Place::sealed && !moved ? in.sealed : in.data;
    if (f.presence == Presence::required)
        return from_json(from.at(key), value.*f.member);
    if (const auto found = from.find(key); found != from.end())
        from_json(*found, value.*f.member);
}

template <typename Owner, typename Inner, typename InnerFields>
void read(const Flattened<Owner, Inner, InnerFields>& f, const Parts& in, Owner& value) {
    std::apply([&](const auto&... inner) { (read(inner, in, value.*f.member), ...); }, f.fields);
}

// Called before a value is written; overloads refuse what must never be stored.
template <typename T>
void check_storable(tag<T>, const T&) {}

template <typename T>
Parts write_parts(const T& value) {
    check_storable(tag<T>{}, value);
    Parts out;
    std::apply([&](const auto&... f) { (write(f, value, out), ...); }, checked<T>());
    return out;
}

template <typename T>
void read_parts(const Parts& in, T& value) {
    std::apply([&](const auto&... f) { (read(f, in, value), ...); }, checked<T>());
}

// The sealed members an erasure empties: words and people. Others (a report's flags) stay, for
// the counts a transparency report needs. Codecs add their own types.
template <typename T>
constexpr bool erasable = std::is_same_v<T, std::string>;

template <typename Owner, typename Member>
void erase_words(const Field<Owner, Member>& f, Owner& value) {
    if constexpr (erasable<Member>)
        if (f.place == Place::sealed)
            value.*f.member = Member{};
}

template <typename Owner, typename Inner, typename InnerFields>
void erase_words(const Flattened<Owner, Inner, InnerFields>& f, Owner& value) {
    std::apply([&](const auto&... inner) { (erase_words(inner, value.*f.member), ...); }, f.fields);
}

template <typename T>
void erase_sealed_words(T& value) {
    std::apply([&](const auto&... f) { (erase_words(f, value), ...); }, checked<T>());
}

template <typename Owner, typename Member>
constexpr bool is_sealed(const Field<Owner, Member>& f) {
    return f.place == Place::sealed;
}
template <typename Owner, typename Inner, typename InnerFields>
constexpr bool is_sealed(const Flattened<Owner, Inner, InnerFields>& f) {
    return std::apply([](const auto&... inner) { return (false || ... || is_sealed(inner)); },
                      f.fields);
}

template <typename T>
constexpr bool has_sealed_fields() {
    return std::apply([](const auto&... f) { return (false || ... || is_sealed(f)); },
                      checked<T>());
}

// Where the sensitive part of a value inside a payload would be encrypted at rest. Events keep
// theirs in event_secrets; a payload keeps its in one member, "sensitive", passed through these
// two. The outbox lives in the same 0600 database, so for now the part is stored as it is;
// AES-256-GCM replaces these bodies (storing the ciphertext as a string) and nothing else.
inline json seal(json secret) {
    return secret;
}
inline const json& unseal(const json& stored) {
    return stored;
}

// The "sensitive" member is written when there is something in it. When it is missing, a
// required sealed field fails to decode (its key is not found), as any missing key does.
template <typename T>
json to_described(const T& value) {
    Parts parts = write_parts(value);
    if (!parts.sealed.empty())
        parts.data["sensitive"] = seal(std::move(parts.sealed));
    return std::move(parts.data);
}

template <typename T>
void from_described(const json& j, T& value) {
    Parts parts{j, json::object()};
    if constexpr (has_sealed_fields<T>())
        if (const auto sensitive = j.find("sensitive"); sensitive != j.end())
            parts.sealed = unseal(*sensitive);
    read_parts(parts, value);
}

template <typename T>
json to_json(const T& value) {
    if constexpr (requires { encode(tag<T>{}, value); }) {
        return encode(tag<T>{}, value);
    } else if constexpr (is_vector<T>) {
        json j = json::array();
        for (const auto& item : value)
            j.push_back(to_json(item));
        return j;
    } else if constexpr (is_optional<T>) {
        return value ? to_json(*value) : json(nullptr);
    } else if constexpr (Described<T>) {
        return to_described(value);
    } else {
        static_assert(std::is_arithmetic_v<T> || std::is_same_v<T, std::string>,
                      "a stored type needs a description or an encode overload");
        return value;
    }
}

template <typename T>
void from_json(const json& j, T& value) {
    if constexpr (requires { decode(tag<T>{}, j, value); }) {
        decode(tag<T>{}, j, value);
    } else if constexpr (is_vector<T>) {
        value.clear();
        for (const auto& item : j.get_ref<const json::array_t&>())
            from_json(item, value.emplace_back());
    } else if constexpr (is_optional<T>) {
        value.reset();
        if (!j.is_null())
            from_json(j, value.emplace());
    } else if constexpr (Described<T>) {
        from_described(j, value);
    } else {
        j.get_to(value);
    }
}

// --- Variants: an alternative is stored under its name (stored_name(tag<Alternative>))

// The alternative of `Variant` stored under `name`, built by `decode_as(tag<Alternative>{})`.
// A variant alternative without a stored_name fails to compile.
template <typename Variant, typename DecodeAs>
Variant decode_named(std::string_view what, std::string_view name, DecodeAs decode_as) {
    std::optional<Variant> result;
    // Tries the alternatives in order and stops at the first whose stored name matches.
    const auto decode_matching = [&]<std::size_t... I>(std::index_sequence<I...>) {
        // (void): clang 14 reports the fold's unused result.
        (void)((name == stored_name(tag<std::variant_alternative_t<I, Variant>>{}) &&
                (result.emplace(decode_as(tag<std::variant_alternative_t<I, Variant>>{})), true)) ||
               ...);
    };
    decode_matching(std::make_index_sequence<std::variant_size_v<Variant>>{});
    if (!result)
        throw std::runtime_error("unknown " + std::string{what} + " type '" + std::string{name} +
                                 "'");
    return std::move(*result);
}

template <typename T>
std::string_view name_of(const T&) {
    return stored_name(tag<T>{});
}

} // namespace cocbot::storage::codec
