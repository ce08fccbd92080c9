package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// Overview is what the first screen and the contact list compute from:
// every contact, every interview without its notes, and every timeline
// entry without its text. It decodes no notes and no message copies, so
// its cost follows the number of records, not how much was written.
type Overview struct {
	Contacts []model.Contact
	// Interviews are headers: their Questions, Closing and Notes are nil
	// (see InterviewHeaders).
	Interviews []model.Interview
	// Interactions have empty Text, in ID order.
	Interactions []model.Interaction
	Settings     model.Settings
}

// Overview reads the notebook's overview in one transaction, so the three
// lists agree with each other.
func (s *Store) Overview() (Overview, error) {
	var ov Overview
	err := guard(func() error {
		return s.view(func(tx *bolt.Tx) error {
			ov = Overview{}
			var err error
			if ov.Contacts, err = decodeBucket[model.Contact](tx.Bucket(bucketContacts)); err != nil {
				return err
			}
			headers, err := decodeBucket[interviewHeader](tx.Bucket(bucketInterviews))
			if err != nil {
				return err
			}
			ov.Interviews = make([]model.Interview, len(headers))
			for i, h := range headers {
				ov.Interviews[i] = h.Interview
			}
			if ov.Interactions, err = decodeBucket[model.Interaction](tx.Bucket(bucketInteractions)); err != nil {
				return err
			}
			ov.Settings, err = readDueRules(tx)
			return err
		})
	})
	if err != nil {
		return Overview{}, fmt.Errorf("read notebook: %w", err)
	}
	return ov, nil
}
