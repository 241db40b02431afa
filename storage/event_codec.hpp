// File: storage/event_codec.hpp
// How events and effects are written into their columns: a stable type name and JSON text.
// The JSON library stays inside the .cpp; the rest of storage sees strings.
#pragma once

#include "core/effects.hpp"
#include "core/events.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace cocbot::storage {

// An event as stored: its type name, the fields the workflow reads (`data`), and the sensitive
// fields kept apart (`sensitive`, absent when the event has none) so that they can be encrypted
// at rest.
struct EncodedEvent {
    std::string type;
    std::string data;
    std::optional<std::string> sensitive;

    friend bool operator==(const EncodedEvent&, const EncodedEvent&) = default;
};

// Throws std::invalid_argument for an anonymous report that carries the reporter's identity:
// that must never be stored.
EncodedEvent encode_event(const core::Event& event);

// Throws std::runtime_error for an unknown type or data that does not decode. The message names
// the type and the problem, never the stored content.
core::Event decode_event(std::string_view type, std::string_view data,
                         const std::optional<std::string>& sensitive);

// An effect as queued in the outbox. A payload that carries sensitive text (a whole report, what a
// person typed) keeps it in one member named "sensitive", the part to encrypt at rest; see sealed()
// in the .cpp. Anonymous reports' identities are refused here as for events.
struct EncodedEffect {
    std::string type;
    std::string payload;

    friend bool operator==(const EncodedEffect&, const EncodedEffect&) = default;
};

// Throws std::invalid_argument like encode_event.
EncodedEffect encode_effect(const core::Effect& effect);

// Throws std::runtime_error like decode_event.
core::Effect decode_effect(std::string_view type, std::string_view payload);

} // namespace cocbot::storage
