//===- LinalgToRuntime.cpp - f32 contractions to the runtime's kernels ----===//
//
// After bufferization, the f32 contractions that DotToLinalg and
// ConvolutionToLinalg emit (a linalg.generic whose body is
// `out + lhs * rhs` on a zero-initialized output) become jaxc_rt ops that
// call the runtime's packed kernels; so do f16 and bf16 matmuls summing in
// f32, their operands widened into f32 buffers first:
//
//  - a contraction whose loops are batch, lhs-free, rhs-free and
//    contracting dimensions, each group collapsible to one dimension of
//    every operand, becomes jaxc_rt.matmul_f32 on [batch, m, k] x
//    [batch, k, n] -> [batch, m, n] views (transpose, collapse_shape and
//    expand_shape; no copies);
//  - a 2-D NHWC x HWIO -> NHWC convolution (any strides, rhs dilation and
//    feature groups) becomes jaxc_rt.conv2d_f32. When its input is a
//    zero-padded copy of another buffer (the spec's padded_lhs), the kernel
//    reads that buffer and pads on the fly instead.
//
// The kernels overwrite their output, so the output's zero initialization
// (a fill, or a copy of a zero-filled buffer) is dropped when nothing else
// reads it. Everything else keeps the generic lowering.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Conversion/Passes.h"
#include "jaxc/Dialect/Runtime/IR/RuntimeOps.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Utils/MemRefUtils.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace jaxc {
#define GEN_PASS_DEF_LINALGTORUNTIMEPASS
#include "jaxc/Conversion/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

//===----------------------------------------------------------------------===//
// Buffer dataflow within a block
//===----------------------------------------------------------------------===//

// The buffer a view addresses: its source through every view op.
Value getRootBuffer(Value value) {
  while (auto view = value.getDefiningOp<ViewLikeOpInterface>())
    value = view.getViewSource();
  return value;
}

enum class Access { None, Read, Write };

// How `op` may access the buffer `root`; ops with unknown effects write.
Access getAccess(Operation *op, Value root) {
  std::optional<SmallVector<MemoryEffects::EffectInstance>> effects =
      getEffectsRecursively(op);
  if (!effects)
    return Access::Write;
  Access access = Access::None;
  for (const MemoryEffects::EffectInstance &effect : *effects) {
    Value value = effect.getValue();
    if (value && getRootBuffer(value) != root)
      continue;
    if (isa<MemoryEffects::Write, MemoryEffects::Free>(effect.getEffect()))
      return Access::Write;
    if (isa<MemoryEffects::Read>(effect.getEffect()))
      access = Access::Read;
  }
  return access;
}

// The last op before `user` in its block that writes `buffer`'s root, or
// null if there is none or another op in between has unknown effects.
Operation *getLastWriter(Value buffer, Operation *user) {
  Value root = getRootBuffer(buffer);
  for (Operation *op = user->getPrevNode(); op; op = op->getPrevNode())
    if (getAccess(op, root) == Access::Write)
      return op;
  return nullptr;
}

// Whether no op strictly between `first` and `last` (same block) accesses
// `root` in a way `forbidden` or worse.
bool untouchedBetween(Operation *first, Operation *last, Value root,
                      Access forbidden) {
  for (Operation *op = first->getNextNode(); op != last; op = op->getNextNode())
    if (getAccess(op, root) >= forbidden)
      return false;
  return true;
}

// The source and target of a copy (linalg.copy, or memref.copy between
// identity layouts).
std::optional<std::pair<Value, Value>> getCopy(Operation *op) {
  if (auto copy = dyn_cast_or_null<linalg::CopyOp>(op))
    return std::pair{copy.getInputs()[0], copy.getOutputs()[0]};
  if (auto copy = dyn_cast_or_null<memref::CopyOp>(op))
    return std::pair{copy.getSource(), copy.getTarget()};
  return std::nullopt;
}

