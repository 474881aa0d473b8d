/* smaps-at-exit OUT CMD [ARGS...]: runs CMD and, when its main thread is about to exit (ptrace's PTRACE_EVENT_EXIT,
   before the kernel releases the address space), copies /proc/PID/smaps to OUT and the present bits of every mapping
   (/proc/PID/pagemap) to OUT.pagemap as "start-end bitstring" lines. The resident set at exit is the process's
   whole-run footprint for file-backed pages (they are never dropped under no memory pressure), so bench/footprint.sh
   can say which mapping, and which section of the binary, a run touched. Exits with CMD's exit code. */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static void copy_file(const char *from, const char *to) {
  FILE *in = fopen(from, "r"), *out = fopen(to, "w");
  if (!in || !out) { perror(from); exit(2); }
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, out);
  fclose(in);
  fclose(out);
}

static void dump_pagemap(pid_t pid, const char *to) {
  char maps[64], pagemap[64];
  snprintf(maps, sizeof maps, "/proc/%d/maps", pid);
  snprintf(pagemap, sizeof pagemap, "/proc/%d/pagemap", pid);
  FILE *m = fopen(maps, "r"), *out = fopen(to, "w");
  FILE *pm = fopen(pagemap, "r");
  if (!m || !out || !pm) { perror(pagemap); exit(2); }
  long page = sysconf(_SC_PAGESIZE);
  char line[4096];
  while (fgets(line, sizeof line, m)) {
    uint64_t start, end;
    if (sscanf(line, "%" SCNx64 "-%" SCNx64, &start, &end) != 2) continue;
    if (start >= 0x800000000000ULL) continue; /* [vsyscall] */
    fprintf(out, "%" PRIx64 "-%" PRIx64 " ", start, end);
    for (uint64_t a = start; a < end; a += page) {
      uint64_t e = 0;
      if (fseeko(pm, (off_t)(a / page * 8), SEEK_SET) != 0 || fread(&e, 8, 1, pm) != 1) e = 0;
      fputc((e >> 63) & 1 ? '1' : '0', out);
    }
    fputc('\n', out);
  }
  fclose(m);
  fclose(pm);
  fclose(out);
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: smaps-at-exit OUT CMD [ARGS...]\n"); return 2; }
  pid_t pid = fork();
  if (pid < 0) { perror("fork"); return 2; }
  if (pid == 0) {
    ptrace(PTRACE_TRACEME, 0, 0, 0);
    raise(SIGSTOP);
    execvp(argv[2], argv + 2);
    perror(argv[2]);
    _exit(127);
  }
  int status;
  if (waitpid(pid, &status, 0) < 0) { perror("waitpid"); return 2; }
  ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACEEXIT | PTRACE_O_TRACEEXEC);
  ptrace(PTRACE_CONT, pid, 0, 0);
  for (;;) {
    if (waitpid(pid, &status, 0) < 0) { perror("waitpid"); return 2; }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    int sig = WSTOPSIG(status);
    if (status >> 8 == (SIGTRAP | (PTRACE_EVENT_EXIT << 8))) {
      char smaps[64], pm[4096];
      snprintf(smaps, sizeof smaps, "/proc/%d/smaps", pid);
      copy_file(smaps, argv[1]);
      snprintf(pm, sizeof pm, "%s.pagemap", argv[1]);
      dump_pagemap(pid, pm);
      sig = 0;
    } else if (status >> 8 == (SIGTRAP | (PTRACE_EVENT_EXEC << 8))) {
      sig = 0;
    }
    ptrace(PTRACE_CONT, pid, 0, sig);
  }
}
