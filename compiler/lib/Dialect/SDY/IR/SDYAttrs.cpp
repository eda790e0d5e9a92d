//===- SDYAttrs.cpp - Shardy's attributes: syntax and checks --------------===//
//
// Every attribute prints as `#sdy.<mnemonic><...>` on its own; inside its
// parent it prints bare, as Shardy writes it (`{"x", ?}p0` inside
// `<@mesh, [...]>`), so the parsers and printers below come in pairs: the
// body of one attribute, and the `<body>` wrapper ODS calls.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Dialect/SDY/IR/SDYOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cctype>

using namespace mlir;
using namespace jaxc::sdy;

namespace {

// Factor symbols of sharding rules: i, j, ..., z for 0..17, then z_1, z_2...
constexpr int64_t kLastLetterFactor = 'z' - 'i';

void printFactor(AsmPrinter &printer, int64_t factor) {
  if (factor <= kLastLetterFactor)
    printer.getStream() << static_cast<char>('i' + factor);
  else
    printer.getStream() << "z_" << factor - kLastLetterFactor;
}

// Splits a run of factor symbols such as `ij` or `z_8z_9` into indices.
LogicalResult parseFactorRun(AsmParser &parser, SMLoc loc, StringRef run,
                             SmallVectorImpl<int64_t> &factors) {
  while (!run.empty()) {
    if (run.starts_with("z_")) {
      size_t digits = 2;
      while (digits < run.size() && std::isdigit(run[digits]))
        ++digits;
      int64_t number;
      if (digits == 2 || run[2] == '0' ||
          run.substr(2, digits - 2).getAsInteger(10, number))
        return parser.emitError(loc, "expected a factor symbol z_<n>, got '")
               << run << "'";
      factors.push_back(kLastLetterFactor + number);
      run = run.drop_front(digits);
      continue;
    }
    if (run.front() < 'i' || run.front() > 'z')
      return parser.emitError(loc, "expected a factor symbol 'i'..'z', got '")
             << run << "'";
    factors.push_back(run.front() - 'i');
    run = run.drop_front();
  }
  return success();
}

// One factor symbol, e.g. in `{i=4}` or `reduction={j}`.
ParseResult parseOneFactor(AsmParser &parser, int64_t &factor) {
  SMLoc loc = parser.getCurrentLocation();
  StringRef symbol;
  SmallVector<int64_t, 1> factors;
  if (parser.parseKeyword(&symbol) ||
      failed(parseFactorRun(parser, loc, symbol, factors)))
    return failure();
  if (factors.size() != 1)
    return parser.emitError(loc, "expected one factor symbol, got '")
           << symbol << "'";
  factor = factors.front();
  return success();
}

//===----------------------------------------------------------------------===//
// Bodies
//===----------------------------------------------------------------------===//

// `"x"=4`
MeshAxisAttr parseMeshAxisBody(AsmParser &parser) {
  std::string name;
  int64_t size;
  if (parser.parseString(&name) || parser.parseEqual() ||
      parser.parseInteger(size))
    return {};
  return MeshAxisAttr::get(parser.getContext(), name, size);
}

void printMeshAxisBody(AsmPrinter &printer, MeshAxisAttr axis) {
  printer.printString(axis.getName());
  printer.getStream() << "=" << axis.getSize();
}

// `<["x"=2, "y"=1], device_ids=[0, 1]>`
MeshAttr parseMeshBody(AsmParser &parser) {
  SmallVector<MeshAxisAttr> axes;
  SmallVector<int64_t> deviceIds;
  if (parser.parseLess() ||
      parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&] {
        MeshAxisAttr axis = parseMeshAxisBody(parser);
        axes.push_back(axis);
        return failure(!axis);
      }))
    return {};
  if (succeeded(parser.parseOptionalComma())) {
    if (parser.parseKeyword("device_ids") || parser.parseEqual() ||
        parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&] {
          return parser.parseInteger(deviceIds.emplace_back());
        }))
      return {};
  }
  if (parser.parseGreater())
    return {};
  return MeshAttr::get(parser.getContext(), axes, deviceIds);
}

