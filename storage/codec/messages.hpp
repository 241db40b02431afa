// File: storage/codec/messages.hpp
// What the bot says, as stored inside an outbox payload: an object whose "type" key names the
// message, and whose sensitive text sits in its "sensitive" member. Private to the codec.
#pragma once

#include "core/messages.hpp"
#include "storage/codec/fields.hpp"

namespace cocbot::storage::codec {

json encode(tag<core::Message>, const core::Message& message);
void decode(tag<core::Message>, const json& j, core::Message& message);

} // namespace cocbot::storage::codec
