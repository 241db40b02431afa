// File: sim/slack_args.cpp
#include "sim/slack_args.hpp"

#include <algorithm>
#include <boost/url/encoding_opts.hpp>
#include <charconv>

namespace cocbot::sim::fake {

// Read through a url_view: Boost 1.81's parse_query() lets the last value run past the end of
// its input.
void add_params(nlohmann::json& args, const boost::urls::url_view& url) {
    boost::urls::encoding_opts options;
    options.space_as_plus = true;
    for (const auto& param : url.params(options))
        args[param.key] = param.value;
}

using nlohmann::json;

json slack_error(std::string_view name) {
    return {{"ok", false}, {"error", name}};
}

std::string text_arg(const json& args, const char* key) {
    const auto it = args.find(key);
    if (it == args.end() || it->is_null())
        return {};
    return it->is_string() ? it->get<std::string>() : it->dump();
}

json json_arg(const json& args, const char* key) {
    const auto it = args.find(key);
    if (it == args.end())
        return nullptr;
    if (it->is_string()) {
        auto parsed = json::parse(it->get<std::string>(), nullptr, false);
        return parsed.is_discarded() ? json(nullptr) : parsed;
    }
    return *it;
}

bool flag_arg(const json& args, const char* key) {
    const auto it = args.find(key);
    if (it == args.end())
        return false;
    if (it->is_boolean())
        return it->get<bool>();
    const auto text = text_arg(args, key);
    return text == "true" || text == "1";
}

long long to_number(std::string_view text, long long fallback) {
    long long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc{} && end == text.data() + text.size() ? value : fallback;
}

long long ts_micros(std::string_view ts) {
    const auto dot = std::min(ts.find('.'), ts.size());
    std::string fraction(ts.substr(std::min(dot + 1, ts.size()), 6));
    fraction.resize(6, '0');
    return to_number(ts.substr(0, dot), 0) * 1'000'000 + to_number(fraction, 0);
}

std::vector<std::string> split_commas(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        if (end > start)
            out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

namespace {

bool is_user_id(std::string_view id) {
    return id.size() > 1 && (id.front() == 'U' || id.front() == 'W');
}

} // namespace

std::string dm_for(std::string channel) {
    return is_user_id(channel) ? "D" + channel : channel;
}

} // namespace cocbot::sim::fake
