//===- mapped_file.cc - A whole file, mapped read-only --------------------===//

#include "mapped_file.h"

#include "status.h"
#include "unique_fd.h"

#include <cerrno>
#include <fcntl.h>
#include <string>
#include <sys/mman.h>
#include <sys/stat.h>

namespace jaxc::runtime::impl {

MappedFile::~MappedFile() {
  if (mapping)
    ::munmap(mapping, size);
}

jaxc_status_t MappedFile::open(const char *path) {
  UniqueFd file(::open(path, O_RDONLY | O_CLOEXEC));
  if (!file) {
    int error = errno;
    jaxc_status_code_t code = error == ENOENT || error == ENOTDIR
                                  ? JAXC_STATUS_NOT_FOUND
                                  : JAXC_STATUS_INTERNAL;
    return makeStatus(code, std::string(path) +
                                ": cannot open: " + errnoMessage(error));
  }
  struct stat info;
  if (::fstat(file.get(), &info) != 0)
    return makeStatus(JAXC_STATUS_INTERNAL,
                      std::string(path) +
                          ": cannot stat: " + errnoMessage(errno));
  if (!S_ISREG(info.st_mode))
    return makeStatus(JAXC_STATUS_INVALID_ARGUMENT,
                      std::string(path) + ": not a regular file");
  if (info.st_size == 0)
    return nullptr; // the parser reports the missing header
  // Populated: the checksum reads every page at once anyway.
  void *address = ::mmap(nullptr, static_cast<size_t>(info.st_size), PROT_READ,
                         MAP_PRIVATE | MAP_POPULATE, file.get(), 0);
  if (address == MAP_FAILED)
    return makeStatus(JAXC_STATUS_INTERNAL,
                      std::string(path) +
                          ": cannot map: " + errnoMessage(errno));
  mapping = address;
  size = static_cast<size_t>(info.st_size);
  return nullptr;
}

const uint8_t *MappedFile::data() const {
  return static_cast<const uint8_t *>(mapping);
}

} // namespace jaxc::runtime::impl
