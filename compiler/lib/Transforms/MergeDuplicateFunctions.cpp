//===- MergeDuplicateFunctions.cpp - One copy of each identical function --===//
//
// A transformer repeats one block: GPT-2's 12 blocks outline the same loops
// 12 times. Its prefill had 349 functions, but only 26 different bodies once
// their names are set aside, and LLVM spent 3.5 of its 4.3 s optimizing and
// compiling the copies. Private functions with the same type, attributes and
// body become one: the first keeps its name, the others' uses call it.
//
// Identical callers appear only once their callees are merged (two thread
// pool bodies calling @a_chunk and @b_chunk), so merging repeats until a
// round merges nothing.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/AttrTypeSubElements.h"
#include "mlir/IR/OperationSupport.h"

#include "llvm/ADT/DenseMap.h"

namespace jaxc {
#define GEN_PASS_DEF_MERGEDUPLICATEFUNCTIONSPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

constexpr OperationEquivalence::Flags kIgnoreLocations =
    OperationEquivalence::IgnoreLocations;

// The function's attributes but its name: type, visibility, argument
// attributes (llvm.noalias) and passthrough (noinline).
DictionaryAttr attributesButName(func::FuncOp function) {
  NamedAttrList attributes(function->getAttrDictionary());
  attributes.erase(function.getSymNameAttrName());
  return attributes.getDictionary(function.getContext());
}

// Equal for functions that may be identical; cheap next to comparing them.
llvm::hash_code hashFunction(func::FuncOp function) {
  llvm::hash_code hash = hash_value(attributesButName(function));
  function.getBody().walk([&](Operation *op) {
    hash = llvm::hash_combine(
        hash, OperationEquivalence::computeHash(
                  op, OperationEquivalence::ignoreHashValue,
                  OperationEquivalence::ignoreHashValue, kIgnoreLocations));
  });
  return hash;
}

bool isDuplicate(func::FuncOp lhs, func::FuncOp rhs) {
  return attributesButName(lhs) == attributesButName(rhs) &&
         OperationEquivalence::isRegionEquivalentTo(
             &lhs.getBody(), &rhs.getBody(), kIgnoreLocations);
}

struct MergeDuplicateFunctionsPass
    : jaxc::impl::MergeDuplicateFunctionsPassBase<MergeDuplicateFunctionsPass> {
  void runOnOperation() override {
    while (mergeOnce()) {
    }
  }

  // Merges the duplicates among the module's private functions; returns
  // whether there were any.
  bool mergeOnce() {
    ModuleOp module = getOperation();
    llvm::DenseMap<llvm::hash_code, SmallVector<func::FuncOp>> kept;
    llvm::DenseMap<StringAttr, StringAttr> replacements;
    SmallVector<func::FuncOp> duplicates;
    for (auto function : module.getOps<func::FuncOp>()) {
      if (!function.isPrivate() || function.isExternal())
        continue;
      SmallVector<func::FuncOp> &candidates = kept[hashFunction(function)];
      auto original = llvm::find_if(candidates, [&](func::FuncOp candidate) {
        return isDuplicate(candidate, function);
      });
      if (original == candidates.end()) {
        candidates.push_back(function);
        continue;
      }
      replacements[function.getSymNameAttr()] = original->getSymNameAttr();
      duplicates.push_back(function);
    }
    if (duplicates.empty())
      return false;
    for (func::FuncOp duplicate : duplicates)
      duplicate.erase();
    AttrTypeReplacer replacer;
    replacer.addReplacement(
        [&](FlatSymbolRefAttr reference) -> std::optional<Attribute> {
          auto replacement = replacements.find(reference.getAttr());
          if (replacement == replacements.end())
            return std::nullopt;
          return FlatSymbolRefAttr::get(replacement->second);
        });
    replacer.recursivelyReplaceElementsIn(module, /*replaceAttrs=*/true,
                                          /*replaceLocs=*/false,
                                          /*replaceTypes=*/false);
    return true;
  }
};

} // namespace
