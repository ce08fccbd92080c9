package model

import "strings"

// TypedFilter filters a list as its query is typed. It keeps the result
// of each query on the way to the one in the box, so a key typed at the
// end searches only the last query's hits when the new query can only
// match fewer (Query.Narrows), and backspace brings back a kept result
// without searching at all. Every result is the one Filter gives for the
// same query over the whole list.
//
// A TypedFilter is bound to one index and order: when the list is built
// again, make a new one. Like its index, it is not safe for concurrent use.
type TypedFilter struct {
	x     *SearchIndex
	order []int
	// steps are the queries typed so far, each one's text a prefix of the
	// next one's.
	steps []typedStep
	// spare are the slices of dropped steps, for reuse.
	spare [][]int
}

// typedStep is one query and its hits.
type typedStep struct {
	text    string
	query   Query
	matched []int // in order: the candidates for a longer query
	ranked  []int // as shown
	// unranked: ranked is matched, as the query has nothing to rank by.
	unranked bool
}

// kept is how many positions st holds.
func (st *typedStep) kept() int {
	if st.unranked {
		return cap(st.matched)
	}
	return cap(st.matched) + cap(st.ranked)
}

// maxKeptHits bounds the hits kept for backspace, in multiples of the
// list's length: a long query typed over a large list would otherwise
// keep a full list per key.
const maxKeptHits = 4

// NewTypedFilter starts filtering the positions in order with x.
func NewTypedFilter(x *SearchIndex, order []int) *TypedFilter {
	return &TypedFilter{x: x, order: order}
}

// Filter returns the positions in order that match the query text, ranked
// as SearchIndex.Filter ranks them. The slice belongs to f: it is valid
// until the next call, and must not be changed.
func (f *TypedFilter) Filter(text string) []int {
	for len(f.steps) > 0 && !strings.HasPrefix(text, f.top().text) {
		f.drop(len(f.steps) - 1)
	}
	if len(f.steps) > 0 && f.top().text == text {
		return f.top().ranked
	}
	q := ParseQuery(text)
	if q.Empty() {
		// Nothing to keep: every contact, in order.
		return f.order
	}
	cand := f.order
	if len(f.steps) > 0 && q.Narrows(f.top().query) {
		cand = f.top().matched
	}
	st := typedStep{text: text, query: q, unranked: !q.Ranked()}
	if st.unranked {
		st.matched, _ = f.x.filter(&q, cand, f.take(), nil)
		st.ranked = st.matched
	} else {
		st.matched, st.ranked = f.x.filter(&q, cand, f.take(), f.take())
	}
	f.steps = append(f.steps, st)
	f.trim()
	return st.ranked
}

func (f *TypedFilter) top() *typedStep { return &f.steps[len(f.steps)-1] }

// take is a slice to fill, from the spares if there are any.
func (f *TypedFilter) take() []int {
	if n := len(f.spare); n > 0 {
		s := f.spare[n-1]
		f.spare = f.spare[:n-1]
		return s[:0]
	}
	return nil
}

// drop forgets step i, keeping its slices for reuse.
func (f *TypedFilter) drop(i int) {
	st := f.steps[i]
	f.spare = append(f.spare, st.matched[:0])
	if !st.unranked {
		f.spare = append(f.spare, st.ranked[:0])
	}
	f.steps = append(f.steps[:i], f.steps[i+1:]...)
}

// trim drops the oldest steps while the kept hits pass maxKeptHits lists:
// backspace past them searches again, and gives the same result.
func (f *TypedFilter) trim() {
	kept := 0
	for i := range f.steps {
		kept += f.steps[i].kept()
	}
	for len(f.steps) > 1 && kept > maxKeptHits*max(len(f.order), 1) {
		kept -= f.steps[0].kept()
		f.drop(0)
	}
	// Spares beyond a few are garbage: they were needed only for steps
	// now gone.
	if len(f.spare) > 4 {
		clear(f.spare[4:])
		f.spare = f.spare[:4]
	}
}
