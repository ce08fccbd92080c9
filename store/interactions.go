package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// keyDueRules holds the user's due-date rules in bucketSettings.
var keyDueRules = []byte("due-rules")

// AddInteraction logs it on its contact's timeline, giving it an ID, and
// returns it as saved. When advance is true and its kind moves the
// pipeline, the contact is moved forward (never back) in the same
// transaction, so the timeline and the stage never disagree after a crash.
func (s *Store) AddInteraction(it model.Interaction, advance bool) (model.Interaction, error) {
	if msg := it.Validate(); msg != "" {
		return it, fmt.Errorf("log interaction: %s", msg)
	}
	asked := interactionRecord{Entry: it, Advance: advance}
	err := s.update(func(tx *bolt.Tx) error {
		contacts := tx.Bucket(bucketContacts)
		var c model.Contact
		if err := get(contacts, it.ContactID, &c); err != nil {
			return fmt.Errorf("its contact %d: %w", it.ContactID, err)
		}
		b := tx.Bucket(bucketInteractions)
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		it.ID = id
		if err := putInteraction(tx, it); err != nil {
			return err
		}
		if advance && it.Apply(&c) {
			s.touch(&c)
			return putContact(tx, c)
		}
		return nil
	})
	if err != nil {
		s.keepFailed(RescueInteraction, asked, err)
		return it, fmt.Errorf("log %s: %w", it.Kind, err)
	}
	return it, nil
}

// Interactions returns a contact's timeline, oldest first. It reads only
// that contact's entries, through the index.
func (s *Store) Interactions(contactID uint64) ([]model.Interaction, error) {
	var out []model.Interaction
	err := s.view(func(tx *bolt.Tx) error {
		for _, id := range indexed(tx.Bucket(bucketContactInteractions), contactID) {
			it, err := readInteraction(tx, id, true)
			if err != nil {
				return fmt.Errorf("entry %d: %w", id, err)
			}
			out = append(out, it)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read timeline of contact %d: %w", contactID, err)
	}
	model.SortTimeline(out)
	return out, nil
}

// AllInteractions returns every contact's timeline entries with their
// texts, oldest first. The first screen's due dates need no texts: see
// Overview.
func (s *Store) AllInteractions() ([]model.Interaction, error) {
	var out []model.Interaction
	err := s.view(func(tx *bolt.Tx) error {
		err := forEach(tx.Bucket(bucketInteractions), func(it model.Interaction) error {
			out = append(out, it)
			return nil
		})
		if err != nil {
			return err
		}
		return withTexts(tx, out)
	})
	if err != nil {
		return nil, fmt.Errorf("read timelines: %w", err)
	}
	model.SortTimeline(out)
	return out, nil
}

// DeleteInteraction removes one timeline entry, or returns ErrNotFound. The
// contact's stage is left as it is: the user may have moved it by hand
// since, and guessing the stage before would be wrong as often as right.
func (s *Store) DeleteInteraction(id uint64) error {
	err := s.update(func(tx *bolt.Tx) error {
		it, err := readInteraction(tx, id, false)
		if err != nil {
			return err
		}
		return deleteInteraction(tx, it)
	})
	if err != nil {
		return fmt.Errorf("delete interaction %d: %w", id, err)
	}
	return nil
}

// Settings returns the user's due-date rules, with the defaults for any
// that were never set.
func (s *Store) Settings() (model.Settings, error) {
	var st model.Settings
	if err := s.getValue(bucketSettings, keyDueRules, &st); err != nil {
		return model.Defaults(), fmt.Errorf("read settings: %w", err)
	}
	return st.Normalized(), nil
}

// PutSettings saves the user's due-date rules. Zero or negative values are
// saved as the defaults, so what is stored is what is used.
func (s *Store) PutSettings(st model.Settings) error {
	if err := s.putValue(bucketSettings, keyDueRules, st.Normalized()); err != nil {
		s.keepFailed(RescueSettings, st, err)
		return fmt.Errorf("save settings: %w", err)
	}
	return nil
}

// ScheduleInterview records an agreed meeting and returns the interview as
// saved. A new interview (ID 0) is saved with an ID; for an existing one the
// stored copy is the base, so a stale copy in the caller's hands cannot undo
// newer notes. The schedule sets the budget (unless the clock has started),
// and the contact moves forward to Scheduled, all in one transaction.
func (s *Store) ScheduleInterview(iv model.Interview, sch model.Schedule) (model.Interview, error) {
	if msg := sch.Validate(); msg != "" {
		return iv, fmt.Errorf("schedule interview: %s", msg)
	}
	asked := scheduleRecord{Interview: iv, Schedule: sch}
	err := s.update(func(tx *bolt.Tx) error {
		contacts := tx.Bucket(bucketContacts)
		var c model.Contact
		if err := get(contacts, iv.ContactID, &c); err != nil {
			return fmt.Errorf("its contact %d: %w", iv.ContactID, err)
		}
		b := tx.Bucket(bucketInterviews)
		if iv.ID == 0 {
			id, err := b.NextSequence()
			if err != nil {
				return err
			}
			iv.ID = id
		} else {
			stored, err := readInterview(tx, iv.ID)
			if err != nil {
				return fmt.Errorf("interview %d: %w", iv.ID, err)
			}
			iv = stored
		}
		iv.ApplySchedule(sch)
		bumpRev(&iv)
		if err := putInterview(tx, iv); err != nil {
			return err
		}
		if c.Advance(model.Scheduled) {
			s.touch(&c)
			return putContact(tx, c)
		}
		return nil
	})
	if err != nil {
		s.keepFailed(RescueSchedule, asked, err)
		return iv, fmt.Errorf("schedule interview: %w", err)
	}
	return iv, nil
}

// touch marks a contact changed now, as the store changes it on its own
// (a stage moved by a logged entry or a schedule): the time is when the
// record changed, not the date an entry was given, which may be in the
// past, so that merging notebooks (newest change wins) sees the move. It
// never goes back.
func (s *Store) touch(c *model.Contact) {
	if now := s.now().UTC(); now.After(c.Updated) {
		c.Updated = now
	}
}
