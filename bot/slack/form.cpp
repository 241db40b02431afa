// File: bot/slack/form.cpp
#include "bot/slack/form.hpp"

#include <algorithm>
#include <boost/url/encoding_opts.hpp>
#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>
#include <string>

namespace cocbot::slack {

std::optional<std::string_view> Form::get(std::string_view key) const {
    const auto it = std::find_if(fields_.begin(), fields_.end(),
                                 [&](const Field& f) { return f.first == key; });
    if (it == fields_.end()) {
        return std::nullopt;
    }
    return std::string_view{it->second};
}

bool Form::contains(std::string_view key) const {
    return get(key).has_value();
}

std::vector<std::string_view> Form::get_all(std::string_view key) const {
    std::vector<std::string_view> values;
    for (const auto& [k, v] : fields_) {
        if (k == key) {
            values.emplace_back(v);
        }
    }
    return values;
}

std::optional<Form> parse_form(std::string_view body) {
    // Boost.URL 1.81's parse_query measures its input again with strlen (it builds its result
    // from s.data() alone), so it reads past the end of a view into a larger buffer and crashes
    // on a null one. It gets a NUL-terminated copy; a NUL byte inside is refused by the grammar.
    const std::string terminated{body};
    const boost::urls::string_view text{terminated.data(), terminated.size()};
    // Validate without exceptions first; params_view(string, opts) would throw on bad input.
    if (!boost::urls::parse_query(text)) {
        return std::nullopt;
    }
    boost::urls::encoding_opts opts;
    opts.space_as_plus = true;
    const boost::urls::params_view params{text, opts};

    std::vector<Form::Field> fields;
    fields.reserve(params.size());
    for (const auto& param : params) {
        if (param.key.empty() && !param.has_value) {
            continue; // an empty segment from "&&" or a trailing '&'
        }
        fields.emplace_back(param.key, param.value);
    }
    return Form{std::move(fields)};
}

} // namespace cocbot::slack
