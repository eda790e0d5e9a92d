//===- elf_layout.cc - Checking the native code before dlopen -------------===//

#include "elf_layout.h"

#include <cstring>
#include <elf.h>
#include <link.h>

namespace jaxc::runtime::impl {
namespace {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "the host's ELF data encoding is ELFDATA2LSB");
constexpr unsigned char kHostClass =
    sizeof(void *) == 8 ? ELFCLASS64 : ELFCLASS32;

// Whether a table of `count` entries of `entrySize` bytes at `offset` lies
// within `size` bytes.
bool tableFits(uint64_t offset, uint64_t count, uint64_t entrySize,
               size_t size) {
  return offset <= size && count * entrySize <= size - offset;
}

} // namespace

std::string elfLayoutProblem(const uint8_t *elf, size_t size) {
  if (size < SELFMAG || std::memcmp(elf, ELFMAG, SELFMAG) != 0)
    return "is not an ELF object";
  std::string truncated =
      "is truncated (" + std::to_string(size) + " bytes): its ";
  if (size < EI_NIDENT)
    return truncated + "ELF header ends past them";
  if (elf[EI_CLASS] != kHostClass || elf[EI_DATA] != ELFDATA2LSB)
    return "";
  ElfW(Ehdr) header;
  if (size < sizeof(header))
    return truncated + "ELF header ends past them";
  std::memcpy(&header, elf, sizeof(header));
  if (header.e_phnum > 0 && header.e_phentsize != sizeof(ElfW(Phdr)))
    return "is corrupt: its program headers are " +
           std::to_string(header.e_phentsize) + " bytes each, expected " +
           std::to_string(sizeof(ElfW(Phdr)));
  // e_phentsize and e_shentsize are 16 bits: the products cannot overflow.
  if (!tableFits(header.e_phoff, header.e_phnum, header.e_phentsize, size))
    return truncated + "program headers end past them";
  if (!tableFits(header.e_shoff, header.e_shnum, header.e_shentsize, size))
    return truncated + "section headers end past them";
  for (unsigned i = 0; i < header.e_phnum; ++i) {
    ElfW(Phdr) segment;
    std::memcpy(&segment, elf + header.e_phoff + i * sizeof(segment),
                sizeof(segment));
    if (!tableFits(segment.p_offset, 1, segment.p_filesz, size))
      return truncated + "segment " + std::to_string(i) + " ends past them";
  }
  return "";
}

} // namespace jaxc::runtime::impl