// The op that makes `buffer` all +0 right before `user`: a +0 fill of it,
// or a copy into it of a buffer that is all +0 there (CSE shares one zero
// fill between contractions; bufferization then copies it). Null if the
// contents are not known to be +0.
Operation *getZeroInitializer(Value buffer, Operation *user) {
  Operation *writer = getLastWriter(buffer, user);
  if (auto fill = dyn_cast_or_null<linalg::FillOp>(writer))
    return fill.getOutputs()[0] == buffer &&
                   matchPattern(fill.getInputs()[0], m_PosZeroFloat())
               ? writer
               : nullptr;
  std::optional<std::pair<Value, Value>> copy = getCopy(writer);
  return copy && copy->second == buffer &&
                 getZeroInitializer(copy->first, writer)
             ? writer
             : nullptr;
}

//===----------------------------------------------------------------------===//
// Matching contractions
//===----------------------------------------------------------------------===//

bool isF32MemRef(Value value) {
  auto type = dyn_cast<MemRefType>(value.getType());
  return type && type.getElementType().isF32();
}

bool isHalfFloatMemRef(Value value) {
  auto type = dyn_cast<MemRefType>(value.getType());
  return type && isa<BFloat16Type, Float16Type>(type.getElementType());
}

// The generic's operands when it is `out += lhs * rhs` on f32 memrefs, or
// on f16/bf16 operands the body extends to f32 (DotToLinalg's half-float
// contractions sum in f32): those are widened into f32 copies first (2
// bytes per element more traffic, against a kernel 30x faster than the
// generic loop on a 1024^3 bf16 matmul).
struct Contraction {
  Value lhs, rhs, out;
  AffineMap lhsMap, rhsMap, outMap;
  bool widenLhs = false, widenRhs = false;
};

// The block argument `value` is, directly or through an arith.extf to f32
// (then `widened` is set); null otherwise.
BlockArgument getProductOperand(Value value, bool &widened) {
  widened = false;
  if (auto extend = value.getDefiningOp<arith::ExtFOp>()) {
    if (!extend.getType().isF32())
      return nullptr;
    widened = true;
    value = extend.getIn();
  }
  return dyn_cast<BlockArgument>(value);
}

std::optional<Contraction> matchContraction(linalg::GenericOp op) {
  if (op.getNumDpsInputs() != 2 || op.getNumDpsInits() != 1 ||
      !op.hasPureBufferSemantics())
    return std::nullopt;
  Block &body = op.getRegion().front();
  // mul, add, yield, and an extf per widened operand.
  if (body.getOperations().size() < 3 || body.getOperations().size() > 5)
    return std::nullopt;
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  auto add = yield.getValues()[0].getDefiningOp<arith::AddFOp>();
  if (!add)
    return std::nullopt;
  Value acc = body.getArgument(2);
  Value product = add.getLhs() == acc ? add.getRhs() : add.getLhs();
  auto mul = product.getDefiningOp<arith::MulFOp>();
  if (!mul || (add.getLhs() != acc && add.getRhs() != acc))
    return std::nullopt;
  bool widenFirst, widenSecond;
  BlockArgument first = getProductOperand(mul.getLhs(), widenFirst);
  BlockArgument second = getProductOperand(mul.getRhs(), widenSecond);
  if (!first || !second || first.getOwner() != &body ||
      second.getOwner() != &body ||
      first.getArgNumber() + second.getArgNumber() != 1)
    return std::nullopt;
  Contraction c{op.getDpsInputs()[0],         op.getDpsInputs()[1],
                op.getDpsInits()[0],          op.getIndexingMapsArray()[0],
                op.getIndexingMapsArray()[1], op.getIndexingMapsArray()[2]};
  c.widenLhs = first.getArgNumber() == 0 ? widenFirst : widenSecond;
  c.widenRhs = first.getArgNumber() == 0 ? widenSecond : widenFirst;
  // The extf ops are all the body holds besides mul, add and yield.
  if (body.getOperations().size() != 3u + c.widenLhs + c.widenRhs)
    return std::nullopt;
  auto fits = [](Value operand, bool widen) {
    return widen ? isHalfFloatMemRef(operand) : isF32MemRef(operand);
  };
  if (!fits(c.lhs, c.widenLhs) || !fits(c.rhs, c.widenRhs) ||
      !isF32MemRef(c.out))
    return std::nullopt;
  // The kernel reads lhs and rhs while it writes out.
  Value outRoot = getRootBuffer(c.out);
  if (getRootBuffer(c.lhs) == outRoot || getRootBuffer(c.rhs) == outRoot)
    return std::nullopt;
  return c;
}

