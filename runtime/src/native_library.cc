//===- native_library.cc - A module's native code, loaded -----------------===//

#include "native_library.h"

#include "kernels/kernels.h"
#include "status.h"

#include <cerrno>
#include <dlfcn.h>
#include <link.h>
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

// The read-only PT_LOAD segments of the loaded object at `base`.
std::vector<std::pair<const void *, const void *>>
findReadOnlySegments(uintptr_t base) {
  struct Search {
    uintptr_t base;
    std::vector<std::pair<const void *, const void *>> segments;
  } search{base, {}};
  dl_iterate_phdr(
      [](dl_phdr_info *info, size_t, void *data) {
        auto *search = static_cast<Search *>(data);
        if (info->dlpi_addr != search->base)
          return 0;
        for (ElfW(Half) i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr) &header = info->dlpi_phdr[i];
          if (header.p_type != PT_LOAD || (header.p_flags & PF_W))
            continue;
          auto *begin =
              reinterpret_cast<const char *>(info->dlpi_addr + header.p_vaddr);
          search->segments.emplace_back(begin, begin + header.p_memsz);
        }
        return 1;
      },
      &search);
  return search.segments;
}

} // namespace

NativeLibrary::~NativeLibrary() {
  for (auto [begin, end] : constantSegments)
    forgetConstantMemory(begin, end);
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
  link_map *map = nullptr;
  if (dlinfo(handle, RTLD_DI_LINKMAP, &map) == 0 && map)
    constantSegments = findReadOnlySegments(map->l_addr);
  for (auto [begin, end] : constantSegments)
    registerConstantMemory(begin, end, /*fileBacked=*/false);
  return nullptr;
}

void *NativeLibrary::symbol(const std::string &name) const {
  return dlsym(handle, name.c_str());
}

} // namespace jaxc::runtime::impl
