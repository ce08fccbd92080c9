package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// NewContact is one contact to add with AddContacts, with its interviews
// and timeline. Their IDs are given by the store.
type NewContact struct {
	Contact model.Contact
	// ReferredByEarlier, when not 0, is 1 + the index in the same batch of
	// the contact who referred this one (whose ID is not known before the
	// batch is saved); it overrides Contact.ReferredBy.
	ReferredByEarlier int
	Interviews        []model.Interview
	Interactions      []model.Interaction
}

// AddContacts adds new contacts with their interviews and timelines in one
// transaction — all or none — and returns their IDs in order. It is for
// filling a notebook in bulk (parley demo): one commit per batch instead of
// one per record.
func (s *Store) AddContacts(batch []NewContact) ([]uint64, error) {
	ids := make([]uint64, 0, len(batch))
	err := s.update(func(tx *bolt.Tx) error {
		// Keys only grow, so pages can be filled: a smaller file, fewer splits.
		for _, name := range [][]byte{bucketContacts, bucketInterviews, bucketInterviewNotes,
			bucketInteractions, bucketInteractionTexts, bucketContactInterviews, bucketContactInteractions, bucketContactSummaries} {
			tx.Bucket(name).FillPercent = 0.95
		}
		for i, nc := range batch {
			id, err := addContact(tx, nc, ids)
			if err != nil {
				return fmt.Errorf("contact %d of the batch (%q): %w", i+1, nc.Contact.Name, err)
			}
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("add contacts: %w", err)
	}
	return ids, nil
}

// addContact saves nc in tx; earlier are the IDs of the batch's contacts
// saved before it.
func addContact(tx *bolt.Tx, nc NewContact, earlier []uint64) (uint64, error) {
	c := nc.Contact
	contacts := tx.Bucket(bucketContacts)
	if r := nc.ReferredByEarlier; r != 0 {
		if r < 0 || r > len(earlier) {
			return 0, fmt.Errorf("referred by contact %d of the batch, which is not an earlier one", r)
		}
		c.ReferredBy = earlier[r-1]
	}
	id, err := contacts.NextSequence()
	if err != nil {
		return 0, err
	}
	c.ID = id
	if msg := c.Validate(); msg != "" {
		return 0, fmt.Errorf("%s", msg)
	}
	if c.ReferredBy != 0 && contacts.Get(itob(c.ReferredBy)) == nil {
		return 0, fmt.Errorf("the contact who referred them (%d): %w", c.ReferredBy, ErrNotFound)
	}
	// The summary is written once, after the contact's records.
	if err := put(contacts, c.ID, c); err != nil {
		return 0, err
	}
	ivs := make([]model.Interview, 0, len(nc.Interviews))
	for _, iv := range nc.Interviews {
		if iv.ID, err = tx.Bucket(bucketInterviews).NextSequence(); err != nil {
			return 0, err
		}
		iv.ContactID = c.ID
		if _, err := putInterviewParts(tx, iv); err != nil {
			return 0, err
		}
		ivs = append(ivs, iv)
	}
	its := make([]model.Interaction, 0, len(nc.Interactions))
	for _, it := range nc.Interactions {
		it.ContactID = c.ID
		if msg := it.Validate(); msg != "" {
			return 0, fmt.Errorf("timeline: %s", msg)
		}
		if it.ID, err = tx.Bucket(bucketInteractions).NextSequence(); err != nil {
			return 0, err
		}
		if err := putInteractionParts(tx, it); err != nil {
			return 0, err
		}
		its = append(its, it)
	}
	// Summarised from the records in hand, as refreshSummary would from
	// the stored ones: a new contact has no others.
	facts := model.SummarizeFacts(ivs, its)[c.ID]
	return c.ID, putRaw(tx, bucketContactSummaries, itob(c.ID), encodeSummary(nil, c, facts))
}
