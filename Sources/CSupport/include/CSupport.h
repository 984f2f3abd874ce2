#ifndef RAPPORT_CSUPPORT_H
#define RAPPORT_CSUPPORT_H

/// Atomically exchanges the two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, or -1 with errno set (EINVAL/ENOSYS where unsupported).
int rapport_exchange_paths(const char *first, const char *second);

/// Flushes the file system holding the open file or folder `fd` to disk (Linux syncfs;
/// sync elsewhere). On Linux it reports the write errors since `fd` was opened.
/// Returns 0 on success, or -1 with errno set.
int rapport_sync_file_system(int fd);

/// cmark's allocator (a `cmark_mem *`) for the document this thread is reading: pieces
/// handed out from blocks, all given back by rapport_document_memory_end. Only between
/// rapport_document_memory_begin and rapport_document_memory_end on the same thread.
void *rapport_document_allocator(void);

/// Starts fresh memory for the next document this thread reads (documents may nest).
void rapport_document_memory_begin(void);

/// Gives back all the memory of this thread's current document.
void rapport_document_memory_end(void);

#endif
