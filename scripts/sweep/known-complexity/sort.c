/* n log n as programs have it: after the start-up of known_cost.h, sort n pseudo-random 32-bit
 * integers with the C library's qsort (n·log n comparisons, n words of memory).
 * Usage: sort n — prints the median so the sort is not dead code. */
#include "known_cost.h"

static int compare(const void *a, const void *b) {
    unsigned int x = *(const unsigned int *)a, y = *(const unsigned int *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    unsigned long long n = start_up(argc, argv);
    unsigned int *values = malloc(n * sizeof *values);
    if (!values) { fprintf(stderr, "%s: out of memory\n", argv[0]); return 71; }
    for (unsigned long long i = 0; i < n; i++) values[i] = next_random();
    qsort(values, n, sizeof *values, compare);
    printf("%u\n", values[n / 2]);
    free(values);
    return 0;
}
