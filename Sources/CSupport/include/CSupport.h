#ifndef RAPPORT_CSUPPORT_H
#define RAPPORT_CSUPPORT_H

/// Atomically exchanges the two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, or -1 with errno set (EINVAL/ENOSYS where unsupported).
int rapport_exchange_paths(const char *first, const char *second);

/// Flushes the file system holding `path` to disk (Linux syncfs; sync elsewhere).
/// Returns 0 on success, or -1 with errno set.
int rapport_sync_file_system(const char *path);

#endif