// The f32 buffer a widened operand is copied into: its shape, contiguous.
MemRefType getWidenedType(Value operand) {
  auto type = cast<MemRefType>(operand.getType());
  return MemRefType::get(type.getShape(),
                         Float32Type::get(operand.getContext()));
}

// A new f32 buffer holding the half-float `operand`'s values (exact: every
// f16 and bf16 value is an f32 value). The buffer deallocation that runs
// after this pass frees it.
Value createWidenedCopy(OpBuilder &b, Location loc, Value operand) {
  MemRefType type = getWidenedType(operand);
  Value widened =
      memref::AllocOp::create(b, loc, type, b.getI64IntegerAttr(64));
  AffineMap identity = b.getMultiDimIdentityMap(type.getRank());
  linalg::GenericOp::create(
      b, loc, ValueRange{operand}, ValueRange{widened},
      ArrayRef<AffineMap>{identity, identity},
      SmallVector<utils::IteratorType>(type.getRank(),
                                       utils::IteratorType::parallel),
      [](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value value = arith::ExtFOp::create(nested, nestedLoc,
                                            nested.getF32Type(), args[0]);
        linalg::YieldOp::create(nested, nestedLoc, value);
      });
  return widened;
}

// How to view an operand as [batch, m, k] (or [batch, k, n], [batch, m, n]):
// transpose its dimensions into three groups of loops, collapse each
// non-empty group into one dimension, and expand empty groups into unit
// dimensions.
struct ViewPlan {
  SmallVector<unsigned> permutation;
  SmallVector<ReassociationIndices> collapse, expand;
  SmallVector<int64_t> shape; // the [batch, x, y] result
};

// Fails if a group's dimensions cannot collapse without a copy.
std::optional<ViewPlan>
planView(MemRefType type, AffineMap map,
         const std::array<SmallVector<unsigned>, 3> &groups) {
  MLIRContext *ctx = type.getContext();
  ViewPlan plan;
  for (const SmallVector<unsigned> &group : groups)
    for (unsigned loop : group)
      plan.permutation.push_back(
          *map.getResultPosition(getAffineDimExpr(loop, ctx)));
  SmallVector<int64_t> strides;
  int64_t offset;
  if (failed(type.getStridesAndOffset(strides, offset)))
    return std::nullopt;
  SmallVector<int64_t> shape, transposedStrides;
  for (unsigned dim : plan.permutation) {
    shape.push_back(type.getDimSize(dim));
    transposedStrides.push_back(strides[dim]);
  }
  auto transposed =
      MemRefType::get(shape, type.getElementType(),
                      StridedLayoutAttr::get(ctx, offset, transposedStrides));
  int64_t next = 0;
  for (const SmallVector<unsigned> &group : groups) {
    int64_t size = 1;
    for (int64_t dim = next; dim < next + int64_t(group.size()); ++dim)
      size *= shape[dim];
    plan.shape.push_back(size);
    if (!group.empty())
      plan.collapse.push_back(
          llvm::to_vector<2>(llvm::seq<int64_t>(next, next + group.size())));
    next += group.size();
  }
  if (!memref::CollapseShapeOp::isGuaranteedCollapsible(transposed,
                                                        plan.collapse))
    return std::nullopt;
  // Each empty group's unit dimension joins the collapsed dimension before
  // it (or the first one).
  plan.expand.resize(plan.collapse.size());
  for (int64_t dim = 0, source = -1; dim < 3; ++dim) {
    source += !groups[dim].empty();
    if (!plan.expand.empty())
      plan.expand[std::max<int64_t>(source, 0)].push_back(dim);
  }
  return plan;
}

