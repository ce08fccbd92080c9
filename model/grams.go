package model

// gramSet is a 1,024-bit Bloom filter of the two- and three-byte runs of a
// text. A paragraph of notes has a few hundred runs, so about a quarter of
// the bits are set and a three-letter word the notes do not contain is
// turned away about 98 times in 100 without reading the notes. Notes are
// matched as substrings, and a substring's runs are all runs of the text,
// so the filter never turns away a real match.
type gramSet [16]uint64

// gramBit hashes the run s[i:i+n] (n is 2 or 3) to a bit. The length takes
// part in the hash, so "ab" and "ab?" do not collide by construction.
func gramBit(s string, i, n int) uint16 {
	h := uint32(n) * 0x9E3779B1
	for j := i; j < i+n; j++ {
		h = (h ^ uint32(s[j])) * 0x01000193
	}
	return uint16(h>>7) & 1023
}

// gramsOf builds the filter of a text's runs.
func gramsOf(s string) gramSet {
	var g gramSet
	for n := 2; n <= 3; n++ {
		for i := 0; i+n <= len(s); i++ {
			b := gramBit(s, i, n)
			g[b>>6] |= 1 << (b & 63)
		}
	}
	return g
}

// wordGrams lists the bits a text must have for w to be a substring of it.
// Long words are checked on their first runs only: a dozen bits already
// reject nearly everything, and the list is built once per keystroke.
func wordGrams(w string) []uint16 {
	const maxBits = 12
	var out []uint16
	for n := 3; n >= 2; n-- {
		for i := 0; i+n <= len(w) && len(out) < maxBits; i++ {
			out = append(out, gramBit(w, i, n))
		}
	}
	return out
}

// hasAll reports whether every bit of bits is set.
func (g *gramSet) hasAll(bits []uint16) bool {
	for _, b := range bits {
		if g[b>>6]&(1<<(b&63)) == 0 {
			return false
		}
	}
	return true
}
