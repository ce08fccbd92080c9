package model_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"parley/model"
	"parley/model/sample"
)

// referenceFilter is the filter as its rules say, the slow way: every
// contact's fields folded afresh and scanned byte by byte, no index, no
// masks, no kept results.
func referenceFilter(cs []model.Contact, text string) []int {
	q := model.ParseQuery(text)
	type hit struct{ i, score int }
	var hits []hit
	for i, c := range cs {
		if s, ok := referenceMatch(q, c); ok {
			hits = append(hits, hit{i, min(max(s, 0), 0xffff)})
		}
	}
	if q.Ranked() {
		slices.SortStableFunc(hits, func(a, b hit) int { return b.score - a.score })
	}
	out := []int{}
	for _, h := range hits {
		out = append(out, h.i)
	}
	return out
}

func referenceMatch(q model.Query, c model.Contact) (int, bool) {
	name, org := model.Fold(strings.TrimSpace(c.Name)), model.Fold(strings.TrimSpace(c.Organisation))
	role, tag := model.Fold(strings.TrimSpace(c.Role)), model.Fold(strings.Join(c.Tags, "\x00"))
	notes := model.Fold(c.Notes)
	if q.StageTerms() > 0 && !slices.Contains(q.Stages, c.CurrentStage()) {
		return 0, false
	}
	for _, t := range q.Tags {
		if !model.HasTagPrefix(tag, t) {
			return 0, false
		}
	}
	score := 0
	for _, w := range q.Words {
		best, found := 0, false
		for k, f := range []string{name, org, role, tag} {
			s, ok := model.ScanFuzzy(w, f)
			if !ok {
				continue
			}
			if k == 0 {
				s += model.BonusName
			} else {
				s += model.BonusOther
			}
			if !found || s > best {
				best, found = s, true
			}
			if k == 0 && s-model.BonusName >= model.PerfectFrom(len(w)) {
				break
			}
		}
		if !found && strings.Contains(notes, w) {
			best, found = model.ScoreNotes, true
		}
		if !found {
			return 0, false
		}
		score += best
	}
	for _, terms := range []struct {
		vals  []string
		field string
	}{{q.Name, name}, {q.Org, org}, {q.Role, role}} {
		for _, t := range terms.vals {
			s, ok := model.ScanWordPrefix(t, terms.field)
			if !ok {
				return 0, false
			}
			score += s
		}
	}
	return score, true
}

