# Sourced by Warden's launchers: the JVM and C-library settings Warden runs with by default.
# WARDEN_JAVA_OPTS replaces the JVM options entirely when set (it may be empty).
#
# - G1 hands heap back when the node is idle (a periodic GC every 10 s while idle, at most 40 %
#   of the heap kept free): a quiet node holds little memory, a busy one keeps its heap.
# - argon2 allocates its 19 MiB per hash natively; glibc would keep those blocks in its heap once
#   it raised its mmap threshold. A fixed threshold returns them to the OS after each hash, and two
#   arenas bound what the hashing threads keep.
if [ -z "${WARDEN_JAVA_OPTS+set}" ]; then
  WARDEN_JAVA_OPTS="-XX:G1PeriodicGCInterval=10000 -XX:MaxHeapFreeRatio=40"
fi
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-131072}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
