//===- unique_fd.h - An owned POSIX file descriptor -------------*- C++ -*-===//

#ifndef JAXC_RUNTIME_SRC_UNIQUE_FD_H
#define JAXC_RUNTIME_SRC_UNIQUE_FD_H

#include <unistd.h>

namespace jaxc::runtime::impl {

// Closes the descriptor it holds (if any) when destroyed.
class UniqueFd {
public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd(fd) {}
  UniqueFd(const UniqueFd &) = delete;
  UniqueFd &operator=(const UniqueFd &) = delete;
  ~UniqueFd() { reset(-1); }

  int get() const { return fd; }
  explicit operator bool() const { return fd >= 0; }
  void reset(int newFd) {
    if (fd >= 0)
      ::close(fd);
    fd = newFd;
  }

private:
  int fd = -1;
};

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_UNIQUE_FD_H
