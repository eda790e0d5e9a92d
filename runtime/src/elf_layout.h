//===- elf_layout.h - Checking the native code before dlopen ----*- C++ -*-===//
//
// dlopen trusts the offsets in an ELF object's headers: a truncated object
// faults while it is mapped instead of failing. So the runtime checks that
// the headers and the segments lie within the bytes it has.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_ELF_LAYOUT_H
#define JAXC_RUNTIME_SRC_ELF_LAYOUT_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace jaxc::runtime::impl {

// What is wrong with the layout of `size` bytes of ELF, as a phrase that
// follows "the native code", e.g. "is not an ELF object"; "" if nothing is.
// An object of another class or byte order is left to dlopen, which rejects
// it before reading further.
std::string elfLayoutProblem(const uint8_t *elf, size_t size);

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_ELF_LAYOUT_H
