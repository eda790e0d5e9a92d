/*===- module_checksum.h - The module file's checksum -------------*- C -*-===//
 *
 * The checksum in a module file's header, written by the compiler and
 * verified by the runtime: one definition for both. Plain C, header-only.
 *
 * Four FNV-1a-style lanes over little-endian u64 words (word i feeds lane
 * i % 4; each step, lane = (lane ^ word) * FNV prime, is a bijection of the
 * lane, so any change to one word changes the sum). The trailing size % 32
 * bytes feed lane 0 byte by byte; finally the lanes and the size are folded
 * FNV-1a style. Independent lanes run at memory speed: a 100 MB module
 * (ResNet50's weights) verifies in milliseconds, where byte-wise FNV-1a
 * takes a large fraction of a second.
 *===----------------------------------------------------------------------===*/

#ifndef JAXC_RUNTIME_MODULE_CHECKSUM_H
#define JAXC_RUNTIME_MODULE_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define JAXC_CHECKSUM_OFFSET_BASIS 0xcbf29ce484222325ull
#define JAXC_CHECKSUM_PRIME 0x100000001b3ull

static inline uint64_t jaxc_checksum_load_u64(const uint8_t *bytes) {
  uint64_t value;
  memcpy(&value, bytes, sizeof value);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  value = __builtin_bswap64(value);
#endif
  return value;
}

static inline uint64_t jaxc_module_checksum(const uint8_t *data, size_t size) {
  /* Four scalars rather than an array: the lanes stay in registers. */
  uint64_t lane0 = JAXC_CHECKSUM_OFFSET_BASIS, lane1 = lane0 ^ 1,
           lane2 = lane0 ^ 2, lane3 = lane0 ^ 3;
  size_t blocks = size / 32;
  for (size_t b = 0; b < blocks; ++b) {
    const uint8_t *block = data + 32 * b;
    lane0 = (lane0 ^ jaxc_checksum_load_u64(block)) * JAXC_CHECKSUM_PRIME;
    lane1 = (lane1 ^ jaxc_checksum_load_u64(block + 8)) * JAXC_CHECKSUM_PRIME;
    lane2 = (lane2 ^ jaxc_checksum_load_u64(block + 16)) * JAXC_CHECKSUM_PRIME;
    lane3 = (lane3 ^ jaxc_checksum_load_u64(block + 24)) * JAXC_CHECKSUM_PRIME;
  }
  for (size_t i = 32 * blocks; i < size; ++i)
    lane0 = (lane0 ^ data[i]) * JAXC_CHECKSUM_PRIME;
  uint64_t lanes[4] = {lane0, lane1, lane2, lane3};
  uint64_t sum = JAXC_CHECKSUM_OFFSET_BASIS;
  for (int lane = 0; lane < 4; ++lane)
    for (int i = 0; i < 8; ++i)
      sum = (sum ^ ((lanes[lane] >> (8 * i)) & 0xff)) * JAXC_CHECKSUM_PRIME;
  for (int i = 0; i < 8; ++i)
    sum = (sum ^ (((uint64_t)size >> (8 * i)) & 0xff)) * JAXC_CHECKSUM_PRIME;
  return sum;
}

#endif /* JAXC_RUNTIME_MODULE_CHECKSUM_H */
