/* n³ as programs have it: the product of two n×n matrices of doubles by the textbook i-k-j
 * loops (n³ multiply-adds, 3·n² doubles of memory), after a fixed start-up of STARTUP steps.
 * Usage: matmul n — prints the trace so the product is not dead code. */
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
    double *a = malloc(n * n * sizeof *a), *b = malloc(n * n * sizeof *b), *c = calloc(n * n, sizeof *c);
    if (!a || !b || !c) { fprintf(stderr, "%s: out of memory\n", argv[0]); return 71; }
    for (unsigned long long i = 0; i < n * n; i++) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        a[i] = (double)(state >> 40) / 16777216.0;
        b[i] = 1.0 - a[i];
    }
    for (unsigned long long i = 0; i < n; i++)
        for (unsigned long long k = 0; k < n; k++) {
            double aik = a[i * n + k];
            for (unsigned long long j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
        }
    double trace = 0;
    for (unsigned long long i = 0; i < n; i++) trace += c[i * n + i];
    printf("%.6f\n", trace);
    free(a); free(b); free(c);
    return 0;
}
