//===- lapack.cc - JAX's LAPACK custom calls on the system's LAPACK -------===//
//
// Each routine loops over the batch: the element's matrix is copied into a
// column-major workspace (LAPACK's order; jaxc's buffers are row-major),
// the workspace sizes are queried (lwork = -1) and allocated, the routine
// runs, and its outputs are copied back row-major with info per element.
// Calls follow the Fortran ABI: every argument by pointer, then one hidden
// length (size_t, gfortran >= 8) per character argument.
//
//===----------------------------------------------------------------------===//

#include "kernels/lapack.h"

#include <dlfcn.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <vector>

namespace jaxc::runtime::impl {
namespace {

thread_local std::string pendingError;

void recordError(const std::string &message) {
  if (pendingError.empty())
    pendingError = message;
}

// A dlopen'd LAPACK and the routines found in it. Never closed: generated
// code may call it until the process exits.
struct Library {
  std::string name;
  void *handle = nullptr;
  std::string openError;
  std::mutex mutex;
  std::map<std::string, void *> routines;
};

Library &openLibrary(const std::string &name) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Library>> libraries;
  std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<Library> &library = libraries[name];
  if (!library) {
    library = std::make_unique<Library>();
    library->name = name;
    library->handle = dlopen(name.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!library->handle) {
      const char *error = dlerror();
      library->openError = error ? error : "unknown dlopen error";
    }
  }
  return *library;
}

// The routine `symbol` (e.g. "spotrf_"), or null with the error recorded.
// BLAS routines (trsm) come from the library's own dependency on libblas.
void *findRoutine(Library &library, const std::string &symbol) {
  std::string routine = symbol.substr(0, symbol.size() - 1);
  if (!library.handle) {
    recordError("LAPACK routine " + routine + ": cannot load " + library.name +
                " (" + library.openError +
                "); install liblapack3 or set JAXC_LAPACK_LIBRARY");
    return nullptr;
  }
  std::lock_guard<std::mutex> lock(library.mutex);
  auto found = library.routines.find(symbol);
  if (found != library.routines.end())
    return found->second;
  void *address = dlsym(library.handle, symbol.c_str());
  if (!address)
    recordError("LAPACK routine " + routine + " is not in " + library.name);
  return library.routines[symbol] = address;
}

template <typename T> struct RealOf { using type = T; };
template <typename T> struct RealOf<std::complex<T>> { using type = T; };
template <typename T> using Real = typename RealOf<T>::type;
template <typename T> constexpr bool kIsComplex = !std::is_same_v<T, Real<T>>;

template <typename T> char precision() {
  if constexpr (std::is_same_v<T, float>)
    return 's';
  else if constexpr (std::is_same_v<T, double>)
    return 'd';
  else if constexpr (std::is_same_v<T, std::complex<float>>)
    return 'c';
  else
    return 'z';
}

// Fortran's LAPACK routines; data pointers are void* since one type serves
// s, d, c and z.
using Len = size_t;
using Int = int32_t;
using PotrfFn = void(const char *, const Int *, void *, const Int *, Int *,
                     Len);
using GetrfFn = void(const Int *, const Int *, void *, const Int *, Int *,
                     Int *);
using GeqrfFn = void(const Int *, const Int *, void *, const Int *, void *,
                     void *, const Int *, Int *);
using OrgqrFn = void(const Int *, const Int *, const Int *, void *, const Int *,
                     const void *, void *, const Int *, Int *);
using SyevdFn = void(const char *, const char *, const Int *, void *,
                     const Int *, void *, void *, const Int *, Int *,
                     const Int *, Int *, Len, Len);
using HeevdFn = void(const char *, const char *, const Int *, void *,
                     const Int *, void *, void *, const Int *, void *,
                     const Int *, Int *, const Int *, Int *, Len, Len);
using TrsmFn = void(const char *, const char *, const char *, const char *,
                    const Int *, const Int *, const void *, const void *,
                    const Int *, void *, const Int *, Len, Len, Len, Len);
using RealGesddFn = void(const char *, const Int *, const Int *, void *,
                         const Int *, void *, void *, const Int *, void *,
                         const Int *, void *, const Int *, Int *, Int *, Len);
using ComplexGesddFn = void(const char *, const Int *, const Int *, void *,
                            const Int *, void *, void *, const Int *, void *,
                            const Int *, void *, const Int *, void *, Int *,
                            Int *, Len);
using RealGesvdFn = void(const char *, const char *, const Int *, const Int *,
                         void *, const Int *, void *, void *, const Int *,
                         void *, const Int *, void *, const Int *, Int *, Len,
                         Len);
using ComplexGesvdFn = void(const char *, const char *, const Int *,
                            const Int *, void *, const Int *, void *, void *,
                            const Int *, void *, const Int *, void *,
                            const Int *, void *, Int *, Len, Len);
using RealGeevFn = void(const char *, const char *, const Int *, void *,
                        const Int *, void *, void *, void *, const Int *,
                        void *, const Int *, void *, const Int *, Int *, Len,
                        Len);
using ComplexGeevFn = void(const char *, const char *, const Int *, void *,
                           const Int *, void *, void *, const Int *, void *,
                           const Int *, void *, const Int *, void *, Int *, Len,
                           Len);
using RealGeesFn = void(const char *, const char *, void *, const Int *, void *,
                        const Int *, Int *, void *, void *, void *, const Int *,
                        void *, const Int *, Int *, Int *, Len, Len);
using ComplexGeesFn = void(const char *, const char *, void *, const Int *,
                           void *, const Int *, Int *, void *, void *,
                           const Int *, void *, const Int *, void *, Int *,
                           Int *, Len, Len);
using GehrdFn = void(const Int *, const Int *, const Int *, void *, const Int *,
                     void *, void *, const Int *, Int *);
using SytrdFn = void(const char *, const Int *, void *, const Int *, void *,
                     void *, void *, void *, const Int *, Int *, Len);
using GtsvFn = void(const Int *, const Int *, void *, void *, void *, void *,
                    const Int *, Int *);

void copyToColumnMajor(const void *rowMajor, int64_t rows, int64_t cols,
                       size_t bytes, void *columnMajor) {
  auto *from = static_cast<const char *>(rowMajor);
  auto *to = static_cast<char *>(columnMajor);
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      std::memcpy(to + (j * rows + i) * bytes, from + (i * cols + j) * bytes,
                  bytes);
}

void copyToRowMajor(const void *columnMajor, int64_t rows, int64_t cols,
                    size_t bytes, void *rowMajor) {
  auto *from = static_cast<const char *>(columnMajor);
  auto *to = static_cast<char *>(rowMajor);
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      std::memcpy(to + (i * cols + j) * bytes, from + (j * rows + i) * bytes,
                  bytes);
}

// The optimal workspace size a query (lwork = -1) left in `query`.
template <typename T> Int workspaceSize(T query) {
  double size = std::ceil(static_cast<double>(std::real(query)));
  return static_cast<Int>(
      std::clamp<double>(size, 1, std::numeric_limits<Int>::max()));
}

// One call's buffers, addressed per batch element.
class Call {
public:
  Call(Library &library, const jaxc_lapack_args_t &args)
      : library(library), args(args) {}