Value createView(OpBuilder &b, Location loc, Value memref,
                 const ViewPlan &plan) {
  Value view = memref;
  if (!llvm::equal(plan.permutation,
                   llvm::seq<unsigned>(0, plan.permutation.size())))
    view = memref::TransposeOp::create(
        b, loc, view,
        AffineMapAttr::get(
            AffineMap::getPermutationMap(plan.permutation, b.getContext())));
  if (plan.collapse.size() != plan.permutation.size())
    view = memref::CollapseShapeOp::create(b, loc, view, plan.collapse);
  if (plan.collapse.size() != 3)
    view = memref::ExpandShapeOp::create(
        b, loc, plan.shape, view, plan.expand,
        getAsIndexOpFoldResult(b.getContext(), plan.shape));
  return view;
}

// The loops of a matmul-like contraction, by role: batch (in all three
// operands), m (lhs and out), n (rhs and out), k (lhs and rhs, reduced).
struct MatmulLoops {
  SmallVector<unsigned> batch, m, n, k;
};

std::optional<MatmulLoops> classifyLoops(linalg::GenericOp op,
                                         const Contraction &c) {
  if (!c.lhsMap.isProjectedPermutation() ||
      !c.rhsMap.isProjectedPermutation() || !c.outMap.isProjectedPermutation())
    return std::nullopt;
  MatmulLoops loops;
  MLIRContext *ctx = op.getContext();
  for (auto [loop, iterator] : llvm::enumerate(op.getIteratorTypesArray())) {
    AffineExpr dim = getAffineDimExpr(loop, ctx);
    bool inLhs = c.lhsMap.getResultPosition(dim).has_value();
    bool inRhs = c.rhsMap.getResultPosition(dim).has_value();
    bool inOut = c.outMap.getResultPosition(dim).has_value();
    bool parallel = iterator == utils::IteratorType::parallel;
    if (parallel && inLhs && inRhs && inOut)
      loops.batch.push_back(loop);
    else if (parallel && inLhs && !inRhs && inOut)
      loops.m.push_back(loop);
    else if (parallel && !inLhs && inRhs && inOut)
      loops.n.push_back(loop);
    else if (!parallel && inLhs && inRhs && !inOut)
      loops.k.push_back(loop);
    else
      return std::nullopt;
  }
  if (loops.k.empty())
    return std::nullopt;
  return loops;
}

// Rewrites `op` as jaxc_rt.matmul_f32 before it; false if it does not fit.
bool rewriteAsMatmul(OpBuilder &b, linalg::GenericOp op, const Contraction &c) {
  std::optional<MatmulLoops> loops = classifyLoops(op, c);
  if (!loops)
    return false;
  auto plan = [&](Value value, bool widen, AffineMap map,
                  const SmallVector<unsigned> &x,
                  const SmallVector<unsigned> &y) {
    MemRefType type =
        widen ? getWidenedType(value) : cast<MemRefType>(value.getType());
    return planView(type, map, {loops->batch, x, y});
  };
  std::optional<ViewPlan> lhs =
      plan(c.lhs, c.widenLhs, c.lhsMap, loops->m, loops->k);
  std::optional<ViewPlan> rhs =
      plan(c.rhs, c.widenRhs, c.rhsMap, loops->k, loops->n);
  std::optional<ViewPlan> out =
      plan(c.out, false, c.outMap, loops->m, loops->n);
  if (!lhs || !rhs || !out)
    return false;
  b.setInsertionPoint(op);
  Location loc = op.getLoc();
  Value lhsF32 = c.widenLhs ? createWidenedCopy(b, loc, c.lhs) : c.lhs;
  Value rhsF32 = c.widenRhs ? createWidenedCopy(b, loc, c.rhs) : c.rhs;
  jaxc::rt::MatmulF32Op::create(b, loc, createView(b, loc, lhsF32, *lhs),
                                createView(b, loc, rhsF32, *rhs),
                                createView(b, loc, c.out, *out));
  return true;
}

