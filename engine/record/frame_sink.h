#pragma once
// Where recorded frames go: an H.264 file (video_encoder.h), a numbered PNG sequence, or any
// sink wrapped in AsyncFrameSink so that encoding frame N runs while frame N+1 renders.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/error.h"
#include "gpu/readback.h"

namespace axis::record {

using gpu::Rgba8Image;

/// Consumes frames in order. Not thread-safe: one producer calls write() then finish().
class FrameSink {
public:
    virtual ~FrameSink() = default;
    /// `frame` is RGBA8, sRGB-encoded, top row first; `index` is the frame's number in the
    /// recording (time index / fps). Frames arrive with increasing indices. Taken by value so a
    /// caller done with a frame can move it in (a 1080p frame is 8 MB).
    virtual Status write(Rgba8Image frame, std::int64_t index) = 0;
    /// Flushes and closes; the output is complete only after it succeeds. Call once.
    virtual Status finish() = 0;
};

/// True for patterns like "frames/%05d.png" or "shot-%d.png": exactly one %d or %0Nd, .png at
/// the end ("%%" stands for a literal %).
bool isPngSequencePattern(const std::string& pattern);
/// The file name for frame `index`; the pattern must satisfy isPngSequencePattern().
std::string formatFrameName(const std::string& pattern, std::int64_t index);

/// Writes each frame as PNG (render/image_io.h) to formatFrameName(pattern, index), creating the
/// folder if needed.
class PngSequenceSink final : public FrameSink {
public:
    explicit PngSequenceSink(std::string pattern) : pattern_(std::move(pattern)) {}
    Status write(Rgba8Image frame, std::int64_t index) override;
    Status finish() override { return Ok{}; }

private:
    std::string pattern_;
};

/// Hands frames to `inner` on a worker thread through a queue of at most `capacity` frames, so
/// the caller (rendering) and the encoder overlap. write() blocks while the queue is full and
/// returns the first error the worker met (later frames are then dropped); finish() drains the
/// queue, joins the worker and finishes `inner`. The destructor stops the worker without
/// finishing `inner` (an abandoned recording).
class AsyncFrameSink final : public FrameSink {
public:
    AsyncFrameSink(std::unique_ptr<FrameSink> inner, std::size_t capacity = 3);
    ~AsyncFrameSink() override;
    Status write(Rgba8Image frame, std::int64_t index) override;
    Status finish() override;

    /// Seconds the worker spent inside inner->write(), for benchmarks.
    double busySeconds() const;

private:
    void run();
    void stopWorker();

    std::unique_ptr<FrameSink> inner_;
    std::size_t capacity_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::pair<Rgba8Image, std::int64_t>> queue_;
    bool closing_ = false;
    std::optional<Error> error_;
    double busySeconds_ = 0.0;
    std::thread worker_;
};

}  // namespace axis::record
