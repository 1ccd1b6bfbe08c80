/* n³ as programs have it: after the start-up of known_cost.h, the product of two n×n matrices
 * of doubles by the textbook i-k-j loops (n³ multiply-adds, 3·n² doubles of memory).
 * Usage: matmul n — prints the trace so the product is not dead code. */
#include "known_cost.h"

int main(int argc, char **argv) {
    unsigned long long n = start_up(argc, argv);
    double *a = malloc(n * n * sizeof *a), *b = malloc(n * n * sizeof *b), *c = calloc(n * n, sizeof *c);
    if (!a || !b || !c) { fprintf(stderr, "%s: out of memory\n", argv[0]); return 71; }
    for (unsigned long long i = 0; i < n * n; i++) {
        a[i] = next_random() / 4294967296.0;
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
