#pragma once
// Makes every write past `bytes` fail with EFBIG in this process (a full disk, as seen by
// write(2)), and undoes that on scope exit. Works for root, which read-only folders do not stop.
#include <sys/resource.h>

#include <csignal>

namespace axis::test {

struct FileSizeLimit {
    rlimit old{};
    explicit FileSizeLimit(rlim_t bytes) {
        std::signal(SIGXFSZ, SIG_IGN);
        getrlimit(RLIMIT_FSIZE, &old);
        rlimit lim = old;
        lim.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &lim);
    }
    ~FileSizeLimit() { setrlimit(RLIMIT_FSIZE, &old); }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;
};

}  // namespace axis::test
