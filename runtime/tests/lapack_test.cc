//===- lapack_test.cc - The lapack service on small known matrices --------===//
//
// Each routine runs on row-major inputs as generated code passes them and
// is checked by what its result must satisfy (L L^T = A, P L U = A, ...),
// not against LAPACK itself, so a transposition or ABI slip shows.
//
//===----------------------------------------------------------------------===//

#include "kernels/lapack.h"

#include <gtest/gtest.h>

#include <complex>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

using namespace jaxc::runtime::impl;

namespace {

using C = std::complex<double>;

// A call's buffers: `add` appends one (inputs first, then results).
struct Args {
  jaxc_lapack_args_t args{};
  Args(jaxc_lapack_routine_t routine, jaxc_dtype_t dtype, int64_t batch) {
    args.routine = routine;
    args.dtype = dtype;
    args.batch = batch;
  }
  template <typename T>
  Args &add(std::vector<T> &data, int64_t rows, int64_t cols, bool result) {
    unsigned index = args.input_count + args.result_count;
    args.buffers[index] = data.data();
    args.rows[index] = rows;
    args.cols[index] = cols;
    args.element_bytes[index] = sizeof(T);
    ++(result ? args.result_count : args.input_count);
    return *this;
  }
  Args &options(std::initializer_list<int64_t> values) {
    unsigned i = 0;
    for (int64_t value : values)
      args.options[i++] = value;
    return *this;
  }
  void run() {
    jaxcLapack(nullptr, &args);
    std::string error = takeLapackError();
    ASSERT_EQ(error, "");
  }
};

// Row-major n x n product a * op(b).
template <typename T>
std::vector<T> matmul(const std::vector<T> &a, const std::vector<T> &b,
                      int64_t m, int64_t k, int64_t n) {
  std::vector<T> c(m * n);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j)
      for (int64_t p = 0; p < k; ++p)
        c[i * n + j] += a[i * k + p] * b[p * n + j];
  return c;
}

template <typename T>
std::vector<T> adjoint(const std::vector<T> &a, int64_t rows, int64_t cols) {
  std::vector<T> t(rows * cols);
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      if constexpr (std::is_floating_point_v<T>)
        t[j * rows + i] = a[i * cols + j];
      else
        t[j * rows + i] = std::conj(a[i * cols + j]);
  return t;
}

template <typename T>
void expectNear(const std::vector<T> &actual, const std::vector<T> &expected,
                double tolerance) {
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t i = 0; i < actual.size(); ++i)
    EXPECT_NEAR(std::abs(C(actual[i]) - C(expected[i])), 0, tolerance)
        << "element " << i;
}

const std::vector<double> kSpd = {4, 2, 2, 2, 5, 3, 2, 3, 6};

TEST(Lapack, PotrfReconstructsAndReportsNonSpd) {
  // Batch of two: an SPD matrix, then one with a negative pivot.
  std::vector<double> a = kSpd;
  a.insert(a.end(), {1, 2, 0, 2, 1, 0, 0, 0, 1});
  std::vector<double> l(18, -1);
  std::vector<int32_t> info(2, -7);
  Args call(JAXC_LAPACK_POTRF, JAXC_DTYPE_F64, 2);
  call.add(a, 3, 3, false).add(l, 3, 3, true).add(info, 1, 1, true);
  call.options({'L'});
  call.run();
  EXPECT_EQ(info[0], 0);
  EXPECT_EQ(info[1], 2);
  std::vector<double> lower(l.begin(), l.begin() + 9);
  for (int i = 0; i < 3; ++i)
    for (int j = i + 1; j < 3; ++j)
      lower[i * 3 + j] = 0;
  expectNear(matmul(lower, adjoint(lower, 3, 3), 3, 3, 3), kSpd, 1e-12);
  // The input is untouched: the result is a fresh buffer.
  EXPECT_EQ(a[0], 4);
}

