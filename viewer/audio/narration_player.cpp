#include "viewer/audio/narration_player.h"

#include <algorithm>
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

Status NarrationPlayer::play(const std::filesystem::path& file) {
    stop();
    auto pcm = audio::decodeFile(file);
    if (!pcm) return pcm.error();
    // 16-bit stereo: the one format every OpenAL output takes without an extension.
    std::vector<std::int16_t> samples(pcm->samples.size());
    std::transform(pcm->samples.begin(), pcm->samples.end(), samples.begin(), [](float s) {
        return std::int16_t(std::lround(std::clamp(s, -1.0f, 1.0f) * 32767.0f));
    });
    alSourcei(device_->source, AL_BUFFER, 0);  // A buffer still attached cannot be refilled.
    if (device_->buffer) alDeleteBuffers(1, &device_->buffer);
    alGenBuffers(1, &device_->buffer);
    alBufferData(device_->buffer, AL_FORMAT_STEREO16, samples.data(), ALsizei(samples.size() * sizeof(std::int16_t)),
                 audio::kSampleRate);
    alSourcei(device_->source, AL_BUFFER, ALint(device_->buffer));
    alSourcePlay(device_->source);
    if (alGetError() != AL_NO_ERROR) return makeError(file.string(), "the sound output could not play it");
    current_ = file;
    return Ok{};
}

void NarrationPlayer::stop() {
    alSourceStop(device_->source);
    current_.reset();
}

std::optional<std::filesystem::path> NarrationPlayer::playing() {
    ALint state = AL_STOPPED;
    alGetSourcei(device_->source, AL_SOURCE_STATE, &state);
    if (state != AL_PLAYING) current_.reset();
    return current_;
}

}  // namespace axis::viewer
