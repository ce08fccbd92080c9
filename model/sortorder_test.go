package model

import (
	"slices"
	"testing"
	"time"
)

// SortOrder sorts as an index of the same contacts does.
func TestSortOrderIsTheIndexOrder(t *testing.T) {
	now := time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC)
	var cs []Contact
	var next []Step
	for i, name := range []string{"Zoë", " ana", "Émile", "bo", "Ana", "zoe"} {
		cs = append(cs, Contact{ID: uint64(10 - i), Name: name, Stage: Stages()[i%len(Stages())]})
		next = append(next, Step{Due: now.AddDate(0, 0, (i*5)%4)})
	}
	for _, key := range []SortKey{SortByName, SortByStage, SortByNext} {
		x := NewSearchIndex(cs)
		want := x.All(nil)
		x.Sort(want, key, next)
		if got := SortOrder(cs, key, next); !slices.Equal(got, want) {
			t.Errorf("%s: SortOrder = %v, index order %v", key, got, want)
		}
	}
}
