//===- llvm_canary.cc - A library that no_llvm_link_test must reject ------===//
//
// Built as libLLVM_jaxc_canary.so: its name looks like LLVM's, and it defines
// a symbol in namespace llvm. The canary tests show no_llvm_link_test fails.
//
//===----------------------------------------------------------------------===//

namespace llvm {
int canary() { return 0; }
} // namespace llvm

extern "C" int jaxc_llvm_canary() { return llvm::canary(); }