void printMeshBody(AsmPrinter &printer, MeshAttr mesh) {
  printer << "<[";
  llvm::interleaveComma(mesh.getAxes(), printer, [&](MeshAxisAttr axis) {
    printMeshAxisBody(printer, axis);
  });
  printer << "]";
  if (!mesh.getDeviceIds().empty()) {
    printer << ", device_ids=[";
    llvm::interleaveComma(mesh.getDeviceIds(), printer);
    printer << "]";
  }
  printer << ">";
}

// `(1)2`
SubAxisInfoAttr parseSubAxisInfoBody(AsmParser &parser) {
  int64_t preSize, size;
  if (parser.parseLParen() || parser.parseInteger(preSize) ||
      parser.parseRParen() || parser.parseInteger(size))
    return {};
  return SubAxisInfoAttr::get(parser.getContext(), preSize, size);
}

void printSubAxisInfoBody(AsmPrinter &printer, SubAxisInfoAttr info) {
  printer.getStream() << "(" << info.getPreSize() << ")" << info.getSize();
}

// `"x"` or `"x":(1)2`
AxisRefAttr parseAxisRefBody(AsmParser &parser) {
  std::string name;
  if (parser.parseString(&name))
    return {};
  SubAxisInfoAttr info;
  if (succeeded(parser.parseOptionalColon()) &&
      !(info = parseSubAxisInfoBody(parser)))
    return {};
  return AxisRefAttr::get(parser.getContext(), name, info);
}

void printAxisRefBody(AsmPrinter &printer, AxisRefAttr axis) {
  printer.printString(axis.getName());
  if (SubAxisInfoAttr info = axis.getSubAxisInfo()) {
    printer << ":";
    printSubAxisInfoBody(printer, info);
  }
}

// `{"x", "y"}` after `replicated=` or `unreduced=`.
ParseResult parseAxisRefList(AsmParser &parser,
                             SmallVectorImpl<AxisRefAttr> &axes) {
  return parser.parseCommaSeparatedList(AsmParser::Delimiter::Braces, [&] {
    axes.push_back(parseAxisRefBody(parser));
    return failure(!axes.back());
  });
}

void printAxisRefList(AsmPrinter &printer, ArrayRef<AxisRefAttr> axes) {
  printer << "{";
  llvm::interleaveComma(axes, printer, [&](AxisRefAttr axis) {
    printAxisRefBody(printer, axis);
  });
  printer << "}";
}

// `{"x", ?}p1`: axes, `?` if open, optional priority.
DimensionShardingAttr parseDimensionShardingBody(AsmParser &parser) {
  SmallVector<AxisRefAttr> axes;
  bool isClosed = true;
  if (parser.parseLBrace())
    return {};
  if (failed(parser.parseOptionalRBrace())) {
    do {
      if (succeeded(parser.parseOptionalQuestion())) {
        isClosed = false;
        break;
      }
      axes.push_back(parseAxisRefBody(parser));
      if (!axes.back())
        return {};
    } while (succeeded(parser.parseOptionalComma()));
    if (parser.parseRBrace())
      return {};
  }
  std::optional<int64_t> priority;
  SMLoc loc = parser.getCurrentLocation();
  StringRef keyword;
  if (succeeded(parser.parseOptionalKeyword(&keyword))) {
    int64_t value;
    if (!keyword.consume_front("p") || keyword.empty() ||
        !llvm::all_of(keyword, [](char c) { return std::isdigit(c); }) ||
        (keyword.size() > 1 && keyword.front() == '0') ||
        keyword.getAsInteger(10, value)) {
      parser.emitError(loc, "expected a priority p<n>");
      return {};
    }
    priority = value;
  }
  return DimensionShardingAttr::get(parser.getContext(), axes, isClosed,
                                    priority);
}

void printDimensionShardingBody(AsmPrinter &printer,
                                DimensionShardingAttr dim) {
  printer << "{";
  llvm::interleaveComma(dim.getAxes(), printer, [&](AxisRefAttr axis) {
    printAxisRefBody(printer, axis);
  });
  if (!dim.getIsClosed())
    printer << (dim.getAxes().empty() ? "?" : ", ?");
  printer << "}";
  if (std::optional<int64_t> priority = dim.getPriority())
    printer.getStream() << "p" << *priority;
}

