package model

// A word found in no fuzzy field is looked for in the notes, as a
// substring. Reading every such contact's notes on each key would cost
// more than all the rest of the matching, so the index keeps, for each
// run of two or three bytes the notes may hold, the set of contacts whose
// notes hold it: a word can be in a contact's notes only if all its runs
// are. The sets are bit columns over contacts, so a key ANDs a few columns
// once (a few thousand word operations at 50,000 contacts) and then each
// contact costs one bit test instead of reading its own filter or notes.
//
// Runs of two letters have a column each, exact: a two-letter word is in
// the notes exactly when its bit is set, and the notes are not read at
// all. Other runs (three bytes, or two with a digit or other character)
// share hashedColumns columns, a Bloom filter: a set bit may be another
// run's, so the notes are still searched. Runs with a space are not kept:
// a query word has none unless quoted, and they would fill the filter.

const (
	pairColumns   = 26 * 26
	hashedColumns = 256
	notesColumns  = pairColumns + hashedColumns
	// maxWordColumns bounds the columns a word is checked against: a
	// dozen already reject nearly everything, and a pasted paragraph
	// should not cost a column per byte.
	maxWordColumns = 16
)

// notesFilter holds the columns, each a bitset over the positions of the
// index: column c is cols[c*stride : (c+1)*stride].
type notesFilter struct {
	stride int
	cols   []uint64
}

func newNotesFilter(n int) notesFilter {
	stride := (n + 63) / 64
	return notesFilter{stride: stride, cols: make([]uint64, notesColumns*stride)}
}

// gramColumn is the column of the run s[i:i+n] (n is 2 or 3), or -1 when
// the run is not kept.
func gramColumn(s string, i, n int) int {
	if n == 2 {
		return pairColumn(s[i], s[i+1])
	}
	return tripleColumn(s[i], s[i+1], s[i+2])
}

// The length takes part in the hash, so "ab" and "ab?" do not collide by
// construction.
const (
	pairSeed   = 2 * 0x9E3779B1 & 0xffffffff
	tripleSeed = 3 * 0x9E3779B1 & 0xffffffff
	hashStep   = 0x01000193
)

func pairColumn(a, b byte) int {
	switch {
	case 'a' <= a && a <= 'z' && 'a' <= b && b <= 'z':
		return int(a-'a')*26 + int(b-'a')
	case a == ' ' || b == ' ':
		return -1
	}
	return hashedColumn((uint32(pairSeed)^uint32(a))*hashStep ^ uint32(b))
}

func tripleColumn(a, b, c byte) int {
	if a == ' ' || b == ' ' || c == ' ' {
		return -1
	}
	return hashedColumn(((uint32(tripleSeed)^uint32(a))*hashStep^uint32(b))*hashStep ^ uint32(c))
}

// hashedColumn finishes a run's hash h and picks its column.
func hashedColumn(h uint32) int { return pairColumns + int((h*hashStep)>>7)%hashedColumns }

// add sets the bits of position i, whose notes are text, for a row just
// made: its bits are all clear.
func (f *notesFilter) add(i int, text string) {
	word, bit := i>>6, uint64(1)<<(i&63)
	for k := 0; k+1 < len(text); k++ {
		if c := pairColumn(text[k], text[k+1]); c >= 0 {
			f.cols[c*f.stride+word] |= bit
		}
	}
	for k := 0; k+2 < len(text); k++ {
		if c := tripleColumn(text[k], text[k+1], text[k+2]); c >= 0 {
			f.cols[c*f.stride+word] |= bit
		}
	}
}

// set replaces position i's bits with those of text, after an edit.
func (f *notesFilter) set(i int, text string) {
	word, bit := i>>6, uint64(1)<<(i&63)
	for c := range notesColumns {
		f.cols[c*f.stride+word] &^= bit
	}
	f.add(i, text)
}

// wordColumns lists the columns whose bits a contact must have for w to be
// a substring of its notes: the letter pairs first, which are exact, then
// the three-byte runs and other pairs. exact reports that the first column
// alone answers it (w is two letters).
func wordColumns(w string, dst []int) (cols []int, exact bool) {
	dst = dst[:0]
	for n := 2; n <= 3; n++ {
		for i := 0; i+n <= len(w) && len(dst) < maxWordColumns; i++ {
			if c := gramColumn(w, i, n); c >= 0 {
				dst = append(dst, c)
			}
		}
	}
	return dst, len(w) == 2 && len(dst) == 1 && dst[0] < pairColumns
}

// candidates ANDs the columns cols into dst: the positions whose notes may
// hold the word. With no columns, every position may.
func (f *notesFilter) candidates(cols []int, dst []uint64) []uint64 {
	if cap(dst) < f.stride {
		dst = make([]uint64, f.stride)
	}
	dst = dst[:f.stride]
	if len(cols) == 0 {
		for k := range dst {
			dst[k] = ^uint64(0)
		}
		return dst
	}
	copy(dst, f.column(cols[0]))
	for _, c := range cols[1:] {
		col := f.column(c)
		for k := range dst {
			dst[k] &= col[k]
		}
	}
	return dst
}

func (f *notesFilter) column(c int) []uint64 { return f.cols[c*f.stride : (c+1)*f.stride] }
