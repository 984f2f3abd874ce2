// The floor the performance goals are measured against: the CommonMark C library alone
// renders every note of a site and writes each as a page, on every core, then flushes the
// file system as `rapport build` does before its swap. No templates, records, letters or
// site-wide pages: whatever Rapport takes beyond this is its own work.
//
//   floor SITE OUT    reads SITE/content/notes/*.md, writes OUT/<name>.html
//
// Prints the notes, the bytes written and the time of each step. Built by
// scripts/benchmark --floor with the C compiler and pkg-config's flags for libcmark.
#define _GNU_SOURCE
#include <cmark.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *notes_dir;
static const char *out_dir;
static char **names;
static size_t name_count;
static atomic_size_t next_note;
static atomic_size_t bytes_written;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void fail(const char *what, const char *path) {
    fprintf(stderr, "floor: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

static void *render_notes(void *unused) {
    (void)unused;
    char path[4096];
    for (;;) {
        size_t index = atomic_fetch_add(&next_note, 1);
        if (index >= name_count) return NULL;
        snprintf(path, sizeof path, "%s/%s", notes_dir, names[index]);
        int in = open(path, O_RDONLY | O_CLOEXEC);
        struct stat status;
        if (in < 0 || fstat(in, &status) != 0) fail("cannot read", path);
        char *markdown = malloc((size_t)status.st_size + 1);
        ssize_t count = read(in, markdown, (size_t)status.st_size);
        if (count < 0) fail("cannot read", path);
        close(in);

        char *html = cmark_markdown_to_html(markdown, (size_t)count, CMARK_OPT_DEFAULT);
        size_t length = strlen(html);
        snprintf(path, sizeof path, "%s/%.*s.html", out_dir, (int)(strlen(names[index]) - 3), names[index]);
        int out = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (out < 0 || write(out, html, length) != (ssize_t)length) fail("cannot write", path);
        close(out);
        atomic_fetch_add(&bytes_written, length);
        free(html);
        free(markdown);
    }
}

static int by_name(const void *left, const void *right) {
    return strcmp(*(char *const *)left, *(char *const *)right);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: floor SITE OUT\n");
        return 2;
    }
    static char notes_path[4096];
    snprintf(notes_path, sizeof notes_path, "%s/content/notes", argv[1]);
    notes_dir = notes_path;
    out_dir = argv[2];
    double start = now();

    DIR *folder = opendir(notes_dir);
    if (!folder) fail("cannot open", notes_dir);
    size_t capacity = 1024;
    names = malloc(capacity * sizeof *names);
    for (struct dirent *entry; (entry = readdir(folder));) {
        size_t length = strlen(entry->d_name);
        if (length < 4 || strcmp(entry->d_name + length - 3, ".md") != 0) continue;
        if (name_count == capacity) names = realloc(names, (capacity *= 2) * sizeof *names);
        names[name_count++] = strdup(entry->d_name);
    }
    closedir(folder);
    qsort(names, name_count, sizeof *names, by_name);
    if (mkdir(out_dir, 0755) != 0) fail("cannot create", out_dir);

    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1) cores = 1;
    pthread_t *threads = malloc((size_t)cores * sizeof *threads);
    for (long i = 0; i < cores; i++) pthread_create(&threads[i], NULL, render_notes, NULL);
    for (long i = 0; i < cores; i++) pthread_join(threads[i], NULL);
    double rendered = now();

    int descriptor = open(out_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (descriptor < 0 || syncfs(descriptor) != 0) fail("cannot flush", out_dir);
    close(descriptor);
    double flushed = now();

    printf("%zu notes, %zu bytes of HTML: read, rendered and written in %.2f s on %ld threads; flushed in %.2f s\n",
        name_count, atomic_load(&bytes_written), rendered - start, cores, flushed - rendered);
    return 0;
}
