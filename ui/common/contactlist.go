package common

import (
	"parley/model"
)

// ContactListData is the contact list built from one read of the
// notebook: the contacts sorted, each one's next step, the search index
// and the stage counts. Building it reads every contact, so it is done in
// a command, once per read; the root builds the default one (sorted by
// name, nothing hidden) after each read, so the list opens at once.
//
// It is shared read-only, but its Index is not safe for concurrent use:
// only Update may filter with it.
type ContactListData struct {
	// Contacts point into the notebook's summary the list was built from:
	// a copy of every contact would hold 3 MB more at 10,000 contacts.
	Contacts []*model.Contact
	Next     []model.Step // by position in Contacts
	Index    *model.SearchIndex
	Order    []int // every position, in order
	Counts   []model.StageCount
}

// BuildContactList leaves out the contacts in gone, works out each one's
// next step at the read's time, sorts them by key and indexes them. The
// index is built in sort order, so a filter pass reads it from start to
// end (at 10,000 contacts reading it in another order cost more than the
// matching itself: cache misses), and ties in the ranking fall back to
// position, which is then the chosen sort.
func BuildContactList(nb Notebook, gone map[uint64]bool, key model.SortKey) *ContactListData {
	now, st := nb.Now, nb.Settings
	cs := make([]*model.Contact, 0, len(nb.Contacts))
	next := make([]model.Step, 0, len(nb.Contacts))
	for i := range nb.Contacts {
		c := &nb.Contacts[i]
		if gone[c.ID] {
			continue
		}
		var f model.ActivityFacts
		if i < len(nb.Facts) {
			f = nb.Facts[i]
		}
		cs = append(cs, c)
		next = append(next, model.NextStep(now, *c, f.At(now), st))
	}
	d := &ContactListData{Contacts: make([]*model.Contact, len(cs)), Next: make([]model.Step, len(cs))}
	for i, p := range model.SortOrderOf(cs, key, next) {
		d.Contacts[i], d.Next[i] = cs[p], next[p]
	}
	d.Index = model.NewSearchIndexOf(d.Contacts)
	d.Order = d.Index.All(nil)
	for _, s := range model.Stages() {
		d.Counts = append(d.Counts, model.StageCount{Stage: s})
	}
	for _, c := range d.Contacts {
		if o := c.CurrentStage().Order(); o < len(d.Counts) {
			d.Counts[o].Count++
		}
	}
	return d
}
