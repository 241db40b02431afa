// File: storage/event_codec.hpp
// How events are written into their columns: a stable type name and JSON text.
// The JSON library stays inside the codec's .cpp files; the rest of storage sees strings.
#pragma once

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

// `event` with every sealed word and person emptied (a report's text, its reporter, the person
// it names, a note), and nothing else changed: what retention leaves of it.
core::Event without_words(core::Event event);

// The name an event is stored under ("ballot_cast"), without encoding it.
std::string_view event_type_name(const core::Event& event);

// Throws std::runtime_error for an unknown type or data that does not decode. The message names
// the type and the problem, never the stored content.
core::Event decode_event(std::string_view type, std::string_view data,
                         const std::optional<std::string>& sensitive);

} // namespace cocbot::storage
