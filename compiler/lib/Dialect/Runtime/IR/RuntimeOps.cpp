//===- RuntimeOps.cpp - Calls into the runtime's services -----------------===//

#include "jaxc/Dialect/Runtime/IR/RuntimeOps.h"
#include "jaxc/Dialect/Runtime/IR/LapackRoutines.h"
#include "jaxc/runtime/module_format.h"

#include "mlir/Dialect/MemRef/Utils/MemRefUtils.h"
#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace jaxc::rt;

#include "jaxc/Dialect/Runtime/IR/RuntimeDialect.cpp.inc"

#define GET_OP_CLASSES
#include "jaxc/Dialect/Runtime/IR/RuntimeOps.cpp.inc"

void RuntimeDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "jaxc/Dialect/Runtime/IR/RuntimeOps.cpp.inc"
      >();
}

namespace {

// Two sizes agree unless both are static and differ.
bool compatible(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) || a == b;
}

// The kernels address operands through element strides, so every layout
// must be expressible as strides and an offset.
LogicalResult verifyStrided(Operation *op, MemRefType type, StringRef name) {
  if (!type.isStrided())
    return op->emitOpError() << name << " must have a strided layout";
  return success();
}

// The conv kernel takes plain pointers: operands must be one contiguous
// row-major block.
LogicalResult verifyDense(Operation *op, MemRefType type, StringRef name) {
  if (!memref::isStaticShapeAndContiguousRowMajor(type))
    return op->emitOpError() << name << " must be dense row-major";
  return success();
}

} // namespace

LogicalResult MatmulF32Op::verify() {
  MemRefType lhs = getLhs().getType(), rhs = getRhs().getType(),
             out = getOut().getType();
  if (failed(verifyStrided(*this, lhs, "lhs")) ||
      failed(verifyStrided(*this, rhs, "rhs")) ||
      failed(verifyStrided(*this, out, "out")))
    return failure();
  if (!compatible(lhs.getDimSize(0), rhs.getDimSize(0)) ||
      !compatible(lhs.getDimSize(0), out.getDimSize(0)))
    return emitOpError("batch sizes of lhs, rhs and out differ");
  if (!compatible(lhs.getDimSize(2), rhs.getDimSize(1)))
    return emitOpError("lhs [batch, m, k] and rhs [batch, k, n] disagree on k");
  if (!compatible(lhs.getDimSize(1), out.getDimSize(1)) ||
      !compatible(rhs.getDimSize(2), out.getDimSize(2)))
    return emitOpError("out must be [batch, m, n]");
  return success();
}

LogicalResult Conv2dF32Op::verify() {
  MemRefType input = getInput().getType(), filter = getFilter().getType(),
             output = getOutput().getType();
  if (failed(verifyDense(*this, input, "input")) ||
      failed(verifyDense(*this, filter, "filter")) ||
      failed(verifyDense(*this, output, "output")))
    return failure();
  if (getStrides().size() != 2 || getPadding().size() != 2 ||
      getDilation().size() != 2)
    return emitOpError("strides, padding and dilation need two values "
                       "(height, width)");
  if (llvm::any_of(getStrides(), [](int64_t s) { return s < 1; }) ||
      llvm::any_of(getDilation(), [](int64_t d) { return d < 1; }))
    return emitOpError("strides and dilation must be positive");
  int64_t groups = getGroups();
  if (groups < 1)
    return emitOpError("groups must be positive");
  ArrayRef<int64_t> in = input.getShape(), f = filter.getShape(),
                    out = output.getShape();
  if (in[0] != out[0])
    return emitOpError("input and output batch sizes differ");
  if (in[3] != f[2] * groups)
    return emitOpError("input channels must be filter input channels times "
                       "groups");
  if (f[3] % groups != 0 || out[3] != f[3])
    return emitOpError("output channels must equal the filter's and be a "
                       "multiple of groups");
  return success();
}

LogicalResult ParallelForOp::verify() {
  if (getCount() < 0)
    return emitOpError("count must not be negative");
  if (getGrain() < 1)
    return emitOpError("grain must be positive");
  return success();
}

