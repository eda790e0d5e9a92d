//===- native_library.cc - A module's native code, loaded -----------------===//

#include "native_library.h"

#include "status.h"

#include <cerrno>
#include <dlfcn.h>
#include <sys/mman.h>

namespace jaxc::runtime::impl {
namespace {

// Writes all of `data`, retrying short and interrupted writes; returns 0 or
// an errno value.
int writeAll(int fd, const uint8_t *data, size_t size) {
  while (size > 0) {
    ssize_t written = ::write(fd, data, size);
    if (written < 0) {
      if (errno == EINTR)
        continue;
      return errno;
    }
    data += written;
    size -= static_cast<size_t>(written);
  }
  return 0;
}

} // namespace

NativeLibrary::~NativeLibrary() {
  // dlclose before the memory file closes: see open().
  if (handle)
    dlclose(handle);
}

jaxc_status_t NativeLibrary::open(const uint8_t *elf, size_t size,
                                  const std::string &fileName) {
  auto failure = [&](const std::string &what) {
    return makeStatus(JAXC_STATUS_INTERNAL, fileName + ": " + what);
  };
  memoryFile.reset(memfd_create("jaxc-native-code", MFD_CLOEXEC));
  if (!memoryFile)
    return failure("memfd_create failed: " + errnoMessage(errno));
  if (int error = writeAll(memoryFile.get(), elf, size))
    return failure("cannot write the native code to a memory file: " +
                   errnoMessage(error));
  // The memory file stays open while the library is loaded: the dynamic
  // loader knows a library by its path, so the path "/proc/self/fd/N" must
  // not name another module's code while this one is loaded.
  std::string path = "/proc/self/fd/" + std::to_string(memoryFile.get());
  handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char *reason = dlerror();
    return failure(std::string("cannot load the native code: ") +
                   (reason ? reason : "unknown dlopen error"));
  }
  return nullptr;
}

void *NativeLibrary::symbol(const std::string &name) const {
  return dlsym(handle, name.c_str());
}

} // namespace jaxc::runtime::impl
