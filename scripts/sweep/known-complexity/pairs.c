/* n² as programs have it: count the inversions of n pseudo-random integers by comparing every
 * pair (n(n − 1)/2 comparisons, n words of memory), after a fixed start-up of STARTUP steps.
 * Usage: pairs n — prints the count so the loops are not dead code. */
#include <stdio.h>
#include <stdlib.h>

#define STARTUP 1000000ULL

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s n\n", argv[0]); return 64; }
    char *end;
    unsigned long long n = strtoull(argv[1], &end, 10);
    if (*end != '\0' || n < 1) { fprintf(stderr, "%s: n must be a positive integer\n", argv[0]); return 64; }
    unsigned long long state = 88172645463325252ULL;
    for (unsigned long long i = 0; i < STARTUP; i++) state = state * 6364136223846793005ULL + (1442695040888963407ULL ^ i);
    unsigned int *values = malloc(n * sizeof *values);
    if (!values) { fprintf(stderr, "%s: out of memory\n", argv[0]); return 71; }
    for (unsigned long long i = 0; i < n; i++) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        values[i] = (unsigned int)(state >> 32);
    }
    unsigned long long inversions = 0;
    for (unsigned long long i = 0; i < n; i++)
        for (unsigned long long j = i + 1; j < n; j++) inversions += values[i] > values[j];
    printf("%llu\n", inversions);
    free(values);
    return 0;
}