// Adds the coefficients of `expr`, a sum of loops times constants, to
// `coefficients`; false for anything else.
bool addLinearTerms(AffineExpr expr, SmallVectorImpl<int64_t> &coefficients) {
  if (auto dim = dyn_cast<AffineDimExpr>(expr)) {
    coefficients[dim.getPosition()] += 1;
    return true;
  }
  auto binary = dyn_cast<AffineBinaryOpExpr>(expr);
  if (!binary)
    return false;
  if (binary.getKind() == AffineExprKind::Add)
    return addLinearTerms(binary.getLHS(), coefficients) &&
           addLinearTerms(binary.getRHS(), coefficients);
  auto dim = dyn_cast<AffineDimExpr>(binary.getLHS());
  auto factor = dyn_cast<AffineConstantExpr>(binary.getRHS());
  if (binary.getKind() != AffineExprKind::Mul || !dim || !factor)
    return false;
  coefficients[dim.getPosition()] += factor.getValue();
  return true;
}

// `out + loops[outLoop] * stride + loops[windowLoop] * dilation` as
// ConvolutionToLinalg indexes a spatial input dimension; returns
// (stride, dilation).
std::optional<std::pair<int64_t, int64_t>>
matchWindowIndex(AffineExpr expr, unsigned numLoops, unsigned outLoop,
                 unsigned windowLoop) {
  SmallVector<int64_t> coefficients(numLoops, 0);
  if (!addLinearTerms(expr, coefficients))
    return std::nullopt;
  int64_t stride = coefficients[outLoop], dilation = coefficients[windowLoop];
  coefficients[outLoop] = coefficients[windowLoop] = 0;
  if (stride < 1 || dilation < 1 ||
      llvm::any_of(coefficients, [](int64_t c) { return c != 0; }))
    return std::nullopt;
  return std::pair{stride, dilation};
}

// The zero padding of the spec's padded_lhs, done on the fly by the kernel:
// `padded` is a fresh buffer that is zeroed (`fill`), then gets `input`
// copied into its interior at (top, left), then is read by `conv`.
struct PaddedInput {
  Value input;
  int64_t top, left;
  memref::AllocOp alloc;
  Operation *fill;
  memref::SubViewOp interior;
  Operation *copy;
};

std::optional<PaddedInput> matchPaddedInput(Value padded, Operation *conv) {
  auto alloc = padded.getDefiningOp<memref::AllocOp>();
  Operation *copy = getLastWriter(padded, conv);
  std::optional<std::pair<Value, Value>> copied = getCopy(copy);
  if (!alloc || !copied)
    return std::nullopt;
  auto interior = copied->second.getDefiningOp<memref::SubViewOp>();
  Value input = copied->first;
  auto inputType = cast<MemRefType>(input.getType());
  if (!interior || interior.getSource() != padded ||
      !interior.hasUnitStride() ||
      interior.getType().getShape() != inputType.getShape() ||
      !memref::isStaticShapeAndContiguousRowMajor(inputType))
    return std::nullopt;
  ArrayRef<int64_t> offsets = interior.getStaticOffsets();
  if (offsets[0] != 0 || offsets[3] != 0 || ShapedType::isDynamic(offsets[1]) ||
      ShapedType::isDynamic(offsets[2]))
    return std::nullopt;
  // The rest of the buffer must be zero, and the input unchanged until the
  // convolution reads it in place of the copy.
  Operation *fill = getZeroInitializer(padded, copy);
  if (!fill ||
      !untouchedBetween(copy, conv, getRootBuffer(input), Access::Write))
    return std::nullopt;
  return PaddedInput{input, offsets[1], offsets[2], alloc,
                     fill,  interior,   copy};
}

