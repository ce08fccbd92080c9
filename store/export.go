package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// ExportFormat names the JSON document `parley export` writes (see
// package exchange).
const ExportFormat = "parley-notebook"

// Notebook is the whole notebook in memory, records in ID order: what the
// first screen and `parley next` read. `parley export` streams instead
// (Walk), so its memory does not grow with the notebook.
type Notebook struct {
	Format     string            `json:"format"`
	Schema     int               `json:"schema"`
	Contacts   []model.Contact   `json:"contacts"`
	Interviews []model.Interview `json:"interviews"`
	// Interactions are every contact's timeline entries, in ID order.
	Interactions []model.Interaction `json:"interactions"`
}

// Snapshot reads the whole notebook in one transaction, every note and
// message included; the first screen wants Overview.
func (s *Store) Snapshot() (Notebook, error) {
	nb := Notebook{
		Format:       ExportFormat,
		Schema:       SchemaVersion(),
		Contacts:     []model.Contact{},
		Interviews:   []model.Interview{},
		Interactions: []model.Interaction{},
	}
	err := guard(func() error {
		return s.view(func(tx *bolt.Tx) error {
			err := forEach(tx.Bucket(bucketContacts), func(c model.Contact) error {
				nb.Contacts = append(nb.Contacts, c)
				return nil
			})
			if err != nil {
				return err
			}
			err = forEach(tx.Bucket(bucketInterviews), func(h interviewHeader) error {
				iv, err := whole(tx, h, true)
				if err != nil {
					return err
				}
				nb.Interviews = append(nb.Interviews, iv)
				return nil
			})
			if err != nil {
				return err
			}
			err = forEach(tx.Bucket(bucketInteractions), func(it model.Interaction) error {
				nb.Interactions = append(nb.Interactions, it)
				return nil
			})
			if err != nil {
				return err
			}
			return withTexts(tx, nb.Interactions)
		})
	})
	if err != nil {
		return nb, fmt.Errorf("read notebook: %w", err)
	}
	return nb, nil
}

// Verify reads every record in the notebook and reports the first one that
// is damaged, naming it. It writes nothing; a command that writes without
// reading the rest (parley add) runs it first, so it never builds on a
// damaged notebook.
func (s *Store) Verify() error {
	err := guard(func() error {
		return s.view(func(tx *bolt.Tx) error {
			if err := forEach(tx.Bucket(bucketContacts), func(model.Contact) error { return nil }); err != nil {
				return err
			}
			if err := forEach(tx.Bucket(bucketInterviews), func(interviewHeader) error { return nil }); err != nil {
				return err
			}
			if err := verifyInterviewParts(tx); err != nil {
				return err
			}
			if err := forEach(tx.Bucket(bucketInteractions), func(model.Interaction) error { return nil }); err != nil {
				return err
			}
			return forEach(tx.Bucket(bucketTemplates), func(storedTemplate) error { return nil })
		})
	})
	if err != nil {
		return fmt.Errorf("read notebook: %w", err)
	}
	return nil
}
