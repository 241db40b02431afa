// File: bot/slack/mrkdwn.cpp
// Writing mrkdwn, and escaping and cutting it one UTF-8 character or one whole mention at a time.
#include "bot/slack/mrkdwn.hpp"

#include "core/overloaded.hpp"

namespace cocbot::slack {

namespace {

std::string_view emoji(core::Icon icon) {
    switch (icon) {
    case core::Icon::warning:
        return ":warning:";
    }
    return "";
}

std::size_t utf8_length(unsigned char lead) {
    return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

// Text as Slack should see it, in pieces that must not be cut: one UTF-8 character of plain text
// (escaped), or a whole mention, stressed phrase or icon. `visit` returns false to stop.
template <typename Visit>
bool for_each_piece(std::string_view plain, Visit visit) {
    for (std::size_t i = 0; i < plain.size();) {
        const auto length = utf8_length(static_cast<unsigned char>(plain[i]));
        if (!visit(escape(plain.substr(i, length))))
            return false;
        i += length;
    }
    return true;
}

template <typename Visit>
void for_each_piece(const core::Text& text, Visit visit) {
    for (const auto& part : text.parts()) {
        const bool go_on = std::visit(
            core::overloaded{
                [&](const std::string& plain) {
                    return for_each_piece(std::string_view{plain}, visit);
                },
                [&](const core::Mention& m) { return visit(user_link(m.user)); },
                [&](const core::ChannelRef& c) { return visit(channel_link(c.channel)); },
                [&](const core::Strong& s) { return visit("*" + escape(s.text) + "*"); },
                [&](core::Icon i) { return visit(std::string{emoji(i)}); },
            },
            part);
        if (!go_on)
            return;
    }
}

// The pieces of `source`, whole when they fit, else as many as fit with an ellipsis.
template <typename Source>
std::string clip_pieces(const Source& source, std::size_t max_bytes) {
    constexpr std::string_view ellipsis = "…";
    std::string whole;
    for_each_piece(source, [&](const std::string& piece) {
        whole += piece;
        return true;
    });
    if (whole.size() <= max_bytes)
        return whole;
    std::string out;
    for_each_piece(source, [&](const std::string& piece) {
        if (out.size() + piece.size() + ellipsis.size() > max_bytes)
            return false;
        out += piece;
        return true;
    });
    return out.size() + ellipsis.size() <= max_bytes ? out + std::string{ellipsis} : out;
}

} // namespace

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string escape_clipped(std::string_view text, std::size_t max_bytes) {
    return clip_pieces(text, max_bytes);
}

std::string user_link(const core::UserId& user) {
    return "<@" + user.value + ">";
}

std::string channel_link(const core::ChannelId& channel) {
    return "<#" + channel.value + ">";
}

std::string to_mrkdwn(const core::Text& text) {
    std::string out;
    for_each_piece(text, [&](const std::string& piece) {
        out += piece;
        return true;
    });
    return out;
}

std::string clipped(const core::Text& text, std::size_t max_bytes) {
    return clip_pieces(text, max_bytes);
}

namespace {

bool continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Whether text can be cut before text[i]: not inside a UTF-8 character, an "&...;" escape or a
// "<...>" mention or link.
bool can_cut(std::string_view text, std::size_t i) {
    if (i >= text.size())
        return true;
    if (continuation_byte(text[i]))
        return false;
    const auto before = text.substr(0, i);
    const auto amp = before.rfind('&');
    if (amp != std::string_view::npos && i - amp <= 5 && before.find(';', amp) == before.npos &&
        text.find(';', i) != text.npos && text.find(';', i) - amp <= 5)
        return false;
    const auto open = before.rfind('<');
    return open == std::string_view::npos ||
           (before.find('>', open) != before.npos || text.find('>', i) == text.npos);
}

// Where the part starting at `from` ends, at most `max_bytes` on, and how many bytes of the
// break to drop.
std::pair<std::size_t, std::size_t> part_end(std::string_view text, std::size_t from,
                                             std::size_t max_bytes) {
    if (text.size() - from <= max_bytes)
        return {text.size(), 0};
    const auto window = text.substr(from, max_bytes + 1); // a break may sit just past the end
    const auto half = max_bytes / 2;
    for (const char separator : {'\n', ' '}) {
        const auto at = window.rfind(separator);
        if (at != window.npos && at > half && can_cut(text, from + at))
            return {from + at, 1};
    }
    auto end = from + max_bytes;
    while (end > from + 1 && !can_cut(text, end))
        --end;
    // Nothing in reach can be cut (a mention longer than a part): cut between characters.
    if (end == from + 1 && !can_cut(text, end))
        for (end = from + max_bytes; end > from + 1 && continuation_byte(text[end]); --end) {
        }
    return {end, 0};
}

// Whether the part [from, end) was cut inside a quoted line, which the next part continues.
bool continues_quote(std::string_view text, std::size_t from, std::size_t end,
                     const std::string& carry) {
    if (text[end] == '\n')
        return false;
    const auto line = text.rfind('\n', end - 1);
    if (line == text.npos || line < from) // the line began before this part
        return !carry.empty() || text[from] == '>';
    return text[line + 1] == '>';
}

} // namespace

std::vector<std::string> split_mrkdwn(std::string_view text, std::size_t max_bytes) {
    std::vector<std::string> parts;
    std::string carry; // a quote's ">" when a quoted line continues in the next part
    for (std::size_t from = 0; from < text.size();) {
        const auto room = max_bytes - carry.size();
        const auto [end, dropped] = part_end(text, from, room);
        parts.push_back(carry + std::string{text.substr(from, end - from)});
        carry = end < text.size() && max_bytes > 1 && continues_quote(text, from, end, carry) ? ">"
                                                                                              : "";
        from = end + dropped;
    }
    return parts;
}

} // namespace cocbot::slack