TEST(Lapack, PotrfComplexF32) {
  using CF = std::complex<float>;
  std::vector<CF> a = {{4, 0}, {1, -1}, {1, 1}, {3, 0}};
  std::vector<CF> l(4);
  std::vector<int32_t> info(1, -7);
  Args call(JAXC_LAPACK_POTRF, JAXC_DTYPE_COMPLEX64, 1);
  call.add(a, 2, 2, false).add(l, 2, 2, true).add(info, 1, 1, true);
  call.options({'L'});
  call.run();
  EXPECT_EQ(info[0], 0);
  l[1] = 0;
  std::vector<CF> product = matmul(l, adjoint(l, 2, 2), 2, 2, 2);
  expectNear(product, a, 1e-5);
}

TEST(Lapack, GetrfPivotsAndReportsSingular) {
  std::vector<double> a = {1, 2, 3, 4, 5, 6, 7, 8, 10,
                           1, 2, 3, 2, 4, 6, 1, 1, 1};
  std::vector<double> lu(18);
  std::vector<int32_t> ipiv(6), info(2, -7);
  Args call(JAXC_LAPACK_GETRF, JAXC_DTYPE_F64, 2);
  call.add(a, 3, 3, false).add(lu, 3, 3, true).add(ipiv, 3, 1, true);
  call.add(info, 1, 1, true);
  call.run();
  EXPECT_EQ(info[0], 0);
  EXPECT_GT(info[1], 0); // rows 0 and 1 of the second are dependent
  // P L U = A: apply the 1-based row swaps to A, compare with L U.
  std::vector<double> l(9), u(9), pa(a.begin(), a.begin() + 9);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      l[i * 3 + j] = i == j ? 1 : i > j ? lu[i * 3 + j] : 0;
      u[i * 3 + j] = i <= j ? lu[i * 3 + j] : 0;
    }
  EXPECT_EQ(ipiv[0], 3); // the largest first column entry, 7
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      std::swap(pa[i * 3 + j], pa[(ipiv[i] - 1) * 3 + j]);
  expectNear(matmul(l, u, 3, 3, 3), pa, 1e-12);
}

TEST(Lapack, TrsmBothSides) {
  std::vector<double> a = {2, 0, 0, 1, 3, 0, 4, 5, 6}; // lower
  std::vector<double> x = {1, 2, 3, 4, 5, 6};
  std::vector<double> left = matmul(a, x, 3, 3, 2); // A X, X 3x2
  std::vector<double> out(6);
  Args call(JAXC_LAPACK_TRSM, JAXC_DTYPE_F64, 1);
  call.add(a, 3, 3, false).add(left, 3, 2, false).add(out, 3, 2, true);
  call.options({'L', 'L', 'N', 'N'});
  call.run();
  expectNear(out, x, 1e-12);
  // X A^T = B with X 2x3, upper-stored transpose.
  std::vector<double> b = matmul(x, adjoint(a, 3, 3), 2, 3, 3);
  Args right(JAXC_LAPACK_TRSM, JAXC_DTYPE_F64, 1);
  right.add(a, 3, 3, false).add(b, 2, 3, false).add(out, 2, 3, true);
  right.options({'R', 'L', 'T', 'N'});
  right.run();
  expectNear(out, x, 1e-12);
}

TEST(Lapack, GeqrfOrgqrReconstruct) {
  std::vector<double> a = {1, 2, 3, 4, 5, 6, 7, 8, 10, 1, 0, 1}; // 4x3
  std::vector<double> r(12), tau(3), q(12);
  Args qr(JAXC_LAPACK_GEQRF, JAXC_DTYPE_F64, 1);
  qr.add(a, 4, 3, false).add(r, 4, 3, true).add(tau, 3, 1, true);
  qr.run();
  Args orgqr(JAXC_LAPACK_ORGQR, JAXC_DTYPE_F64, 1);
  orgqr.add(r, 4, 3, false).add(tau, 3, 1, false).add(q, 4, 3, true);
  orgqr.run();
  std::vector<double> upper(9);
  for (int i = 0; i < 3; ++i)
    for (int j = i; j < 3; ++j)
      upper[i * 3 + j] = r[i * 3 + j];
  expectNear(matmul(q, upper, 4, 3, 3), a, 1e-12);
  expectNear(matmul(adjoint(q, 4, 3), q, 3, 4, 3),
             std::vector<double>{1, 0, 0, 0, 1, 0, 0, 0, 1}, 1e-12);
}

