// File: core/text.hpp
// cocbot's own words, with the people, channels, emphasis and icons in them kept as parts, so
// that only the Slack adapter decides how each is written and escapes everything else.
#pragma once

#include "core/ids.hpp"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cocbot::core {

struct Mention {
    UserId user;
    friend bool operator==(const Mention&, const Mention&) = default;
};

struct ChannelRef {
    ChannelId channel;
    friend bool operator==(const ChannelRef&, const ChannelRef&) = default;
};

// Words to stress: a button's name, say.
struct Strong {
    std::string text;
    friend bool operator==(const Strong&, const Strong&) = default;
};

enum class Icon { warning };

using TextPart = std::variant<std::string, Mention, ChannelRef, Strong, Icon>;

// A sentence built from parts. Plain text converts implicitly, so that `mention(u) + " voted"`
// reads as the sentence it builds; adjacent plain parts are merged, so that equal sentences
// compare equal however they were put together.
class Text {
public:
    Text() = default;
    Text(std::string plain);
    Text(std::string_view plain) : Text(std::string{plain}) {}
    Text(const char* plain) : Text(std::string{plain}) {}
    Text(TextPart part);

    Text& operator+=(const Text& more);
    friend Text operator+(Text a, const Text& b) { return a += b; }

    const std::vector<TextPart>& parts() const { return parts_; }
    bool empty() const { return parts_.empty(); }

    friend bool operator==(const Text&, const Text&) = default;

private:
    void append(TextPart part);

    std::vector<TextPart> parts_;
};

Text mention(const UserId& user);

// The people, comma-separated.
Text mentions(const std::vector<UserId>& users);

Text channel_ref(const ChannelId& channel);

Text strong(std::string words);

Text icon(Icon which);

// Whether the text names the person.
bool mentions_user(const Text& text, const UserId& user);

// The words alone, with "@U…" and "#C…" for people and channels: for logs and tests, never shown
// in Slack.
std::string to_plain(const Text& text);

} // namespace cocbot::core
