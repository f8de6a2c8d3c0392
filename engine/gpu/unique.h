#pragma once
// A move-only owner for one device-level Vulkan handle (pipeline, layout, sampler, pool...).
#include <utility>

#include <vulkan/vulkan.h>

namespace axis::gpu {

template <class Handle>
class Unique {
public:
    using Destroy = void (*)(VkDevice, Handle, const VkAllocationCallbacks*);
    Unique() = default;
    Unique(VkDevice device, Handle handle, Destroy destroy) : device_(device), handle_(handle), destroy_(destroy) {}
    Unique(Unique&& o) noexcept
        : device_(o.device_), handle_(std::exchange(o.handle_, VK_NULL_HANDLE)), destroy_(o.destroy_) {}
    Unique& operator=(Unique&& o) noexcept {
        if (this != &o) {
            reset();
            device_ = o.device_;
            handle_ = std::exchange(o.handle_, VK_NULL_HANDLE);
            destroy_ = o.destroy_;
        }
        return *this;
    }
    Unique(const Unique&) = delete;
    Unique& operator=(const Unique&) = delete;
    ~Unique() { reset(); }

    void reset() {
        if (handle_ != VK_NULL_HANDLE) destroy_(device_, handle_, nullptr);
        handle_ = VK_NULL_HANDLE;
    }
    Handle get() const { return handle_; }
    operator Handle() const { return handle_; }

private:
    VkDevice device_ = VK_NULL_HANDLE;
    Handle handle_ = VK_NULL_HANDLE;
    Destroy destroy_ = nullptr;
};

}  // namespace axis::gpu
