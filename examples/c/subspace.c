/* An electronic-structure style subspace iteration through lapis's C API.
 *
 * A plane-wave-like Hamiltonian H (kinetic energy |G|^2/2 on the diagonal,
 * a weak random potential off it) and a block of wavefunctions Psi. Each
 * iteration does what a DFT code does with its subspace:
 *
 *   Phi  = (H - sigma I)^-1 Psi     shift-invert step      (linalg_solve)
 *   S    = Phi^H Phi                overlap matrix          (herk/syrk)
 *   Hsub = Phi^H (H Phi)            subspace Hamiltonian    (gemm, gemm)
 *   Hsub x = e S x                  generalized eigenproblem (linalg_eigh_generalized)
 *   Psi  = Phi X                    rotation                (gemm)
 *
 * The same function runs real double (G-point) and complex double
 * (K-point) wavefunctions: every call dispatches on the arrays' dtype.
 * It prints the eigenvalues, their change per iteration, the residual
 * ||H Psi - Psi diag(e)||, the orthonormality error ||Psi^H Psi - I||, and
 * the error against a full diagonalization (linalg_eigvalsh). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "lapis.h"

#define TRY(call)                                                         \
  do {                                                                    \
    lapis_status s_ = (call);                                             \
    if (s_ != LAPIS_OK) {                                                 \
      fprintf(stderr, "%s failed (%s): %s\n", #call,                      \
              lapis_status_string((int32_t)s_), lapis_last_error());      \
      exit(1);                                                            \
    }                                                                     \
  } while (0)

enum { NBASIS = 300, NBANDS = 12, NREPORT = 8, ITERATIONS = 25 };

static lapis_complex128 cx(double re) {
  lapis_complex128 z;
  z.re = re;
  z.im = 0.0;
  return z;
}

/* A new zero matrix of the given dtype, in Fortran order as a Fortran code
 * would keep it. */
static lapis_array *matrix(lapis_dtype dt, int64_t rows, int64_t cols) {
  lapis_array *m = NULL;
  int64_t shape[2];
  shape[0] = rows;
  shape[1] = cols;
  TRY(lapis_zeros(2, shape, dt, LAPIS_ORDER_F, &m));
  return m;
}

/* a += value on the diagonal. */
static void add_to_diagonal(lapis_array *a, int64_t n, double (*value)(int64_t)) {
  for (int64_t i = 0; i < n; ++i) {
    int64_t ij[2];
    lapis_complex128 z;
    ij[0] = i;
    ij[1] = i;
    TRY(lapis_array_get(a, ij, &z));
    z.re += value(i);
    TRY(lapis_array_set(a, ij, z));
  }
}

static double kinetic(int64_t i) { return 0.5 * (double)((i + 1) * (i + 1)) * 0.05; }
static double sigma;
static double minus_sigma(int64_t i) { (void)i; return -sigma; }

/* Fills `out[0..n)` with the real parts of a 1-d array. */
static void read_real(const lapis_array *v, double *out, int64_t n) {
  for (int64_t i = 0; i < n; ++i) {
    lapis_complex128 z;
    TRY(lapis_array_get(v, &i, &z));
    out[i] = z.re;
  }
}

