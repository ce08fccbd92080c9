package store

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// errStale aborts the transaction of a save that a newer one overtook.
var errStale = errors.New("stale interview revision")

// Interviews returns a contact's interviews, oldest first.
func (s *Store) Interviews(contactID uint64) ([]model.Interview, error) {
	var out []model.Interview
	err := s.db.View(func(tx *bolt.Tx) error {
		return forEach(tx.Bucket(bucketInterviews), func(iv model.Interview) error {
			if iv.ContactID == contactID {
				out = append(out, iv)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read interviews: %w", err)
	}
	return out, nil
}

// Interview returns one interview, or ErrNotFound.
func (s *Store) Interview(id uint64) (model.Interview, error) {
	var iv model.Interview
	err := s.db.View(func(tx *bolt.Tx) error { return get(tx.Bucket(bucketInterviews), id, &iv) })
	if err != nil {
		return iv, fmt.Errorf("read interview %d: %w", id, err)
	}
	return iv, nil
}

// PutInterview saves an interview, giving it an ID if it has none, and
// returns it as saved. Saves may finish out of order; one whose Rev is older
// than the stored copy's is dropped, so a stale snapshot never overwrites
// newer notes.
func (s *Store) PutInterview(iv model.Interview) (model.Interview, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketContacts).Get(itob(iv.ContactID)) == nil {
			return fmt.Errorf("its contact %d: %w", iv.ContactID, ErrNotFound)
		}
		b := tx.Bucket(bucketInterviews)
		if iv.ID == 0 {
			id, err := b.NextSequence()
			if err != nil {
				return err
			}
			iv.ID = id
		} else {
			// Only the revision is decoded: notes can be long.
			var stored struct {
				Rev uint64 `json:"rev"`
			}
			if err := get(b, iv.ID, &stored); err == nil && stored.Rev > iv.Rev {
				return errStale
			}
		}
		return put(b, iv.ID, iv)
	})
	if err == errStale {
		return iv, nil
	}
	if err != nil {
		return iv, fmt.Errorf("save interview: %w", err)
	}
	return iv, nil
}

// AllInterviews returns every interview in the notebook, oldest first, for
// statistics across them (how often each question was asked and starred).
func (s *Store) AllInterviews() ([]model.Interview, error) {
	var out []model.Interview
	err := s.db.View(func(tx *bolt.Tx) error {
		return forEach(tx.Bucket(bucketInterviews), func(iv model.Interview) error {
			out = append(out, iv)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read interviews: %w", err)
	}
	return out, nil
}
