package model

import (
	"reflect"
	"strings"
	"testing"
)

func TestNarrows(t *testing.T) {
	for _, tc := range []struct {
		prev, cur string
		want      bool
	}{
		{"", "a", true},
		{"a", "an", true},
		{"an", "ana", true},
		{"ana", "ana r", true},
		{"ana r", "ana", false},
		{"ana", "an", false},
		{"org", "org:", false}, // a free word became an empty prefix: broader
		{"org:", "org:c", true},
		{"org:ci", "org:cit", true},
		{"tag:po", "tag:pol", true},
		{"tag:pol", "tag:po", false},
		{"stage:t", "stage:th", true},
		{"stage:th", "stage:t", false},
		{"stage:th", "stage:th ana", true},
		{"ana", "name:ana", false}, // a free word also matches org, role, tags, notes
		{`org:"city`, `org:"city c`, true},
	} {
		if got := ParseQuery(tc.cur).Narrows(ParseQuery(tc.prev)); got != tc.want {
			t.Errorf("%q narrows %q = %v, want %v", tc.cur, tc.prev, got, tc.want)
		}
	}
}

// TestNarrowedFilterIsTheSame types queries a character at a time and
// checks that filtering the previous hits gives exactly what filtering
// everything gives, ranking included.
func TestNarrowedFilterIsTheSame(t *testing.T) {
	cs := benchContacts(600)
	cs[5].Notes = "Knows the ANA conference people."
	x := NewSearchIndex(cs)
	order := x.All(nil)
	x.Sort(order, SortByName, nil)
	for _, typed := range []string{"ana ruiz", "tag:pol ana", "reorganisation", "stage:th kofi", "conference"} {
		var prev Query
		var hits []int
		for i := 1; i <= len(typed); i++ {
			q := ParseQuery(typed[:i])
			full := x.Filter(q, order, nil)
			if q.Narrows(prev) && i > 1 {
				in := map[int]bool{}
				for _, h := range hits {
					in[h] = true
				}
				var cand []int
				for _, p := range order {
					if in[p] {
						cand = append(cand, p)
					}
				}
				if got := x.Filter(q, cand, nil); !reflect.DeepEqual(got, full) {
					t.Fatalf("%q: narrowed filter differs from the full one", typed[:i])
				}
			}
			prev, hits = q, full
		}
	}
}

// TestLetterFastPath checks that a one-letter word scores from the masks
// exactly as the general matcher scores it.
func TestLetterFastPath(t *testing.T) {
	cs := append(benchContacts(200), listContacts...)
	x := NewSearchIndex(cs)
	for c := byte('a'); c <= 'z'; c++ {
		w := string(c)
		for i := range x.rows {
			r := &x.rows[i]
			fast := x.letters.score(c, i)
			okFast := fast != 0
			want, okWant := slowLetter(w, r, x.notes[i])
			if fast != want || okFast != okWant {
				t.Fatalf("%q in %q: fast %d,%v want %d,%v", w, r.name, fast, okFast, want, okWant)
			}
		}
	}
}

// slowLetter scores a one-letter word with fuzzy, field by field.
func slowLetter(w string, r *searchRow, notes string) (int, bool) {
	best, found := 0, false
	for k, f := range []string{r.name, r.org, r.role, r.tag} {
		s, ok := fuzzy(w, f)
		if !ok {
			continue
		}
		if k == 0 {
			s += bonusName
		} else {
			s += bonusOther
		}
		if !found || s > best {
			best, found = s, true
		}
	}
	if found {
		return best, true
	}
	if strings.Contains(notes, w) {
		return scoreNotes, true
	}
	return 0, false
}

// TestNotesFilterNeverRejectsASubstring checks the notes columns: every
// substring of a contact's notes (with capitals, accents, digits, spaces
// and punctuation) keeps the contact a candidate, a two-letter word is a
// candidate exactly where it is a substring, before and after an edit,
// and an edit leaves the other contacts' bits alone.
func TestNotesFilterNeverRejectsASubstring(t *testing.T) {
	notes := []string{
		fold("Moved into the field after ten years; mentors new starters. Zoë's reorganisation."),
		fold("Call at 10:30 re the O'Brien-Smith report,\ttabs\nand lines."),
		"", "a", "zz",
		fold(strings.Repeat("The quick brown fox jumps over the lazy dog 0123456789. ", 40)),
	}
	f := newNotesFilter(130) // more than two words of bits
	at := []int{0, 63, 64, 65, 128, 129}
	for k, i := range at {
		f.add(i, notes[k])
	}
	candidate := func(w string, i int) (bool, bool) {
		cols, exact := wordColumns(w, nil)
		c := f.candidates(cols, nil)
		return c[i>>6]&(1<<(i&63)) != 0, exact
	}
	checkPairs := func(i int, text string) {
		t.Helper()
		for a := byte('a'); a <= 'z'; a++ {
			for b := byte('a'); b <= 'z'; b++ {
				w := string([]byte{a, b})
				if got, exact := candidate(w, i); !exact || got != strings.Contains(text, w) {
					t.Fatalf("%q at %d: candidate %v (exact %v), substring %v", w, i, got, exact, strings.Contains(text, w))
				}
			}
		}
	}
	for k, i := range at {
		text := notes[k]
		for a := 0; a < len(text); a++ {
			for b := a + 1; b <= len(text) && b <= a+24; b++ {
				if ok, _ := candidate(text[a:b], i); !ok {
					t.Fatalf("notes at %d: %q, a substring, is rejected", i, text[a:b])
				}
			}
		}
		checkPairs(i, text)
	}
	if ok, _ := candidate("xylophone", at[0]); ok {
		t.Error("a word far from the notes is a candidate (possible, but unlikely enough to flag)")
	}
	f.set(at[1], "xylophone")
	checkPairs(at[1], "xylophone")
	for k, i := range at {
		if i != at[1] {
			checkPairs(i, notes[k])
		}
	}
}
