package store

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"parley/model"
	"parley/questions"
)

// errStale aborts the transaction of a save that a newer one overtook.
var errStale = errors.New("stale interview revision")

// Interviews returns a contact's interviews, oldest first, notes included.
// It reads only that contact's records, through the index.
func (s *Store) Interviews(contactID uint64) ([]model.Interview, error) {
	var out []model.Interview
	err := s.db.View(func(tx *bolt.Tx) error {
		for _, id := range indexed(tx.Bucket(bucketContactInterviews), contactID) {
			iv, err := readInterview(tx, id)
			if err != nil {
				return fmt.Errorf("interview %d: %w", id, err)
			}
			out = append(out, iv)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read interviews: %w", err)
	}
	return out, nil
}

// ContactInterviewHeaders returns a contact's interviews without their
// notes (Notes is nil), oldest first, through the index.
func (s *Store) ContactInterviewHeaders(contactID uint64) ([]model.Interview, error) {
	var out []model.Interview
	err := s.db.View(func(tx *bolt.Tx) error {
		for _, id := range indexed(tx.Bucket(bucketContactInterviews), contactID) {
			h, err := readInterviewHeader(tx, id)
			if err != nil {
				return fmt.Errorf("interview %d: %w", id, err)
			}
			out = append(out, h.Interview)
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
	err := s.db.View(func(tx *bolt.Tx) (err error) {
		iv, err = readInterview(tx, id)
		return err
	})
	if err != nil {
		return iv, fmt.Errorf("read interview %d: %w", id, err)
	}
	return iv, nil
}

// PutInterview saves an interview, giving it an ID if it has none, and
// returns it as saved. Saves may finish out of order; one whose Rev is older
// than the stored copy's is dropped, so a stale snapshot never overwrites
// newer notes. Notes are saved with the rest in one transaction; an
// interview whose Notes is nil (as the header reads return them) keeps the
// notes already stored.
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
		return putInterview(tx, iv)
	})
	if err == errStale {
		return iv, nil
	}
	if err != nil {
		return iv, fmt.Errorf("save interview: %w", err)
	}
	return iv, nil
}

// AllInterviews returns every interview in the notebook, oldest first, notes
// included. It decodes every note in the notebook: lists want
// InterviewHeaders, statistics QuestionStats.
func (s *Store) AllInterviews() ([]model.Interview, error) {
	var out []model.Interview
	err := s.db.View(func(tx *bolt.Tx) error {
		return forEach(tx.Bucket(bucketInterviews), func(h interviewHeader) error {
			iv, err := withNotes(tx, h)
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

// InterviewHeaders returns every interview without its notes (Notes is
// nil), oldest first: what the agenda and the list need. Open an interview
// with Interview before showing or editing its notes.
func (s *Store) InterviewHeaders() ([]model.Interview, error) {
	var out []model.Interview
	err := s.db.View(func(tx *bolt.Tx) error {
		return forEach(tx.Bucket(bucketInterviews), func(h interviewHeader) error {
			out = append(out, h.Interview)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read interviews: %w", err)
	}
	return out, nil
}

// QuestionStats counts, across every interview, how often each question was
// planned, asked and starred (see questions.Stats), reading no notes: each
// header keeps the questions that have a starred note under them.
func (s *Store) QuestionStats() (map[string]questions.Stat, error) {
	var ivs []model.Interview
	err := s.db.View(func(tx *bolt.Tx) error {
		return forEach(tx.Bucket(bucketInterviews), func(h interviewHeader) error {
			iv := h.Interview
			// One starred note per question is all Stats looks at.
			for _, q := range h.StarredUnder {
				iv.Notes = append(iv.Notes, model.Note{QuestionID: q, Starred: true})
			}
			ivs = append(ivs, iv)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read question statistics: %w", err)
	}
	return questions.Stats(ivs), nil
}
