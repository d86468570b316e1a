// SHA-256 (FIPS 180-4) with the x86 SHA extensions: about ten times the speed of a portable
// implementation, which matters when every file of a large corpus is hashed for the cache.
// Processors without them use GLib's GChecksum (see PDFExtraction/Checksum).

#include "csha256.h"

#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

int csha256_available(void) {
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
  int ssse3 = (ecx >> 9) & 1;
  int sse41 = (ecx >> 19) & 1;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
  int sha = (ebx >> 29) & 1;
  return ssse3 && sse41 && sha;
}

static const uint32_t K[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

// The state is kept as the instructions want it: ABEF in one register, CDGH in the other.
__attribute__((target("sha,sse4.1,ssse3")))
static void blocks(__m128i *abef, __m128i *cdgh, const uint8_t *data, size_t count) {
  // Big-endian words: reverse the bytes of each 32-bit lane.
  const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i state0 = *abef, state1 = *cdgh;
  for (size_t block = 0; block < count; block++, data += 64) {
    const __m128i saved0 = state0, saved1 = state1;
    __m128i w[16];
    for (int group = 0; group < 16; group++) {
      if (group < 4) {
        w[group] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * group)), swap);
      } else {
        // W[t..t+3] from W[t-16..t-13], W[t-12..t-9], W[t-7..t-4] and W[t-4..t-1].
        __m128i sum = _mm_add_epi32(
          _mm_sha256msg1_epu32(w[group - 4], w[group - 3]),
          _mm_alignr_epi8(w[group - 1], w[group - 2], 4));
        w[group] = _mm_sha256msg2_epu32(sum, w[group - 1]);
      }
      __m128i message = _mm_add_epi32(w[group], _mm_loadu_si128((const __m128i *)&K[4 * group]));
      state1 = _mm_sha256rnds2_epu32(state1, state0, message);
      message = _mm_shuffle_epi32(message, 0x0E);
      state0 = _mm_sha256rnds2_epu32(state0, state1, message);
    }
    state0 = _mm_add_epi32(state0, saved0);
    state1 = _mm_add_epi32(state1, saved1);
  }
  *abef = state0;
  *cdgh = state1;
}

__attribute__((target("sha,sse4.1,ssse3")))
void csha256_digest(const uint8_t *bytes, size_t count, uint8_t digest[32]) {
  static const uint32_t initial[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };
  // From ABCD / EFGH to ABEF / CDGH.
  __m128i dcba = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&initial[0]), 0xB1);
  __m128i efgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&initial[4]), 0x1B);
  __m128i abef = _mm_alignr_epi8(dcba, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, dcba, 0xF0);

  size_t whole = count / 64;
  blocks(&abef, &cdgh, bytes, whole);
  // The tail, a one bit, zeros, and the length in bits (big-endian): one or two blocks.
  uint8_t tail[128] = {0};
  size_t rest = count - whole * 64;
  memcpy(tail, bytes + whole * 64, rest);
  tail[rest] = 0x80;
  size_t tailBlocks = rest < 56 ? 1 : 2;
  uint64_t bits = (uint64_t)count * 8;
  for (int index = 0; index < 8; index++) {
    tail[tailBlocks * 64 - 1 - index] = (uint8_t)(bits >> (8 * index));
  }
  blocks(&abef, &cdgh, tail, tailBlocks);

  // Back to ABCD / EFGH, then big-endian bytes.
  __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  __m128i abcd = _mm_blend_epi16(feba, dchg, 0xF0);
  __m128i efgh2 = _mm_alignr_epi8(dchg, feba, 8);
  uint32_t words[8];
  _mm_storeu_si128((__m128i *)&words[0], abcd);
  _mm_storeu_si128((__m128i *)&words[4], efgh2);
  for (int index = 0; index < 8; index++) {
    digest[4 * index + 0] = (uint8_t)(words[index] >> 24);
    digest[4 * index + 1] = (uint8_t)(words[index] >> 16);
    digest[4 * index + 2] = (uint8_t)(words[index] >> 8);
    digest[4 * index + 3] = (uint8_t)(words[index]);
  }
}

#else

int csha256_available(void) { return 0; }

void csha256_digest(const uint8_t *bytes, size_t count, uint8_t digest[32]) {
  (void)bytes;
  (void)count;
  memset(digest, 0, 32);
}

#endif