// `<@mesh, [{"x"}, {}], replicated={"y"}, unreduced={"z"}>`
TensorShardingAttr parseTensorShardingBody(AsmParser &parser) {
  MLIRContext *context = parser.getContext();
  Attribute meshOrRef;
  if (parser.parseLess())
    return {};
  if (succeeded(parser.parseOptionalKeyword("mesh"))) {
    if (!(meshOrRef = parseMeshBody(parser)))
      return {};
  } else {
    StringAttr name;
    if (parser.parseSymbolName(name))
      return {};
    meshOrRef = FlatSymbolRefAttr::get(name);
  }
  SmallVector<DimensionShardingAttr> dims;
  if (parser.parseComma() ||
      parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&] {
        dims.push_back(parseDimensionShardingBody(parser));
        return failure(!dims.back());
      }))
    return {};
  SmallVector<AxisRefAttr> replicated, unreduced;
  ReductionKind reduction = ReductionKind::sum;
  bool seenReplicated = false, seenUnreduced = false;
  while (succeeded(parser.parseOptionalComma())) {
    SMLoc loc = parser.getCurrentLocation();
    StringRef keyword;
    if (parser.parseKeyword(&keyword) || parser.parseEqual())
      return {};
    if (keyword == "replicated" && !seenReplicated) {
      seenReplicated = true;
      if (parseAxisRefList(parser, replicated))
        return {};
    } else if (keyword == "unreduced" && !seenUnreduced) {
      seenUnreduced = true;
      StringRef kind;
      if (succeeded(parser.parseOptionalKeyword(&kind))) {
        std::optional<ReductionKind> parsed = symbolizeReductionKind(kind);
        if (!parsed || *parsed == ReductionKind::sum) {
          parser.emitError(loc, "expected 'max' or 'min' before '{', got '")
              << kind << "'";
          return {};
        }
        reduction = *parsed;
      }
      if (parseAxisRefList(parser, unreduced))
        return {};
    } else {
      parser.emitError(loc, "expected 'replicated' or 'unreduced' once each");
      return {};
    }
  }
  if (parser.parseGreater())
    return {};
  return TensorShardingAttr::getChecked(
      [&] { return parser.emitError(parser.getNameLoc()); }, context, meshOrRef,
      dims, replicated, unreduced, reduction);
}

void printTensorShardingBody(AsmPrinter &printer, TensorShardingAttr sharding) {
  printer << "<";
  if (auto mesh = dyn_cast<MeshAttr>(sharding.getMeshOrRef())) {
    printer << "mesh";
    printMeshBody(printer, mesh);
  } else {
    printer.printAttribute(sharding.getMeshOrRef());
  }
  printer << ", [";
  llvm::interleaveComma(sharding.getDimShardings(), printer,
                        [&](DimensionShardingAttr dim) {
                          printDimensionShardingBody(printer, dim);
                        });
  printer << "]";
  if (!sharding.getReplicatedAxes().empty()) {
    printer << ", replicated=";
    printAxisRefList(printer, sharding.getReplicatedAxes());
  }
  if (!sharding.getUnreducedAxes().empty()) {
    printer << ", unreduced=";
    if (sharding.getReduction() != ReductionKind::sum)
      printer << stringifyReductionKind(sharding.getReduction());
    printAxisRefList(printer, sharding.getUnreducedAxes());
  }
  printer << ">";
}

// `{"x", "y"}`
ManualAxesAttr parseManualAxesBody(AsmParser &parser) {
  SmallVector<StringAttr> names;
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Braces, [&] {
        std::string name;
        if (parser.parseString(&name))
          return failure();
        names.push_back(StringAttr::get(parser.getContext(), name));
        return success();
      }))
    return {};
  return ManualAxesAttr::get(parser.getContext(), names);
}

void printManualAxesBody(AsmPrinter &printer, ManualAxesAttr axes) {
  printer << "{";
  llvm::interleaveComma(axes.getValue(), printer, [&](StringAttr name) {
    printer.printString(name.getValue());
  });
  printer << "}";
}

