// File: storage/codec/text.hpp
// cocbot's words as stored: a list of parts, plain text as a string and anything else as a
// one-key object ({"user": id}, {"channel": id}, {"strong": words}, {"icon": name}). Private to
// the codec's .cpp files.
#pragma once

#include "core/text.hpp"
#include "storage/codec/fields.hpp"

namespace cocbot::storage::codec {

json encode(tag<core::Text>, const core::Text& text);

// Rows queued by earlier versions hold one string with Slack's "<@U…>" and "<#C…>" in it: those
// are read back as mentions, and the rest as plain text.
void decode(tag<core::Text>, const json& j, core::Text& text);

} // namespace cocbot::storage::codec
