// Memory for cmark while it reads and renders one note-sized document: pieces handed out
// in order from blocks of 64 KB, all given back at once when the document is done. cmark
// asks for some 450 pieces for a note of 2 KB, and malloc, which takes a lock for each
// once a process has threads, cost about as much as the parsing. cmark's calls carry no
// context, so each thread finds its document's memory in a thread-local variable: in C,
// because a thread-local variable is one instruction away, where Swift can only reach
// one through pthread_getspecific.
#include "CSupport.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    block_size = 64 * 1024,
    // Each piece is preceded by its size, and aligned as malloc aligns. A block starts
    // with the address of the block before it.
    header = 16,
};

struct document_memory {
    char *block;
    size_t used;
    size_t capacity;
    // The piece handed out last, which can grow in place.
    char *last_piece;
    struct document_memory *previous;
};

static _Thread_local struct document_memory *current;
// A block of block_size kept for this thread's next document: handing the same block to
// each document saves the page faults of memory malloc gave back to the system in between.
static _Thread_local char *spare_block;
// Frees a thread's spare block when the thread ends.
static pthread_key_t spare_key;
static pthread_once_t spare_key_once = PTHREAD_ONCE_INIT;

static void make_spare_key(void) {
    if (pthread_key_create(&spare_key, free) != 0) {
        fputs("rapport: cannot create a thread-local key\n", stderr);
        abort();
    }
}

static void *checked(void *memory) {
    if (memory == NULL) {
        fputs("rapport: out of memory\n", stderr);
        abort();
    }
    return memory;
}

static size_t rounded(size_t size) { return (size + header - 1) / header * header; }

static void *allocate(size_t size) {
    struct document_memory *memory = current;
    if (size > SIZE_MAX / 2) {
        fputs("rapport: cmark asked for too much memory\n", stderr);
        abort();
    }
    size_t length = header + rounded(size);
    if (memory->block == NULL || memory->used + length > memory->capacity) {
        size_t block_length = header + length > block_size ? header + length : block_size;
        char *block;
        if (block_length == block_size && spare_block != NULL) {
            block = spare_block;
            spare_block = NULL;
            pthread_setspecific(spare_key, NULL);
        } else {
            block = checked(malloc(block_length));
        }
        memcpy(block, &memory->block, sizeof memory->block);
        memory->block = block;
        memory->used = header;
        memory->capacity = block_length;
    }
    char *piece = memory->block + memory->used + header;
    memcpy(piece - header, &size, sizeof size);
    memory->used += length;
    memory->last_piece = piece;
    return piece;
}

static void *document_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) {
        fputs("rapport: cmark asked for too much memory\n", stderr);
        abort();
    }
    void *piece = allocate(count * size);
    memset(piece, 0, count * size);
    return piece;
}

static void *document_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return allocate(size);
    struct document_memory *memory = current;
    char *piece = pointer;
    size_t old_size;
    memcpy(&old_size, piece - header, sizeof old_size);
    if (piece == memory->last_piece && (size_t)(piece - memory->block) + rounded(size) <= memory->capacity) {
        memcpy(piece - header, &size, sizeof size);
        memory->used = (size_t)(piece - memory->block) + rounded(size);
        return piece;
    }
    void *moved = allocate(size);
    memcpy(moved, piece, old_size < size ? old_size : size);
    return moved;
}

// Everything is given back at once, by rapport_document_memory_end.
static void document_free(void *pointer) { (void)pointer; }

static struct cmark_mem_layout {
    void *(*calloc)(size_t, size_t);
    void *(*realloc)(void *, size_t);
    void (*free)(void *);
} allocator = {document_calloc, document_realloc, document_free};

void *rapport_document_allocator(void) { return &allocator; }

void rapport_document_memory_begin(void) {
    pthread_once(&spare_key_once, make_spare_key);
    struct document_memory *memory = checked(calloc(1, sizeof *memory));
    memory->previous = current;
    current = memory;
}

void rapport_document_memory_end(void) {
    struct document_memory *memory = current;
    char *next = memory->block;
    while (next != NULL) {
        char *block = next;
        memcpy(&next, block, sizeof next);
        // The first block, of at least the usual size, is kept for the next document.
        if (next == NULL && spare_block == NULL) {
            spare_block = block;
            pthread_setspecific(spare_key, block);
        } else {
            free(block);
        }
    }
    current = memory->previous;
    free(memory);
}
