/* A program whose cost in n is known exactly: a fixed start-up (STARTUP steps, as an
 * interpreter's or a runtime's start-up would be) and then the work of its class, every step
 * one link of a dependent chain of multiply-adds (about a nanosecond each; no memory traffic,
 * nothing the compiler can fold or vectorise). Built once per class by known-complexity.sh:
 *   cc -O2 -DCOST_CLASS=2 loops.c -o n2   (0: 1, 1: n, 2: n², 3: n³, 4: n log n)
 * Usage: PROGRAM n — prints the chain's last value so none of it is dead code. */
#include <stdio.h>
#include <stdlib.h>

#ifndef COST_CLASS
#error "define COST_CLASS: 0 (1), 1 (n), 2 (n^2), 3 (n^3) or 4 (n log n)"
#endif
#define STARTUP 1000000ULL

static unsigned long long state = 88172645463325252ULL;

static inline void step(unsigned long long i) {
    state = state * 6364136223846793005ULL + (1442695040888963407ULL ^ i);
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s n\n", argv[0]); return 64; }
    char *end;
    unsigned long long n = strtoull(argv[1], &end, 10);
    if (*end != '\0' || n < 1) { fprintf(stderr, "%s: n must be a positive integer\n", argv[0]); return 64; }
    for (unsigned long long i = 0; i < STARTUP; i++) step(i);
#if COST_CLASS == 1
    for (unsigned long long i = 0; i < n; i++) step(i);
#elif COST_CLASS == 2
    for (unsigned long long i = 0; i < n; i++)
        for (unsigned long long j = 0; j < n; j++) step(i ^ j);
#elif COST_CLASS == 3
    for (unsigned long long i = 0; i < n; i++)
        for (unsigned long long j = 0; j < n; j++)
            for (unsigned long long k = 0; k < n; k++) step(i ^ j ^ k);
#elif COST_CLASS == 4
    /* n·⌊log₂ n⌋ steps: for each i, one step per halving of n. */
    for (unsigned long long i = 0; i < n; i++)
        for (unsigned long long m = n; m > 1; m >>= 1) step(i ^ m);
#endif
    printf("%llu\n", state);
    return 0;
}
