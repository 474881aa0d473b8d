/* first-calls ADDRS LINKBASE OUT CMD [ARGS...]: which functions a run of CMD calls, in the order of their first call.
   ADDRS lists the link-time entry addresses to watch, one hex address a line; LINKBASE (hex) is the link-time address
   of the executable's first LOAD segment (0 for PIE, 400000 otherwise), so the entries are moved by where the kernel
   loaded it. At exec, a breakpoint (int3) goes on every entry; the first hit of each writes its link-time address to
   OUT and puts the original byte back, so each function traps once and the run goes on at nearly full speed. Every
   thread is traced (PTRACE_O_TRACECLONE). build/order.sh turns OUT into the compiler's method order file. */
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
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct { uint64_t addr; unsigned char orig; int armed; } bp_t;
static bp_t *bps;
static size_t nbps;

static int cmp(const void *a, const void *b) {
  uint64_t x = ((const bp_t *)a)->addr, y = ((const bp_t *)b)->addr;
  return x < y ? -1 : x > y;
}
static bp_t *find(uint64_t addr) {
  size_t lo = 0, hi = nbps;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (bps[mid].addr == addr) return &bps[mid];
    if (bps[mid].addr < addr) lo = mid + 1; else hi = mid;
  }
  return NULL;
}
static void set_byte(pid_t pid, uint64_t addr, unsigned char value, unsigned char *old) {
  uint64_t word_addr = addr & ~7ULL;
  errno = 0;
  long word = ptrace(PTRACE_PEEKTEXT, pid, (void *)word_addr, 0);
  if (errno) { fprintf(stderr, "peek %" PRIx64 ": %s\n", addr, strerror(errno)); exit(2); }
  unsigned char *bytes = (unsigned char *)&word;
  if (old) *old = bytes[addr - word_addr];
  bytes[addr - word_addr] = value;
  if (ptrace(PTRACE_POKETEXT, pid, (void *)word_addr, (void *)word) < 0) { perror("poke"); exit(2); }
}

static uint64_t loaded_bias;

/* Where the executable's file offset 0 is mapped in PID: the first mapping of /proc/PID/exe with offset 0. */
static uint64_t load_address(pid_t pid) {
  char path[64], exe[4096], line[8192];
  snprintf(path, sizeof path, "/proc/%d/exe", pid);
  ssize_t n = readlink(path, exe, sizeof exe - 1);
  if (n < 0) { perror(path); exit(2); }
  exe[n] = 0;
  snprintf(path, sizeof path, "/proc/%d/maps", pid);
  FILE *maps = fopen(path, "r");
  if (!maps) { perror(path); exit(2); }
  while (fgets(line, sizeof line, maps)) {
    uint64_t start, end, offset;
    char name[4096] = "";
    if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %*s %" SCNx64 " %*s %*s %4095s", &start, &end, &offset, name) >= 3 &&
        offset == 0 && strcmp(name, exe) == 0) {
      fclose(maps);
      return start;
    }
  }
  fprintf(stderr, "first-calls: %s is not mapped\n", exe);
  exit(2);
}

int main(int argc, char **argv) {
  if (argc < 5) { fprintf(stderr, "usage: first-calls ADDRS LINKBASE OUT CMD [ARGS...]\n"); return 2; }
  uint64_t linkbase = strtoull(argv[2], NULL, 16);
  FILE *in = fopen(argv[1], "r");
  if (!in) { perror(argv[1]); return 2; }
  size_t cap = 1 << 16;
  bps = malloc(cap * sizeof *bps);
  uint64_t a;
  while (fscanf(in, "%" SCNx64, &a) == 1) {
    if (nbps == cap) bps = realloc(bps, (cap *= 2) * sizeof *bps);
    bps[nbps++] = (bp_t){a, 0, 0};
  }
  fclose(in);
  qsort(bps, nbps, sizeof *bps, cmp);
  FILE *out = fopen(argv[3], "w");
  if (!out) { perror(argv[3]); return 2; }

  pid_t pid = fork();
  if (pid == 0) {
    ptrace(PTRACE_TRACEME, 0, 0, 0);
    raise(SIGSTOP);
    execvp(argv[4], argv + 4);
    _exit(127);
  }
  int status;
  waitpid(pid, &status, 0);
  ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACEEXEC | PTRACE_O_TRACECLONE | PTRACE_O_EXITKILL);
  ptrace(PTRACE_CONT, pid, 0, 0);
  int rc = 0;
  for (;;) {
    pid_t t = waitpid(-1, &status, __WALL);
    if (t < 0) { if (errno == ECHILD) break; perror("waitpid"); return 2; }
    if (WIFEXITED(status) || WIFSIGNALED(status)) {
      if (t == pid) rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      continue;
    }
    int sig = WSTOPSIG(status);
    int event = status >> 16;
    if (event == PTRACE_EVENT_EXEC) {
      uint64_t bias = load_address(t) - linkbase;
      for (size_t i = 0; i < nbps; i++) {
        bps[i].addr += bias;
        set_byte(t, bps[i].addr, 0xcc, &bps[i].orig);
        bps[i].armed = 1;
      }
      loaded_bias = bias;
      sig = 0;
    } else if (event) {
      sig = 0; /* clone: the new thread starts traced and stopped; it reports itself */
    } else if (sig == SIGTRAP) {
      struct user_regs_struct regs;
      ptrace(PTRACE_GETREGS, t, 0, &regs);
      bp_t *bp = find(regs.rip - 1);
      if (bp) {
        if (bp->armed) { set_byte(t, bp->addr, bp->orig, NULL); bp->armed = 0; fprintf(out, "%" PRIx64 "\n", bp->addr - loaded_bias); }
        regs.rip -= 1;
        ptrace(PTRACE_SETREGS, t, 0, &regs);
        sig = 0;
      }
    } else if (sig == SIGSTOP) {
      sig = 0; /* a new thread's first stop */
    }
    ptrace(PTRACE_CONT, t, 0, sig);
  }
  fclose(out);
  return rc;
}
