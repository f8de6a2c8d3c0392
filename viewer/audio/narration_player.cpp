#include "viewer/audio/narration_player.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <vector>

#include <AL/al.h>
#include <AL/alc.h>

#include "audio/decode.h"
#include "core/log.h"

namespace axis::viewer {

struct NarrationPlayer::Device {
    ALCdevice* device = nullptr;
    ALCcontext* context = nullptr;
    ALuint source = 0;
    ALuint buffer = 0;

    ~Device() {
        if (context) {
            alSourceStop(source);
            alDeleteSources(1, &source);
            if (buffer) alDeleteBuffers(1, &buffer);
            alcMakeContextCurrent(nullptr);
            alcDestroyContext(context);
        }
        if (device) alcCloseDevice(device);
    }
};

std::unique_ptr<NarrationPlayer> NarrationPlayer::open() {
    auto device = std::make_unique<Device>();
    device->device = alcOpenDevice(nullptr);
    if (device->device) device->context = alcCreateContext(device->device, nullptr);
    if (!device->context || !alcMakeContextCurrent(device->context)) {
        logInfo("audio: no sound output on this machine; narration stays silent");
        return nullptr;
    }
    alGenSources(1, &device->source);
    if (alGetError() != AL_NO_ERROR) {
        logWarn("audio: the sound output refused a source; narration stays silent");
        return nullptr;
    }
    const ALCchar* name = alcGetString(device->device, ALC_DEVICE_SPECIFIER);
    logInfo(std::string("audio: narration plays on ") + (name ? name : "the default output"));
    return std::unique_ptr<NarrationPlayer>(new NarrationPlayer(std::move(device)));
}

NarrationPlayer::NarrationPlayer(std::unique_ptr<Device> device) : device_(std::move(device)) {}
NarrationPlayer::~NarrationPlayer() = default;

namespace {

// Runs on the worker: decoded and converted to 16-bit stereo, the one format every OpenAL
// output takes without an extension.
NarrationPlayer::Decoded decodeForOutput(const std::filesystem::path& file) {
    NarrationPlayer::Decoded out;
    auto pcm = audio::decodeFile(file);
    if (!pcm) {
        out.error = pcm.error();
        return out;
    }
    out.samples.resize(pcm->samples.size());
    std::transform(pcm->samples.begin(), pcm->samples.end(), out.samples.begin(), [](float s) {
        return std::int16_t(std::lround(std::clamp(s, -1.0f, 1.0f) * 32767.0f));
    });
    return out;
}

bool ready(const std::future<NarrationPlayer::Decoded>& f) {
    return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

}  // namespace

void NarrationPlayer::play(const std::filesystem::path& file) {
    stop();
    current_ = file;
    pending_ = std::async(std::launch::async, decodeForOutput, file);
}

void NarrationPlayer::update() {
    std::erase_if(abandoned_, [](const auto& f) { return ready(f); });
    if (!pending_.valid()) {
        playing();  // Notices a narration that has ended.
        return;
    }
    if (!ready(pending_)) return;
    const Decoded decoded = pending_.get();
    const std::filesystem::path file = *current_;
    Status started = decoded.error ? Status(*decoded.error) : start(file, decoded.samples);
    if (started) return;
    logWarn(started.error().message);
    current_.reset();
}

Status NarrationPlayer::start(const std::filesystem::path& file, const std::vector<std::int16_t>& samples) {
    alSourcei(device_->source, AL_BUFFER, 0);  // A buffer still attached cannot be refilled.
    if (device_->buffer) alDeleteBuffers(1, &device_->buffer);
    alGenBuffers(1, &device_->buffer);
    alBufferData(device_->buffer, AL_FORMAT_STEREO16, samples.data(), ALsizei(samples.size() * sizeof(std::int16_t)),
                 audio::kSampleRate);
    alSourcei(device_->source, AL_BUFFER, ALint(device_->buffer));
    alSourcePlay(device_->source);
    if (alGetError() != AL_NO_ERROR) return makeError(file.string(), "the sound output could not play it");
    return Ok{};
}

void NarrationPlayer::stop() {
    // A decoding in flight finishes on its own; its result is dropped (a future from std::async
    // would block here if destroyed unfinished).
    if (pending_.valid()) abandoned_.push_back(std::move(pending_));
    alSourceStop(device_->source);
    current_.reset();
}

std::optional<std::filesystem::path> NarrationPlayer::playing() {
    if (pending_.valid()) return current_;  // Still decoding: as good as playing for the reader.
    ALint state = AL_STOPPED;
    alGetSourcei(device_->source, AL_SOURCE_STATE, &state);
    if (state != AL_PLAYING && current_) {
        logInfo("narration: ended");  // Played to its end: no stop needed (the log tells which).
        current_.reset();
    }
    return current_;
}

}  // namespace axis::viewer
