// File: core/overloaded.hpp
// The usual helper for visiting a variant with one lambda per alternative.
#pragma once

namespace cocbot::core {

template <typename... Ts>
struct overloaded : Ts... {
    using Ts::operator()...;
};
// Clang before 17 does not deduce aggregate template arguments (P1816) without this guide.
template <typename... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

} // namespace cocbot::core
