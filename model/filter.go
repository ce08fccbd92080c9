package model

import (
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// SearchIndex holds each contact's searchable text, folded once when the
// contact is loaded or edited, so a keystroke in the filter box costs one
// pass over short strings per contact and no allocation. Positions are the
// positions in the contact slice the index was built from.
//
// A SearchIndex is not safe for concurrent use: Filter reuses scratch
// buffers for ranking.
type SearchIndex struct {
	rows []searchRow
	hot  []hotRow
	// counts is Filter's scratch space for ranking, kept to avoid
	// allocating per keystroke.
	counts []int
	// parts are the chunks' scratch space for matching.
	parts []matchPart
	// words are the query's words planned for matching, kept to avoid
	// allocating per keystroke.
	words []wordPlan
	// tagMasks are the charMasks of the query's tag terms.
	tagMasks []uint64
	// positions holds the position masks of the fuzzy fields.
	positions positionPools
	// notes are the folded notes, searched for a word found in no fuzzy
	// field when noteRuns says it may be there.
	notes    []string
	noteRuns notesFilter
	letters  letterScores
}

// matchPart is one chunk of a Filter's work: the hits in its stretch of
// the order, in order, and their scores.
type matchPart struct {
	hits   []int
	scores []int
	// top is the highest score in scores.
	top int
}

// parallelFrom is the size of the order past which Filter splits the
// matching between the machine's cores. Below it, starting goroutines
// costs more than it saves.
const parallelFrom = 4096

// matchChunk is about how many positions a core takes at a time.
const matchChunk = 2048

// searchRow is one contact's folded text. The strings of a freshly built
// index are slices of one block, in row order, so a scan of all rows reads
// memory in sequence.
type searchRow struct {
	id                   uint64
	name, org, role, tag string // tag: tags joined by NUL
	stage                Stage
}

// field is the k-th fuzzy field: name, org, role or tags.
func (r *searchRow) field(k int) string {
	switch k {
	case 0:
		return r.name
	case 1:
		return r.org
	case 2:
		return r.role
	}
	return r.tag
}

// hotRow is what settles most words without reading text, kept apart from
// the text so that a pass over every contact reads one cache line each (at
// 50,000 contacts, reading the rows is most of the cost of a pass): the
// masks record which characters occur, so a word with a character the
// contact lacks is rejected at once, and the position masks score the rest.
type hotRow struct {
	// masks of name, org, role, tags and notes, in that order.
	masks [5]uint64
	// positions are where the position masks of name, org, role and tags
	// are in the index's pools.
	positions [4]uint32
	// tagStarts is the charMask of the tags' first bytes. (It also makes
	// the row 64 bytes: one cache line.)
	tagStarts uint64
}

// NewSearchIndex indexes contacts. After adding or deleting contacts, build
// a new one; after editing one, call Set.
func NewSearchIndex(contacts []Contact) *SearchIndex {
	ptrs := make([]*Contact, len(contacts))
	for i := range contacts {
		ptrs[i] = &contacts[i]
	}
	return NewSearchIndexOf(ptrs)
}

// NewSearchIndexOf is NewSearchIndex for contacts held elsewhere, such as
// a notebook's summary, which the contact list points into rather than
// copying every contact.
func NewSearchIndexOf(contacts []*Contact) *SearchIndex {
	x := &SearchIndex{rows: make([]searchRow, len(contacts)), hot: make([]hotRow, len(contacts)),
		notes: make([]string, len(contacts)), noteRuns: newNotesFilter(len(contacts))}
	x.letters.init(len(contacts))
	type span struct{ a, b int }
	spans := make([][5]span, len(contacts))
	var buf strings.Builder
	add := func(s string) span {
		a := buf.Len()
		buf.WriteString(fold(s))
		return span{a, buf.Len()}
	}
	for i, c := range contacts {
		spans[i] = [5]span{add(strings.TrimSpace(c.Name)), add(strings.TrimSpace(c.Organisation)),
			add(strings.TrimSpace(c.Role)), add(strings.Join(c.Tags, "\x00")), add(c.Notes)}
	}
	all := buf.String()
	for i, c := range contacts {
		sp := spans[i]
		x.setRow(i, c, all[sp[0].a:sp[0].b], all[sp[1].a:sp[1].b], all[sp[2].a:sp[2].b],
			all[sp[3].a:sp[3].b], all[sp[4].a:sp[4].b])
		x.noteRuns.add(i, x.notes[i])
	}
	return x
}

func (x *SearchIndex) setRow(i int, c *Contact, name, org, role, tag, notes string) {
	x.rows[i] = searchRow{id: c.ID, name: name, org: org, role: role, tag: tag, stage: c.CurrentStage()}
	h := hotRow{masks: [5]uint64{charMask(name), charMask(org), charMask(role), charMask(tag), charMask(notes)},
		tagStarts: tagStartMask(tag)}
	for k := range h.positions {
		h.positions[k] = x.positions.add(x.rows[i].field(k), h.masks[k])
	}
	x.hot[i] = h
	x.notes[i] = notes
	x.letters.set(i, &x.rows[i], &h.masks)
}

// charMask has one bit per letter and digit, one for space and one for
// anything else, set for each that occurs in s.
func charMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		m |= 1 << charBit(s[i])
	}
	return m
}

