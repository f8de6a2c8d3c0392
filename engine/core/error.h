#pragma once
// User-facing failures (a bad file, a missing texture) travel as values, never as aborts:
// `Expected<T>` holds either a T or an Error whose message names the file and the problem.
#include <string>
#include <utility>
#include <variant>

namespace axis {

struct Error {
    std::string message;  ///< One line, e.g. "scan.ply: header declares 10 vertices, file holds 3".
};

template <class T>
class [[nodiscard]] Expected {
public:
    Expected(T value) : state_(std::move(value)) {}
    Expected(Error error) : state_(std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(state_); }

private:
    std::variant<T, Error> state_;
};

/// For operations that produce nothing but may fail.
struct Ok {};
using Status = Expected<Ok>;

inline Error makeError(const std::string& file, const std::string& problem) {
    return Error{file.empty() ? problem : file + ": " + problem};
}

}  // namespace axis