LogicalResult
ParallelForOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto body = symbolTable.lookupNearestSymbolFrom<FunctionOpInterface>(
      *this, getBodyAttr());
  if (!body)
    return emitOpError("body '") << getBody() << "' is not a function";
  // (begin, end, captures...); the types change as the function is lowered
  // to LLVM, the count does not.
  if (body.getNumArguments() != getCaptures().size() + 2)
    return emitOpError("body '")
           << getBody() << "' must take begin, end and the "
           << getCaptures().size() << " captures";
  return success();
}

//===----------------------------------------------------------------------===//
// LapackOp
//===----------------------------------------------------------------------===//

namespace {

const LapackOption kUplo{"uplo", "LU"};
const LapackOption kPotrfOptions[] = {kUplo};
const LapackOption kSyevdOptions[] = {kUplo, {"mode", "VN"}};
const LapackOption kTrsmOptions[] = {
    {"side", "LR"}, kUplo, {"trans_x", "NTC"}, {"diag", "NU"}};
// 'O' (overwrite the input with part of U) has no result to put it in.
const LapackOption kGesddOptions[] = {{"mode", "ASN"}};
const LapackOption kGeevOptions[] = {{"compute_left", "VN"},
                                     {"compute_right", "VN"}};
// Sorting needs a selection function JAX does not pass.
const LapackOption kGeesOptions[] = {{"mode", "VN"}, {"sort", "N"}};
const LapackOption kGehrdOptions[] = {{"low", ""}, {"high", ""}};

const LapackRoutine kLapackRoutines[] = {
    {"potrf", JAXC_LAPACK_POTRF, "potrf", "potrf", "T2", "T2I0", "T2I0",
     kPotrfOptions, true},
    {"getrf",
     JAXC_LAPACK_GETRF,
     "getrf",
     "getrf",
     "T2",
     "T2I1I0",
     "T2I1I0",
     {},
     false},
    {"geqrf",
     JAXC_LAPACK_GEQRF,
     "geqrf",
     "geqrf",
     "T2",
     "T2T1",
     "T2T1",
     {},
     false},
    {"orgqr",
     JAXC_LAPACK_ORGQR,
     "orgqr",
     "ungqr",
     "T2T1",
     "T2",
     "T2",
     {},
     false},
    {"syevd", JAXC_LAPACK_SYEVD, "syevd", "heevd", "T2", "T2R1I0", "T2R1I0",
     kSyevdOptions, true},
    {"trsm", JAXC_LAPACK_TRSM, "trsm", "trsm", "T2T2", "T2", "T2", kTrsmOptions,
     true},
    {"gesdd", JAXC_LAPACK_GESDD, "gesdd", "gesdd", "T2", "T2R1T2T2I0",
     "T2R1T2T2I0", kGesddOptions, false},
    {"gesvd", JAXC_LAPACK_GESVD, "gesvd", "gesvd", "T2", "T2R1T2T2I0",
     "T2R1T2T2I0", kGesddOptions, false},
    {"geev", JAXC_LAPACK_GEEV, "geev", "geev", "T2", "T1T1C2C2I0", "T1T2T2I0",
     kGeevOptions, true},
    {"gees", JAXC_LAPACK_GEES, "gees", "gees", "T2", "T2T2T1T1I0I0",
     "T2T2T1I0I0", kGeesOptions, true},
    {"gehrd", JAXC_LAPACK_GEHRD, "gehrd", "gehrd", "T2", "T2T1I0", "T2T1I0",
     kGehrdOptions, true},
    {"sytrd", JAXC_LAPACK_SYTRD, "sytrd", "hetrd", "T2", "T2R1R1T1I0",
     "T2R1R1T1I0", kPotrfOptions, true},
    {"gtsv",
     JAXC_LAPACK_GTSV,
     "gtsv",
     "gtsv",
     "T1T1T1T2",
     "T1T1T1T2I0",
     "T1T1T1T2I0",
     {},
     false},
};

} // namespace

ArrayRef<LapackRoutine> jaxc::rt::getLapackRoutines() {
  return kLapackRoutines;
}

const LapackRoutine *jaxc::rt::lookupLapackRoutine(StringRef name) {
  for (const LapackRoutine &routine : kLapackRoutines)
    if (routine.name == name)
      return &routine;
  return nullptr;
}

