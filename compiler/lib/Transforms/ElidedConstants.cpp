//===- ElidedConstants.cpp - Reject or fill elided constants --------------===//

#include "jaxc/Transforms/Passes.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include <algorithm>
#include <complex>

namespace jaxc {
#define GEN_PASS_DEF_ELIDEDCONSTANTSPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

// A resource attribute without data: JAX's `dense_resource<__elided__>`, or
// any resource the file names but does not hold.
bool isElided(Attribute attr) {
  auto resource = dyn_cast<DenseResourceElementsAttr>(attr);
  return resource && !resource.getRawHandle().getBlob();
}

// splitmix64: small, fast and well mixed even for seeds 0, 1, 2, ...
class SplitMix64 {
public:
  explicit SplitMix64(uint64_t seed) : state(seed) {}
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  // In [-0.5, 0.5), 24 random bits: exact in every float type from f32 up.
  double nextReal() {
    return static_cast<double>(next() >> 40) * 0x1p-24 - 0.5;
  }

private:
  uint64_t state;
};

// A dense attribute of `type` whose elements `generate` returns in order.
template <typename T, typename Generate>
DenseElementsAttr denseOf(ShapedType type, Generate generate) {
  std::vector<T> values;
  values.reserve(type.getNumElements());
  for (int64_t i = 0; i < type.getNumElements(); ++i)
    values.push_back(generate());
  return DenseElementsAttr::get(type, llvm::ArrayRef<T>(values));
}

// Pseudo-random data for `type`, or null for an element type jaxc cannot
// fill. f32, f64 and complex go through C++ types, as ResNet-sized weights
// would be slow one APFloat at a time.
DenseElementsAttr pseudoRandomData(ShapedType type, SplitMix64 &random) {
  Type element = type.getElementType();
  auto real = [&] { return random.nextReal(); };
  if (element.isF32())
    return denseOf<float>(type, real);
  if (element.isF64())
    return denseOf<double>(type, real);
  if (auto complex = dyn_cast<ComplexType>(element)) {
    if (complex.getElementType().isF32())
      return denseOf<std::complex<float>>(type, [&] {
        return std::complex<float>(random.nextReal(), random.nextReal());
      });
    if (complex.getElementType().isF64())
      return denseOf<std::complex<double>>(type, [&] {
        return std::complex<double>(random.nextReal(), random.nextReal());
      });
    return {};
  }
  if (auto floatType = dyn_cast<FloatType>(element)) {
    return denseOf<APFloat>(type, [&] {
      APFloat value(random.nextReal());
      bool losesInfo;
      value.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                    &losesInfo);
      return value;
    });
  }
  if (auto integer = dyn_cast<IntegerType>(element)) {
    unsigned width = integer.getWidth();
    // Small values keep integer arithmetic (indices, shifts) in range.
    bool isSigned = !integer.isUnsigned() && width > 1;
    unsigned randomBits = std::min(width, 4u);
    return denseOf<APInt>(type, [&] {
      int64_t value = static_cast<int64_t>(random.next() >> (64 - randomBits));
      if (isSigned)
        value -= int64_t(1) << (randomBits - 1);
      return APInt(width, value, /*isSigned=*/isSigned);
    });
  }
  return {};
}

struct ElidedConstantsPass
    : jaxc::impl::ElidedConstantsPassBase<ElidedConstantsPass> {
  using ElidedConstantsPassBase::ElidedConstantsPassBase;

  void runOnOperation() override {
    // Each op's elided attributes, in walk order (the seeds).
    SmallVector<std::pair<Operation *, NamedAttribute>> elided;
    getOperation().walk([&](Operation *op) {
      for (NamedAttribute attr : op->getAttrDictionary())
        if (isElided(attr.getValue()))
          elided.emplace_back(op, attr);
    });
    if (elided.empty())
      return;
    if (!fill)
      return reportElided(elided);

    for (auto [index, entry] : llvm::enumerate(elided)) {
      auto [op, attr] = entry;
      auto resource = cast<DenseResourceElementsAttr>(attr.getValue());
      SplitMix64 random(index);
      DenseElementsAttr data = pseudoRandomData(resource.getType(), random);
      if (!data) {
        op->emitOpError() << "cannot fill the elided constant of type "
                          << resource.getType();
        return signalPassFailure();
      }
      op->setAttr(attr.getName(), data);
    }
  }

  // One error, at the first elided constant; the rest are counted.
  void reportElided(ArrayRef<std::pair<Operation *, NamedAttribute>> elided) {
    auto [op, attr] = elided.front();
    auto resource = cast<DenseResourceElementsAttr>(attr.getValue());
    InFlightDiagnostic diag =
        op->emitOpError()
        << "constant's data was elided from the export (dense_resource<"
        << resource.getRawHandle().getKey()
        << ">); pass --fill-elided-constants to fill it with deterministic "
           "pseudo-random values for benchmarking";
    if (elided.size() > 1)
      diag << " (" << elided.size() - 1 << " more elided constants follow)";
    signalPassFailure();
  }
};

} // namespace