func charBit(c byte) uint {
	switch {
	case 'a' <= c && c <= 'z':
		return uint(c - 'a')
	case '0' <= c && c <= '9':
		return 26 + uint(c-'0')
	case c == ' ':
		return 36
	case c >= 0x80:
		return 37
	}
	return 38 + uint(c%16)
}

// Len is the number of contacts indexed.
func (x *SearchIndex) Len() int { return len(x.rows) }

// Set re-indexes the contact at position i after an edit.
func (x *SearchIndex) Set(i int, c Contact) {
	// The old row's masks stay in the pools, unused, until the next build.
	x.setRow(i, &c, fold(strings.TrimSpace(c.Name)), fold(strings.TrimSpace(c.Organisation)),
		fold(strings.TrimSpace(c.Role)), fold(strings.Join(c.Tags, "\x00")), fold(c.Notes))
	x.noteRuns.set(i, x.notes[i])
}

// All appends every position, in index order, to dst[:0]: the list before
// any filter or sort.
func (x *SearchIndex) All(dst []int) []int {
	dst = dst[:0]
	for i := range x.rows {
		dst = append(dst, i)
	}
	return dst
}

// Score weights. A consecutive character is worth more than a word start,
// so "pol" scores higher in "policy" than in "p o l". Field bonuses make a hit in the name outrank the same hit
// in a tag; a hit only in the notes ranks below any fuzzy hit.
const (
	scoreChar        = 16
	scoreConsecutive = 40
	scoreWordStart   = 32
	scoreFieldStart  = 16
	scoreGap         = -1
	bonusName        = 24
	bonusOther       = 8
	scoreNotes       = 8
)

// matchRow reports whether the contact at position i matches q, whose
// words are planned in words, and if so its score: higher is a better
// match. The score is the sum over fuzzy terms of the best field's score.
// at is scratch space.
func (x *SearchIndex) matchRow(q *Query, words []wordPlan, i int, at *[maxPositionWord]uint64) (score int, ok bool) {
	r := &x.rows[i]
	if q.stageTerms > 0 && !slices.Contains(q.Stages, r.stage) {
		return 0, false
	}
	for k, t := range q.Tags {
		// A contact with no tag starting with the term's first letter, or
		// lacking one of its letters, is turned away without reading the
		// tags.
		if h := &x.hot[i]; h.tagStarts&(1<<charBit(t[0])) == 0 || x.tagMasks[k]&^h.masks[3] != 0 ||
			!hasTagPrefix(r.tag, t) {
			return 0, false
		}
	}
	for k := range words {
		s, ok := x.matchWord(&words[k], i, at)
		if !ok {
			return 0, false
		}
		score += s
	}
	if len(q.Name)+len(q.Org)+len(q.Role) == 0 {
		return score, true
	}
	for _, terms := range [...]struct {
		vals  []string
		field string
	}{{q.Name, r.name}, {q.Org, r.org}, {q.Role, r.role}} {
		for _, t := range terms.vals {
			s, ok := wordPrefix(t, terms.field)
			if !ok {
				return 0, false
			}
			score += s
		}
	}
	return score, true
}

