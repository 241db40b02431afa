// File: core/text.cpp
#include "core/text.hpp"

#include "core/overloaded.hpp"

#include <algorithm>

namespace cocbot::core {

Text::Text(std::string plain) {
    append(std::move(plain));
}

Text::Text(TextPart part) {
    append(std::move(part));
}

Text& Text::operator+=(const Text& more) {
    for (const auto& part : more.parts_)
        append(part);
    return *this;
}

void Text::append(TextPart part) {
    if (const auto* plain = std::get_if<std::string>(&part)) {
        if (plain->empty())
            return;
        if (!parts_.empty())
            if (auto* last = std::get_if<std::string>(&parts_.back())) {
                *last += *plain;
                return;
            }
    }
    parts_.push_back(std::move(part));
}

Text mention(const UserId& user) {
    return TextPart{Mention{user}};
}

Text mentions(const std::vector<UserId>& users) {
    Text text;
    for (const auto& user : users)
        text += (text.empty() ? Text{} : Text{", "}) + mention(user);
    return text;
}

Text channel_ref(const ChannelId& channel) {
    return TextPart{ChannelRef{channel}};
}

Text strong(std::string words) {
    return TextPart{Strong{std::move(words)}};
}

Text icon(Icon which) {
    return TextPart{which};
}

bool mentions_user(const Text& text, const UserId& user) {
    return std::any_of(text.parts().begin(), text.parts().end(), [&](const TextPart& part) {
        const auto* m = std::get_if<Mention>(&part);
        return m && m->user == user;
    });
}

std::string to_plain(const Text& text) {
    std::string out;
    for (const auto& part : text.parts())
        out += std::visit(overloaded{
                              [](const std::string& plain) { return plain; },
                              [](const Mention& m) { return "@" + m.user.value; },
                              [](const ChannelRef& c) { return "#" + c.channel.value; },
                              [](const Strong& s) { return s.text; },
                              [](Icon) { return std::string{"(!)"}; },
                          },
                          part);
    return out;
}

} // namespace cocbot::core