TEST(Lapack, SyevdAscendingEigenpairs) {
  std::vector<double> v(9), w(3);
  std::vector<int32_t> info(1, -7);
  std::vector<double> a = kSpd;
  Args call(JAXC_LAPACK_SYEVD, JAXC_DTYPE_F64, 1);
  call.add(a, 3, 3, false).add(v, 3, 3, true).add(w, 3, 1, true);
  call.add(info, 1, 1, true).options({'L', 'V'});
  call.run();
  EXPECT_EQ(info[0], 0);
  EXPECT_LT(w[0], w[1]);
  EXPECT_LT(w[1], w[2]);
  // A V = V diag(w): eigenvectors are the columns of the row-major result.
  std::vector<double> av = matmul(kSpd, v, 3, 3, 3), vw(9);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      vw[i * 3 + j] = v[i * 3 + j] * w[j];
  expectNear(av, vw, 1e-12);
}

class Svd : public testing::TestWithParam<jaxc_lapack_routine_t> {};

TEST_P(Svd, Reconstructs) {
  std::vector<double> a = {1, 2, 3, 4, 5, 6, 7, 8, 10, 1, 0, 1}; // 4x3
  std::vector<double> work(12), s(3), u(12), vt(9);
  std::vector<int32_t> info(1, -7);
  Args call(GetParam(), JAXC_DTYPE_F64, 1);
  call.add(a, 4, 3, false).add(work, 4, 3, true).add(s, 3, 1, true);
  call.add(u, 4, 3, true).add(vt, 3, 3, true).add(info, 1, 1, true);
  call.options({'S'});
  call.run();
  EXPECT_EQ(info[0], 0);
  EXPECT_GE(s[0], s[1]);
  std::vector<double> us(12);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 3; ++j)
      us[i * 3 + j] = u[i * 3 + j] * s[j];
  expectNear(matmul(us, vt, 4, 3, 3), a, 1e-12);
}

INSTANTIATE_TEST_SUITE_P(Lapack, Svd,
                         testing::Values(JAXC_LAPACK_GESDD, JAXC_LAPACK_GESVD));

TEST(Lapack, GeevRealComplexPair) {
  // A rotation by 90 degrees: eigenvalues +-i, complex eigenvectors.
  std::vector<double> a = {0, -1, 1, 0};
  std::vector<double> wr(2), wi(2);
  std::vector<C> vl(4), vr(4);
  std::vector<int32_t> info(1, -7);
  Args call(JAXC_LAPACK_GEEV, JAXC_DTYPE_F64, 1);
  call.add(a, 2, 2, false).add(wr, 2, 1, true).add(wi, 2, 1, true);
  call.add(vl, 2, 2, true).add(vr, 2, 2, true).add(info, 1, 1, true);
  call.options({'V', 'V'});
  call.run();
  EXPECT_EQ(info[0], 0);
  EXPECT_NEAR(std::abs(wi[0]), 1, 1e-12);
  EXPECT_NEAR(wi[0], -wi[1], 1e-12);
  std::vector<C> ac = {0, -1, 1, 0};
  std::vector<C> av = matmul(ac, vr, 2, 2, 2), vw(4);
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j)
      vw[i * 2 + j] = vr[i * 2 + j] * C(wr[j], wi[j]);
  expectNear(av, vw, 1e-12);
}

TEST(Lapack, GeesReconstructs) {
  std::vector<double> a = {1, 2, 3, 4, 5, 6, 7, 8, 10};
  std::vector<double> t(9), vs(9), wr(3), wi(3);
  std::vector<int32_t> sdim(1, -7), info(1, -7);
  Args call(JAXC_LAPACK_GEES, JAXC_DTYPE_F64, 1);
  call.add(a, 3, 3, false).add(t, 3, 3, true).add(vs, 3, 3, true);
  call.add(wr, 3, 1, true).add(wi, 3, 1, true).add(sdim, 1, 1, true);
  call.add(info, 1, 1, true).options({'V', 'N'});
  call.run();
  EXPECT_EQ(info[0], 0);
  EXPECT_EQ(sdim[0], 0);
  expectNear(matmul(matmul(vs, t, 3, 3, 3), adjoint(vs, 3, 3), 3, 3, 3), a,
             1e-12);
}

