package model

import "math/bits"

// Scanning a field byte by byte to score a fuzzy word is most of a
// keystroke's cost at 50,000 contacts: the first letters typed match
// nearly everyone, so nearly every field is read. A field of up to 64
// bytes is therefore kept also as position masks: one bit per byte for
// where words start, and one mask per letter, digit or space that occurs
// in it (the characters with a charMask bit of their own). fuzzy's answer
// then comes from a few mask operations per character of the word,
// whatever the field's length. The masks are the same answer as the scan,
// not an estimate; anything they cannot express (a longer field, a word
// with punctuation or non-ASCII bytes) is scanned as before.

// exactBits are the charMask bits that stand for one character each.
const exactBits = 1<<37 - 1

// Field position references: an index into one of the index's position
// pools, or noPositions when the field is scanned instead.
const (
	noPositions  = ^uint32(0)
	widePosition = 1 << 31 // set: the wide (uint64) pool; else the narrow one
	maxPoolIndex = widePosition - 64
)

// positionPools hold every field's masks, a field's run being its word
// starts then one mask per exact character it has, in charBit order.
// Fields of up to 32 bytes, nearly all of them, take half the memory.
type positionPools struct {
	narrow []uint32
	wide   []uint64
}

// add appends the masks of s, whose charMask is mask, and returns where.
func (p *positionPools) add(s string, mask uint64) uint32 {
	switch {
	case len(s) > 64:
		return noPositions
	case len(s) > 32:
		if len(p.wide) > maxPoolIndex {
			return noPositions
		}
		at := len(p.wide)
		p.wide = appendPositions(p.wide, s, mask)
		return uint32(at) | widePosition
	default:
		if len(p.narrow) > maxPoolIndex {
			return noPositions
		}
		at := len(p.narrow)
		p.narrow = appendPositions(p.narrow, s, mask)
		return uint32(at)
	}
}

func appendPositions[T uint32 | uint64](pool []T, s string, mask uint64) []T {
	at := len(pool)
	for range 1 + bits.OnesCount64(mask&exactBits) {
		pool = append(pool, 0)
	}
	run := pool[at:]
	for i := 0; i < len(s); i++ {
		if wordStart(s, i) {
			run[0] |= 1 << i
		}
		if b := charBit(s[i]); b < 37 {
			run[1+rank(mask, b)] |= 1 << i
		}
	}
	return pool
}

// rank is the place of bit b among the exact bits set in mask.
func rank(mask uint64, b uint) int {
	return bits.OnesCount64(mask & exactBits & (1<<b - 1))
}

// maxPositionWord is the longest word scored from masks; a longer one
// (a pasted phrase) is scanned.
const maxPositionWord = 32

// wordPlan is a free word of the query made ready for scoring from masks,
// once per keystroke rather than once per contact.
type wordPlan struct {
	w    string
	mask uint64 // charMask(w)
	// notes has the bits of the positions whose notes may hold w (see
	// notesFilter); with notesExact, they do. cols is scratch space.
	notes      []uint64
	notesExact bool
	cols       []int
	// perfect is perfectFrom(len(w)).
	perfect int
	// scan: the word cannot be scored from masks (too long, or a
	// character without a charMask bit of its own).
	scan bool
	// below[j] selects the exact bits under w[j]'s: the count of those a
	// field has is the place of w[j]'s mask in the field's run.
	below [maxPositionWord]uint64
}

// plan makes p ready for w, whose charMask is mask, keeping p's slices for
// reuse.
func (p *wordPlan) plan(w string, mask uint64, notes *notesFilter) {
	p.w, p.mask, p.scan = w, mask, mask&^exactBits != 0 || len(w) > maxPositionWord
	p.perfect = perfectFrom(len(w))
	p.cols, p.notesExact = wordColumns(w, p.cols)
	p.notes = notes.candidates(p.cols, p.notes)
	if !p.scan {
		for j := 0; j < len(w); j++ {
			p.below[j] = exactBits & (1<<charBit(w[j]) - 1)
		}
	}
}

// fuzzyField is fuzzy of the word in field k of the contact at position
// i, from the field's position masks where it has them. Every character
// of the word occurs in the field (the caller has checked the field's
// mask). at is scratch space.
func (x *SearchIndex) fuzzyField(p *wordPlan, h *hotRow, i, k int, at *[maxPositionWord]uint64) (int, bool) {
	ref := h.positions[k]
	switch {
	case ref == noPositions || p.scan:
		return fuzzy(p.w, x.rows[i].field(k))
	case ref&widePosition != 0:
		return fuzzyPositions(x.positions.wide[ref&^widePosition:], p, h.masks[k], at)
	}
	return fuzzyPositions(x.positions.narrow[ref:], p, h.masks[k], at)
}

// fuzzyPositions is fuzzy from a field's run of masks: the first whole
// occurrence of the word at a word start if there is one, else the
// leftmost match tightened from its end backwards, scored as windowScore
// scores it.
func fuzzyPositions[T uint32 | uint64](run []T, p *wordPlan, fmask uint64, at *[maxPositionWord]uint64) (int, bool) {
	n := len(p.w)
	starts := uint64(run[0])
	whole := starts
	for j := 0; j < n; j++ {
		at[j] = uint64(run[1+bits.OnesCount64(fmask&p.below[j])])
		whole &= at[j] >> j
	}
	if whole != 0 {
		return positionScore((1<<n-1)<<bits.TrailingZeros64(whole), starts, n), true
	}
	end := -1
	for j := 0; j < n; j++ {
		later := at[j] &^ (1<<uint(end+1) - 1)
		if later == 0 {
			return 0, false
		}
		end = bits.TrailingZeros64(later)
	}
	start := end
	for j := n - 2; j >= 0; j-- {
		start = 63 - bits.LeadingZeros64(at[j]&(1<<uint(start)-1))
	}
	// The greedy match from start, as windowScore walks it.
	q := start
	matched := uint64(1) << uint(q)
	for j := 1; j < n; j++ {
		q = bits.TrailingZeros64(at[j] &^ (2<<uint(q) - 1))
		matched |= 1 << uint(q)
	}
	return positionScore(matched, starts, n), true
}

// positionScore is windowScore of a match of n characters at the
// positions set in matched, in a field whose word starts are starts: a
// character next to the one before it is consecutive, and the window's
// other characters are gaps.
func positionScore(matched, starts uint64, n int) int {
	span := 64 - bits.LeadingZeros64(matched) - bits.TrailingZeros64(matched)
	return n*scoreChar +
		scoreConsecutive*bits.OnesCount64(matched&(matched<<1)) +
		scoreWordStart*bits.OnesCount64(matched&starts) +
		scoreFieldStart*int(matched&starts&1) +
		scoreGap*(span-n)
}
