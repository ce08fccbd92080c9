package store

import (
	"bytes"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// Schema 2 keeps what lists read apart from what only one screen reads, so
// the first screen, the list and the bank's statistics decode no notes:
//
//   - interviews: each interview's header — everything but its notes
//     paragraphs (the checklist stays: it is small and the agenda and the
//     statistics need it), plus the IDs of questions with a starred note,
//     which is all the statistics need from the notes;
//   - interview-notes: each interview's notes paragraphs, under the same ID,
//     always written in the header's transaction;
//   - interactions: each timeline entry without its text (the agenda reads
//     every entry for its date and kind; a copy of a message can be long);
//   - interaction-texts: that text, under the entry's ID;
//   - contact-interviews, contact-interactions: indexes keyed by contact ID
//     then record ID (both big-endian, so one contact's keys are adjacent),
//     so a contact page and a deletion read only that contact's records.
var (
	bucketInterviewNotes      = []byte("interview-notes")
	bucketInteractionTexts    = []byte("interaction-texts")
	bucketContactInterviews   = []byte("contact-interviews")
	bucketContactInteractions = []byte("contact-interactions")
)

// layout2Buckets are the buckets schema 2 adds.
var layout2Buckets = [][]byte{bucketInterviewNotes, bucketInteractionTexts,
	bucketContactInterviews, bucketContactInteractions}

// indexKey is the key of record id in contactID's index.
func indexKey(contactID, id uint64) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k, contactID)
	binary.BigEndian.PutUint64(k[8:], id)
	return k
}

// indexed returns the IDs under contactID in index, in ID order.
func indexed(index *bolt.Bucket, contactID uint64) []uint64 {
	var ids []uint64
	prefix := itob(contactID)
	c := index.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if len(k) == 16 {
			ids = append(ids, binary.BigEndian.Uint64(k[8:]))
		}
	}
	return ids
}

// interviewHeader is what the interviews bucket keeps: the interview without
// its notes, and the questions that have a starred note under them.
type interviewHeader struct {
	model.Interview
	// Notes shadows the embedded field so a header never carries notes.
	Notes []model.Note `json:"notes,omitempty"`
	// StarredUnder lists, once each, the question IDs with a starred note.
	StarredUnder []int `json:"starred_under,omitempty"`
}

func headerOf(iv model.Interview) interviewHeader {
	h := interviewHeader{Interview: iv}
	h.Interview.Notes = nil
	seen := map[int]bool{}
	for _, n := range iv.Notes {
		if n.Starred && n.QuestionID != 0 && !seen[n.QuestionID] {
			seen[n.QuestionID] = true
			h.StarredUnder = append(h.StarredUnder, n.QuestionID)
		}
	}
	return h
}

// putInterview writes iv's header and index entry and, unless iv.Notes is
// nil, its notes, all in tx. A nil Notes keeps the stored notes: a header
// read for a list can be saved back without wiping what it never held.
func putInterview(tx *bolt.Tx, iv model.Interview) error {
	h := headerOf(iv)
	if iv.Notes == nil {
		var stored interviewHeader
		if err := get(tx.Bucket(bucketInterviews), iv.ID, &stored); err == nil {
			h.StarredUnder = stored.StarredUnder
		}
	} else if err := put(tx.Bucket(bucketInterviewNotes), iv.ID, iv.Notes); err != nil {
		return err
	}
	if err := put(tx.Bucket(bucketInterviews), iv.ID, h); err != nil {
		return err
	}
	return tx.Bucket(bucketContactInterviews).Put(indexKey(iv.ContactID, iv.ID), nil)
}

// readInterview reads interview id whole: header and notes.
func readInterview(tx *bolt.Tx, id uint64) (model.Interview, error) {
	h, err := readInterviewHeader(tx, id)
	if err != nil {
		return model.Interview{}, err
	}
	return withNotes(tx, h)
}

// withNotes is the interview h heads, its notes read from tx.
func withNotes(tx *bolt.Tx, h interviewHeader) (model.Interview, error) {
	iv := h.Interview
	if err := get(tx.Bucket(bucketInterviewNotes), iv.ID, &iv.Notes); err != nil && err != ErrNotFound {
		return iv, fmt.Errorf("%w: notes of interview %d: %v", ErrDamaged, iv.ID, err)
	}
	return iv, nil
}

// readInterviewHeader reads interview id without its notes.
func readInterviewHeader(tx *bolt.Tx, id uint64) (interviewHeader, error) {
	var h interviewHeader
	err := get(tx.Bucket(bucketInterviews), id, &h)
	return h, err
}

// putInteraction writes a timeline entry, its text and its index entry.
func putInteraction(tx *bolt.Tx, it model.Interaction) error {
	text := it.Text
	it.Text = ""
	if err := put(tx.Bucket(bucketInteractions), it.ID, it); err != nil {
		return err
	}
	if text != "" {
		if err := tx.Bucket(bucketInteractionTexts).Put(itob(it.ID), []byte(text)); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketContactInteractions).Put(indexKey(it.ContactID, it.ID), nil)
}

// readInteraction reads one timeline entry, with its text if withText.
func readInteraction(tx *bolt.Tx, id uint64, withText bool) (model.Interaction, error) {
	var it model.Interaction
	if err := get(tx.Bucket(bucketInteractions), id, &it); err != nil {
		return it, err
	}
	if withText {
		// Copied: bbolt's slice dies with the transaction.
		it.Text = string(tx.Bucket(bucketInteractionTexts).Get(itob(id)))
	}
	return it, nil
}

// withTexts fills in the text of each entry of its from tx.
func withTexts(tx *bolt.Tx, its []model.Interaction) {
	texts := tx.Bucket(bucketInteractionTexts)
	for i := range its {
		its[i].Text = string(texts.Get(itob(its[i].ID)))
	}
}

// deleteInteraction removes a timeline entry with its text and index entry.
func deleteInteraction(tx *bolt.Tx, it model.Interaction) error {
	if err := tx.Bucket(bucketInteractionTexts).Delete(itob(it.ID)); err != nil {
		return err
	}
	if err := tx.Bucket(bucketContactInteractions).Delete(indexKey(it.ContactID, it.ID)); err != nil {
		return err
	}
	return tx.Bucket(bucketInteractions).Delete(itob(it.ID))
}

// deleteContactRecords removes every interview and timeline entry of a
// contact, found through the indexes.
func deleteContactRecords(tx *bolt.Tx, contactID uint64) error {
	for _, id := range indexed(tx.Bucket(bucketContactInterviews), contactID) {
		for _, b := range [][]byte{bucketInterviews, bucketInterviewNotes} {
			if err := tx.Bucket(b).Delete(itob(id)); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bucketContactInterviews).Delete(indexKey(contactID, id)); err != nil {
			return err
		}
	}
	for _, id := range indexed(tx.Bucket(bucketContactInteractions), contactID) {
		if err := deleteInteraction(tx, model.Interaction{ID: id, ContactID: contactID}); err != nil {
			return err
		}
	}
	return nil
}
