#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the SHA extensions (and SSSE3 and SSE4.1) that
/// `csha256_digest` needs.
int csha256_available(void);

/// The SHA-256 of `count` bytes into `digest` (32 bytes), with the processor's SHA
/// instructions. Only to be called when `csha256_available()` returns 1.
void csha256_digest(const uint8_t *bytes, size_t count, uint8_t digest[32]);

#endif