// filterContacts is generated contacts (model/sample) and some made to
// reach the edges: fields past 32 and 64 bytes, punctuation, accents and
// capitals, scripts the fold leaves alone, empty fields.
func filterContacts(n int) []model.Contact {
	g := sample.New(7, time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	cs := make([]model.Contact, 0, n+8)
	for range n {
		cs = append(cs, g.Next().Contact)
	}
	cs = append(cs,
		model.Contact{Name: "Sarah O'Brien-Smith", Organisation: "Department for Science, Innovation and Technology (DSIT)",
			Role: "Senior policy adviser, regulation & standards, artificial intelligence", Tags: []string{"policy", "AI safety", "civil service"}},
		model.Contact{Name: "ZOË ÅSTRÖM", Organisation: "Co-op", Role: "10:30 stand-up lead", Tags: []string{"pol", "poLITICS"}},
		model.Contact{Name: "李小龍 Lee", Organisation: "香港 Council", Notes: "Reorganisation of the council; sarah's team.",
			Tags: []string{"香港", "-dash", "Ünion"}},
		model.Contact{Name: "  ", Organisation: "", Role: "", Tags: nil, Notes: ""},
		model.Contact{Name: "a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7 8 9", Stage: model.Thanked},
		model.Contact{Name: "Ana-Sofía Núñez", Organisation: "City Council", Role: "Councillor", Stage: model.Scheduled,
			Tags: []string{"local government", "reorg"}, Notes: "Met at the cncl hearing."},
	)
	for i := range cs {
		cs[i].ID = uint64(i + 1)
	}
	return cs
}

// filterQueries are typed a character at a time in the tests below.
var filterQueries = []string{
	"sarah", "cncl", "tag:pol", "reorg", "SARAH", "zoe", "Zoë", "astrom", "josé", "nunez",
	"org:city c", `org:"city c`, "role:senior p", "name:sar", "stage:sched sarah", "stage:t", "stage:zzz a",
	"o'brien", "co-op", "10:30", "sarah smith", "tag:pol tag:civ", "tag:ai s", "a b c", `"a b c d"`,
	"abcdefghijklmnopqrstuvwxyz0123456789", "science innovation technology", "council", "lee", "李", "aaaa",
	"e", "q", "9", " ", "reorganisation", "team.", "xyz", "tag:香", "tag:-d", "tag:unio", "tag:ü", "tag:ash",
}

// randomQueries are words taken from the contacts' own text (whole,
// cut, with letters dropped), which match in every way the filter has.
func randomQueries(cs []model.Contact, r *rand.Rand, n int) []string {
	var out []string
	for range n {
		c := cs[r.IntN(len(cs))]
		src := []string{c.Name, c.Organisation, c.Role, strings.Join(c.Tags, " "), c.Notes}[r.IntN(5)]
		if src == "" {
			continue
		}
		a := r.IntN(len(src))
		b := min(len(src), a+1+r.IntN(12))
		w := []byte(src[a:b])
		if r.IntN(2) == 0 && len(w) > 2 {
			k := 1 + r.IntN(len(w)-2)
			w = append(w[:k:k], w[k+1:]...) // a letter dropped: fuzzy
		}
		out = append(out, string(w))
	}
	return out
}

func TestFilterMatchesTheReference(t *testing.T) {
	cs := filterContacts(1500)
	x := model.NewSearchIndex(cs)
	order := x.All(nil)
	queries := append(slices.Clone(filterQueries), randomQueries(cs, rand.New(rand.NewPCG(1, 2)), 300)...)
	for _, typed := range queries {
		for i := 1; i <= len(typed); i++ {
			text := typed[:i]
			got := x.Filter(model.ParseQuery(text), order, nil)
			if want := referenceFilter(cs, text); !slices.Equal(got, want) {
				t.Fatalf("filter %q: %d hits, reference %d; first difference at %d", text, len(got), len(want), firstDiff(got, want))
			}
		}
	}
}

// TestFilterMatchesTheReferenceInChunks is the same check on a list long
// enough to be matched in chunks, by several cores at once, through the
// typed filter (whose narrowed candidates are chunked too).
func TestFilterMatchesTheReferenceInChunks(t *testing.T) {
	cs := filterContacts(9000)
	x := model.NewSearchIndex(cs)
	order := x.All(nil)
	f := model.NewTypedFilter(x, order)
	for _, typed := range []string{"sarah", "cncl", "tag:pol", "reorg", "e q", "stage:t a", "co-op"} {
		for i := 1; i <= len(typed); i++ {
			text := typed[:i]
			want := referenceFilter(cs, text)
			if got := x.Filter(model.ParseQuery(text), order, nil); !slices.Equal(got, want) {
				t.Fatalf("filter %q: %d hits, reference %d; first difference at %d", text, len(got), len(want), firstDiff(got, want))
			}
			if got := f.Filter(text); !slices.Equal(got, want) {
				t.Fatalf("typed %q: %d hits, reference %d; first difference at %d", text, len(got), len(want), firstDiff(got, want))
			}
		}
	}
}

func firstDiff(a, b []int) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestTypedFilterIsFilter types, deletes, pastes and edits in the middle,
// and checks every result against a filter from scratch.
func TestTypedFilterIsFilter(t *testing.T) {
	cs := filterContacts(2000)
	x := model.NewSearchIndex(cs)
	order := x.All(nil)
	x.Sort(order, model.SortByStage, nil) // ties keep this order, not the index's
	f := model.NewTypedFilter(x, order)
	check := func(text string) {
		t.Helper()
		got := slices.Clone(f.Filter(text))
		want := x.Filter(model.ParseQuery(text), order, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("typed %q: %d hits, from scratch %d; first difference at %d", text, len(got), len(want), firstDiff(got, want))
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	queries := append(slices.Clone(filterQueries), randomQueries(cs, r, 150)...)
	for _, typed := range queries {
		for i := 1; i <= len(typed); i++ { // typed a key at a time
			check(typed[:i])
		}
		for i := len(typed) - 1; i >= 0; i-- { // backspace to nothing
			check(typed[:i])
		}
		check(typed) // pasted whole
		if len(typed) > 2 {
			k := r.IntN(len(typed) - 1)
			check(typed[:k] + "x" + typed[k:]) // a key typed in the middle
			check(typed[:k] + typed[k+1:])     // one deleted there
			check(typed + " tag:pol")          // a term added
		}
		check("")
	}
}

func TestTypedFilterKeepsBoundedResults(t *testing.T) {
	cs := filterContacts(300)
	x := model.NewSearchIndex(cs)
	order := x.All(nil)
	f := model.NewTypedFilter(x, order)
	text := "a" + strings.Repeat(" ", 40) // every key keeps a full list
	for i := 1; i <= len(text); i++ {
		f.Filter(text[:i])
	}
	for i := len(text); i >= 0; i-- {
		if got, want := f.Filter(text[:i]), x.Filter(model.ParseQuery(text[:i]), order, nil); !reflect.DeepEqual(slices.Clone(got), want) && len(want) > 0 {
			t.Fatalf("%q after trimming: differs", text[:i])
		}
	}
	if got := fmt.Sprint(model.TypedFilterKept(f)); model.TypedFilterKept(f) > 4*len(order)+len(order) {
		t.Errorf("kept %s positions for %d contacts", got, len(order))
	}
}