  int64_t batch() const { return args.batch; }
  int64_t rows(unsigned buffer) const { return args.rows[buffer]; }
  int64_t cols(unsigned buffer) const { return args.cols[buffer]; }
  unsigned result(unsigned index) const { return args.input_count + index; }
  char option(unsigned index) const {
    return static_cast<char>(args.options[index]);
  }
  Int dim(unsigned buffer, bool columns) const {
    return static_cast<Int>(columns ? cols(buffer) : rows(buffer));
  }

  // Element `b` of buffer `buffer`.
  template <typename U> U *at(unsigned buffer, int64_t b) const {
    return static_cast<U *>(args.buffers[buffer]) +
           b * rows(buffer) * cols(buffer);
  }

  // Element b of input `buffer` as a column-major matrix.
  template <typename U>
  std::vector<U> columnMajor(unsigned buffer, int64_t b) const {
    std::vector<U> matrix(rows(buffer) * cols(buffer));
    copyToColumnMajor(at<U>(buffer, b), rows(buffer), cols(buffer), sizeof(U),
                      matrix.data());
    return matrix;
  }

  // Stores a column-major rows x cols matrix as element b of `buffer`.
  template <typename U>
  void store(const std::vector<U> &matrix, unsigned buffer, int64_t b) const {
    copyToRowMajor(matrix.data(), rows(buffer), cols(buffer), sizeof(U),
                   at<U>(buffer, b));
  }

