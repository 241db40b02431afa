// File: storage/effect_codec.cpp
// One description per effect type, and the names effects are stored under.
#include "storage/effect_codec.hpp"

#include "storage/codec/messages.hpp"
#include "storage/codec/values.hpp"

#include <string>
#include <variant>

namespace cocbot::storage {

namespace codec {

// The type names written into every database: add new ones, never rename one.
// clang-format off
constexpr std::string_view stored_name(tag<core::Post>)                 { return "post"; }
constexpr std::string_view stored_name(tag<core::Update>)               { return "update"; }
constexpr std::string_view stored_name(tag<core::Ephemeral>)            { return "ephemeral"; }
constexpr std::string_view stored_name(tag<core::CreatePrivateChannel>) { return "create_private_channel"; }
constexpr std::string_view stored_name(tag<core::Invite>)               { return "invite"; }
constexpr std::string_view stored_name(tag<core::Remove>)               { return "remove"; }
constexpr std::string_view stored_name(tag<core::ArchiveChannel>)       { return "archive_channel"; }
constexpr std::string_view stored_name(tag<core::ShareEscrowedReports>) { return "share_escrowed_reports"; }
// clang-format on

constexpr auto description(tag<core::Post>) {
    using T = core::Post;
    return describe(field("incident", &T::incident), field("channel", &T::channel),
                    field("to_user", &T::to_user), field("message", &T::message),
                    field("remember", &T::remember));
}

constexpr auto description(tag<core::Update>) {
    using T = core::Update;
    return describe(field("incident", &T::incident), field("target", &T::target),
                    field("message", &T::message));
}

constexpr auto description(tag<core::Ephemeral>) {
    using T = core::Ephemeral;
    return describe(field("channel", &T::channel), field("user", &T::user),
                    field("message", &T::message));
}

constexpr auto description(tag<core::CreatePrivateChannel>) {
    using T = core::CreatePrivateChannel;
    return describe(field("incident", &T::incident), field("name", &T::name),
                    field("role", &T::role, Place::data, Presence::optional));
}

// Invite and Remove have the same fields: one incident's channel, one user.
template <typename Membership>
requires std::is_same_v<Membership, core::Invite> || std::is_same_v<Membership, core::Remove>
constexpr auto description(tag<Membership>) {
    using T = Membership;
    return describe(field("incident", &T::incident), field("channel", &T::channel),
                    field("user", &T::user));
}

constexpr auto description(tag<core::ArchiveChannel>) {
    using T = core::ArchiveChannel;
    return describe(field("incident", &T::incident), field("channel", &T::channel));
}

// The escrowed reports' text is read by the executor from the event store, never queued.
constexpr auto description(tag<core::ShareEscrowedReports>) {
    using T = core::ShareEscrowedReports;
    return describe(field("incident", &T::incident), field("channel", &T::channel),
                    field("escrowed", &T::escrowed));
}

} // namespace codec

EncodedEffect encode_effect(const core::Effect& effect) {
    return std::visit(
        [](const auto& e) {
            return EncodedEffect{std::string{codec::name_of(e)},
                                 codec::column_text(codec::to_json(e))};
        },
        effect);
}

core::Effect decode_effect(std::string_view type, std::string_view payload) {
    const codec::json j = codec::parsed("effect payload", payload);
    try {
        return codec::decode_named<core::Effect>("effect", type, [&]<typename T>(codec::tag<T>) {
            T effect{};
            codec::from_json(j, effect);
            return effect;
        });
    } catch (const codec::json::exception& error) {
        codec::rethrow_as_stored("effect", type, error);
    }
}

} // namespace cocbot::storage