// matchWord scores a free word: the best of the fuzzy fields, else a
// substring of the notes. Notes are not matched fuzzily: in a paragraph
// almost any short word is a subsequence, so every contact would match.
func (x *SearchIndex) matchWord(p *wordPlan, i int, at *[maxPositionWord]uint64) (int, bool) {
	w := p.w
	if len(w) == 1 && charExact(w[0]) {
		s := x.letters.score(w[0], i)
		return s, s != 0
	}
	h := &x.hot[i]
	// The fields holding every character of the word, as bits: worked out
	// before the loop, without a branch per field.
	var fields uint
	for k := range 4 {
		fields |= b2u(p.mask&^h.masks[k] == 0) << k
	}
	best, found := 0, false
	for ; fields != 0; fields &= fields - 1 {
		k := bits.TrailingZeros(fields)
		s, ok := x.fuzzyField(p, h, i, k, at)
		switch {
		case !ok:
		case k == 0:
			best, found = s+bonusName, true
			if s >= p.perfect {
				return best, true // no other field can beat the name
			}
		case !found || s+bonusOther > best:
			best, found = s+bonusOther, true
		}
	}
	if found {
		return best, true
	}
	if p.mask&^h.masks[4] == 0 && p.notes[i>>6]&(1<<(i&63)) != 0 &&
		(p.notesExact || strings.Contains(x.notes[i], w)) {
		return scoreNotes, true
	}
	return 0, false
}

// b2u is 1 for true, 0 for false.
func b2u(b bool) uint {
	if b {
		return 1
	}
	return 0
}

// perfectFrom is the score of an n-byte pattern found whole at the start of
// a word but not of the field: with the name's bonus, nothing elsewhere
// can score higher.
func perfectFrom(n int) int {
	return n*scoreChar + (n-1)*scoreConsecutive + scoreWordStart
}

// Filter appends to dst[:0] the positions in order that match q. With
// fuzzy terms, results are ranked by score, best first, and ties keep
// their place in order (the user's chosen sort); with only exact terms
// (tag:, stage:) order is kept as is.
func (x *SearchIndex) Filter(q Query, order []int, dst []int) []int {
	_, dst = x.filter(&q, order, dst, dst)
	return dst
}

// filter appends the positions in cand that match q to matched[:0], in
// cand's order, and the same ranked as Filter ranks them to ranked[:0].
// ranked may be matched, to rank in place (the order in cand is then
// lost); when q has nothing to rank, ranked is matched.
func (x *SearchIndex) filter(q *Query, cand, matched, ranked []int) ([]int, []int) {
	matched = matched[:0]
	if q.Empty() {
		matched = append(matched, cand...)
		return matched, matched
	}
	parts := x.match(q, cand)
	for _, p := range parts {
		matched = append(matched, p.hits...)
	}
	if !q.Ranked() {
		return matched, matched
	}
	return matched, x.rank(parts, ranked)
}

// match finds the hits of q among order, keeping order. Every contact must
// be tested on every keystroke, so on a large notebook the order is cut in
// chunks that the cores take one at a time, each chunk's hits in a part of
// its own. Taking chunks rather than a fixed half each keeps a key from
// waiting on a core that is busy elsewhere (the machine is shared): the
// cores that run do the rest.
func (x *SearchIndex) match(q *Query, order []int) []matchPart {
	chunks := 1
	if len(order) >= parallelFrom {
		chunks = (len(order) + matchChunk - 1) / matchChunk
	}
	workers := min(runtime.GOMAXPROCS(0), chunks)
	for len(x.parts) < chunks {
		x.parts = append(x.parts, matchPart{})
	}
	parts := x.parts[:chunks]
	letter := q.letterOnly(x)
	for len(x.words) < len(q.Words) {
		x.words = append(x.words, wordPlan{})
	}
	words := x.words[:len(q.Words)]
	for k, w := range q.Words {
		words[k].plan(w, q.masks[k], &x.noteRuns)
	}
	x.tagMasks = x.tagMasks[:0]
	for _, t := range q.Tags {
		x.tagMasks = append(x.tagMasks, charMask(t))
	}
	run := func(c int) {
		lo, hi := c*len(order)/chunks, (c+1)*len(order)/chunks
		p := &parts[c]
		p.hits, p.scores, p.top = p.hits[:0], p.scores[:0], 0
		if letter != nil {
			for _, i := range order[lo:hi] {
				if s := letter[i]; s != 0 {
					p.hits = append(p.hits, i)
					p.scores = append(p.scores, int(s))
					p.top = max(p.top, int(s))
				}
			}
			return
		}
		var at [maxPositionWord]uint64
		for _, i := range order[lo:hi] {
			if s, ok := x.matchRow(q, words, i, &at); ok {
				p.hits = append(p.hits, i)
				p.scores = append(p.scores, s)
				p.top = max(p.top, s)
			}
		}
	}
	if workers == 1 {
		for c := range chunks {
			run(c)
		}
		return parts
	}
	var taken atomic.Int64
	work := func() {
		for c := int(taken.Add(1)) - 1; c < chunks; c = int(taken.Add(1)) - 1 {
			run(c)
		}
	}
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	work()
	wg.Wait()
	return parts
}
