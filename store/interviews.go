package store

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// ErrConflict is a save of an interview that was changed by someone else
// since the copy being saved was read: its Rev is not the stored one. The
// save is refused, so the caller still holds its text and can tell the user.
var ErrConflict = errors.New("this interview was changed elsewhere")

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
// returns it as saved. The store is the only place that moves Rev: a save
// must carry the Rev it read, and is stored with the next one; a save whose
// Rev is not the stored one lost a race and returns ErrConflict, leaving the
// stored interview as it was.
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
			iv.ID, iv.Rev = id, 0
		} else {
			// Only the revision is decoded: notes can be long.
			var stored struct {
				Rev uint64 `json:"rev"`
			}
			if err := get(b, iv.ID, &stored); err != nil {
				return err
			}
			if stored.Rev != iv.Rev {
				return fmt.Errorf("interview %d: %w", iv.ID, ErrConflict)
			}
		}
		bumpRev(&iv)
		return put(b, iv.ID, iv)
	})
	if err != nil {
		return iv, fmt.Errorf("save interview: %w", err)
	}
	return iv, nil
}

// bumpRev marks a write of the interview; every write in the store goes
// through it, so Rev counts stored versions and nothing else moves it.
func bumpRev(iv *model.Interview) { iv.Rev++ }

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
