package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// SortKey is an order for the contact list.
type SortKey int

// List orders. The zero value sorts by name, the natural order of an
// address book.
const (
	SortByName SortKey = iota
	SortByStage
	SortByNext
)

func (k SortKey) String() string {
	switch k {
	case SortByStage:
		return "stage"
	case SortByNext:
		return "next date"
	}
	return "name"
}

// Sort orders the positions in order by key. For SortByNext, next holds
// each contact's next step by position (as NextStep gives it); undated
// steps and contacts with nothing to do sort last, so the most pressing
// dates lead. Ties fall back to the name, then the ID, so the order is the
// same on every render.
func (x *SearchIndex) Sort(order []int, key SortKey, next []Step) {
	byName := func(a, b int) int {
		ra, rb := &x.rows[a], &x.rows[b]
		if c := strings.Compare(ra.name, rb.name); c != 0 {
			return c
		}
		return cmp.Compare(ra.id, rb.id)
	}
	switch key {
	case SortByStage:
		slices.SortFunc(order, func(a, b int) int {
			if c := cmp.Compare(x.rows[a].stage.Order(), x.rows[b].stage.Order()); c != 0 {
				return c
			}
			return byName(a, b)
		})
	case SortByNext:
		slices.SortFunc(order, func(a, b int) int {
			da, db := dueOf(next, a), dueOf(next, b)
			switch {
			case da.IsZero() != db.IsZero():
				if da.IsZero() {
					return 1
				}
				return -1
			case !da.Equal(db):
				return da.Compare(db)
			}
			return byName(a, b)
		})
	default:
		slices.SortFunc(order, byName)
	}
}

// SortOrder is the positions of contacts in the order Sort gives an index
// of them, without indexing their text: sort first, then index the
// contacts in that order once.
func SortOrder(contacts []Contact, key SortKey, next []Step) []int {
	ptrs := make([]*Contact, len(contacts))
	for i := range contacts {
		ptrs[i] = &contacts[i]
	}
	return SortOrderOf(ptrs, key, next)
}

// SortOrderOf is SortOrder for contacts held elsewhere.
func SortOrderOf(contacts []*Contact, key SortKey, next []Step) []int {
	x := &SearchIndex{rows: make([]searchRow, len(contacts))}
	for i, c := range contacts {
		x.rows[i] = searchRow{id: c.ID, name: fold(strings.TrimSpace(c.Name)), stage: c.CurrentStage()}
	}
	order := x.All(nil)
	x.Sort(order, key, next)
	return order
}

// dueOf is the due date of position i's next step, zero if unknown.
func dueOf(next []Step, i int) time.Time {
	if i < len(next) {
		return next[i].Due
	}
	return time.Time{}
}
