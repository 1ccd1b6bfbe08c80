/* What every known-cost program shares: reading n, the fixed start-up, a pseudo-random
 * sequence. A program includes it and does its work after `start_up()`. */
#ifndef KNOWN_COST_H
#define KNOWN_COST_H
#include <stdio.h>
#include <stdlib.h>

/* The start-up: STARTUP links of a dependent chain of multiply-adds (a few milliseconds, as a
 * runtime's initialisation takes), on top of the exec itself. */
#define STARTUP 1000000ULL

static unsigned long long chain = 88172645463325252ULL;

/* One link of the chain: about a nanosecond, nothing the compiler can fold or vectorise. */
static inline void step(unsigned long long i) {
    chain = chain * 6364136223846793005ULL + (1442695040888963407ULL ^ i);
}

/* The next pseudo-random 32-bit value of the chain. */
static inline unsigned int next_random(void) {
    step(0);
    return (unsigned int)(chain >> 32);
}

/* n from the command line (exits 64 with a message when it is not a positive integer), after
 * the start-up. */
static unsigned long long start_up(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s n\n", argv[0]); exit(64); }
    char *end;
    unsigned long long n = strtoull(argv[1], &end, 10);
    if (*end != '\0' || n < 1) { fprintf(stderr, "%s: n must be a positive integer\n", argv[0]); exit(64); }
    for (unsigned long long i = 0; i < STARTUP; i++) step(i);
    return n;
}

#endif