TEST(Lapack, GehrdAndSytrdKeepInvariants) {
  std::vector<double> a = {1,  2, 3, 4, 5, 6, 7, 8,
                           10, 1, 0, 1, 2, 2, 2, 3}; // 4x4
  std::vector<double> h(16), tau(3);
  std::vector<int32_t> info(1, -7);
  Args hess(JAXC_LAPACK_GEHRD, JAXC_DTYPE_F64, 1);
  hess.add(a, 4, 4, false).add(h, 4, 4, true).add(tau, 3, 1, true);
  hess.add(info, 1, 1, true).options({1, 4});
  hess.run();
  EXPECT_EQ(info[0], 0);
  EXPECT_EQ(h[0], 1);     // the first column is only scaled by reflectors
  EXPECT_NE(tau[0], 0.0); // a reflector was needed
  std::vector<double> spd = kSpd, out(9), d(3), e(2), tau2(2);
  Args tri(JAXC_LAPACK_SYTRD, JAXC_DTYPE_F64, 1);
  tri.add(spd, 3, 3, false).add(out, 3, 3, true).add(d, 3, 1, true);
  tri.add(e, 2, 1, true).add(tau2, 2, 1, true).add(info, 1, 1, true);
  tri.options({'L'});
  tri.run();
  EXPECT_EQ(info[0], 0);
  // The trace and the Frobenius norm survive the similarity transform.
  EXPECT_NEAR(d[0] + d[1] + d[2], 15, 1e-12);
  double norm =
      d[0] * d[0] + d[1] * d[1] + d[2] * d[2] + 2 * (e[0] * e[0] + e[1] * e[1]);
  EXPECT_NEAR(norm, 16 + 25 + 36 + 2 * (4 + 4 + 9), 1e-10);
}

TEST(Lapack, GtsvSolves) {
  // dl[0] and du[2] lie outside the matrix, as in JAX.
  std::vector<double> dl = {0, 1, 1}, d = {4, 4, 4}, du = {1, 1, 0};
  std::vector<double> x = {1, 2, 3};
  std::vector<double> b = {4 * 1 + 2, 1 + 4 * 2 + 3, 2 + 4 * 3};
  std::vector<double> dlOut(3), dOut(3), duOut(3), xOut(3);
  std::vector<int32_t> info(1, -7);
  Args call(JAXC_LAPACK_GTSV, JAXC_DTYPE_F64, 1);
  call.add(dl, 3, 1, false).add(d, 3, 1, false).add(du, 3, 1, false);
  call.add(b, 3, 1, false).add(dlOut, 3, 1, true).add(dOut, 3, 1, true);
  call.add(duOut, 3, 1, true).add(xOut, 3, 1, true).add(info, 1, 1, true);
  call.run();
  EXPECT_EQ(info[0], 0);
  expectNear(xOut, x, 1e-12);
}

TEST(Lapack, MissingLibraryNamesRoutineAndLibrary) {
  std::vector<float> a = {4, 0, 0, 4}, l(4, 1);
  std::vector<int32_t> info(1, 7);
  Args call(JAXC_LAPACK_POTRF, JAXC_DTYPE_F32, 1);
  call.add(a, 2, 2, false).add(l, 2, 2, true).add(info, 1, 1, true);
  call.options({'L'});
  std::string error =
      runLapackWithLibrary("libjaxc-no-such-lapack.so.3", call.args);
  EXPECT_NE(error.find("spotrf"), std::string::npos) << error;
  EXPECT_NE(error.find("libjaxc-no-such-lapack.so.3"), std::string::npos)
      << error;
  // The results are zeros, not what the buffers held.
  EXPECT_EQ(l, std::vector<float>(4, 0));
  EXPECT_EQ(info[0], 0);
}

} // namespace