  template <typename Fn> Fn *routine(const char *name) const {
    return reinterpret_cast<Fn *>(findRoutine(library, name));
  }

  // Every dimension must fit LAPACK's 32-bit integers.
  bool checkSizes(const char *routineName) const {
    for (unsigned i = 0; i < args.input_count + args.result_count; ++i)
      if (rows(i) > std::numeric_limits<Int>::max() ||
          cols(i) > std::numeric_limits<Int>::max()) {
        recordError(std::string("LAPACK routine ") + routineName +
                    ": a dimension exceeds LAPACK's 32-bit integers");
        return false;
      }
    return true;
  }

private:
  Library &library;
  const jaxc_lapack_args_t &args;
};

template <typename T> std::string name(const char *routine) {
  return std::string(1, precision<T>()) + routine + "_";
}

constexpr Len kOne = 1;

template <typename T> bool potrf(const Call &call) {
  auto *fn = call.routine<PotrfFn>(name<T>("potrf").c_str());
  if (!fn)
    return false;
  char uplo = call.option(0);
  Int n = call.dim(0, false);
  for (int64_t b = 0; b < call.batch(); ++b) {
    std::vector<T> a = call.columnMajor<T>(0, b);
    Int info = 0;
    if (n > 0)
      fn(&uplo, &n, a.data(), &n, &info, kOne);
    call.store(a, call.result(0), b);
    *call.at<Int>(call.result(1), b) = info;
  }
  return true;
}

template <typename T> bool getrf(const Call &call) {
  auto *fn = call.routine<GetrfFn>(name<T>("getrf").c_str());
  if (!fn)
    return false;
  Int m = call.dim(0, false), n = call.dim(0, true);
  Int lda = std::max<Int>(m, 1);
  for (int64_t b = 0; b < call.batch(); ++b) {
    std::vector<T> a = call.columnMajor<T>(0, b);
    Int info = 0;
    if (m > 0 && n > 0)
      fn(&m, &n, a.data(), &lda, call.at<Int>(call.result(1), b), &info);
    call.store(a, call.result(0), b);
    *call.at<Int>(call.result(2), b) = info;
  }
  return true;
}

template <typename T> bool geqrf(const Call &call) {
  auto *fn = call.routine<GeqrfFn>(name<T>("geqrf").c_str());
  if (!fn)
    return false;
  Int m = call.dim(0, false), n = call.dim(0, true);
  Int lda = std::max<Int>(m, 1);
  T query{};
  Int lwork = -1, info = 0;
  fn(&m, &n, nullptr, &lda, nullptr, &query, &lwork, &info);
  lwork = workspaceSize(query);
  std::vector<T> work(lwork);
  for (int64_t b = 0; b < call.batch(); ++b) {
    std::vector<T> a = call.columnMajor<T>(0, b);
    if (m > 0 && n > 0)
      fn(&m, &n, a.data(), &lda, call.at<T>(call.result(1), b), work.data(),
         &lwork, &info);
    call.store(a, call.result(0), b);
  }
  return true;
}

template <typename T> bool orgqr(const Call &call) {
  auto *fn =
      call.routine<OrgqrFn>(name<T>(kIsComplex<T> ? "ungqr" : "orgqr").c_str());
  if (!fn)
    return false;
  Int m = call.dim(0, false), n = call.dim(0, true), k = call.dim(1, false);
  Int lda = std::max<Int>(m, 1);
  T query{};
  Int lwork = -1, info = 0;
  fn(&m, &n, &k, nullptr, &lda, nullptr, &query, &lwork, &info);
  lwork = workspaceSize(query);
  std::vector<T> work(lwork);
  for (int64_t b = 0; b < call.batch(); ++b) {
    std::vector<T> a = call.columnMajor<T>(0, b);
    if (m > 0 && n > 0)
      fn(&m, &n, &k, a.data(), &lda, call.at<T>(1, b), work.data(), &lwork,
         &info);
    call.store(a, call.result(0), b);
  }
  return true;
}

template <typename T> bool syevd(const Call &call) {
  char uplo = call.option(0), jobz = call.option(1);
  Int n = call.dim(0, false);
  Int lda = std::max<Int>(n, 1);
  T query{};
  Real<T> rquery{};
  Int iquery = 0, lwork = -1, lrwork = -1, liwork = -1, info = 0;
  std::vector<T> work;
  std::vector<Real<T>> rwork;
  std::vector<Int> iwork;
  auto run = [&](auto *fn, T *a, Real<T> *w) {
    if constexpr (kIsComplex<T>)
      fn(&jobz, &uplo, &n, a, &lda, w, work.data(), &lwork, rwork.data(),
         &lrwork, iwork.data(), &liwork, &info, kOne, kOne);
    else
      fn(&jobz, &uplo, &n, a, &lda, w, work.data(), &lwork, iwork.data(),
         &liwork, &info, kOne, kOne);
  };
  using Fn = std::conditional_t<kIsComplex<T>, HeevdFn, SyevdFn>;
  auto *fn =
      call.routine<Fn>(name<T>(kIsComplex<T> ? "heevd" : "syevd").c_str());
  if (!fn)
    return false;
  // The query writes its sizes into the first element of each workspace.
  work.assign(1, T{});
  rwork.assign(1, Real<T>{});
  iwork.assign(1, 0);
  run(fn, nullptr, nullptr);
  query = work[0];
  rquery = rwork[0];
  iquery = iwork[0];
  lwork = workspaceSize(query);
  lrwork = workspaceSize(rquery);
  liwork = std::max<Int>(iquery, 1);
  work.assign(lwork, T{});
  rwork.assign(lrwork, Real<T>{});
  iwork.assign(liwork, 0);
  for (int64_t b = 0; b < call.batch(); ++b) {
    std::vector<T> a = call.columnMajor<T>(0, b);
    info = 0;
    if (n > 0)
      run(fn, a.data(), call.at<Real<T>>(call.result(1), b));
    call.store(a, call.result(0), b);
    *call.at<Int>(call.result(2), b) = info;
  }
  return true;
}

template <typename T> bool trsm(const Call &call) {
  auto *fn = call.routine<TrsmFn>(name<T>("trsm").c_str());
  if (!fn)
    return false;
  char side = call.option(0), uplo = call.option(1), trans = call.option(2),
       diag = call.option(3);
  Int m = call.dim(1, false), n = call.dim(1, true);
  Int lda = std::max<Int>(call.dim(0, false), 1), ldb = std::max<Int>(m, 1);
  T one(1);
  for (int64_t b = 0; b < call.batch(); ++b) {
    std::vector<T> a = call.columnMajor<T>(0, b);
    std::vector<T> x = call.columnMajor<T>(1, b);
    if (m > 0 && n > 0)
      fn(&side, &uplo, &trans, &diag, &m, &n, &one, a.data(), &lda, x.data(),
         &ldb, kOne, kOne, kOne, kOne);
    call.store(x, call.result(0), b);
  }
  return true;
}

// gesdd (divide and conquer) and gesvd (QR iteration) share their
// arguments but for gesvd's two job characters and workspaces.
template <typename T, bool kQr> bool svd(const Call &call) {
  using Fn = std::conditional_t<
      kQr, std::conditional_t<kIsComplex<T>, ComplexGesvdFn, RealGesvdFn>,
      std::conditional_t<kIsComplex<T>, ComplexGesddFn, RealGesddFn>>;
  auto *fn = call.routine<Fn>(name<T>(kQr ? "gesvd" : "gesdd").c_str());
  if (!fn)
    return false;
  char jobz = call.option(0);
  Int m = call.dim(0, false), n = call.dim(0, true);
  Int lda = std::max<Int>(m, 1), ldu = lda;
  unsigned u = call.result(2), vt = call.result(3);
  Int ldvt = std::max<Int>(call.dim(vt, false), 1);
  int64_t mn = std::min(m, n), mx = std::max(m, n);
  std::vector<Int> iwork(kQr ? 0 : std::max<int64_t>(8 * mn, 1));
  std::vector<Real<T>> rwork;
  if constexpr (kIsComplex<T>)
    rwork.resize(std::max<int64_t>(
        kQr ? 5 * mn
        : jobz == 'N'
            ? 7 * mn
            : std::max(5 * mn * mn + 5 * mn, 2 * mx * mn + 2 * mn * mn + mn),
        1));
  std::vector<T> work(1);
  Int lwork = -1, info = 0;
  auto run = [&](T *a, Real<T> *s, T *uData, T *vtData) {
    if constexpr (kQr && kIsComplex<T>)
      fn(&jobz, &jobz, &m, &n, a, &lda, s, uData, &ldu, vtData, &ldvt,
         work.data(), &lwork, rwork.data(), &info, kOne, kOne);
    else if constexpr (kQr)
      fn(&jobz, &jobz, &m, &n, a, &lda, s, uData, &ldu, vtData, &ldvt,
         work.data(), &lwork, &info, kOne, kOne);
    else if constexpr (kIsComplex<T>)
      fn(&jobz, &m, &n, a, &lda, s, uData, &ldu, vtData, &ldvt, work.data(),
         &lwork, rwork.data(), iwork.data(), &info, kOne);
    else
      fn(&jobz, &m, &n, a, &lda, s, uData, &ldu, vtData, &ldvt, work.data(),
         &lwork, iwork.data(), &info, kOne);
  };
  run(nullptr, nullptr, nullptr, nullptr);
  lwork = workspaceSize(work[0]);
  work.assign(lwork, T{});
  bool vectors = jobz != 'N';
  for (int64_t b = 0; b < call.batch(); ++b) {
    std::vector<T> a = call.columnMajor<T>(0, b);
    std::vector<T> uMatrix(vectors ? call.rows(u) * call.cols(u) : 0);
    std::vector<T> vtMatrix(vectors ? call.rows(vt) * call.cols(vt) : 0);
    info = 0;
    if (m > 0 && n > 0)
      run(a.data(), call.at<Real<T>>(call.result(1), b), uMatrix.data(),
          vtMatrix.data());
    call.store(a, call.result(0), b);
    if (vectors) {
      call.store(uMatrix, u, b);
      call.store(vtMatrix, vt, b);
    } else {
      std::fill_n(call.at<T>(u, b), call.rows(u) * call.cols(u), T{});
      std::fill_n(call.at<T>(vt, b), call.rows(vt) * call.cols(vt), T{});
    }
    *call.at<Int>(call.result(4), b) = info;
  }
  return true;
}

template <typename T> bool allFinite(const std::vector<T> &values) {
  return std::all_of(values.begin(), values.end(), [](const T &value) {
    return std::isfinite(std::real(value)) && std::isfinite(std::imag(value));
  });
}

// LAPACK's real eigenvectors hold a complex pair (j, j+1) as columns j
// (real part) and j+1 (imaginary part); unpacks them into complex columns.
template <typename R>
std::vector<std::complex<R>> unpackEigenvectors(const std::vector<R> &packed,
                                                const R *imag, Int n) {
  std::vector<std::complex<R>> vectors(packed.size());
  for (Int j = 0; j < n;) {
    if (imag[j] == 0 || std::isnan(imag[j]) || j + 1 == n) {
      for (Int i = 0; i < n; ++i)
        vectors[j * n + i] = packed[j * n + i];
      ++j;
      continue;
    }
    for (Int i = 0; i < n; ++i) {
      R re = packed[j * n + i], im = packed[(j + 1) * n + i];
      vectors[j * n + i] = {re, im};
      vectors[(j + 1) * n + i] = {re, -im};
    }
    j += 2;
  }
  return vectors;
}

template <typename T> bool geev(const Call &call) {
  using Fn = std::conditional_t<kIsComplex<T>, ComplexGeevFn, RealGeevFn>;
  auto *fn = call.routine<Fn>(name<T>("geev").c_str());
  if (!fn)
    return false;
  char jobvl = call.option(0), jobvr = call.option(1);
  Int n = call.dim(0, false);
  Int lda = std::max<Int>(n, 1);
  Int ldvl = jobvl == 'V' ? lda : 1, ldvr = jobvr == 'V' ? lda : 1;
  // Results: (wr, wi | w), vl, vr, info.
  constexpr unsigned kValues = kIsComplex<T> ? 1 : 2;
  unsigned vl = call.result(kValues), vr = call.result(kValues + 1),
           infoOut = call.result(kValues + 2);
  std::vector<Real<T>> rwork(kIsComplex<T> ? std::max<Int>(2 * n, 1) : 0);
  std::vector<T> work(1), left(jobvl == 'V' ? int64_t(n) * n : 1),
      right(jobvr == 'V' ? int64_t(n) * n : 1);
  Int lwork = -1, info = 0;
  auto run = [&](T *a, T *w, T *wi) {
    if constexpr (kIsComplex<T>)
      fn(&jobvl, &jobvr, &n, a, &lda, w, left.data(), &ldvl, right.data(),
         &ldvr, work.data(), &lwork, rwork.data(), &info, kOne, kOne);
    else
      fn(&jobvl, &jobvr, &n, a, &lda, w, wi, left.data(), &ldvl, right.data(),
         &ldvr, work.data(), &lwork, &info, kOne, kOne);
  };
  std::vector<T> wQuery(std::max<Int>(n, 1)), wiQuery(wQuery.size());
  run(nullptr, wQuery.data(), wiQuery.data());
  lwork = workspaceSize(work[0]);
  work.assign(lwork, T{});
  using C = std::complex<Real<T>>;
  size_t vectorCount = size_t(n) * n;
  for (int64_t b = 0; b < call.batch(); ++b) {
    std::vector<T> a = call.columnMajor<T>(0, b);
    T *w = call.at<T>(call.result(0), b);
    T *wi = kIsComplex<T> ? nullptr : call.at<T>(call.result(1), b);
    std::fill_n(call.at<C>(vl, b), vectorCount, C{});
    std::fill_n(call.at<C>(vr, b), vectorCount, C{});
    info = 0;
    if (!allFinite(a)) {
      info = -4;
    } else if (n > 0) {
      run(a.data(), w, wi);
      if (info == 0) {
        auto store = [&](const std::vector<T> &packed, unsigned buffer) {
          if constexpr (kIsComplex<T>)
            call.store(packed, buffer, b);
          else
            call.store(unpackEigenvectors(packed, wi, n), buffer, b);
        };
        if (jobvl == 'V')
          store(left, vl);
        if (jobvr == 'V')
          store(right, vr);
      }
    }
    *call.at<Int>(infoOut, b) = info;
  }
  return true;
}

template <typename T> bool gees(const Call &call) {
  using Fn = std::conditional_t<kIsComplex<T>, ComplexGeesFn, RealGeesFn>;
  auto *fn = call.routine<Fn>(name<T>("gees").c_str());
  if (!fn)
    return false;
  char jobvs = call.option(0), sort = call.option(1);
  Int n = call.dim(0, false);
  Int lda = std::max<Int>(n, 1), ldvs = jobvs == 'V' ? lda : 1;
  // Results: t, vs, (wr, wi | w), sdim, info.
  constexpr unsigned kValues = kIsComplex<T> ? 1 : 2;
  unsigned sdimOut = call.result(2 + kValues),
           infoOut = call.result(3 + kValues);
  std::vector<Real<T>> rwork(kIsComplex<T> ? std::max<Int>(n, 1) : 0);
  std::vector<T> work(1), vs(jobvs == 'V' ? int64_t(n) * n : 1);
  Int lwork = -1, info = 0, sdim = 0;
  auto run = [&](T *a, T *w, T *wi) {
    if constexpr (kIsComplex<T>)
      fn(&jobvs, &sort, nullptr, &n, a, &lda, &sdim, w, vs.data(), &ldvs,
         work.data(), &lwork, rwork.data(), nullptr, &info, kOne, kOne);
    else
      fn(&jobvs, &sort, nullptr, &n, a, &lda, &sdim, w, wi, vs.data(), &ldvs,
         work.data(), &lwork, nullptr, &info, kOne, kOne);
  };
  std::vector<T> wQuery(std::max<Int>(n, 1)), wiQuery(wQuery.size());
  run(nullptr, wQuery.data(), wiQuery.data());
  lwork = workspaceSize(work[0]);
  work.assign(lwork, T{});
  unsigned vsOut = call.result(1);
  for (int64_t b = 0; b < call.batch(); ++b) {
    std::vector<T> a = call.columnMajor<T>(0, b);
    T *w = call.at<T>(call.result(2), b);
    T *wi = kIsComplex<T> ? nullptr : call.at<T>(call.result(3), b);
    info = 0;
    sdim = 0;
    if (n > 0)
      run(a.data(), w, wi);
    call.store(a, call.result(0), b);
    if (jobvs == 'V')
      call.store(vs, vsOut, b);
    else
      std::fill_n(call.at<T>(vsOut, b), size_t(n) * n, T{});
    *call.at<Int>(sdimOut, b) = sdim;
    *call.at<Int>(infoOut, b) = info;
  }
  return true;
}

template <typename T> bool gehrd(const Call &call) {
  auto *fn = call.routine<GehrdFn>(name<T>("gehrd").c_str());
  if (!fn)
    return false;
  Int n = call.dim(0, false);
  Int lda = std::max<Int>(n, 1);
  Int ilo = static_cast<Int>(call.option(0)),
      ihi = static_cast<Int>(call.option(1));
  T query{};
  Int lwork = -1, info = 0;
  fn(&n, &ilo, &ihi, nullptr, &lda, nullptr, &query, &lwork, &info);
  lwork = workspaceSize(query);
  std::vector<T> work(lwork);
  for (int64_t b = 0; b < call.batch(); ++b) {
    std::vector<T> a = call.columnMajor<T>(0, b);
    info = 0;
    if (n > 0)
      fn(&n, &ilo, &ihi, a.data(), &lda, call.at<T>(call.result(1), b),
         work.data(), &lwork, &info);
    call.store(a, call.result(0), b);
    *call.at<Int>(call.result(2), b) = info;
  }
  return true;
}

template <typename T> bool sytrd(const Call &call) {
  auto *fn =
      call.routine<SytrdFn>(name<T>(kIsComplex<T> ? "hetrd" : "sytrd").c_str());
  if (!fn)
    return false;
  char uplo = call.option(0);
  Int n = call.dim(0, false);
  Int lda = std::max<Int>(n, 1);
  T query{};
  Int lwork = -1, info = 0;
  fn(&uplo, &n, nullptr, &lda, nullptr, nullptr, nullptr, &query, &lwork, &info,
     kOne);
  lwork = workspaceSize(query);
  std::vector<T> work(lwork);
  for (int64_t b = 0; b < call.batch(); ++b) {
    std::vector<T> a = call.columnMajor<T>(0, b);
    info = 0;
    if (n > 0)
      fn(&uplo, &n, a.data(), &lda, call.at<Real<T>>(call.result(1), b),
         call.at<Real<T>>(call.result(2), b), call.at<T>(call.result(3), b),
         work.data(), &lwork, &info, kOne);
    call.store(a, call.result(0), b);
    *call.at<Int>(call.result(4), b) = info;
  }
  return true;
}

// JAX's dl and du have the matrix's order: dl[0] and du[n-1] lie outside
// it, so LAPACK gets dl from its second element.
template <typename T> bool gtsv(const Call &call) {
  auto *fn = call.routine<GtsvFn>(name<T>("gtsv").c_str());
  if (!fn)
    return false;
  Int n = call.dim(3, false), nrhs = call.dim(3, true);
  Int ldb = std::max<Int>(n, 1);
  for (int64_t b = 0; b < call.batch(); ++b) {
    T *diagonals[3];
    for (unsigned i = 0; i < 3; ++i) {
      diagonals[i] = call.at<T>(call.result(i), b);
      std::copy_n(call.at<T>(i, b), n, diagonals[i]);
    }
    std::vector<T> x = call.columnMajor<T>(3, b);
    Int info = 0;
    if (n > 0 && nrhs > 0)
      fn(&n, &nrhs, diagonals[0] + 1, diagonals[1], diagonals[2], x.data(),
         &ldb, &info);
    call.store(x, call.result(3), b);
    *call.at<Int>(call.result(4), b) = info;
  }
  return true;
}

template <typename T> bool dispatch(const Call &call, uint32_t routine) {
  switch (routine) {
  case JAXC_LAPACK_POTRF:
    return potrf<T>(call);
  case JAXC_LAPACK_GETRF:
    return getrf<T>(call);
  case JAXC_LAPACK_GEQRF:
    return geqrf<T>(call);
  case JAXC_LAPACK_ORGQR:
    return orgqr<T>(call);
  case JAXC_LAPACK_SYEVD:
    return syevd<T>(call);
  case JAXC_LAPACK_TRSM:
    return trsm<T>(call);
  case JAXC_LAPACK_GESDD:
    return svd<T, false>(call);
  case JAXC_LAPACK_GESVD:
    return svd<T, true>(call);
  case JAXC_LAPACK_GEEV:
    return geev<T>(call);
  case JAXC_LAPACK_GEES:
    return gees<T>(call);
  case JAXC_LAPACK_GEHRD:
    return gehrd<T>(call);
  case JAXC_LAPACK_SYTRD:
    return sytrd<T>(call);
  case JAXC_LAPACK_GTSV:
    return gtsv<T>(call);
  }
  recordError("lapack: unknown routine " + std::to_string(routine));
  return false;
}

void run(Library &library, const jaxc_lapack_args_t &args) {
  unsigned count = args.input_count + args.result_count;
  bool ok = false;
  if (count > JAXC_LAPACK_MAX_BUFFERS) {
    recordError("lapack: " + std::to_string(count) + " buffers, at most " +
                std::to_string(JAXC_LAPACK_MAX_BUFFERS));
    return;
  }
  Call call(library, args);
  if (call.checkSizes("lapack")) {
    switch (args.dtype) {
    case JAXC_DTYPE_F32:
      ok = dispatch<float>(call, args.routine);
      break;
    case JAXC_DTYPE_F64:
      ok = dispatch<double>(call, args.routine);
      break;
    case JAXC_DTYPE_COMPLEX64:
      ok = dispatch<std::complex<float>>(call, args.routine);
      break;
    case JAXC_DTYPE_COMPLEX128:
      ok = dispatch<std::complex<double>>(call, args.routine);
      break;
    default:
      recordError("lapack: unsupported element type " +
                  std::to_string(args.dtype));
    }
  }
  if (ok)
    return;
  // The call fails; its results are zeros rather than stale memory.
  for (unsigned i = args.input_count; i < count; ++i)
    std::memset(args.buffers[i], 0,
                args.batch * args.rows[i] * args.cols[i] *
                    args.element_bytes[i]);
}

} // namespace

std::string lapackLibraryName() {
  const char *name = std::getenv("JAXC_LAPACK_LIBRARY");
  return name && *name ? name : "liblapack.so.3";
}

void jaxcLapack(jaxc_context_t *, const jaxc_lapack_args_t *args) {
  static Library &library = openLibrary(lapackLibraryName());
  run(library, *args);
}

std::string takeLapackError() {
  std::string error;
  error.swap(pendingError);
  return error;
}

std::string runLapackWithLibrary(const char *libraryName,
                                 const jaxc_lapack_args_t &args) {
  run(openLibrary(libraryName), args);
  return takeLapackError();
}

} // namespace jaxc::runtime::impl
