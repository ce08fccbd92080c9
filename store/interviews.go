package store

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"parley/model"
	"parley/questions"
)

// ErrConflict is a save of an interview that was changed by someone else
// since the copy being saved was read: its Rev is not the stored one. The
// save is refused, so the caller still holds its text and can tell the user.
var ErrConflict = errors.New("this interview was changed elsewhere")

// Interviews returns a contact's interviews, oldest first, notes included.
// It reads only that contact's records, through the index.
func (s *Store) Interviews(contactID uint64) ([]model.Interview, error) {
	return s.contactInterviews(contactID, true)
}

// InterviewsWithoutNotes returns a contact's interviews with their
// checklists but not their notes (Notes is nil), oldest first, through the
// index: what a contact page lists.
func (s *Store) InterviewsWithoutNotes(contactID uint64) ([]model.Interview, error) {
	return s.contactInterviews(contactID, false)
}

func (s *Store) contactInterviews(contactID uint64, withNotes bool) ([]model.Interview, error) {
	var out []model.Interview
	err := s.view(func(tx *bolt.Tx) error {
		for _, id := range indexed(tx.Bucket(bucketContactInterviews), contactID) {
			h, err := readInterviewHeader(tx, id)
			if err != nil {
				return fmt.Errorf("interview %d: %w", id, err)
			}
			iv, err := whole(tx, h, withNotes)
			if err != nil {
				return err
			}
			out = append(out, iv)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read interviews of contact %d: %w", contactID, err)
	}
	return out, nil
}

// Interview returns one interview, notes included, or ErrNotFound.
func (s *Store) Interview(id uint64) (model.Interview, error) {
	var iv model.Interview
	err := s.view(func(tx *bolt.Tx) (err error) {
		iv, err = readInterview(tx, id)
		return err
	})
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
// Notes and checklist are saved with the rest in one transaction; what a
// header read leaves out is kept as stored: a nil Notes keeps the notes, a
// nil Questions and Closing the checklist.
func (s *Store) PutInterview(iv model.Interview) (model.Interview, error) {
	asked := iv
	err := s.update(func(tx *bolt.Tx) error {
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
				return fmt.Errorf("interview %d: %w", iv.ID, err) // deleted elsewhere, say
			}
			if stored.Rev != iv.Rev {
				return fmt.Errorf("interview %d: %w", iv.ID, ErrConflict)
			}
		}
		bumpRev(&iv)
		return putInterview(tx, iv)
	})
	if err != nil {
		s.keepFailed(RescueInterview, asked, err)
		return iv, fmt.Errorf("save interview: %w", err)
	}
	return iv, nil
}

// bumpRev marks a write of the interview; every write in the store goes
// through it, so Rev counts stored versions and nothing else moves it.
func bumpRev(iv *model.Interview) { iv.Rev++ }

// AllInterviews returns every interview in the notebook, oldest first, notes
// included. It decodes every note in the notebook: lists want
// InterviewHeaders, statistics QuestionStats.
func (s *Store) AllInterviews() ([]model.Interview, error) {
	var out []model.Interview
	err := s.view(func(tx *bolt.Tx) error {
		return forEach(tx.Bucket(bucketInterviews), func(h interviewHeader) error {
			iv, err := whole(tx, h, true)
			if err != nil {
				return err
			}
			out = append(out, iv)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read interviews: %w", err)
	}
	return out, nil
}

// InterviewHeaders returns every interview without its checklist or notes
// (Questions, Closing and Notes are nil), oldest first: what the agenda and
// the list need. Open an interview with Interview before showing or
// editing it; saving a header back keeps what it left out (see
// PutInterview).
func (s *Store) InterviewHeaders() ([]model.Interview, error) {
	var out []model.Interview
	err := s.view(func(tx *bolt.Tx) error {
		headers, err := decodeBucket[interviewHeader](tx.Bucket(bucketInterviews))
		out = make([]model.Interview, len(headers))
		for i, h := range headers {
			out[i] = h.Interview
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read interviews: %w", err)
	}
	return out, nil
}

// QuestionStats is questions.Stats over every interview, read from the
// statistics kept as interviews change: no checklist or note is read.
func (s *Store) QuestionStats() (map[string]questions.Stat, error) {
	var stats map[string]questions.Stat
	err := s.view(func(tx *bolt.Tx) (err error) {
		stats, err = readStats(tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read question statistics: %w", err)
	}
	return stats, nil
}

// DeleteInterview deletes one interview, its checklist and notes, and takes
// its share out of the question statistics, in one transaction. Its entries
// on the contact's timeline stay: they are the user's record of what happened.
func (s *Store) DeleteInterview(id uint64) error {
	err := s.update(func(tx *bolt.Tx) error {
		h, err := readInterviewHeader(tx, id)
		if err != nil {
			return err
		}
		return deleteInterview(tx, h.ContactID, id)
	})
	if err != nil {
		return fmt.Errorf("delete interview %d: %w", id, err)
	}
	return nil
}