// Rewrites `op` as jaxc_rt.conv2d_f32 before it; false if it does not fit.
// The loops of ConvolutionToLinalg's NHWC x HWIO -> NHWC form are (b, y, x,
// o, c, ky, kx).
bool rewriteAsConv2d(OpBuilder &b, linalg::GenericOp op, const Contraction &c) {
  if (c.widenLhs || c.widenRhs)
    return false;
  auto lhsType = cast<MemRefType>(c.lhs.getType());
  auto rhsType = cast<MemRefType>(c.rhs.getType());
  auto outType = cast<MemRefType>(c.out.getType());
  if (lhsType.getRank() != 4 || rhsType.getRank() != 4 ||
      outType.getRank() != 4 || op.getNumLoops() != 7 ||
      !llvm::all_of(TypeRange{lhsType, rhsType, outType}, [](Type type) {
        return memref::isStaticShapeAndContiguousRowMajor(
            cast<MemRefType>(type));
      }))
    return false;
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  for (unsigned loop = 0; loop < 7; ++loop)
    if ((iterators[loop] == utils::IteratorType::parallel) != (loop < 4))
      return false;
  MLIRContext *ctx = op.getContext();
  auto d = [&](unsigned loop) { return getAffineDimExpr(loop, ctx); };
  int64_t channels = lhsType.getDimSize(3);
  int64_t groupChannels = rhsType.getDimSize(2);
  int64_t outChannels = outType.getDimSize(3);
  if (groupChannels == 0 || channels % groupChannels != 0)
    return false;
  int64_t groups = channels / groupChannels;
  if (outChannels % groups != 0 || outChannels == 0)
    return false;
  AffineExpr channel =
      groups == 1 ? d(4)
                  : d(3).floorDiv(outChannels / groups) * groupChannels + d(4);
  if (c.outMap != AffineMap::get(7, 0, {d(0), d(1), d(2), d(3)}, ctx) ||
      c.rhsMap != AffineMap::get(7, 0, {d(5), d(6), d(4), d(3)}, ctx) ||
      c.lhsMap.getNumResults() != 4 || c.lhsMap.getResult(0) != d(0) ||
      c.lhsMap.getResult(3) != channel)
    return false;
  auto rows = matchWindowIndex(c.lhsMap.getResult(1), 7, 1, 5);
  auto columns = matchWindowIndex(c.lhsMap.getResult(2), 7, 2, 6);
  if (!rows || !columns)
    return false;

  std::optional<PaddedInput> padded = matchPaddedInput(c.lhs, op);
  b.setInsertionPoint(op);
  jaxc::rt::Conv2dF32Op::create(
      b, op.getLoc(), padded ? padded->input : c.lhs, c.rhs, c.out,
      b.getDenseI64ArrayAttr({rows->first, columns->first}),
      b.getDenseI64ArrayAttr(
          {padded ? padded->top : 0, padded ? padded->left : 0}),
      b.getDenseI64ArrayAttr({rows->second, columns->second}),
      b.getI64IntegerAttr(groups));
  // The padded copy is dead when nothing else uses it.
  if (padded && padded->interior->hasOneUse() &&
      llvm::all_of(padded->alloc->getUsers(), [&](Operation *user) {
        return user == op || user == padded->fill || user == padded->interior;
      })) {
    padded->copy->erase();
    padded->interior->erase();
    padded->fill->erase();
    op->setOperand(0, padded->input); // drops the last use of the alloc
    padded->alloc->erase();
  }
  return true;
}

struct LinalgToRuntimePass
    : jaxc::impl::LinalgToRuntimePassBase<LinalgToRuntimePass> {
  void runOnOperation() override {
    SmallVector<linalg::GenericOp> generics;
    getOperation()->walk([&](linalg::GenericOp op) { generics.push_back(op); });
    OpBuilder b(&getContext());
    for (linalg::GenericOp op : generics) {
      std::optional<Contraction> c = matchContraction(op);
      if (!c)
        continue;
      Operation *init = getZeroInitializer(c->out, op);
      if (!init)
        continue;
      // The kernel overwrites the output: its initialization is dead
      // unless something in between reads it.
      bool initIsDead =
          untouchedBetween(init, op, getRootBuffer(c->out), Access::Read);
      if (!rewriteAsMatmul(b, op, *c) && !rewriteAsConv2d(b, op, *c))
        continue;
      if (initIsDead)
        init->erase();
      op->erase();
    }
  }
};

} // namespace
