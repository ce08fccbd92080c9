package model

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRankIsAStableSortByScore checks the counting sort against a stable
// comparison sort: best score first, ties in the order searched, scores
// below zero equal to zero and above maxRankScore equal to it, over more
// hits than 16 bits can number and parts of every size, empty included.
func TestRankIsAStableSortByScore(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	x := NewSearchIndex(nil)
	for _, tc := range []struct{ hits, spread int }{
		{0, 10}, {1, 10}, {7, 0}, {1000, 3}, {1000, 400}, {70000, 300}, {5000, 3 * maxRankScore},
	} {
		parts := make([]matchPart, 1+r.IntN(3))
		type hit struct{ pos, score int }
		var all []hit
		for k := range tc.hits {
			p := &parts[r.IntN(len(parts))]
			s := r.IntN(tc.spread+1) - tc.spread/8 // some below zero
			p.hits = append(p.hits, k)
			p.scores = append(p.scores, s)
			p.top = max(p.top, s)
		}
		for _, p := range parts {
			for k := range p.hits {
				all = append(all, hit{p.hits[k], p.scores[k]})
			}
		}
		clamp := func(s int) int { return min(max(s, 0), maxRankScore) }
		slices.SortStableFunc(all, func(a, b hit) int { return clamp(b.score) - clamp(a.score) })
		want := []int{}
		for _, h := range all {
			want = append(want, h.pos)
		}
		if got := x.rank(parts, nil); !slices.Equal(got, want) {
			t.Errorf("%d hits, scores to %d: ranked differently from a stable sort", tc.hits, tc.spread)
		}
	}
}
