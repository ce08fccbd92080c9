package model

import "slices"

// maxRankScore is the highest score ranking tells apart: higher scores
// rank as equal to it, and scores below zero as equal to zero.
const maxRankScore = 0xffff

// rank writes the hits of parts to ranked[:0], best score first, ties in
// the parts' order (the order the hits were searched in), and returns it.
// ranked may share memory with a slice the parts were copied to, not with
// the parts.
//
// It is a counting sort: a query's scores are small integers, bounded by
// the length of what was typed, so one pass counts each score and a second
// puts every hit in its place. That is two passes over the hits, however
// many there are, and no comparisons.
func (x *SearchIndex) rank(parts []matchPart, ranked []int) []int {
	top, n := 0, 0
	for _, p := range parts {
		top = max(top, p.top)
		n += len(p.hits)
	}
	top = min(top, maxRankScore)
	// next[b] is where the next hit of bucket b goes; bucket 0 holds the
	// best score, top.
	next := slices.Grow(x.counts[:0], top+1)[:top+1]
	clear(next)
	x.counts = next
	for _, p := range parts {
		for _, s := range p.scores {
			next[top-min(max(s, 0), top)]++
		}
	}
	at := 0
	for b, c := range next {
		next[b] = at
		at += c
	}
	ranked = slices.Grow(ranked[:0], n)[:n]
	for _, p := range parts {
		for k, s := range p.scores {
			b := top - min(max(s, 0), top)
			ranked[next[b]] = p.hits[k]
			next[b]++
		}
	}
	return ranked
}
