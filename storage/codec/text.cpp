// File: storage/codec/text.cpp
#include "storage/codec/text.hpp"

#include "core/overloaded.hpp"

#include <optional>
#include <stdexcept>
#include <utility>

namespace cocbot::storage::codec {

namespace {

constexpr std::string_view warning_name = "warning";

std::string_view icon_name(core::Icon icon) {
    switch (icon) {
    case core::Icon::warning:
        return warning_name;
    }
    throw std::invalid_argument("an icon without a stored name");
}

json encode_part(const core::TextPart& part) {
    return std::visit(core::overloaded{
                          [](const std::string& plain) { return json(plain); },
                          [](const core::Mention& m) {
                              return json{{"user", m.user.value}};
                          },
                          [](const core::ChannelRef& c) {
                              return json{{"channel", c.channel.value}};
                          },
                          [](const core::Strong& s) {
                              return json{{"strong", s.text}};
                          },
                          [](core::Icon i) {
                              return json{{"icon", icon_name(i)}};
                          },
                      },
                      part);
}

core::Text decode_part(const json& j) {
    if (j.is_string())
        return core::Text{j.get<std::string>()};
    if (!j.is_object() || j.size() != 1)
        throw std::runtime_error("a stored text part is neither text nor one named part");
    const auto only = j.begin();
    const std::string& key = only.key();
    const auto& words = only.value().get_ref<const std::string&>();
    if (key == "user")
        return core::mention(core::UserId{words});
    if (key == "channel")
        return core::channel_ref(core::ChannelId{words});
    if (key == "strong")
        return core::strong(words);
    if (key == "icon" && words == warning_name)
        return core::icon(core::Icon::warning);
    throw std::runtime_error("unknown stored text part");
}

bool id_character(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The "<@U…>" or "<#C…>" at the start of `rest` as a part, with its length; else nothing.
std::optional<std::pair<core::Text, std::size_t>> legacy_mention(std::string_view rest) {
    if (rest.size() < 4 || rest[0] != '<' || (rest[1] != '@' && rest[1] != '#'))
        return std::nullopt;
    std::size_t end = 2;
    while (end < rest.size() && id_character(rest[end]))
        ++end;
    if (end == 2 || end == rest.size() || rest[end] != '>')
        return std::nullopt;
    const std::string id{rest.substr(2, end - 2)};
    core::Text part =
        rest[1] == '@' ? core::mention(core::UserId{id}) : core::channel_ref(core::ChannelId{id});
    return std::pair{std::move(part), end + 1};
}

core::Text decode_legacy(std::string_view stored) {
    core::Text text;
    std::size_t plain_from = 0;
    for (std::size_t i = 0; i < stored.size();) {
        const auto found = legacy_mention(stored.substr(i));
        if (!found) {
            ++i;
            continue;
        }
        text += core::Text{stored.substr(plain_from, i - plain_from)} + found->first;
        i += found->second;
        plain_from = i;
    }
    return text + core::Text{stored.substr(plain_from)};
}

} // namespace

json encode(tag<core::Text>, const core::Text& text) {
    json parts = json::array();
    for (const auto& part : text.parts())
        parts.push_back(encode_part(part));
    return parts;
}

void decode(tag<core::Text>, const json& j, core::Text& text) {
    if (j.is_string())
        return void(text = decode_legacy(j.get_ref<const std::string&>()));
    text = {};
    for (const auto& part : j.get_ref<const json::array_t&>())
        text += decode_part(part);
}

} // namespace cocbot::storage::codec
