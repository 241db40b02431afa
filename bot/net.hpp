// File: bot/net.hpp
// Namespace aliases for the shell. Beast and Asio stay inside bot/ translation units.
#pragma once

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

namespace cocbot {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;
using error_code = boost::system::error_code;

template <typename T>
using awaitable = net::awaitable<T>;

using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

} // namespace cocbot
