/* n² as programs have it: after the start-up of known_cost.h, count the inversions of n
 * pseudo-random integers by comparing every pair (n(n − 1)/2 comparisons, n words of memory).
 * Usage: pairs n — prints the count so the loops are not dead code. */
#include "known_cost.h"

int main(int argc, char **argv) {
    unsigned long long n = start_up(argc, argv);
    unsigned int *values = malloc(n * sizeof *values);
    if (!values) { fprintf(stderr, "%s: out of memory\n", argv[0]); return 71; }
    for (unsigned long long i = 0; i < n; i++) values[i] = next_random();
    unsigned long long inversions = 0;
    for (unsigned long long i = 0; i < n; i++)
        for (unsigned long long j = i + 1; j < n; j++) inversions += values[i] > values[j];
    printf("%llu\n", inversions);
    free(values);
    return 0;
}
