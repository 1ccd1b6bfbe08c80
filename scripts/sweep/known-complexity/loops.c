/* A program whose cost in n is known exactly: the fixed start-up of known_cost.h, then the
 * steps of its class, each one link of a dependent chain of multiply-adds (no memory traffic).
 * Built once per class by known-complexity.sh:
 *   cc -O2 -DCOST_CLASS=2 loops.c -o loop-quadratic   (0: 1, 1: n, 2: n², 3: n³, 4: n log n)
 * Usage: PROGRAM n — prints the chain's last value so none of it is dead code. */
#include "known_cost.h"

#ifndef COST_CLASS
#error "define COST_CLASS: 0 (1), 1 (n), 2 (n^2), 3 (n^3) or 4 (n log n)"
#endif

int main(int argc, char **argv) {
    unsigned long long n = start_up(argc, argv);
#if COST_CLASS == 0
    (void)n;
#elif COST_CLASS == 1
    for (unsigned long long i = 0; i < n; i++) step(i);
#elif COST_CLASS == 2
    for (unsigned long long i = 0; i < n; i++)
        for (unsigned long long j = 0; j < n; j++) step(i ^ j);
#elif COST_CLASS == 3
    for (unsigned long long i = 0; i < n; i++)
        for (unsigned long long j = 0; j < n; j++)
            for (unsigned long long k = 0; k < n; k++) step(i ^ j ^ k);
#elif COST_CLASS == 4
    /* n·⌊log₂ n⌋ steps (n·log₂ n at powers of two): for each i, one step per halving of n. */
    for (unsigned long long i = 0; i < n; i++)
        for (unsigned long long m = n; m > 1; m >>= 1) step(i ^ m);
#endif
    printf("%llu\n", chain);
    return 0;
}
