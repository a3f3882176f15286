#!/usr/bin/env python3
"""Golden values for SeededRandomGoldenTests, computed independently of NetGen.

SplitMix64 and xoshiro256** are written here from their published definitions (Vigna's
splitmix64.c and Blackman & Vigna's xoshiro256starstar.c) with Python's unbounded integers masked
to 64 bits, so they share no code, no overflow behaviour and no language with the C# under test.
Run `python3 seeded_random_golden.py` and paste its output into SeededRandomGoldenTests.cs.
"""
import math

MASK = (1 << 64) - 1


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


def splitmix64(x):
    """Returns (output, next state) of splitmix64.c's next()."""
    x = (x + 0x9E3779B97F4A7C15) & MASK
    z = x
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31), x


class Xoshiro256StarStar:
    def __init__(self, s):
        self.s = list(s)

    @classmethod
    def from_seed(cls, seed):
        x = seed & MASK  # a negative C# long reinterpreted as ulong
        state = []
        for _ in range(4):
            out, x = splitmix64(x)
            state.append(out)
        return cls(state)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def next_double(self):
        # The top 53 bits as a fraction of 2**53: exact in a Python float.
        return (self.next() >> 11) / float(1 << 53)

    def next_int(self, bound):
        # Lemire's multiply-and-reject on the top 32 bits: reject the low products below 2**32 mod bound.
        threshold = (1 << 32) % bound
        while True:
            product = (self.next() >> 32) * bound
            if product & 0xFFFFFFFF >= threshold:
                return product >> 32

    def next_normal_pair(self):
        # Box–Muller: u1 = 1 - U so that the log is finite; the cosine first, then the sine.
        u1 = 1.0 - self.next_double()
        u2 = self.next_double()
        radius = math.sqrt(-2.0 * math.log(u1))
        return radius * math.cos(2.0 * math.pi * u2), radius * math.sin(2.0 * math.pi * u2)


def ulongs(values):
    return ", ".join(f"0x{v:016X}UL" for v in values)


def main():
    g = Xoshiro256StarStar([1, 2, 3, 4])
    print("xoshiro256** from state (1, 2, 3, 4):", ulongs(g.next() for _ in range(8)))

    for start in (0, 1234567):
        x, outs = start, []
        for _ in range(5):
            out, x = splitmix64(x)
            outs.append(out)
        print(f"SplitMix64 from {start}:", ulongs(outs))

    for seed in (0, 42, -1):
        g = Xoshiro256StarStar.from_seed(seed)
        print(f"SeededRandom({seed}).NextUInt64():", ulongs(g.next() for _ in range(5)))

    g = Xoshiro256StarStar.from_seed(42)
    print("SeededRandom(42).NextDouble():", ", ".join(repr(g.next_double()) for _ in range(5)))

    g = Xoshiro256StarStar.from_seed(7)
    print("SeededRandom(7).NextInt(10):", ", ".join(str(g.next_int(10)) for _ in range(12)))
    g = Xoshiro256StarStar.from_seed(7)
    print("SeededRandom(7).NextInt(1000003):", ", ".join(str(g.next_int(1000003)) for _ in range(6)))

    g = Xoshiro256StarStar.from_seed(3)
    normals = []
    for _ in range(3):
        normals.extend(g.next_normal_pair())
    print("SeededRandom(3).NextNormal():", ", ".join(repr(v) for v in normals))


if __name__ == "__main__":
    main()
