// File: bot/slack/mrkdwn.cpp
// Escaping and cutting mrkdwn, one UTF-8 character or one whole mention at a time.
#include "bot/slack/mrkdwn.hpp"

namespace cocbot::slack {

namespace {

std::size_t utf8_length(unsigned char lead) {
    return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

// The length of a user or channel mention at the start of `text`, or 0.
std::size_t mention_length(std::string_view text) {
    if (text.size() < 4 || text[0] != '<' || (text[1] != '@' && text[1] != '#'))
        return 0;
    std::size_t i = 2;
    while (i < text.size() &&
           ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= '0' && text[i] <= '9')))
        ++i;
    return i > 2 && i < text.size() && text[i] == '>' ? i + 1 : 0;
}

// The text as Slack should see it, in pieces that must not be cut: one UTF-8 character
// (escaped), or a whole mention when mentions are kept.
template <typename Visit>
void for_each_piece(std::string_view text, Mentions mentions, Visit visit) {
    for (std::size_t i = 0; i < text.size();) {
        auto length = mentions == Mentions::keep ? mention_length(text.substr(i)) : 0;
        const bool mention = length > 0;
        if (!mention)
            length = utf8_length(static_cast<unsigned char>(text[i]));
        const auto piece = text.substr(i, length);
        if (!visit(mention ? std::string{piece} : escape(piece)))
            return;
        i += length;
    }
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
    return clipped(text, max_bytes, Mentions::escape);
}

std::string clipped(std::string_view text, std::size_t max_bytes, Mentions mentions) {
    constexpr std::string_view ellipsis = "…";
    std::string whole;
    for_each_piece(text, mentions, [&](const std::string& piece) {
        whole += piece;
        return true;
    });
    if (whole.size() <= max_bytes)
        return whole;
    std::string out;
    for_each_piece(text, mentions, [&](const std::string& piece) {
        if (out.size() + piece.size() + ellipsis.size() > max_bytes)
            return false;
        out += piece;
        return true;
    });
    return out.size() + ellipsis.size() <= max_bytes ? out + std::string{ellipsis} : out;
}

std::vector<std::string> escaped_parts(std::string_view text, std::size_t max_bytes) {
    std::vector<std::string> parts{std::string{}};
    for_each_piece(text, Mentions::escape, [&](const std::string& piece) {
        if (parts.back().size() + piece.size() > max_bytes)
            parts.emplace_back();
        parts.back() += piece;
        return true;
    });
    return parts;
}

} // namespace cocbot::slack