// `ij` (a dimension mapped to no factor has no symbols; the verifier
// rejects it).
DimMappingAttr parseDimMappingBody(AsmParser &parser) {
  SMLoc loc = parser.getCurrentLocation();
  StringRef run;
  SmallVector<int64_t> factors;
  if (succeeded(parser.parseOptionalKeyword(&run)) &&
      failed(parseFactorRun(parser, loc, run, factors)))
    return {};
  return DimMappingAttr::get(parser.getContext(), factors);
}

void printDimMappingBody(AsmPrinter &printer, DimMappingAttr mapping) {
  for (int64_t factor : mapping.getFactorIndices())
    printFactor(printer, factor);
}

// `[i, jk]`
TensorMappingAttr parseTensorMappingBody(AsmParser &parser) {
  SmallVector<DimMappingAttr> dims;
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&] {
        dims.push_back(parseDimMappingBody(parser));
        return failure(!dims.back());
      }))
    return {};
  return TensorMappingAttr::get(parser.getContext(), dims);
}

void printTensorMappingBody(AsmPrinter &printer, TensorMappingAttr mapping) {
  printer << "[";
  llvm::interleaveComma(
      mapping.getDimMappings(), printer,
      [&](DimMappingAttr dim) { printDimMappingBody(printer, dim); });
  printer << "]";
}

ParseResult parseTensorMappings(AsmParser &parser,
                                SmallVectorImpl<TensorMappingAttr> &tensors) {
  return parser.parseCommaSeparatedList(AsmParser::Delimiter::Paren, [&] {
    tensors.push_back(parseTensorMappingBody(parser));
    return failure(!tensors.back());
  });
}

void printTensorMappings(AsmPrinter &printer,
                         ArrayRef<TensorMappingAttr> tensors) {
  printer << "(";
  llvm::interleaveComma(tensors, printer, [&](TensorMappingAttr tensor) {
    printTensorMappingBody(printer, tensor);
  });
  printer << ")";
}

// The special factor lists of a sharding rule, in the order they print.
constexpr StringLiteral kFactorListNames[] = {
    "reduction", "need_replication", "permutation", "blocked_propagation"};

// `<([i, j])->([i]) {i=4, j=2} reduction={j}, custom>`
OpShardingRuleAttr parseOpShardingRuleBody(AsmParser &parser) {
  SmallVector<TensorMappingAttr> operands, results;
  SmallVector<int64_t> sizes;
  SmallVector<int64_t> lists[std::size(kFactorListNames)];
  if (parser.parseLess() || parseTensorMappings(parser, operands) ||
      parser.parseArrow() || parseTensorMappings(parser, results))
    return {};
  if (succeeded(parser.parseOptionalLBrace())) {
    do {
      SMLoc loc = parser.getCurrentLocation();
      int64_t factor, size;
      if (parseOneFactor(parser, factor) || parser.parseEqual() ||
          parser.parseInteger(size))
        return {};
      if (factor != static_cast<int64_t>(sizes.size())) {
        parser.emitError(loc, "expected factor sizes in order i, j, k, ...");
        return {};
      }
      sizes.push_back(size);
    } while (succeeded(parser.parseOptionalComma()));
    if (parser.parseRBrace())
      return {};
  }
  for (auto [name, list] : llvm::zip_equal(kFactorListNames, lists)) {
    if (failed(parser.parseOptionalKeyword(name)))
      continue;
    if (parser.parseEqual() ||
        parser.parseCommaSeparatedList(AsmParser::Delimiter::Braces, [&] {
          return parseOneFactor(parser, list.emplace_back());
        }))
      return {};
  }
  bool isCustom = false;
  if (succeeded(parser.parseOptionalComma())) {
    if (parser.parseKeyword("custom"))
      return {};
    isCustom = true;
  }
  if (parser.parseGreater())
    return {};
  return OpShardingRuleAttr::getChecked(
      [&] { return parser.emitError(parser.getNameLoc()); },
      parser.getContext(), sizes, operands, results, lists[0], lists[1],
      lists[2], lists[3], isCustom);
}