/* Returns 0 when the converged bands match a full diagonalization. */
static int run(lapis_dtype dt, const char *label) {
  const int64_t n = NBASIS, nb = NBANDS;
  int64_t square[2], block[2];
  square[0] = n; square[1] = n;
  block[0] = n; block[1] = nb;
  lapis_array *b = NULL, *bh = NULL, *bt = NULL, *h = NULL, *scale = NULL, *shifted = NULL,
              *psi = NULL;
  double e[NBANDS], e_old[NBANDS], ex[NBASIS];

  printf("== %s wavefunctions: %d basis functions, %d bands (%d reported)\n", label, NBASIS,
         NBANDS, NREPORT);
  /* H = diag(|G|^2/2) + (B + B^H) / (2 sqrt(n)), B random normal. */
  TRY(lapis_random_normal(7, 0, 0.0, 1.0, 2, square, dt, &b));
  TRY(lapis_array_transpose(b, &bt));
  TRY(lapis_conjugate(bt, &bh));
  TRY(lapis_add(b, bh, &h));
  TRY(lapis_full(0, NULL, LAPIS_FLOAT64, cx(0.5 / sqrt((double)n)), LAPIS_ORDER_C, &scale));
  TRY(lapis_multiply_inplace(h, scale));
  add_to_diagonal(h, n, kinetic);

  /* A shift below the spectrum makes H - sigma I positive definite. */
  sigma = -2.0;
  TRY(lapis_array_copy(h, LAPIS_ORDER_F, &shifted));
  add_to_diagonal(shifted, n, minus_sigma);

  TRY(lapis_random_normal(11, 0, 0.0, 1.0, 2, block, dt, &psi));
  for (int i = 0; i < NBANDS; ++i) e_old[i] = 0.0;

  for (int it = 1; it <= ITERATIONS; ++it) {
    lapis_array *phi = NULL, *s = matrix(dt, nb, nb), *hphi = matrix(dt, n, nb),
                *hsub = matrix(dt, nb, nb), *w = NULL, *x = NULL, *next = matrix(dt, n, nb);
    TRY(lapis_linalg_solve(shifted, psi, &phi));
    TRY(lapis_herk(LAPIS_LOWER, LAPIS_CONJ_TRANS, 1.0, phi, 0.0, s));
    TRY(lapis_gemm(LAPIS_NO_TRANS, LAPIS_NO_TRANS, cx(1), h, phi, cx(0), hphi));
    TRY(lapis_gemm(LAPIS_CONJ_TRANS, LAPIS_NO_TRANS, cx(1), phi, hphi, cx(0), hsub));
    TRY(lapis_linalg_eigh_generalized(hsub, s, LAPIS_LOWER, &w, &x));
    TRY(lapis_gemm(LAPIS_NO_TRANS, LAPIS_NO_TRANS, cx(1), phi, x, cx(0), next));
    read_real(w, e, nb);
    double change = 0.0;
    for (int i = 0; i < NREPORT; ++i)
      change = fmax(change, fabs(e[i] - e_old[i]));
    if (it <= 3 || it % 5 == 0)
      printf("  iteration %2d: lowest e = %.10f, max |change| over %d bands = %.2e\n", it, e[0],
             NREPORT, change);
    for (int i = 0; i < NBANDS; ++i) e_old[i] = e[i];
    lapis_array_free(psi);
    psi = next;
    lapis_array_free(phi); lapis_array_free(s); lapis_array_free(hphi);
    lapis_array_free(hsub); lapis_array_free(w); lapis_array_free(x);
  }

  /* Checks: residual, orthonormality, and a full diagonalization. */
  lapis_array *hpsi = matrix(dt, n, nb), *ew = NULL, *psie = NULL, *r = NULL, *rcols = NULL,
              *o = matrix(dt, nb, nb), *eye = NULL, *evals = NULL;
  double res, orth, worst = 0.0;
  int64_t nbe = nb, start[2], stop[2];
  TRY(lapis_gemm(LAPIS_NO_TRANS, LAPIS_NO_TRANS, cx(1), h, psi, cx(0), hpsi));
  /* e wrapped without a copy as a (nb,) float64 array; broadcasting
   * Psi (n, nb) * e (nb,) scales each column by its eigenvalue. */
  TRY(lapis_array_wrap_contiguous(e, LAPIS_FLOAT64, 1, &nbe, LAPIS_ORDER_C, true, &ew));
  TRY(lapis_multiply(psi, ew, &psie));
  TRY(lapis_subtract(hpsi, psie, &r));
  start[0] = LAPIS_SLICE_NONE; start[1] = 0;
  stop[0] = LAPIS_SLICE_NONE; stop[1] = NREPORT;
  TRY(lapis_array_slice(r, 2, start, stop, NULL, &rcols));
  TRY(lapis_linalg_norm(rcols, LAPIS_NORM_FRO, 0.0, &res));
  TRY(lapis_gemm(LAPIS_CONJ_TRANS, LAPIS_NO_TRANS, cx(1), psi, psi, cx(0), o));
  TRY(lapis_eye(nb, nb, 0, dt, &eye));
  TRY(lapis_subtract_inplace(o, eye));
  TRY(lapis_linalg_norm(o, LAPIS_NORM_FRO, 0.0, &orth));
  TRY(lapis_linalg_eigvalsh(h, LAPIS_LOWER, &evals));
  read_real(evals, ex, NREPORT);
  printf("  eigenvalues:");
  for (int i = 0; i < NREPORT; ++i) {
    printf(" %.6f", e[i]);
    worst = fmax(worst, fabs(e[i] - ex[i]));
  }
  printf("\n  ||H Psi - Psi diag(e)||_F over %d bands = %.2e, ||Psi^H Psi - I||_F = %.2e,\n"
         "  max |e - eigvalsh(H)| = %.2e\n",
         NREPORT, res, orth, worst);

  lapis_array_free(hpsi); lapis_array_free(ew); lapis_array_free(psie);
  lapis_array_free(r); lapis_array_free(rcols); lapis_array_free(o);
  lapis_array_free(eye); lapis_array_free(evals);
  lapis_array_free(b); lapis_array_free(bt); lapis_array_free(bh);
  lapis_array_free(h); lapis_array_free(scale); lapis_array_free(shifted);
  lapis_array_free(psi);
  /* Converged: eigenvalues to ~1e-10 of the scale, orthonormal to rounding. */
  return worst < 1e-8 && orth < 1e-10 ? 0 : 1;
}

int main(void) {
  TRY(lapis_set_num_threads(2));
  int bad = run(LAPIS_FLOAT64, "real (G-point, float64)");
  bad += run(LAPIS_COMPLEX128, "complex (K-point, complex128)");
  if (bad) fprintf(stderr, "subspace: %d run(s) did not converge to eigvalsh's eigenvalues\n", bad);
  return bad ? 1 : 0;
}
