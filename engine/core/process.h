#pragma once
// What this process holds, for soak reports and frame logs (Linux /proc; 0 or -1 elsewhere).

namespace axis {

/// This process's resident set in KiB (/proc/self/statm); 0 where unknown.
long residentKb();
/// This process's open file descriptors (/proc/self/fd); -1 where unknown.
int openFileCount();

}  // namespace axis