void printOpShardingRuleBody(AsmPrinter &printer, OpShardingRuleAttr rule) {
  printer << "<";
  printTensorMappings(printer, rule.getOperandMappings());
  printer << "->";
  printTensorMappings(printer, rule.getResultMappings());
  if (!rule.getFactorSizes().empty()) {
    printer << " {";
    int64_t factor = 0;
    llvm::interleaveComma(rule.getFactorSizes(), printer, [&](int64_t size) {
      printFactor(printer, factor++);
      printer.getStream() << "=" << size;
    });
    printer << "}";
  }
  ArrayRef<int64_t> lists[] = {
      rule.getReductionFactors(), rule.getNeedReplicationFactors(),
      rule.getPermutationFactors(), rule.getBlockedPropagationFactors()};
  for (auto [name, list] : llvm::zip_equal(kFactorListNames, lists)) {
    if (list.empty())
      continue;
    printer << " " << name << "={";
    llvm::interleaveComma(
        list, printer, [&](int64_t factor) { printFactor(printer, factor); });
    printer << "}";
  }
  if (rule.getIsCustomRule())
    printer << ", custom";
  printer << ">";
}

// Wraps a body in `<...>` for the standalone form.
template <typename Body>
auto parseWrapped(AsmParser &parser, Body body) -> decltype(body(parser)) {
  if (parser.parseLess())
    return {};
  auto attr = body(parser);
  if (!attr || parser.parseGreater())
    return {};
  return attr;
}

} // namespace

//===----------------------------------------------------------------------===//
// Attribute hooks
//===----------------------------------------------------------------------===//

Attribute MeshAxisAttr::parse(AsmParser &parser, Type) {
  return parseWrapped(parser, parseMeshAxisBody);
}
void MeshAxisAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printMeshAxisBody(printer, *this);
  printer << ">";
}

Attribute MeshAttr::parse(AsmParser &parser, Type) {
  return parseMeshBody(parser);
}
void MeshAttr::print(AsmPrinter &printer) const {
  printMeshBody(printer, *this);
}

int64_t MeshAttr::getDeviceCount() const {
  int64_t count = 1;
  for (MeshAxisAttr axis : getAxes())
    count *= axis.getSize();
  return count;
}

MeshAxisAttr MeshAttr::getAxis(StringRef name) const {
  for (MeshAxisAttr axis : getAxes())
    if (axis.getName() == name)
      return axis;
  return {};
}

Attribute SubAxisInfoAttr::parse(AsmParser &parser, Type) {
  return parseWrapped(parser, parseSubAxisInfoBody);
}
void SubAxisInfoAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printSubAxisInfoBody(printer, *this);
  printer << ">";
}

Attribute AxisRefAttr::parse(AsmParser &parser, Type) {
  return parseWrapped(parser, parseAxisRefBody);
}
void AxisRefAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printAxisRefBody(printer, *this);
  printer << ">";
}

Attribute DimensionShardingAttr::parse(AsmParser &parser, Type) {
  return parseWrapped(parser, parseDimensionShardingBody);
}
void DimensionShardingAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printDimensionShardingBody(printer, *this);
  printer << ">";
}

Attribute TensorShardingAttr::parse(AsmParser &parser, Type) {
  return parseTensorShardingBody(parser);
}
void TensorShardingAttr::print(AsmPrinter &printer) const {
  printTensorShardingBody(printer, *this);
}

LogicalResult TensorShardingAttr::verify(
    function_ref<InFlightDiagnostic()> emitError, Attribute meshOrRef,
    ArrayRef<DimensionShardingAttr> dims, ArrayRef<AxisRefAttr> replicated,
    ArrayRef<AxisRefAttr> unreduced, ReductionKind reduction) {
  if (!isa<MeshAttr, FlatSymbolRefAttr>(meshOrRef))
    return emitError() << "a sharding's mesh must be a mesh or a @symbol";
  for (DimensionShardingAttr dim : dims)
    if (dim.getPriority() && *dim.getPriority() < 0)
      return emitError() << "a dimension's priority must not be negative";
  if (reduction != ReductionKind::sum && unreduced.empty())
    return emitError() << "a reduction kind needs unreduced axes";
  return success();
}

MeshAttr TensorShardingAttr::getMesh(Operation *from) const {
  if (auto mesh = dyn_cast<MeshAttr>(getMeshOrRef()))
    return mesh;
  auto meshOp = SymbolTable::lookupNearestSymbolFrom<MeshOp>(
      from, cast<FlatSymbolRefAttr>(getMeshOrRef()));
  return meshOp ? meshOp.getMesh() : MeshAttr();
}

