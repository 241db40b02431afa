// File: bench/process_stats.hpp
// What Linux says of a running process, read from /proc: CPU time and resident memory.
#pragma once

namespace cocbot::bench {

// User plus system CPU seconds the process has used so far.
double cpu_seconds(int pid);
// Resident memory now, and the most it has held (VmRSS, VmHWM), in MiB.
double rss_mib(int pid);
double peak_rss_mib(int pid);

} // namespace cocbot::bench
