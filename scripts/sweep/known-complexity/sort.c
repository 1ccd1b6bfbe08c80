/* n log n as programs have it: sort n pseudo-random 32-bit integers with the C library's
 * qsort (n·log n comparisons, n words of memory), after a fixed start-up of STARTUP steps.
 * Usage: sort n — prints the median so the sort is not dead code. */
#include <stdio.h>
#include <stdlib.h>

#define STARTUP 1000000ULL

static int compare(const void *a, const void *b) {
    unsigned int x = *(const unsigned int *)a, y = *(const unsigned int *)b;
    return (x > y) - (x < y);
}

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
    qsort(values, n, sizeof *values, compare);
    printf("%u\n", values[n / 2]);
    free(values);
    return 0;
}
