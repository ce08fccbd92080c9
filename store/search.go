package store

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// SearchSources streams every searchable text of the notebook to add, in
// one read transaction, so the search index agrees with itself: each
// contact's line and research notes, each interview's takeaways and notes
// paragraphs, and each timeline entry's text. The texts are copies; add
// runs inside the transaction and must not call the store.
func (s *Store) SearchSources(add func(model.SearchSource)) error {
	err := guard(func() error {
		return s.view(func(tx *bolt.Tx) error {
			if err := forEach(tx.Bucket(bucketContacts), func(c model.Contact) error {
				add(model.SearchSource{Place: model.Place{Kind: model.HitContact, ContactID: c.ID},
					Text: model.ContactSearchText(c)})
				add(model.SearchSource{Place: model.Place{Kind: model.HitResearch, ContactID: c.ID}, Text: c.Notes})
				return nil
			}); err != nil {
				return err
			}
			contactOf := map[uint64]uint64{}
			if err := forEach(tx.Bucket(bucketInterviews), func(h interviewHeader) error {
				contactOf[h.ID] = h.ContactID
				add(model.SearchSource{Place: model.Place{Kind: model.HitTakeaway, ContactID: h.ContactID,
					InterviewID: h.ID}, Text: h.WrapUp.Takeaways})
				return nil
			}); err != nil {
				return err
			}
			if err := streamNotes(tx, contactOf, add); err != nil {
				return err
			}
			return forEach(tx.Bucket(bucketInteractions), func(it model.Interaction) error {
				text, err := getRaw(tx, bucketInteractionTexts, itob(it.ID))
				if err != nil {
					return err
				}
				if len(text) > 0 {
					add(model.SearchSource{Place: model.Place{Kind: model.TimelineHitKind(it.Kind),
						ContactID: it.ContactID, EntryID: it.ID}, Text: string(text)})
				}
				return nil
			})
		})
	})
	if err != nil {
		return fmt.Errorf("read the notebook for search: %w", err)
	}
	return nil
}

// streamNotes adds every notes paragraph, keyed by its interview; notes of
// an interview with no header (which Verify reports) are left out, since
// there is no interview to open at them.
func streamNotes(tx *bolt.Tx, contactOf map[uint64]uint64, add func(model.SearchSource)) error {
	b := tx.Bucket(bucketInterviewNotes)
	if b == nil {
		return errMissingBucket
	}
	opener := openerOf(tx, bucketInterviewNotes)
	return b.ForEach(func(key, data []byte) error {
		var notes []model.Note
		data, err := opener.open(key, data)
		if err != nil {
			return err
		}
		if err := decodeRecord(key, data, &notes); err != nil {
			return err
		}
		if len(key) != 8 {
			return fmt.Errorf("%w: %s", ErrDamaged, recordName(&notes, key))
		}
		id := binary.BigEndian.Uint64(key)
		contact, ok := contactOf[id]
		if !ok {
			return nil
		}
		for i, n := range notes {
			add(model.SearchSource{Place: model.Place{Kind: model.HitNote, ContactID: contact,
				InterviewID: id, Paragraph: i}, Text: n.Text})
		}
		return nil
	})
}
