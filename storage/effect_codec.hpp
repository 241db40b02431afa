// File: storage/effect_codec.hpp
// How effects are queued in the outbox: a stable type name and a JSON payload.
// The JSON library stays inside the codec's .cpp files; the rest of storage sees strings.
#pragma once

#include "core/effects.hpp"

#include <string>
#include <string_view>

namespace cocbot::storage {

// An effect as queued in the outbox. A payload that carries sensitive text (a whole report, what a
// person typed) keeps it in one member named "sensitive", the part to encrypt at rest (see seal()
// in storage/codec/fields.hpp). Anonymous reports' identities are refused as for events.
struct EncodedEffect {
    std::string type;
    std::string payload;

    friend bool operator==(const EncodedEffect&, const EncodedEffect&) = default;
};

// Throws std::invalid_argument for an anonymous report that carries the reporter's identity, or
// a value that has no stored name.
EncodedEffect encode_effect(const core::Effect& effect);

// Throws std::runtime_error for an unknown type or a payload that does not decode. The message
// names the type and the problem, never the stored content.
core::Effect decode_effect(std::string_view type, std::string_view payload);

} // namespace cocbot::storage
