// File: drill/cast.cpp
#include "drill/cast.hpp"

namespace cocbot::drill {

const std::vector<Person>& people() {
    static const std::vector<Person> all{
        {cast::alice, "Alice", "committee member; takes the call and owns the incident"},
        {cast::bob, "Bob", "committee member; secondary owner"},
        {cast::carol, "Carol", "committee member"},
        {cast::frank, "Frank", "committee member"},
        {cast::dave, "Dave", "committee member; never answers the conflict question"},
        {cast::erin, "Erin", "committee member; has a conflict of interest"},
        {cast::harper, "Harper", "HR contact"},
        {cast::rowan, "Rowan", "the reported person, an employee"},
        {cast::bot, "cocbot", "the bot"},
    };
    return all;
}

std::vector<std::string> committee() {
    return {cast::alice, cast::bob, cast::carol, cast::frank, cast::dave, cast::erin};
}

std::set<std::string> cleared() {
    return {cast::alice, cast::bob, cast::carol, cast::frank};
}

std::string name_of(std::string_view id) {
    if (id == cast::anyone)
        return "anyone in it";
    for (const auto& person : people())
        if (person.id == id)
            return person.name;
    return std::string{id};
}

std::string names_of(const std::set<std::string>& ids) {
    std::string text;
    std::size_t left = ids.size();
    for (const auto& id : ids) {
        text += name_of(id);
        --left;
        text += left > 1 ? ", " : left == 1 ? " and " : "";
    }
    return text.empty() ? "nobody" : text;
}

} // namespace cocbot::drill
