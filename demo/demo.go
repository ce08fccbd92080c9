// Package demo fills a new notebook with made-up people (see model/sample),
// for `parley demo` and for benchmarks at any size.
package demo

import (
	"fmt"
	"time"

	"parley/model/sample"
	"parley/store"
)

// BatchSize is how many contacts go into one transaction: large enough that
// commits (each one synced to disk) are few, small enough that a batch's
// records are a few megabytes.
const BatchSize = 2000

// Counts says what Fill added.
type Counts struct {
	Contacts, Interviews, Interactions int
}

// Fill adds n generated contacts, with their interviews and timelines, to
// s, BatchSize contacts per transaction. The same seed and now give the
// same notebook. On error the batches already written stay written.
func Fill(s *store.Store, n int, seed uint64, now time.Time) (Counts, error) {
	var counts Counts
	gen := sample.New(seed, now)
	ids := make([]uint64, 0, n)
	for lo := 0; lo < n; lo += BatchSize {
		hi := min(lo+BatchSize, n)
		batch := make([]store.NewContact, 0, hi-lo)
		for i := lo; i < hi; i++ {
			p := gen.Next()
			nc := store.NewContact{Contact: p.Contact, Interviews: p.Interviews, Interactions: p.Interactions}
			switch {
			case p.Referrer >= lo:
				nc.ReferredByEarlier = p.Referrer - lo + 1
			case p.Referrer >= 0:
				nc.Contact.ReferredBy = ids[p.Referrer]
			}
			counts.Interviews += len(p.Interviews)
			counts.Interactions += len(p.Interactions)
			batch = append(batch, nc)
		}
		saved, err := s.AddContacts(batch)
		if err != nil {
			return counts, fmt.Errorf("fill the demo notebook: %w", err)
		}
		ids = append(ids, saved...)
		counts.Contacts += len(saved)
	}
	return counts, nil
}