SmallVector<AxisRefAttr> TensorShardingAttr::getAllAxisRefs() const {
  SmallVector<AxisRefAttr> axes;
  for (DimensionShardingAttr dim : getDimShardings())
    llvm::append_range(axes, dim.getAxes());
  llvm::append_range(axes, getReplicatedAxes());
  llvm::append_range(axes, getUnreducedAxes());
  return axes;
}

Attribute TensorShardingPerValueAttr::parse(AsmParser &parser, Type) {
  SmallVector<TensorShardingAttr> shardings;
  if (parser.parseLess() ||
      parser.parseCommaSeparatedList(AsmParser::Delimiter::Square,
                                     [&] {
                                       shardings.push_back(
                                           parseTensorShardingBody(parser));
                                       return failure(!shardings.back());
                                     }) ||
      parser.parseGreater())
    return {};
  return TensorShardingPerValueAttr::get(parser.getContext(), shardings);
}
void TensorShardingPerValueAttr::print(AsmPrinter &printer) const {
  printer << "<[";
  llvm::interleaveComma(getShardings(), printer,
                        [&](TensorShardingAttr sharding) {
                          printTensorShardingBody(printer, sharding);
                        });
  printer << "]>";
}

Attribute ManualAxesAttr::parse(AsmParser &parser, Type) {
  return parseWrapped(parser, parseManualAxesBody);
}
void ManualAxesAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printManualAxesBody(printer, *this);
  printer << ">";
}

Attribute DimMappingAttr::parse(AsmParser &parser, Type) {
  return parseWrapped(parser, parseDimMappingBody);
}
void DimMappingAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printDimMappingBody(printer, *this);
  printer << ">";
}

Attribute TensorMappingAttr::parse(AsmParser &parser, Type) {
  return parseWrapped(parser, parseTensorMappingBody);
}
void TensorMappingAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printTensorMappingBody(printer, *this);
  printer << ">";
}

Attribute OpShardingRuleAttr::parse(AsmParser &parser, Type) {
  return parseOpShardingRuleBody(parser);
}
void OpShardingRuleAttr::print(AsmPrinter &printer) const {
  printOpShardingRuleBody(printer, *this);
}

LogicalResult OpShardingRuleAttr::verify(
    function_ref<InFlightDiagnostic()> emitError, ArrayRef<int64_t> sizes,
    ArrayRef<TensorMappingAttr> operands, ArrayRef<TensorMappingAttr> results,
    ArrayRef<int64_t> reduction, ArrayRef<int64_t> needReplication,
    ArrayRef<int64_t> permutation, ArrayRef<int64_t> blockedPropagation, bool) {
  int64_t count = sizes.size();
  auto inRange = [&](int64_t factor) { return factor >= 0 && factor < count; };
  for (int64_t size : sizes)
    if (size < 1)
      return emitError() << "a factor's size must be positive";
  for (ArrayRef<TensorMappingAttr> tensors : {operands, results})
    for (TensorMappingAttr tensor : tensors)
      for (DimMappingAttr dim : tensor.getDimMappings()) {
        if (dim.getFactorIndices().empty())
          return emitError() << "a dimension must map to at least one factor";
        if (!llvm::all_of(dim.getFactorIndices(), inRange))
          return emitError() << "a dimension maps to a factor without a size";
      }
  for (ArrayRef<int64_t> list :
       {reduction, needReplication, permutation, blockedPropagation})
    if (!llvm::all_of(list, inRange))
      return emitError() << "a special factor has no size";
  return success();
}

ManualAxesAttr jaxc::sdy::parseBareManualAxes(AsmParser &parser) {
  return parseManualAxesBody(parser);
}
void jaxc::sdy::printBareManualAxes(AsmPrinter &printer, ManualAxesAttr axes) {
  printManualAxesBody(printer, axes);
}

#define GET_ATTRDEF_CLASSES
#include "jaxc/Dialect/SDY/IR/SDYAttrs.cpp.inc"

void SDYDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "jaxc/Dialect/SDY/IR/SDYAttrs.cpp.inc"
      >();
}
