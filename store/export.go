package store

import (
	"encoding/json"
	"fmt"
	"io"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// ExportFormat names the JSON document that Export writes.
const ExportFormat = "parley-notebook"

// Notebook is the whole notebook as one document: what `parley export`
// writes, and what an import reads back. Records are in ID order, so the
// same notebook always exports to the same bytes.
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
	err := s.db.View(func(tx *bolt.Tx) error {
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
		withTexts(tx, nb.Interactions)
		return err
	})
	if err != nil {
		return nb, fmt.Errorf("read notebook: %w", err)
	}
	return nb, nil
}

// Export writes the whole notebook to w as indented JSON.
func (s *Store) Export(w io.Writer) error {
	nb, err := s.Snapshot()
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(nb); err != nil {
		return fmt.Errorf("write export: %w", err)
	}
	return nil
}
