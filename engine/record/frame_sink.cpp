#include "record/frame_sink.h"

#include <chrono>
#include <regex>

#include "render/image_io.h"

namespace axis::record {
namespace {

// One printf-style integer conversion, optionally zero-padded to a sane width.
const std::regex kConversion(R"(%(0[1-9])?d)");

}  // namespace

bool isPngSequencePattern(const std::string& pattern) {
    if (pattern.size() < 4 || pattern.compare(pattern.size() - 4, 4, ".png") != 0) return false;
    int conversions = 0;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '%') continue;
        if (i + 1 < pattern.size() && pattern[i + 1] == '%') {
            ++i;
            continue;
        }
        std::smatch m;
        const std::string rest = pattern.substr(i);
        if (!std::regex_search(rest, m, kConversion, std::regex_constants::match_continuous)) return false;
        ++conversions;
        i += std::size_t(m.length(0)) - 1;
    }
    return conversions == 1;
}

std::string formatFrameName(const std::string& pattern, std::int64_t index) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '%') {
            out += pattern[i];
            continue;
        }
        if (pattern[i + 1] == '%') {
            out += '%';
            ++i;
            continue;
        }
        std::smatch m;
        const std::string rest = pattern.substr(i);
        std::regex_search(rest, m, kConversion, std::regex_constants::match_continuous);
        const std::size_t width = m[1].matched ? std::size_t(std::stoi(m[1].str())) : 0;
        std::string digits = std::to_string(index);
        if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
        out += digits;
        i += std::size_t(m.length(0)) - 1;
    }
    return out;
}

Status PngSequenceSink::write(Rgba8Image frame, std::int64_t index) {
    const std::filesystem::path file = formatFrameName(pattern_, index);
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) return makeError(file.parent_path().string(), ec.message());
    return render::writePng(file, frame);
}

AsyncFrameSink::AsyncFrameSink(std::unique_ptr<FrameSink> inner, std::size_t capacity)
    : inner_(std::move(inner)), capacity_(std::max<std::size_t>(1, capacity)), worker_([this] { run(); }) {}

AsyncFrameSink::~AsyncFrameSink() {
    {
        std::lock_guard lock(mutex_);
        queue_.clear();  // Abandoned: frames still waiting are not worth encoding.
    }
    stopWorker();
}

void AsyncFrameSink::stopWorker() {
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    changed_.notify_all();
    if (worker_.joinable()) worker_.join();
}

Status AsyncFrameSink::write(Rgba8Image frame, std::int64_t index) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.size() < capacity_ || error_; });
    if (error_) return *error_;
    queue_.emplace_back(std::move(frame), index);
    lock.unlock();
    changed_.notify_all();
    return Ok{};
}

Status AsyncFrameSink::finish() {
    stopWorker();  // The worker empties the queue before it sees closing_.
    std::lock_guard lock(mutex_);
    if (error_) return *error_;
    return inner_->finish();
}

double AsyncFrameSink::busySeconds() const {
    std::lock_guard lock(mutex_);
    return busySeconds_;
}

void AsyncFrameSink::run() {
    for (;;) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !queue_.empty() || closing_; });
        if (queue_.empty() || error_) return;  // Closing with nothing left, or failed already.
        auto [frame, index] = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        changed_.notify_all();  // A slot is free for the producer.
        const auto start = std::chrono::steady_clock::now();
        Status status = inner_->write(std::move(frame), index);
        const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
        lock.lock();
        busySeconds_ += spent.count();
        if (!status) {
            error_ = status.error();
            queue_.clear();
            lock.unlock();
            changed_.notify_all();
            return;
        }
    }
}

}  // namespace axis::record