std::optional<std::string>
jaxc::rt::checkLapackCall(const LapackRoutine &routine, TypeRange inputs,
                          TypeRange results, ArrayRef<int64_t> options,
                          int64_t batchDims) {
  std::string problem;
  llvm::raw_string_ostream os(problem);
  StringRef name = routine.name;
  if (inputs.size() != routine.inputs.size() / 2) {
    os << name << " takes " << routine.inputs.size() / 2 << " inputs, got "
       << inputs.size();
    return problem;
  }
  auto first = dyn_cast<ShapedType>(inputs.front());
  Type element = first ? first.getElementType() : Type();
  auto complex = dyn_cast_or_null<ComplexType>(element);
  Type real = complex ? complex.getElementType() : element;
  if (!real || !(real.isF32() || real.isF64())) {
    os << name << " runs on f32, f64, complex<f32> or complex<f64>, got "
       << inputs.front();
    return problem;
  }
  StringRef resultSignature =
      complex ? routine.complexResults : routine.realResults;
  if (results.size() != resultSignature.size() / 2) {
    os << name << " on " << element << " has " << resultSignature.size() / 2
       << " results, got " << results.size();
    return problem;
  }
  if (inputs.size() + results.size() > JAXC_LAPACK_MAX_BUFFERS) {
    os << name << " has more than " << JAXC_LAPACK_MAX_BUFFERS << " buffers";
    return problem;
  }
  if (options.size() != routine.options.size()) {
    os << name << " takes " << routine.options.size() << " options, got "
       << options.size();
    return problem;
  }
  for (auto [option, value] : llvm::zip(routine.options, options))
    if (!option.values.empty() &&
        (value < 0 || value > 127 ||
         !option.values.contains(static_cast<char>(value)))) {
      os << name << "'s " << option.name << " must be one of '" << option.values
         << "', got " << value;
      return problem;
    }
  if (batchDims < 0 || first.getRank() < batchDims) {
    os << "batch_dims " << batchDims << " exceeds the first input's rank";
    return problem;
  }
  ArrayRef<int64_t> batch = first.getShape().take_front(batchDims);
  Type complexType = ComplexType::get(real);
  Type i32 = IntegerType::get(real.getContext(), 32);
  auto check = [&](Type type, StringRef signature, StringRef role,
                   unsigned index) -> bool {
    auto shaped = dyn_cast<ShapedType>(type);
    Type expectedElement = signature[0] == 'T'   ? element
                           : signature[0] == 'R' ? real
                           : signature[0] == 'C' ? complexType
                                                 : i32;
    int64_t rank = batchDims + (signature[1] - '0');
    if (!shaped || !shaped.hasStaticShape() ||
        shaped.getElementType() != expectedElement ||
        shaped.getRank() != rank ||
        shaped.getShape().take_front(batchDims) != batch) {
      os << name << "'s " << role << " " << index << " must be " << signature[1]
         << "-d past " << batchDims
         << " batch dimensions matching the first input's, of "
         << expectedElement << ", static; got " << type;
      return false;
    }
    return true;
  };
  for (auto [index, type] : llvm::enumerate(inputs))
    if (!check(type, routine.inputs.substr(2 * index, 2), "input", index))
      return problem;
  for (auto [index, type] : llvm::enumerate(results))
    if (!check(type, resultSignature.substr(2 * index, 2), "result", index))
      return problem;
  if (routine.square &&
      first.getDimSize(batchDims) != first.getDimSize(batchDims + 1)) {
    os << name << " needs a square matrix, got " << inputs.front();
    return problem;
  }
  return std::nullopt;
}

LogicalResult LapackOp::verify() {
  const LapackRoutine *routine = lookupLapackRoutine(getRoutine());
  if (!routine)
    return emitOpError("unknown LAPACK routine '") << getRoutine() << "'";
  for (Value operand : getOperation()->getOperands())
    if (!memref::isStaticShapeAndContiguousRowMajor(
            cast<MemRefType>(operand.getType())))
      return emitOpError("operands must be dense row-major, got ")
             << operand.getType();
  if (std::optional<std::string> problem = checkLapackCall(
          *routine, getInputs().getTypes(), getOutputs().getTypes(),
          getOptions(), getBatchDims()))
    return emitOpError(*problem);
  return success();
}
