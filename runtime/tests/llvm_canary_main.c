//===- llvm_canary_main.c - An executable needing libLLVM_jaxc_canary.so -===//

int jaxc_llvm_canary(void);

int main(void) { return jaxc_llvm_canary(); }
